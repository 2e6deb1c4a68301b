# Exception tables long enough to be searched by bisection (more than 40
# bytes): a raise at every protected range of functions with many try
# blocks, nested blocks, blocks inside loops and a comprehension, with
# offsets past 4096 code units (varints of three bytes). Each handler
# prints which block caught, with the stack depth and `lasti` it restored
# (a re-raise after a handler, a value left on the stack by a with).

def define(lines, ns=None):
    # the function the source lines define, executed in namespace ns
    ns = {} if ns is None else ns
    exec("\n".join(lines), ns)
    return ns[lines[0][4:lines[0].index("(")]]

def make_flat(n):
    # n sequential try blocks; block i raises when k == i
    lines = ["def flat(k):", "    out = []"]
    for i in range(n):
        lines += [
            "    try:",
            f"        if k == {i}: raise ValueError({i})",
            f"        out.append({i})",
            "    except ValueError as e:",
            f"        out.append(('caught', {i}, e.args[0]))",
        ]
    lines.append("    return len(out), [x for x in out if type(x) is tuple]")
    return define(lines)

def make_nested(depth):
    # try blocks nested `depth` deep; level i raises when k == i and the
    # handler of level i re-raises when k is odd, so the next level out
    # catches it
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
        lines += [
            "    try:",
            f"        if k == {i}: [][k]",
            "    except IndexError:",
            f"        x = -{i}",
        ]
    lines.append("    return x")
    return define(lines)

def make_names(n):
    # n blocks whose global's load raises when the global is missing; the
    # load follows an inner try, so the outer block's range resumes with
    # it: the raise is at an entry's start offset
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

names, names_ns = make_names(40)
print(len(names.__code__.co_exceptiontable), "bytes of table (names)")
caught = []
for gone in range(40):
    del names_ns[f"v{gone}"]
    caught.append(names())
    names_ns[f"v{gone}"] = gone
print("names", caught)

for _ in range(300):   # past the specializer's warm-up
    assert flat(44) == (60, [("caught", 44, 44)])
    assert long_body(5) == -5
print("done")
