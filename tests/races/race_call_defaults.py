"""__defaults__ swapped (other values; other lengths and removal opt-in).

Attacks: CALL_PY_WITH_DEFAULTS, CALL_PY_EXACT_ARGS
f(a, b=1) is called as f(0); g(a, b=10, c=20) is called as g(0) and as
g(0, 5).  Writers set f.__defaults__ to (1,) or (2,), and g.__defaults__
to (10, 20) or (30, 40).  With --cpython-bugs they also set None, and
(30,) for g: stock 3.13t's initialize_locals reads func_defaults twice
(its length, then its items), so a swap to a shorter tuple or None in
between reads past the end or through NULL (a debug build crashes
every few runs; a release build keeps the pointer in a register).
Writers take turns for each function-attribute store (Race.setter:
stock 3.13t's setters are unsafe against each other; --cpython-bugs
lets them collide); readers race every store.
Invariant: f(0) is 1 or 2; g(0) is (10, 20) or (30, 40); g(0, 5) is
(5, 20) or (5, 40).  With --cpython-bugs each may also be TypeError,
and g(0, 5) may be (5, 30) (with (30,) only c has a default).  Never a
mix of two defaults tuples.
"""
import _race


def f(a, b=1):
    return b


def g(a, b=10, c=20):
    return (b, c)


def main():
    race = _race.Race(__doc__)
    fdefs = [(1,), (2,)]
    gdefs = [(10, 20), (30, 40)]
    f_ok = [1, 2]
    g0_ok = [(10, 20), (30, 40)]
    g1_ok = [(5, 20), (5, 40)]
    if race.cpython_bugs:
        fdefs.append(None)
        gdefs += [(30,), None]
        f_ok.append("TypeError")
        g0_ok.append("TypeError")
        g1_ok += [(5, 30), "TypeError"]
    f_ok = _race.Allowed(*f_ok)
    g0_ok = _race.Allowed(*g0_ok)
    g1_ok = _race.Allowed(*g1_ok)

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
            with race.setter():
                if rng.randrange(2):
                    f.__defaults__ = fdefs[rng.randrange(len(fdefs))]
                else:
                    g.__defaults__ = gdefs[rng.randrange(len(gdefs))]
            _race.dwell(rng.randrange(300))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
