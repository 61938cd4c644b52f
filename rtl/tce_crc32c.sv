// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78) over up to 8 bytes of a beat per
// cycle, a byte at a time through a 256-entry table built at elaboration. The state is
// kept un-inverted: start from 32'hFFFFFFFF and invert to report.
module tce_crc32c (
  input  logic [31:0] crc_i,
  input  logic [63:0] data_i,
  input  logic [2:0]  first_i,  // first byte of the beat that belongs to the stream
  input  logic [3:0]  end_i,    // one past the last such byte (first_i < end_i <= 8)
  output logic [31:0] crc_o
);

  localparam logic [31:0] Poly = 32'h82F63B78;

  function automatic logic [31:0] table_entry(input int unsigned index);
    logic [31:0] c;
    c = 32'(index);
    for (int k = 0; k < 8; k++) c = c[0] ? ((c >> 1) ^ Poly) : (c >> 1);
    return c;
  endfunction

  logic [31:0] table_q [256];
  initial begin
    for (int i = 0; i < 256; i++) table_q[i] = table_entry(i);
  end

  always_comb begin
    crc_o = crc_i;
    for (int b = 0; b < 8; b++) begin
      if (b >= int'(first_i) && b < int'(end_i)) begin
        crc_o = (crc_o >> 8) ^ table_q[crc_o[7:0] ^ data_i[8*b +: 8]];
      end
    end
  end

endmodule
