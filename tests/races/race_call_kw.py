"""Keyword calls while __kwdefaults__ and __code__ are swapped under them.

Attacks: CALL_KW_PY, CALL_PY_WITH_DEFAULTS, CALL_BUILTIN_FAST_WITH_KEYWORDS
f(a, *, k, m="M1") is called as f(1, k=2); h(a, b) as h(a=1, b=2);
g(a, b, *, c) as g(1, c=3, b=2) (every parameter filled by the call:
CALL_KW_PY's case) and sorted(T, reverse=True).  Writers set
f.__kwdefaults__ to {"m": "M1"}, {"m": "M2"} or None, h.__code__ to a
body with parameters (a, b) or (x, y) (keyword call then raises
TypeError), and rebind the global g to one of two functions with g's
parameters (a __code__ store would leave g without a version, which
nothing reassigns, and the form would never apply again).
Writers take turns for each function-attribute store (Race.setter:
stock 3.13t's setters are unsafe against each other; --cpython-bugs
lets them collide); readers race every store.
Invariant: f(1, k=2) is (1, 2, "M1"), (1, 2, "M2") or TypeError;
h(a=1, b=2) is (1, 2) or TypeError; g(1, c=3, b=2) is ("G1", 1, 2, 3)
or ("G2", 1, 2, 3); sorted(...) is always [3, 2, 1].
"""
import _race

T = (2, 3, 1)


def f(a, *, k, m="M1"):
    return (a, k, m)


def h(a, b):
    return (a, b)


def h_ab(a, b):
    return (a, b)


def h_xy(x, y):
    return (x, y)


def g1(a, b, *, c):
    return ("G1", a, b, c)


def g2(a, b, *, c):
    return ("G2", a, b, c)


g = g1


def main():
    race = _race.Race(__doc__)
    f_ok = _race.Allowed((1, 2, "M1"), (1, 2, "M2"), "TypeError")
    h_ok = _race.Allowed((1, 2), "TypeError")
    kwd = [{"m": "M1"}, {"m": "M2"}, None]
    codes = [h_ab.__code__, h_xy.__code__]
    g_ok = _race.Allowed(("G1", 1, 2, 3), ("G2", 1, 2, 3))
    g_funcs = [g1, g2]

    def reader(t):
        check, expect = t.check, t.expect
        seen = {}
        for i in range(t.iters(25000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            try:
                v = f(1, k=2)
            except TypeError:
                v = "TypeError"
            check(v, f_ok, "f(1, k=2)")
            seen[v] = seen.get(v, 0) + 1
            try:
                v = h(a=1, b=2)
            except TypeError:
                v = "TypeError"
            check(v, h_ok, "h(a=1, b=2)")
            for _ in range(4):
                v = g(1, c=3, b=2)
                check(v, g_ok, "g(1, c=3, b=2)")
            r = sorted(T, reverse=True)
            if r != [3, 2, 1]:
                expect(r, [3, 2, 1], "sorted(T, reverse=True)")
        return seen

    def writer(t):
        rng = t.rng
        for _ in t.until_done():
            with race.setter():
                which = rng.randrange(3)
                if which == 0:
                    f.__kwdefaults__ = kwd[rng.randrange(3)]
                elif which == 1:
                    h.__code__ = codes[rng.randrange(2)]
                else:
                    globals()["g"] = g_funcs[rng.randrange(2)]
            _race.dwell(rng.randrange(300))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
