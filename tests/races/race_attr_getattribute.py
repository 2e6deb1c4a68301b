"""__getattribute__ installed on and removed from a class under hot loads.

Attacks: LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN, LOAD_ATTR_INSTANCE_VALUE,
         LOAD_ATTR_METHOD_WITH_VALUES
Writers install C.__getattribute__ = hook_g (answers "G" for x, defers
otherwise), or hook_h (answers "H" for x), or delete it.
Invariant: o.x is 1 (instance value), "G" or "H"; o.y (never hooked) is
always 2; o.m() is always "m".
"""
import _race


def hook_g(self, name):
    if name == "x":
        return "G"
    return object.__getattribute__(self, name)


def hook_h(self, name):
    if name == "x":
        return "H"
    return object.__getattribute__(self, name)


class C:
    def __init__(self):
        self.x = 1
        self.y = 2

    def m(self):
        return "m"


def main():
    race = _race.Race(__doc__)
    objs = [C() for _ in range(4)]
    ok = _race.Allowed(1, "G", "H")

    def reader(t):
        check, expect = t.check, t.expect
        seen = {}
        for i in range(t.iters(25000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            o = objs[i & 3]
            v = o.x
            check(v, ok, "o.x")
            seen[v] = seen.get(v, 0) + 1
            y = o.y
            if y != 2:
                expect(y, 2, "o.y")
            r = o.m()
            if r != "m":
                expect(r, "m", "o.m()")
        return seen

    def writer(t):
        rng = t.rng
        for _ in t.until_done():
            k = rng.randrange(3)
            if k == 0:
                C.__getattribute__ = hook_g
            elif k == 1:
                C.__getattribute__ = hook_h
            else:
                try:
                    del C.__getattribute__
                except AttributeError:
                    pass
            _race.dwell(rng.randrange(400))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
