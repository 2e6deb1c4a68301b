"""Properties swapped, removed and made to raise under a hot property load.

Attacks: LOAD_ATTR_PROPERTY, CALL_PY_EXACT_ARGS (the getter's frame)
Writers set C.p to property A (returns "A"), property B (returns
self.v * 2 where v is 21), a property whose getter raises KeyError, or
delete it so Base.p = "plain" shows through; they also swap the getter
function's __code__ between two bodies.
Writers take turns for each function-attribute store (Race.setter:
stock 3.13t's setters are unsafe against each other; --cpython-bugs
lets them collide); readers race every store.
Invariant: o.p is "A", "A2", 42, "plain" or KeyError, nothing else.
"""
import _race


def get_a(self):
    return "A"


def _alt(self):
    return "A2"


def _orig(self):
    return "A"


def get_b(self):
    return self.v * 2


def get_raise(self):
    raise KeyError("p")


class Base:
    p = "plain"


class C(Base):
    p = property(get_a)

    def __init__(self):
        self.v = 21


def main():
    race = _race.Race(__doc__)
    objs = [C() for _ in range(4)]
    ok = _race.Allowed("A", "A2", 42, "plain", "KeyError")
    props = [property(get_a), property(get_b), property(get_raise)]
    codes = [_orig.__code__, _alt.__code__]

    def reader(t):
        check = t.check
        seen = {}
        for i in range(t.iters(30000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            o = objs[i & 3]
            try:
                v = o.p
            except KeyError:
                v = "KeyError"
            check(v, ok, "o.p")
            seen[v] = seen.get(v, 0) + 1
        return seen

    def writer(t):
        rng = t.rng
        for _ in t.until_done():
            k = rng.randrange(5)
            if k < 3:
                C.p = props[k]
            elif k == 3:
                try:
                    del C.p
                except AttributeError:
                    pass
            else:
                with race.setter():
                    get_a.__code__ = codes[rng.randrange(2)]
            _race.dwell(rng.randrange(300))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
