"""__getattr__ installed and removed while readers hit present and missing names.

Attacks: LOAD_ATTR_INSTANCE_VALUE, LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN,
         LOAD_ATTR_METHOD_WITH_VALUES
Writers install C.__getattr__ (returns "miss"), delete it, and add or
remove an instance attribute `nope` (value "inst") on shared objects.
Invariant: o.x (present, never written) is always 1 and o.m() always
"m" whatever __getattr__ does; o.nope is "miss", "inst" or AttributeError.
"""
import _race


def fallback(self, name):
    return "miss"


class C:
    def __init__(self):
        self.x = 1

    def m(self):
        return "m"


def main():
    race = _race.Race(__doc__)
    objs = [C() for _ in range(4)]
    ok = _race.Allowed("miss", "inst", "AttributeError")

    def reader(t):
        check, expect = t.check, t.expect
        seen = {}
        for i in range(t.iters(25000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            o = objs[i & 3]
            x = o.x
            if x != 1:
                expect(x, 1, "o.x")
            try:
                v = o.nope
            except AttributeError:
                v = "AttributeError"
            check(v, ok, "o.nope")
            seen[v] = seen.get(v, 0) + 1
            r = o.m()
            if r != "m":
                expect(r, "m", "o.m()")
        return seen

    def writer(t):
        rng = t.rng
        for _ in t.until_done():
            k = rng.randrange(4)
            if k == 0:
                C.__getattr__ = fallback
            elif k == 1:
                try:
                    del C.__getattr__
                except AttributeError:
                    pass
            elif k == 2:
                objs[rng.randrange(4)].nope = "inst"
            else:
                try:
                    del objs[rng.randrange(4)].nope
                except AttributeError:
                    pass
            _race.dwell(rng.randrange(300))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
