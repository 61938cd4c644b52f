"""What the waves tests read from a VCD trace, and how they report."""
import sys


def declarations(vcd_path):
    """(full name, id code, range or "") of every variable the trace declares."""
    scope = []
    with open(vcd_path) as fh:
        for line in fh:
            if line.startswith("$enddefinitions"):
                return
            parts = line.split()
            if parts[:1] == ["$scope"]:
                scope.append(parts[2])
            elif parts[:1] == ["$upscope"]:
                scope.pop()
            elif parts[:1] == ["$var"]:
                yield ".".join(scope + [parts[4]]), parts[3], parts[5] if len(parts) > 6 else ""


def changes(vcd_path, names):
    """{full name: [(time, value)]} for the named signals found in the trace (value: an int
    for vectors, the character for scalars)."""
    codes, out, time = {}, {}, 0
    for name, code, _ in declarations(vcd_path):
        if name in names:
            codes.setdefault(code, []).append(name)
            out[name] = []
    body = False
    with open(vcd_path) as fh:
        for line in fh:
            parts = line.split()
            body = body or line.startswith("$enddefinitions")
            if not parts or not body:
                continue
            if parts[0].startswith("#"):
                time = int(parts[0][1:])
            elif parts[0][0] in "bB" and len(parts) == 2:
                for name in codes.get(parts[1], []):
                    out[name].append((time, int(parts[0][1:].replace("x", "0").replace("z", "0"), 2)))
            elif parts[0][0] in "01xz" and len(parts) == 1:
                for name in codes.get(parts[0][1:], []):
                    out[name].append((time, parts[0][0]))
    return out


def end_of(vcd_path):
    """The trace's last time."""
    end = 0
    with open(vcd_path) as fh:
        for line in fh:
            if line.startswith("#"):
                end = int(line[1:])
    return end


def finish(problems, summary):
    """Prints the problems and a summary line; the exit code."""
    for p in problems:
        print(p)
    print(f"{summary}: {len(problems)} problems")
    return 1 if problems else 0


def usage(doc):
    sys.exit(doc.strip().splitlines()[-1])
