# Exception tables long enough to be searched by bisection (more than 40
# bytes): a raise at every protected range of functions with many try
# blocks, nested blocks, blocks inside loops and a comprehension, with
# offsets past 4096 code units (varints of three bytes). Each handler
# prints which block caught, with the stack depth and `lasti` it restored
# (a re-raise after a handler, a value left on the stack by a with). A
# crafted table puts an entry's start at every raising offset.
import dis
import types

def define(lines, ns=None):
    # the function the source lines define, executed in namespace ns
    ns = {} if ns is None else ns
    exec("\n".join(lines), ns)
    return ns[lines[0][4:lines[0].index("(")]]

def try_except(body, exc, handler):
    # the lines of one try block at function level: body lines, the
    # exception class caught, handler lines
    return (["    try:"] + ["        " + b for b in body] +
            [f"    except {exc}:"] + ["        " + h for h in handler])

def make_flat(n):
    # n sequential try blocks; block i raises when k == i
    lines = ["def flat(k):", "    out = []"]
    for i in range(n):
        lines += try_except([f"if k == {i}: raise ValueError({i})", f"out.append({i})"],
                            "ValueError as e", [f"out.append(('caught', {i}, e.args[0]))"])
    lines.append("    return len(out), [x for x in out if type(x) is tuple]")
    return define(lines)

def make_nested(depth):
    # try blocks nested `depth` deep around one raise; for odd k the
    # handlers of levels k and up re-raise, so the exception climbs out
    # level by level from the innermost to level k - 1
    lines = ["def nested(k):", "    log = []"]
    ind = "    "
    for i in range(depth):
        lines.append(ind + "try:")
        ind += "    "
    lines.append(ind + "raise KeyError(k)")
    for i in reversed(range(depth)):
        ind = ind[:-4]
        lines += [
            ind + "except KeyError as e:",
            ind + f"    log.append({i})",
            ind + f"    if {i} >= k and k % 2: raise",
        ]
    lines.append("    return log")
    return define(lines)

def make_long_body(n):
    # one block after a long straight run: offsets past 4096 units
    lines = ["def long_body(k):", "    x = 0"]
    lines += [f"    x = x + {i % 7}" for i in range(n)]
    for i in range(6):
        lines += try_except([f"if k == {i}: [][k]"], "IndexError", [f"x = -{i}"])
    lines.append("    return x")
    return define(lines)

def make_names(n):
    # n blocks whose global's load raises when the global is missing; the
    # load follows an inner try, so an entry of the outer block's range
    # starts with it
    lines = ["def names():", "    got = []"]
    for i in range(n):
        lines += [
            "    try:",
            "        try:",
            "            x = 0",
            "        except KeyError:",
            "            pass",
            f"        v{i}",
            "    except NameError:",
            f"        got.append({i})",
        ]
    lines.append("    return got")
    ns = {f"v{i}": i for i in range(n)}
    return define(lines, ns), ns

def varint(out, v, first):
    # one exception-table varint: 6 bits a byte, most significant first,
    # bit 6 "more", bit 7 on an entry's first byte
    chunks = [v & 63]
    while v >> 6:
        v >>= 6
        chunks.append(v & 63)
    for k, c in enumerate(reversed(chunks)):
        out.append(c | (64 if k < len(chunks) - 1 else 0) | (128 if first and k == 0 else 0))

def entries(table):
    out, i = [], 0
    while i < len(table):
        ent = []
        for _ in range(4):
            v = table[i] & 63
            while table[i] & 64:
                i += 1
                v = (v << 6) | (table[i] & 63)
            i += 1
            ent.append(v)
        out.append(tuple(ent))
    return out

def make_exact(n):
    # a table of one entry per global load, each starting at the code unit
    # an exception there is looked up at (the load's last cache unit), so
    # that every step of a bisection lands on an entry that starts exactly
    # at the raising offset for some load; the handler's own entries kept
    lines = ["def exact():", "    got = []", "    try:"]
    lines += [f"        got.append({i}); w{i}" for i in range(n)]
    lines += ["    except NameError:", "        return got[-1]", "    return None"]
    ns = {f"w{i}": i for i in range(n)}
    fn = define(lines, ns)
    co = fn.__code__
    body, *handler_ents = entries(co.co_exceptiontable)
    _, _, target, dl = body
    table = bytearray()
    for ins in dis.get_instructions(co):
        if ins.opname == "LOAD_GLOBAL" and ins.argval.startswith("w"):
            unit = ins.offset // 2 + 4    # LOAD_GLOBAL has four cache units
            for k, v in enumerate((unit, 1, target, dl)):
                varint(table, v, k == 0)
    for ent in handler_ents:
        for k, v in enumerate(ent):
            varint(table, v, k == 0)
    return types.FunctionType(co.replace(co_exceptiontable=bytes(table)), ns), ns

class Ctx:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        return t is ZeroDivisionError

def loops(k):
    out = []
    for i in range(6):
        try:
            with Ctx():
                if i == k:
                    1 / 0
                try:
                    if i == k + 1:
                        {}[i]
                except KeyError:
                    out.append(("key", i))
        except ZeroDivisionError:
            out.append("never")
        try:
            out.append([1 / (j - k) for j in range(i, i + 2)])
        except ZeroDivisionError:
            out.append(("zero", i))
    return out

flat = make_flat(60)
print(len(flat.__code__.co_exceptiontable), "bytes of table (flat)")
for k in (-1, 0, 1, 17, 30, 58, 59):
    print("flat", k, flat(k))

nested = make_nested(12)
print(len(nested.__code__.co_exceptiontable), "bytes of table (nested)")
for k in range(0, 13, 3):
    print("nested", k, nested(k))

long_body = make_long_body(2100)
print(len(long_body.__code__.co_exceptiontable), "bytes of table (long body)")
for k in range(-1, 7):
    print("long_body", k, long_body(k))

print(len(loops.__code__.co_exceptiontable), "bytes of table (loops)")
for k in range(-1, 7):
    print("loops", k, loops(k))

def each_missing(fn, ns, prefix, n):
    # fn()'s result with each global prefix0 .. prefix{n-1} missing in turn
    caught = []
    for gone in range(n):
        del ns[f"{prefix}{gone}"]
        caught.append(fn())
        ns[f"{prefix}{gone}"] = gone
    return caught

names, names_ns = make_names(40)
print(len(names.__code__.co_exceptiontable), "bytes of table (names)")
print("names", each_missing(names, names_ns, "v", 40))

exact, exact_ns = make_exact(50)
print(len(exact.__code__.co_exceptiontable), "bytes of table (exact)")
caught = each_missing(exact, exact_ns, "w", 50)
print("exact", caught == list(range(50)), caught)

for _ in range(300):   # past the specializer's warm-up
    assert flat(44) == (60, [("caught", 44, 44)])
    assert long_body(5) == -5
print("done")
