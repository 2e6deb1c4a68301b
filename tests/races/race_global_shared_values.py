"""Module values made immortal while other threads count references to them.

Attacks: LOAD_GLOBAL_MODULE, LOAD_ATTR_MODULE (the shared-value sampling
of sigil_module_value_shared, which stops the world and rewrites a
value's reference counts while readers are between an increment and a
decrement of the same value)
A synthetic module holds tuples of numbers (mortal ints and floats, one
nested) made by the main thread, and one tuple that also holds a list.
Readers load them as globals and as module attributes in hot loops, so the
stable ones are sampled and made immortal under them. Writers rebind the
globals to fresh tuples of their own (same contents, so every read stays
checkable), put the originals back, and delete and restore a name.
Invariant: every read gives the tuple's known sum (or NameError /
AttributeError while a name is deleted), the list in the mixed tuple stays
mortal and alive, and nothing crashes at exit when the mortal copies die.
"""
import sys
import types

import _race

SRC = """
A = tuple(range(1000, 1032))
F = tuple(float(i) + 0.5 for i in range(16))
N = (A, F, (7.25, 9000))
MIXED = (12345, [1, 2, 3])

def read_a(i):
    return A[i & 31]

def read_n():
    return N[0][5] + N[1][3] + N[2][1]

def read_mixed():
    return MIXED[0] + len(MIXED[1])
"""

A_VALS = frozenset(range(1000, 1032))
N_SUM = 1005 + 3.5 + 9000


def main():
    race = _race.Race(__doc__)
    m = types.ModuleType("sharedvals")
    exec(SRC, m.__dict__)
    orig = dict(A=m.A, F=m.F, N=m.N)
    a_ok = _race.Allowed(*sorted(A_VALS), "NameError")
    n_ok = _race.Allowed(N_SUM, "NameError")
    attr_ok = _race.Allowed(N_SUM, "AttributeError")
    mixed_ok = _race.Allowed(12348)
    read_a, read_n, read_mixed = m.read_a, m.read_n, m.read_mixed

    def reader(t):
        check = t.check
        seen = {}
        for i in range(t.iters(30000)):
            if not (i & 127):
                _race.relax()
            try:
                v = read_a(i)
            except NameError:
                v = "NameError"
            check(v, a_ok, "A[i]")
            try:
                v = read_n()
            except NameError:
                v = "NameError"
            check(v, n_ok, "N sum")
            try:
                v = m.N[0][5] + m.N[1][3] + m.N[2][1]
            except AttributeError:
                v = "AttributeError"
            check(v, attr_ok, "m.N sum")
            check(read_mixed(), mixed_ok, "MIXED")
            tag = "immortal" if sys.getrefcount(orig["A"]) > (1 << 30) else "mortal"
            seen[tag] = seen.get(tag, 0) + 1
        return seen

    def writer(t):
        rng = t.rng
        d = m.__dict__
        for _ in t.until_done():
            r = rng.randrange(4)
            if r == 0:
                # fresh copies owned by this thread, mortal
                a = tuple(x for x in orig["A"])
                f = tuple(x + 0.0 for x in orig["F"])
                d["N"] = (a, f, (7.25, 9000 + (rng.randrange(2) * 0)))
                d["A"] = a
            elif r == 1:
                d.update(orig)
            elif r == 2:
                name = rng.choice(("A", "N"))
                val = d.pop(name, None)
                _race.dwell(rng.randrange(50))
                d[name] = val if val is not None else orig[name]
            else:
                _race.dwell(rng.randrange(400))
            _race.dwell(rng.randrange(200))

    race.run(reader, writer)
    mixed = m.MIXED
    if sys.getrefcount(mixed) > (1 << 30) or sys.getrefcount(mixed[1]) > (1 << 30):
        race.fail("a tuple holding a list was made immortal")
    race.finish()


if __name__ == "__main__":
    main()
