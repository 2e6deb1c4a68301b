"""Method calls on objects whose __dict__ is lazily created, racing its creation.

Attacks: LOAD_ATTR_METHOD_LAZY_DICT, LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES
Instances of an Exception subclass keep their dict pointer NULL until an
attribute is set.  Writers shadow e.m with an instance attribute (creating
the dict), delete it again, replace pool entries with fresh dict-less
instances, and rebind E.m between two functions.
Invariant: e.m() is "cls1", "cls2" or "inst"; e.args is always (i,) for
the pool slot's index i.
"""
import _race


def cls1(self):
    return "cls1"


def cls2(self):
    return "cls2"


def inst():
    return "inst"


class E(Exception):
    m = cls1


def main():
    race = _race.Race(__doc__)
    pool = [E(i) for i in range(4)]
    ok = _race.Allowed("cls1", "cls2", "inst")

    def reader(t):
        check, expect = t.check, t.expect
        seen = {}
        for i in range(t.iters(30000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            j = i & 3
            e = pool[j]
            v = e.m()
            check(v, ok, "e.m()")
            seen[v] = seen.get(v, 0) + 1
            a = e.args
            if a != (j,):
                expect(a, (j,), "e.args")
        return seen

    def writer(t):
        rng = t.rng
        for _ in t.until_done():
            j = rng.randrange(4)
            k = rng.randrange(4)
            if k == 0:
                pool[j].m = inst
            elif k == 1:
                try:
                    del pool[j].m
                except AttributeError:
                    pass
            elif k == 2:
                pool[j] = E(j)
            else:
                E.m = cls1 if rng.randrange(2) else cls2
            _race.dwell(rng.randrange(200))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
