"""Methods rebound on the class and bound-method globals swapped under calls.

Attacks: CALL_BOUND_METHOD_EXACT_ARGS, LOAD_ATTR_METHOD_WITH_VALUES,
         CALL_PY_EXACT_ARGS, CALL_BUILTIN_O
Writers rebind C.m between two Python functions and staticmethod(repr)
(a builtin), and rebind the global BM to o.m, p.m (another instance) or
a plain function.
Invariant: o.m(5) is ("a", 5), ("b", 5) or "5"; BM(5) is ("a", 5),
("b", 5), "5" or ("plain", 5).
"""
import _race


def fa(self, x):
    return ("a", x)


def fb(self, x):
    return ("b", x)


def plain(x):
    return ("plain", x)


class C:
    m = fa


O = C()
P = C()
BM = O.m


def main():
    race = _race.Race(__doc__)
    m_ok = _race.Allowed(("a", 5), ("b", 5), "5")
    bm_ok = _race.Allowed(("a", 5), ("b", 5), "5", ("plain", 5))
    sm = staticmethod(repr)

    def reader(t):
        check = t.check
        seen = {}
        for i in range(t.iters(30000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            v = O.m(5)
            check(v, m_ok, "o.m(5)")
            w = BM(5)
            check(w, bm_ok, "BM(5)")
            if not (i & 15):
                seen[w] = seen.get(w, 0) + 1
        return seen

    def writer(t):
        global BM
        rng = t.rng
        for _ in t.until_done():
            k = rng.randrange(6)
            if k == 0:
                C.m = fa
            elif k == 1:
                C.m = fb
            elif k == 2:
                C.m = sm
            elif k == 3:
                BM = O.m
            elif k == 4:
                BM = P.m
            else:
                BM = plain
            _race.dwell(rng.randrange(300))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
