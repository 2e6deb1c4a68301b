"""Methods rebound on the class and shadowed per instance under hot calls.

Attacks: LOAD_ATTR_METHOD_WITH_VALUES, LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES,
         CALL_PY_EXACT_ARGS
Writers rebind C.m between two functions, shadow o.m on one instance with
an instance attribute (a plain function, called without self) and delete
it, and shadow or unshadow the class constant C.k with o.k.
Invariant: o.m(7) is ("a", 7), ("b", 7) or ("inst", 7); o.k is "ck" or "ik".
"""
import _race


def fa(self, x):
    return ("a", x)


def fb(self, x):
    return ("b", x)


def inst(x):
    return ("inst", x)


class C:
    m = fa
    k = "ck"

    def __init__(self):
        self.v = 0


def main():
    race = _race.Race(__doc__)
    pool = [C() for _ in range(4)]
    m_ok = _race.Allowed(("a", 7), ("b", 7), ("inst", 7))
    k_ok = _race.Allowed("ck", "ik")

    def reader(t):
        check = t.check
        seen = {}
        for i in range(t.iters(30000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            o = pool[i & 3]
            v = o.m(7)
            check(v, m_ok, "o.m(7)")
            seen[v[0]] = seen.get(v[0], 0) + 1
            check(o.k, k_ok, "o.k")
        return seen

    def writer(t):
        rng = t.rng
        for _ in t.until_done():
            o = pool[rng.randrange(4)]
            k = rng.randrange(6)
            if k == 0:
                C.m = fa
            elif k == 1:
                C.m = fb
            elif k == 2:
                o.m = inst
            elif k == 3:
                try:
                    del o.m
                except AttributeError:
                    pass
            elif k == 4:
                o.k = "ik"
            else:
                try:
                    del o.k
                except AttributeError:
                    pass
            _race.dwell(rng.randrange(300))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
