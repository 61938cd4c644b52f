// The register requests an AXI4-Lite front end (axil_frontend) makes of a device's register
// block: one-cycle write and read requests, and their answers in the same cycle. One
// bundle, so that every device top connects its front end in one line.
interface axil_reg_if #(
  parameter int unsigned AW = 12
) ();
  logic          we;     // a write, this cycle
  logic [AW-1:0] waddr;
  logic [31:0]   wdata;
  logic [3:0]    wstrb;
  logic [1:0]    wresp;  // its answer: OKAY 0, SLVERR 2 (AXI's encoding)
  logic          re;     // a read, this cycle
  logic [AW-1:0] raddr;
  logic [31:0]   rdata;
  logic [1:0]    rresp;

  modport frontend (output we, waddr, wdata, wstrb, re, raddr, input wresp, rdata, rresp);
endinterface
