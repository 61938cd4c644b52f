#!/usr/bin/env python3
"""scripts/eval_plan.py on a Verilated model of this build, and on copies of it altered to
compute a memory-port output from the inputs, and to have its assertions sample a signal
computed from them: the first must allow the clock edge alone (its only outputs computed
from inputs are the CSR port's READYs and quiescent_o), the others not.

eval_plan_test.py SOURCE_DIR MODEL_DIR PREFIX
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile


def run_plan(src, model_dir, prefix, out):
    subprocess.run([sys.executable, os.path.join(src, "scripts", "eval_plan.py"), model_dir, prefix, out], check=True)
    return open(out).read()


def main():
    src, model_dir, prefix = sys.argv[1:]
    with tempfile.TemporaryDirectory() as tmp:
        text = run_plan(src, model_dir, prefix, os.path.join(tmp, "plan.hpp"))
        assert f"constexpr bool k{prefix}EdgeAlone = true;" in text, text
        assert "s_axil_awready_o" in text and "quiescent_o" in text, text
        assert "m_axi_" not in text, text

        # The same model with a memory READY computed from a memory input in its input logic.
        altered = os.path.join(tmp, "altered")
        shutil.copytree(model_dir, altered, ignore=shutil.ignore_patterns("*.o", "*.d"))
        changed = False
        for name in os.listdir(altered):
            if not re.match(rf"{prefix}___024root__DepSet_\w+__0\.cpp$", name):
                continue
            path = os.path.join(altered, name)
            code = open(path).read()
            m = re.search(r"void \w+___ico_sequent__TOP__0\(.*\) \{\n", code)
            if m:
                code = code[:m.end()] + "    vlSelf->m_axi_rready_o = vlSelf->m_axi_rvalid_i;\n" + code[m.end():]
                open(path, "w").write(code)
                changed = True
        assert changed, "no input logic function found to alter"
        text = run_plan(src, altered, prefix, os.path.join(tmp, "altered.hpp"))
        assert f"constexpr bool k{prefix}EdgeAlone = false;" in text, text
        assert "m_axi_rready_o" in text, text

        # The same model whose assertions sample quiescent_o (computed from the inputs).
        sampling = os.path.join(tmp, "sampling")
        shutil.copytree(model_dir, sampling, ignore=shutil.ignore_patterns("*.o", "*.d"))
        root = os.path.join(sampling, f"{prefix}___024root.h")
        code = open(root).read()
        m = re.search(r"\n(\s+)CData/\*0:0\*/ __Vsampled__TOP__\w+;\n", code)
        assert m, "no sampled signal declared in the root header"
        code = code[:m.end()] + f"{m.group(1)}CData/*0:0*/ __Vsampled__TOP__quiescent_o;\n" + code[m.end():]
        open(root, "w").write(code)
        text = run_plan(src, sampling, prefix, os.path.join(tmp, "sampling.hpp"))
        assert f"constexpr bool k{prefix}EdgeAlone = false;" in text, text
        assert "quiescent_o (sampled)" in text, text
    print(f"eval_plan: {prefix} may evaluate its edge alone; altered to compute m_axi_rready_o, or to sample "
          "quiescent_o, it may not")


if __name__ == "__main__":
    main()
