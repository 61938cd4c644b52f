// AXI4-Lite slave front end: turns handshakes into one-cycle register requests and
// registers the answers. Read and write channels are independent; each answers one
// cycle after its handshake, inside the spec's 4-cycle bound.
module tce_axil_slave
  import tce_reg_pkg::*;
#(
  parameter int unsigned AW = 12,
  // Test only: a seeded bug that holds every read answer back this many more cycles, past
  // the spec's bound from 4 on (it proves the timing checker). 0 builds no logic for it.
  parameter int unsigned READ_EXTRA_LATENCY = 0
) (
  input  logic          clk_i,
  input  logic          rst_ni,
  // AXI4-Lite
  input  logic          awvalid_i,
  output logic          awready_o,
  input  logic [AW-1:0] awaddr_i,
  input  logic          wvalid_i,
  output logic          wready_o,
  input  logic [31:0]   wdata_i,
  input  logic [3:0]    wstrb_i,
  output logic          bvalid_o,
  input  logic          bready_i,
  output logic [1:0]    bresp_o,
  input  logic          arvalid_i,
  output logic          arready_o,
  input  logic [AW-1:0] araddr_i,
  output logic          rvalid_o,
  input  logic          rready_i,
  output logic [31:0]   rdata_o,
  output logic [1:0]    rresp_o,
  // register requests
  output logic          we_o,
  output logic [AW-1:0] waddr_o,
  output logic [31:0]   wdata_o,
  output logic [3:0]    wstrb_o,
  input  axi_resp_e     wresp_i,
  output logic          re_o,
  output logic [AW-1:0] raddr_o,
  input  logic [31:0]   rdata_i,
  input  axi_resp_e     rresp_i,
  output logic          quiet_o     // no request arriving, no response waiting
);

  logic bvalid_q, rvalid_q;
  axi_resp_e bresp_q, rresp_q;
  logic [31:0] rdata_q;

  // Address and data are taken together; a slot frees when its response is taken.
  assign awready_o = awvalid_i && wvalid_i && !bvalid_q;
  assign wready_o  = awready_o;
  assign we_o      = awready_o;
  assign waddr_o   = awaddr_i;
  assign wdata_o   = wdata_i;
  assign wstrb_o   = wstrb_i;

  assign arready_o = !rvalid_q;
  assign re_o      = arvalid_i && arready_o;
  assign raddr_o   = araddr_i;

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      bvalid_q <= 1'b0;
      bresp_q  <= AXI_RESP_OKAY;
      rvalid_q <= 1'b0;
      rresp_q  <= AXI_RESP_OKAY;
      rdata_q  <= '0;
    end else begin
      if (we_o) begin
        bvalid_q <= 1'b1;
        bresp_q  <= wresp_i;
      end else if (bready_i) begin
        bvalid_q <= 1'b0;
      end
      if (re_o) begin
        rvalid_q <= 1'b1;
        rresp_q  <= rresp_i;
        rdata_q  <= rdata_i;
      end else if (rready_i && rvalid_o) begin  // an answer still held back is not taken
        rvalid_q <= 1'b0;
      end
    end
  end

  assign bvalid_o = bvalid_q;
  assign bresp_o  = bresp_q;
  if (READ_EXTRA_LATENCY == 0) begin : g_read_on_time
    assign rvalid_o = rvalid_q;
  end else begin : g_read_late
    localparam int unsigned HoldW = $clog2(READ_EXTRA_LATENCY + 1);
    logic [HoldW-1:0] hold_q;  // cycles the answer registered at the handshake still waits
    always_ff @(posedge clk_i) begin
      if (!rst_ni) begin
        hold_q <= '0;
      end else if (re_o) begin
        hold_q <= HoldW'(READ_EXTRA_LATENCY);
      end else if (hold_q != '0) begin
        hold_q <= hold_q - 1'b1;
      end
    end
    assign rvalid_o = rvalid_q && hold_q == '0;
  end

  assign rresp_o  = rresp_q;
  // (An answer held back by READ_EXTRA_LATENCY keeps rvalid_q up until it is taken.)
  assign quiet_o  = !awvalid_i && !wvalid_i && !arvalid_i && !bvalid_q && !rvalid_q;
  assign rdata_o  = rdata_q;

endmodule
