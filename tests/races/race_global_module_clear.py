"""A module's __dict__ cleared and refilled while its functions run hot.

Attacks: LOAD_GLOBAL_MODULE, LOAD_GLOBAL_BUILTIN, LOAD_ATTR_MODULE
The functions of a synthetic module read its globals X and Y and the
builtin len.  Writers clear the module dict and refill it from one of two
snapshots (X = 1 or X = 2; the second also shadows len with a fake).
Invariant: f() is 1, 2 or NameError; g() (len of a 3-tuple, through a
shadow or not) is 3, "fake-len" or NameError; m.Y is "y" or
AttributeError; nothing else.
"""
import types

import _race

SRC = """
X = 1
Y = "y"
T = (1, 2, 3)
def f():
    return X
def g():
    return len(T)
"""


def main():
    race = _race.Race(__doc__)
    m = types.ModuleType("clearme")
    exec(SRC, m.__dict__)
    f, g = m.f, m.g
    snap1 = dict(m.__dict__)
    snap2 = dict(snap1, X=2, len=lambda x: "fake-len")
    f_ok = _race.Allowed(1, 2, "NameError")
    g_ok = _race.Allowed(3, "fake-len", "NameError")
    y_ok = _race.Allowed("y", "AttributeError")

    def reader(t):
        check = t.check
        seen = {}
        for i in range(t.iters(30000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            try:
                v = f()
            except NameError:
                v = "NameError"
            check(v, f_ok, "f()")
            seen[v] = seen.get(v, 0) + 1
            try:
                v = g()
            except NameError:
                v = "NameError"
            check(v, g_ok, "g()")
            try:
                v = m.Y
            except AttributeError:
                v = "AttributeError"
            check(v, y_ok, "m.Y")
        return seen

    def writer(t):
        rng = t.rng
        d = m.__dict__
        for _ in t.until_done():
            d.clear()
            _race.dwell(rng.randrange(100))
            d.update(snap1 if rng.randrange(2) else snap2)
            _race.dwell(rng.randrange(300))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
