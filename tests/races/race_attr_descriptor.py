"""Data and non-data descriptors installed over an instance attribute.

Attacks: LOAD_ATTR_INSTANCE_VALUE, LOAD_ATTR_PROPERTY, STORE_ATTR_INSTANCE_VALUE
Every instance has x = 1 in its own dict.  Writers install on the class a
property returning "prop", a custom data descriptor returning "desc"
(whose __set__ ignores stores), a non-data descriptor (which the instance
value shadows), or remove the class attribute.
Invariant: o.x is 1, "prop" or "desc"; a store o.x = 1 either succeeds or
raises AttributeError (read-only property); nothing else.
"""
import _race


class DataDesc:
    def __get__(self, obj, owner=None):
        return "desc"

    def __set__(self, obj, value):
        pass


class NonData:
    def __get__(self, obj, owner=None):
        return "nondata"


class C:
    def __init__(self):
        self.x = 1
        self.y = 2


def main():
    race = _race.Race(__doc__)
    objs = [C() for _ in range(4)]
    ok = _race.Allowed(1, "prop", "desc")
    store_ok = _race.Allowed("stored", "AttributeError")
    prop = property(lambda self: "prop")
    dd = DataDesc()
    nd = NonData()

    def reader(t):
        check = t.check
        seen = {}
        for i in range(t.iters(30000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            o = objs[i & 3]
            v = o.x
            check(v, ok, "o.x")
            seen[v] = seen.get(v, 0) + 1
            if not (i & 15):
                try:
                    o.x = 1
                    r = "stored"
                except AttributeError:
                    r = "AttributeError"
                check(r, store_ok, "o.x = 1")
        return seen

    def writer(t):
        rng = t.rng
        for _ in t.until_done():
            k = rng.randrange(4)
            if k == 0:
                C.x = prop
            elif k == 1:
                C.x = dd
            elif k == 2:
                C.x = nd
            else:
                try:
                    del C.x
                except AttributeError:
                    pass
            _race.dwell(rng.randrange(300))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
