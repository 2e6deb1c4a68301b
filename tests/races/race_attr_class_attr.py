"""Class attributes set, deleted and turned into descriptors under hot loads.

Attacks: LOAD_ATTR_CLASS, LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES,
         LOAD_ATTR_NONDESCRIPTOR_NO_DICT
Writers set C.k to 1 or 2, delete it (revealing Base.k, itself flipped
between 0 and -1), or install staticmethod(marker) there.
Invariant: C.k, o.k (dict-based instance without its own k) and s.k
(__slots__ instance) are each one of 0, -1, 1, 2 or the marker function,
never anything else and never AttributeError (Base.k always exists).
"""
import _race


def marker():
    return "marker"


class Base:
    k = 0


class C(Base):
    k = 1

    def __init__(self):
        self.other = "o"


class S(C):
    __slots__ = ("z",)


def main():
    race = _race.Race(__doc__)
    o = C()
    s = S()
    ok = _race.Allowed(0, -1, 1, 2, marker)

    def reader(t):
        check = t.check
        seen = {}
        for i in range(t.iters(30000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            v = C.k
            check(v, ok, "C.k")
            check(o.k, ok, "o.k")
            check(s.k, ok, "s.k")
            if not (i & 63):
                seen[v] = seen.get(v, 0) + 1
        return seen

    def writer(t):
        rng = t.rng
        sm = staticmethod(marker)
        for _ in t.until_done():
            k = rng.randrange(6)
            if k == 0:
                C.k = 1
            elif k == 1:
                C.k = 2
            elif k == 2:
                try:
                    del C.k
                except AttributeError:
                    pass
            elif k == 3:
                C.k = sm
            elif k == 4:
                Base.k = 0
            else:
                Base.k = -1
            _race.dwell(rng.randrange(300))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
