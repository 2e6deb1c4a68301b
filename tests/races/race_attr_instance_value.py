"""Instance attribute flipped between 1 and 2, or deleted, under a hot load.

Attacks: LOAD_ATTR_INSTANCE_VALUE, STORE_ATTR_INSTANCE_VALUE
Invariant: a reader of o.x sees 1, 2 or AttributeError and nothing else;
o.y, never written after construction, is always 7; the reader's own
o.mine (only it writes it) reads back what it stored.
"""
import _race


class C:
    def __init__(self):
        self.x = 1
        self.y = 7
        self.mine = None


def main():
    race = _race.Race(__doc__)
    objs = [C() for _ in range(4)]
    allowed = _race.Allowed(1, 2, "AttributeError")

    def reader(t):
        check, expect = t.check, t.expect
        mine = [C() for _ in range(4)]
        seen = {}
        for i in range(t.iters(40000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            o = objs[i & 3]
            try:
                v = o.x
            except AttributeError:
                v = "AttributeError"
            check(v, allowed, "o.x")
            seen[v] = seen.get(v, 0) + 1
            if o.y != 7:
                expect(o.y, 7, "o.y")
            m = mine[i & 3]
            m.mine = i
            if m.mine != i:
                expect(m.mine, i, "own o.mine")
        return seen

    def writer(t):
        rng = t.rng
        for _ in t.until_done():
            o = objs[rng.randrange(4)]
            k = rng.randrange(3)
            if k == 0:
                o.x = 1
            elif k == 1:
                o.x = 2
            else:
                try:
                    del o.x
                except AttributeError:
                    pass
            _race.dwell(rng.randrange(40))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
