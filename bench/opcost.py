"""One Python operation in a loop, for tools/sigil-opcost.

Usage: python bench/opcost.py OP N     run OP's loop N times (after a warm-up)
       python bench/opcost.py --list   the operations, one per line

Each operation is a one-line loop body over the module-level objects below;
tools/sigil-opcost runs it at two iteration counts under callgrind and takes
the difference, so that startup and the warm-up (which lets a specializer
settle) cancel out. The `empty` body is the loop itself.
"""
import sys

G = 5
lst = [1, 2, 3]
dct = {"k": 1}
fl = 1.5
tup = (1, 2)


class C:
    def __init__(self):
        self.a = 1
        self.b = 2

    def m(self):
        return None


class D(C):
    pass


class E(C):
    pass


def f(x):
    return x


def g2(x, y=1):
    return x


o = C()
objs = [C(), D(), E(), C()]

# name -> loop body (the loop variable is `i`)
BODIES = {
    "empty": "pass",
    "local": "x = i",
    "const": "x = 7",
    "global": "x = G",
    "builtin": "x = len",
    "attr": "x = o.a",
    "attr2": "x = o.a; y = o.b",
    "store_attr": "o.a = i",
    "method": "o.m()",
    "poly_base": "x = objs[i & 3]",
    "poly_attr": "x = objs[i & 3].a",
    "int_add": "x = i + 1",
    "int_cmp": "x = i < 5",
    "float_add": "x = fl + fl",
    "if_int": "if i: pass",
    "call_py": "f(i)",
    "call_py_def": "g2(i)",
    "call_len": "len(lst)",
    "isinstance": "isinstance(o, C)",
    "list_sub": "x = lst[1]",
    "dict_sub": "x = dct['k']",
    "list_store": "lst[1] = i",
    "tuple_unpack": "a, b = tup",
    "append_pop": "lst.append(i); lst.pop()",
    "build_tuple": "x = (i, i)",
    "deref": None,   # a closure cell read (make_deref)
}


def make_deref():
    cell = 3

    def loop(n):
        for i in range(n):
            x = cell
    return loop


def make(op):
    if op == "deref":
        return make_deref()
    src = "def loop(n):\n    for i in range(n):\n        %s\n" % BODIES[op]
    ns = {}
    exec(compile(src, "<opcost %s>" % op, "exec"), globals(), ns)
    return ns["loop"]


def main(argv):
    if argv[1:] == ["--list"]:
        print("\n".join(BODIES))
        return 0
    if len(argv) != 3 or argv[1] not in BODIES or not argv[2].isdigit():
        sys.stderr.write("usage: opcost.py OP N | --list (OP one of: %s)\n" % ", ".join(BODIES))
        return 2
    loop = make(argv[1])
    loop(4000)   # warm-up: every instruction specialized (or given up) first
    loop(int(argv[2]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
