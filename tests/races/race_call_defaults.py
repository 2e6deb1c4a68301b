"""__defaults__ swapped (other values, other lengths, removed) under hot calls.

Attacks: CALL_PY_WITH_DEFAULTS, CALL_PY_EXACT_ARGS
f(a, b=1) is called as f(0); g(a, b=10, c=20) is called as g(0) and as
g(0, 5).  Writers set f.__defaults__ to (1,), (2,) or None, and
g.__defaults__ to (10, 20), (30,) or None.
Invariant: f(0) is 1, 2 or TypeError; g(0) is (10, 20) or TypeError
(with (30,) only c has a default); g(0, 5) is (5, 20), (5, 30) or
TypeError.  Never a mix of two defaults tuples.
"""
import _race


def f(a, b=1):
    return b


def g(a, b=10, c=20):
    return (b, c)


def main():
    race = _race.Race(__doc__)
    f_ok = _race.Allowed(1, 2, "TypeError")
    g0_ok = _race.Allowed((10, 20), "TypeError")
    g1_ok = _race.Allowed((5, 20), (5, 30), "TypeError")
    fdefs = [(1,), (2,), None]
    gdefs = [(10, 20), (30,), None]

    def reader(t):
        check = t.check
        seen = {}
        for i in range(t.iters(30000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            try:
                v = f(0)
            except TypeError:
                v = "TypeError"
            check(v, f_ok, "f(0)")
            seen[v] = seen.get(v, 0) + 1
            try:
                v = g(0)
            except TypeError:
                v = "TypeError"
            check(v, g0_ok, "g(0)")
            try:
                v = g(0, 5)
            except TypeError:
                v = "TypeError"
            check(v, g1_ok, "g(0, 5)")
        return seen

    def writer(t):
        rng = t.rng
        for _ in t.until_done():
            if rng.randrange(2):
                f.__defaults__ = fdefs[rng.randrange(3)]
            else:
                g.__defaults__ = gdefs[rng.randrange(3)]
            _race.dwell(rng.randrange(300))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
