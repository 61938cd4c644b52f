"""The SystemVerilog register block generated from the register description: address
decode, storage with reset values, the read mux, the access types with the spec's
same-cycle rules, and the reg2hw/hw2reg structs through which the hand-written RTL sees it.

Who holds each field's value is documented at the top of rtl/tce_regs.toml. Module, package
and struct names follow the device's name (tce_reg_block, tce_reg_pkg, tce_reg2hw_t).
"""



def lower(name):
    return name.lower()


def member_type(f):
    """A field, or a field array as a packed array of its elements."""
    if f.count == 1:
        return "logic" if f.width == 1 else f"logic [{f.width - 1}:0]"
    return f"logic [{f.count - 1}:0]" + ("" if f.width == 1 else f"[{f.width - 1}:0]")


def stored(f):
    """The block holds the field's value: RW, and W1C/RC bits the hardware only sets."""
    return f.access in ("RW", "W1C", "RC") and not f.hwext


def to_hw(f):
    """The field is one of sw2hw's."""
    return f.access in ("W1S", "WO") or f.hwext


def reg2hw_members(r):
    """The register contents the block holds: straight from flops."""
    return [(member_type(f), lower(f.name)) for f in r.fields if stored(f)]


def sw2hw_members(r):
    """This cycle's software actions: bits written to W1S/WO fields, bits to clear in
    hardware-held (hwext) W1C and RC fields, and the value written to a hwext RW field with
    its strobe, and the strobe of a WO or W1S field marked `strobe` (a write of 0 is a write
    too). Kept apart from reg2hw so that rules on stored values (wrefuse_i) never look
    like a loop through them."""
    out = []
    for f in r.fields:
        if to_hw(f):
            out.append((member_type(f), lower(f.name)))
        if f.hwext and f.access == "RW" or f.strobe:
            out.append(("logic", lower(f.name) + "_we"))
    return out


def hw2reg_members(r):
    """What the hardware gives: the values it holds, and loads of hw_load RW fields."""
    out = []
    for f in r.fields:
        if (f.access == "RO" and not f.const) or f.hwext or f.hw_load:
            out.append((member_type(f), lower(f.name)))
        if f.access in ("W1C", "RC") and not f.hwext:
            out.append((member_type(f), lower(f.name) + "_set"))  # events: they beat a clear
        if f.hw_load:
            out.append(("logic", lower(f.name) + "_load"))
    return out


def struct(name, members):
    lines = ["  typedef struct packed {"]
    lines += [f"    {t} {n};" for t, n in members]
    lines.append(f"  }} {name};\n")
    return lines


def structs(regs, device):
    out = [f"  // ---- the register block's interface to the hardware ({device}_reg_block)"]
    for kind, members_of in (("reg2hw", reg2hw_members), ("sw2hw", sw2hw_members), ("hw2reg", hw2reg_members)):
        top = []
        for r in regs:
            members = members_of(r)
            if not members:
                continue
            out += struct(f"{lower(r.name)}_{kind}_t", members)
            dim = f" [{r.count - 1}:0]" if r.count > 1 else ""
            top.append((f"{lower(r.name)}_{kind}_t{dim}", lower(r.name)))
        out += struct(f"{device}_{kind}_t", top or [("logic", "none")])  # SV has no empty struct
    return out


def power_domain_function(regs, aw):
    offsets = [off for r in regs if r.power_domain for _, off in r.instances()]
    head = "  // Registers that stay reachable in D3 and keep their value through SOFT_RESET and D3 entry."
    if not offsets:  # none: the address does not matter
        return [head, "  /* verilator lint_off UNUSEDSIGNAL */",
                f"  function automatic logic in_power_domain(input logic [{aw - 1}:0] a);",
                "    return 1'b0;", "  endfunction", "  /* verilator lint_on UNUSEDSIGNAL */\n"]
    cond = " || ".join(f"a == {aw}'h{off:03X}" for off in offsets)
    return [head, f"  function automatic logic in_power_domain(input logic [{aw - 1}:0] a);",
            f"    return {cond};", "  endfunction\n"]


def instance_functions(regs, aw):
    """Per count_param: which instance of its register arrays an offset belongs to."""
    out = []
    for p, n in params(regs).items():
        offsets = [(i, off) for r in regs if r.count_param == p for i, (_, off) in enumerate(r.instances())]
        out.append(f"  // The index of the {p}-sized register array instance at offset a; {n} if none is there.")
        out.append(f"  function automatic int unsigned {p.lower()}_instance(input logic [{aw - 1}:0] a);")
        out.append("    unique case (a)")
        for i in range(n):
            labels = ", ".join(f"{aw}'h{off:03X}" for j, off in offsets if j == i)
            out.append(f"      {labels}: return {i};")
        out.append(f"      default: return {n};")
        out.append("    endcase")
        out.append("  endfunction\n")
    return out


def instances_of(r):
    return r.count_param if r.count_param else str(r.count)


def params(regs):
    seen = {}
    for r in regs:
        if r.count_param:
            seen[r.count_param] = max(seen.get(r.count_param, 0), r.count)
    return seen


def element_slices(f):
    """(element index expression suffix, bit position) of each element of a field."""
    if f.count == 1:
        return [("", f.lsb)]
    return [(f"[{i}]", f.lsb + i * f.stride) for i in range(f.count)]


def index_width(r):
    return max(1, (r.count - 1).bit_length())


def read_value(r, f, suffix, idx):
    """The SV expression a read of instance `idx` returns for one element of a field."""
    n = lower(r.name)
    if f.access in ("W1S", "WO"):
        return None
    if f.access == "RO" and f.const:
        return f"{f.width}'h{f.reset:X}"
    if stored(f):
        view = "_v" if r.count > 1 else "_q"
        return f"{n}_{lower(f.name)}{view}[{idx}]{suffix}"
    return f"hw2reg_i.{n}{f'[{idx}]' if r.count > 1 else ''}.{lower(f.name)}{suffix}"


def write_decode(regs, slots, total):
    """One case over the write address: a bit per register instance, never set for
    instances the parameters leave out."""
    out = ["  // ---- write decode: bit slots[register] + i for instance i",
           f"  logic [{total - 1}:0] wsel;",
           "  always_comb begin",
           "    wsel = '0;",
           "    // Decoded only on a write handshake: while the port is quiet the model skips it.",
           "    if (we_i) begin",
           "      unique case (waddr_i)"]
    for r in regs:
        for i, (_, off) in enumerate(r.instances()):
            present = f"{i} < int'({r.count_param})" if r.count_param else "1'b1"
            out.append(f"        AW'('h{off:03X}): wsel[{slots[r.name] + i}] = {present};")
    out += ["        default: ;", "      endcase", "    end", "  end\n"]
    return out


def writable_mask(regs, slots):
    return sum(((1 << r.count) - 1) << slots[r.name] for r in regs if r.writable)


def read_mux(regs):
    """One case over the read address: only the addressed register's value is assembled
    (from storage before this cycle's write: a same-cycle read sees the old value), and
    only on a read handshake, so that a quiet port costs the model one test per evaluation."""
    head = ["  // ---- the read mux",
            "  logic rhit;",
            "  logic [31:0] rval;",
            "  always_comb begin",
            "    rhit = 1'b0;",
            "    rval = '0;",
            "    if (re_i) begin"]
    out = ["    unique case (raddr_i)"]
    for r in regs:
        labels = ", ".join(f"AW'('h{off:03X})" for _, off in r.instances())
        out.append(f"      {labels}: begin")
        pad = "        "
        idx = "0"
        if r.count > 1:
            shift = (r.stride - 1).bit_length()
            iw = index_width(r)
            out.append(f"        // instance (address - 'h{r.offset:03X}) / 'h{r.stride:X}, present below {instances_of(r)}")
            idx = f"{iw}'((raddr_i - AW'('h{r.offset:03X})) >> {shift})"
            out.append(f"        rhit = int'({idx}) < int'({instances_of(r)});")
            out.append("        if (rhit) begin")
            pad = "          "
        else:
            out.append("        rhit = 1'b1;")
        for f in r.fields:
            for suffix, lsb in element_slices(f):
                value = read_value(r, f, suffix, idx)
                if value:
                    out.append(f"{pad}rval[{lsb} +: {f.width}] = {value};")
        if r.count > 1:
            out.append("        end")
        out.append("      end")
    out += ["      default: ;", "    endcase"]
    return head + ["  " + line for line in out] + ["    end", "  end\n"]


def gen_block(regs, banner, device, note):
    ps = params(regs)
    out = [banner,
           "// The register block: every register's decode, storage, read value and access type.",
           f"// {note}",
           "// which refuses accesses through wrefuse_i/rrefuse_i and drives hw2reg.",
           f"module {device}_reg_block",
           f"  import {device}_reg_pkg::*;",
           "#("]
    decls = [f"  parameter int unsigned {p} = {n}" for p, n in ps.items()]
    decls.append("  localparam int unsigned AW = CsrAddrWidth")
    out.append(",\n".join(decls))
    out += [") (",
            "  input  logic        clk_i,",
            "  input  logic        rst_ni,",
            "  input  logic        ctx_rst_i,  // SOFT_RESET or D3 entry: all but the power domain to reset",
            "  input  logic        we_i,",
            "  input  logic [AW-1:0] waddr_i,",
            "  // Bits that no writable field holds are not read.",
            "  /* verilator lint_off UNUSEDSIGNAL */",
            "  input  logic [31:0] wdata_i,",
            "  /* verilator lint_on UNUSEDSIGNAL */",
            "  input  logic [3:0]  wstrb_i,",
            "  input  logic        wrefuse_i,  // a special rule refuses this write: SLVERR, no effect",
            "  output axi_resp_e   wresp_o,",
            "  input  logic        re_i,",
            "  input  logic [AW-1:0] raddr_i,",
            "  input  logic        rrefuse_i,  // a special rule refuses this read: SLVERR, no side effect",
            "  output logic [31:0] rdata_o,",
            "  output axi_resp_e   rresp_o,",
            f"  output {device}_reg2hw_t reg2hw_o,",
            f"  output {device}_sw2hw_t  sw2hw_o,",
            "  // Instances beyond the parameters are not read.",
            "  /* verilator lint_off UNUSEDSIGNAL */",
            f"  input  {device}_hw2reg_t hw2reg_i",
            "  /* verilator lint_on UNUSEDSIGNAL */",
            ");\n"]
    slots, total = {}, 0
    for r in regs:
        slots[r.name] = total
        total += r.count
    out += write_decode(regs, slots, total)
    for r in regs:
        n, cnt = lower(r.name), instances_of(r)
        out.append(f"  // ---- {r.name} ({r.access}): {r.doc}")
        has_rc = any(f.access == "RC" for f in r.fields)
        if r.writable:
            out.append(f"  logic [{cnt}-1:0] {n}_whit;")
            out.append(f"  assign {n}_whit = wsel[{slots[r.name]} +: {cnt}];")
        if has_rc:
            out.append(f"  logic [{cnt}-1:0] {n}_rhit;")
            stride = f" + i * 'h{r.stride:X}" if r.count > 1 else ""
            out.append(f"  for (genvar i = 0; i < int'({cnt}); i++) begin : g_{n}_decode")
            out.append(f"    assign {n}_rhit[i] = raddr_i == AW'('h{r.offset:03X}{stride});")
            out.append("  end")
        for f in r.fields:
            if not stored(f):
                continue
            fn = f"{n}_{lower(f.name)}"
            dims = f"[{f.count - 1}:0]" if f.count > 1 else ""
            out.append(f"  logic [{cnt}-1:0]{dims}[{f.width - 1}:0] {fn}_q;")
            keep = "" if r.power_domain else " || ctx_rst_i"
            hwi = f"hw2reg_i.{n}{'[i]' if r.count > 1 else ''}"
            out.append(f"  for (genvar i = 0; i < int'({cnt}); i++) begin : g_{fn}_q")
            out.append("    always_ff @(posedge clk_i) begin")
            out.append(f"      if (!rst_ni{keep}) begin")
            for suffix, _ in element_slices(f):
                out.append(f"        {fn}_q[i]{suffix} <= {f.width}'h{f.reset:X};")
            if f.reset_by:
                # A W1S field of the same instance puts this one back to its reset value.
                other, field = f.reset_by
                out.append(f"      end else if (wok && {lower(other.name)}_whit[i] && wdata_i[{field.lsb}]) begin")
                for suffix, _ in element_slices(f):
                    out.append(f"        {fn}_q[i]{suffix} <= {f.width}'h{f.reset:X};")
            if f.hw_load:
                out.append(f"      end else if ({hwi}.{lower(f.name)}_load) begin")
                out.append(f"        {fn}_q[i] <= {hwi}.{lower(f.name)};")
            if f.access == "RW":
                out.append(f"      end else if (wok && {n}_whit[i]) begin")
                for suffix, lsb in element_slices(f):
                    out.append(f"        {fn}_q[i]{suffix} <= wdata_i[{lsb} +: {f.width}];")
            else:
                # W1C clears the bits written, RC the bits read; an event in the same cycle wins.
                out.append("      end else begin")
                for suffix, lsb in element_slices(f):
                    q = f"{fn}_q[i]{suffix}"
                    clear = (f"(wok && {n}_whit[i]) ? wdata_i[{lsb} +: {f.width}]" if f.access == "W1C"
                             else f"(rok && {n}_rhit[i]) ? {q}")
                    out.append(f"        {q} <= ({q} & ~({clear} : '0)) | {hwi}.{lower(f.name)}_set{suffix};")
            out.append("      end")
            out.append("    end")
            out.append("  end")
            if r.count > 1:
                # All instances, absent ones at their reset value, for the read mux to index.
                out.append(f"  logic [{r.count - 1}:0]{dims}[{f.width - 1}:0] {fn}_v;")
                out.append(f"  for (genvar i = 0; i < {r.count}; i++) begin : g_{fn}_v")
                out.append(f"    if (i < int'({cnt})) begin : g_present")
                out.append(f"      assign {fn}_v[i] = {fn}_q[i];")
                out.append("    end else begin : g_absent")
                out.append(f"      assign {fn}_v[i] = '{{default: {f.width}'h{f.reset:X}}};" if f.count > 1
                           else f"      assign {fn}_v[i] = {f.width}'h{f.reset:X};")
                out.append("    end")
                out.append("  end")
        out.append("")

    out += read_mux(regs)
    out += ["  // ---- responses (spec section 2)",
            "  logic whit, wwritable, wok;",
            "  /* verilator lint_off UNUSEDSIGNAL */",
            "  logic rok;  // read by RC fields only",
            "  /* verilator lint_on UNUSEDSIGNAL */",
            "  assign whit = wsel != '0;",
            f"  assign wwritable = (wsel & {total}'h{writable_mask(regs, slots):X}) != '0;",
            "  always_comb begin",
            "    wresp_o = AXI_RESP_OKAY;",
            "    if (!whit) wresp_o = AXI_RESP_DECERR;",
            "    else if (!wwritable || wstrb_i != 4'hF || wrefuse_i) wresp_o = AXI_RESP_SLVERR;",
            "    rresp_o = AXI_RESP_OKAY;",
            "    if (!rhit) rresp_o = AXI_RESP_DECERR;",
            "    else if (rrefuse_i) rresp_o = AXI_RESP_SLVERR;",
            "  end",
            "  assign wok = we_i && wresp_o == AXI_RESP_OKAY;",
            "  assign rok = re_i && rresp_o == AXI_RESP_OKAY;",
            "  assign rdata_o = rresp_o == AXI_RESP_OKAY ? rval : '0;\n",
            "  // ---- to the hardware: stored values and one-cycle pulses, one assignment each so",
            "  // that no path through one member looks like a loop through another",
            ]
    for r in regs:
        n = lower(r.name)
        cnt = instances_of(r)
        idx = "[i]" if r.count > 1 else ""
        for kind, members in (("reg2hw", reg2hw_members(r)), ("sw2hw", sw2hw_members(r))):
            if not members:
                continue
            out.append(f"  for (genvar i = 0; i < int'({cnt}); i++) begin : g_{n}_{kind}")
            for f in r.fields:
                tgt = f"{kind}_o.{n}{idx}.{lower(f.name)}"
                if kind == "reg2hw":
                    if stored(f):
                        out.append(f"    assign {tgt} = {n}_{lower(f.name)}_q[i];")
                    continue
                if not to_hw(f):
                    continue
                for suffix, lsb in element_slices(f):
                    if f.access in ("RW", "W1C", "W1S", "WO"):
                        value = f"wdata_i[{lsb} +: {f.width}]"
                        out.append(f"    assign {tgt}{suffix} = " +
                                   (value + ";" if f.access == "RW" else f"(wok && {n}_whit[i]) ? {value} : '0;"))
                    elif f.access == "RC":  # exactly the bits this read returns
                        out.append(f"    assign {tgt}{suffix} = (rok && {n}_rhit[i]) ? rval[{lsb} +: {f.width}] : '0;")
                if f.hwext and f.access == "RW" or f.strobe:
                    out.append(f"    assign {tgt}_we = wok && {n}_whit[i];")
            out.append("  end")
            if r.count > 1:
                out.append(f"  for (genvar i = int'({cnt}); i < {r.count}; i++) begin : g_{n}_{kind}_absent")
                out.append(f"    assign {kind}_o.{n}[i] = '0;")
                out.append("  end")
    if not any(reg2hw_members(r) for r in regs):
        out.append("  assign reg2hw_o = '0;")
    if not any(sw2hw_members(r) for r in regs):
        out.append("  assign sw2hw_o = '0;")
    out += ["", "endmodule"]
    return "\n".join(out) + "\n"
