"""__slots__ members written, deleted and read by racing threads.

Attacks: LOAD_ATTR_SLOT, STORE_ATTR_SLOT
Invariant: s.a, flipped between 1 and 2 or deleted by writers, reads as
1, 2 or AttributeError; s.b (never written after setup) is always "b";
a reader's store to the slot of its own object reads back as stored, and
at the end holds the reader's last value.
"""
import _race


class S:
    __slots__ = ("a", "b", "mine")

    def __init__(self):
        self.a = 1
        self.b = "b"
        self.mine = -1


def main():
    race = _race.Race(__doc__)
    nreaders = race.split()[0]
    shared = [S() for _ in range(4)]
    own = [S() for _ in range(nreaders)]
    last = [None] * nreaders
    a_ok = _race.Allowed(1, 2, "AttributeError")

    def reader(t):
        check, expect = t.check, t.expect
        mine = own[t.index]
        seen = {}
        n = t.iters(40000)
        for i in range(n):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            s = shared[i & 3]
            try:
                a = s.a
            except AttributeError:
                a = "AttributeError"
            check(a, a_ok, "s.a")
            seen[a] = seen.get(a, 0) + 1
            b = s.b
            if b != "b":
                expect(b, "b", "s.b")
            mine.mine = i
            m = mine.mine
            if m != i:
                expect(m, i, "own slot read back")
        last[t.index] = n - 1
        return seen

    def writer(t):
        rng = t.rng
        for _ in t.until_done():
            s = shared[rng.randrange(4)]
            k = rng.randrange(3)
            if k == 0:
                s.a = 1
            elif k == 1:
                s.a = 2
            else:
                try:
                    del s.a
                except AttributeError:
                    pass
            _race.dwell(rng.randrange(40))

    race.run(reader, writer)
    for i, o in enumerate(own):
        race.expect(o.mine, last[i], "own[%d].mine at the end" % i)
    race.finish()


if __name__ == "__main__":
    main()
