  // CSR port: AXI4-Lite slave, the port contract's names (scripts/portgen.py). Included in
  // the port list of every device top and of axil_frontend, which connects to them with .*;
  // the address is CsrAddrWidth bits (a device top's register package, the front end's
  // parameter).
  input  logic                    s_axil_awvalid_i,
  output logic                    s_axil_awready_o,
  input  logic [CsrAddrWidth-1:0] s_axil_awaddr_i,
  input  logic                    s_axil_wvalid_i,
  output logic                    s_axil_wready_o,
  input  logic [31:0]             s_axil_wdata_i,
  input  logic [3:0]              s_axil_wstrb_i,
  output logic                    s_axil_bvalid_o,
  input  logic                    s_axil_bready_i,
  output logic [1:0]              s_axil_bresp_o,
  input  logic                    s_axil_arvalid_i,
  output logic                    s_axil_arready_o,
  input  logic [CsrAddrWidth-1:0] s_axil_araddr_i,
  output logic                    s_axil_rvalid_o,
  input  logic                    s_axil_rready_i,
  output logic [31:0]             s_axil_rdata_o,
  output logic [1:0]              s_axil_rresp_o,
