"""Several threads store into the same instance attribute at once.

Attacks: STORE_ATTR_INSTANCE_VALUE, LOAD_ATTR_INSTANCE_VALUE
Writers all store objects from one pool into o.v of one shared instance
in a hot loop; readers load o.v.  Every store must release exactly the
value it replaced: two stores that both read the same old value both
release it (one reference too few) and lose one of the new values (one
too many).
Invariant: a reader's o.v is a pool Box with a pool tag; after the race,
once o.v is deleted, every pool Box has exactly the reference count it
had before the race.
"""
import sys

import _race

POOL = 64


class Box:
    __slots__ = ("tag",)

    def __init__(self, tag):
        self.tag = tag


class C:
    def __init__(self):
        self.v = None


def main():
    race = _race.Race(__doc__)
    pool = [Box(k) for k in range(POOL)]
    o = C()
    o.v = pool[0]
    del o.v
    before = [sys.getrefcount(b) for b in pool]
    tags = _race.Allowed(*range(POOL))

    def reader(t):
        check = t.check
        for i in range(t.iters(30000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            try:
                b = o.v
            except AttributeError:
                continue          # before the first store
            check(type(b).__name__, ("Box",), "type(o.v)")
            check(b.tag, tags, "o.v.tag")

    def writer(t):
        off = t.index * 7
        for i in t.until_done(limit=500000):
            o.v = pool[(i + off) & (POOL - 1)]

    race.run(reader, writer)
    del o.v
    after = [sys.getrefcount(b) for b in pool]
    for k in range(POOL):
        if after[k] != before[k]:
            race.expect(after[k], before[k], ("refcount of pool[%d] after the race", k))
            break
    race.finish()


if __name__ == "__main__":
    main()
