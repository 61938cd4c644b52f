"""The shape of a register description: which tables, keys and value types it may hold.

regtool checks a description against it before reading any value, so a key of the wrong
type, a table where a list belongs or an unknown key is one clear error naming where it
is, not a traceback from deep in a generator (fuzz/regtool_fuzz.py looks for those).
"""


class ShapeError(Exception):
    """Where the description differs from its shape, and how."""


class Table:
    """A table with these keys: name -> (shape, required)."""

    def __init__(self, **keys):
        self.keys = keys


class ListOf:
    def __init__(self, item):
        self.item = item


class MapOf:
    """A table whose keys are names of the description's choosing."""

    def __init__(self, item):
        self.item = item


TEXT, INT, BOOL = "text", "a non-negative integer", "true or false"
BITS = "bits (\"HI:LO\", \"N\" or N)"
REQ, OPT = True, False

FIELD = Table(name=(TEXT, REQ), bits=(BITS, REQ), count=(INT, OPT), stride=(INT, OPT), reset=(INT, OPT),
              access=(TEXT, OPT), hwext=(BOOL, OPT), hw_load=(BOOL, OPT), const=(BOOL, OPT), reset_by=(TEXT, OPT),
              enum=(TEXT, OPT), strobe=(BOOL, OPT), doc=(TEXT, OPT))
REGISTER = Table(name=(TEXT, REQ), offset=(INT, REQ), count=(INT, OPT), stride=(INT, OPT), count_param=(TEXT, OPT),
                 power_domain=(BOOL, OPT), access=(TEXT, REQ), doc=(TEXT, OPT), fields=(ListOf(FIELD), REQ))
DEVICE = Table(name=(TEXT, REQ), title=(TEXT, REQ), window_bytes=(INT, REQ), vendor_id=(INT, REQ),
               device_id=(INT, REQ), max_channels=(INT, OPT), max_vectors=(INT, OPT),
               special=(TEXT, OPT), special_rtl=(TEXT, OPT))
DESC_BITS = Table(name=(TEXT, REQ), bits=(BITS, REQ), doc=(TEXT, OPT))
DESCRIPTOR = Table(bytes=(INT, REQ), max_len=(INT, REQ),
                   fields=(ListOf(Table(name=(TEXT, REQ), offset=(INT, REQ), bytes=(INT, REQ), doc=(TEXT, REQ))), REQ),
                   ctrl_bits=(ListOf(DESC_BITS), REQ), status_bits=(ListOf(DESC_BITS), REQ))
ENUM = Table(doc=(TEXT, REQ), values=(ListOf(Table(value=(INT, REQ), name=(TEXT, REQ), doc=(TEXT, OPT))), REQ))
DESCRIPTION = Table(device=(DEVICE, REQ), descriptor=(DESCRIPTOR, OPT), register=(ListOf(REGISTER), REQ),
                    enum=(MapOf(ENUM), OPT))


def _scalar_ok(shape, value):
    is_int = isinstance(value, int) and not isinstance(value, bool)
    if shape == TEXT:
        return isinstance(value, str)
    if shape == INT:
        return is_int and value >= 0
    if shape == BOOL:
        return isinstance(value, bool)
    return isinstance(value, str) or (is_int and value >= 0)  # BITS: parsed later


def check(value, shape=DESCRIPTION, where="description"):
    """Raises ShapeError at the first place `value` does not fit `shape`."""
    if isinstance(shape, str):
        if not _scalar_ok(shape, value):
            raise ShapeError(f"{where} must be {shape}, not {value!r}"[:200])
    elif isinstance(shape, ListOf):
        if not isinstance(value, list):
            raise ShapeError(f"{where} must be a list")
        for i, item in enumerate(value):
            check(item, shape.item, f"{where}[{i}]")
    else:
        if not isinstance(value, dict):
            raise ShapeError(f"{where} must be a table")
        if isinstance(shape, MapOf):
            for key, item in value.items():
                check(item, shape.item, f"{where}.{key}")
            return
        for key in value:
            if key not in shape.keys:
                raise ShapeError(f"{where}: unknown key '{key}'")
        for key, (item_shape, required) in shape.keys.items():
            if key in value:
                check(value[key], item_shape, f"{where}.{key}")
            elif required:
                raise ShapeError(f"{where}: missing key '{key}'")
