"""Instance dicts grown past inline capacity and shrunk under hot loads/stores.

Attacks: LOAD_ATTR_WITH_HINT, LOAD_ATTR_INSTANCE_VALUE, STORE_ATTR_WITH_HINT
Invariant: o.x (never written after setup) is always 42; o.y, flipped by
writers, is 1 or 2; a reader's store o.v = i to its own object reads back
as i even while writers add and delete dozens of other attributes on that
same object (resizing or replacing its dict).
"""
import _race

PAD = ["pad%d" % i for i in range(48)]


class C:
    def __init__(self):
        self.x = 42
        self.y = 1
        self.v = -1


def main():
    race = _race.Race(__doc__)
    nreaders = race.split()[0]
    shared = [C() for _ in range(4)]
    own = [C() for _ in range(nreaders)]
    for o in shared[:2] + own[: nreaders // 2]:
        for name in PAD:            # start half of them on big combined dicts
            setattr(o, name, 0)
    victims = shared + own
    y_ok = _race.Allowed(1, 2)

    def reader(t):
        check, expect = t.check, t.expect
        mine = own[t.index]
        for i in range(t.iters(30000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            o = shared[i & 3]
            x = o.x
            if x != 42:
                expect(x, 42, "o.x")
            check(o.y, y_ok, "o.y")
            mine.v = i
            v = mine.v
            if v != i:
                expect(v, i, "own o.v read back")
        return None

    def writer(t):
        rng = t.rng
        for _ in t.until_done():
            o = victims[rng.randrange(len(victims))]
            k = rng.randrange(4)
            if k == 0:
                for name in PAD[: rng.randrange(1, len(PAD))]:
                    setattr(o, name, 0)
            elif k == 1:
                for name in PAD:
                    try:
                        delattr(o, name)
                    except AttributeError:
                        pass
            elif k == 2:
                o.y = 2 if o.y == 1 else 1
            else:
                vars(o)          # materialize the dict
            _race.dwell(rng.randrange(100))

    race.run(reader, writer)
    for i, o in enumerate(own):
        race.check(o.v, lambda v: isinstance(v, int) and v >= 0, "own[%d].v at the end" % i)
    race.finish()


if __name__ == "__main__":
    main()
