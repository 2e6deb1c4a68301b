"""Methods and plain class attributes of a __slots__ class rebound under calls.

Attacks: LOAD_ATTR_METHOD_NO_DICT, LOAD_ATTR_NONDESCRIPTOR_NO_DICT,
         LOAD_ATTR_SLOT, CALL_PY_EXACT_ARGS
Writers rebind S.m between two functions or to a non-callable int, and
S.k between two strings.
Invariant: s.m() is "a", "b" or TypeError (int not callable); s.k is "k1"
or "k2"; the slot s.v (never written after setup) is always its index.
"""
import _race


def fa(self):
    return "a"


def fb(self):
    return "b"


class S:
    __slots__ = ("v",)
    m = fa
    k = "k1"

    def __init__(self, v):
        self.v = v


def main():
    race = _race.Race(__doc__)
    pool = [S(i) for i in range(4)]
    m_ok = _race.Allowed("a", "b", "TypeError")
    k_ok = _race.Allowed("k1", "k2")

    def reader(t):
        check, expect = t.check, t.expect
        seen = {}
        for i in range(t.iters(30000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            j = i & 3
            s = pool[j]
            try:
                v = s.m()
            except TypeError:
                v = "TypeError"
            check(v, m_ok, "s.m()")
            seen[v] = seen.get(v, 0) + 1
            check(s.k, k_ok, "s.k")
            if s.v != j:
                expect(s.v, j, "s.v")
        return seen

    def writer(t):
        rng = t.rng
        for _ in t.until_done():
            k = rng.randrange(5)
            if k == 0:
                S.m = fa
            elif k == 1:
                S.m = fb
            elif k == 2:
                S.m = 12345
            elif k == 3:
                S.k = "k1"
            else:
                S.k = "k2"
            _race.dwell(rng.randrange(300))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
