"""for-loops whose iterable switches between list, tuple, range and generator.

Attacks: FOR_ITER_LIST, FOR_ITER_TUPLE, FOR_ITER_RANGE, FOR_ITER_GEN
Writers rebind the global SRC among a list, a tuple, a range and a
generator-function factory (a fresh generator per loop), all holding
0..K-1 for various K, never mutated.
Invariant: the loop over the object actually loaded yields exactly
0..K-1 in order (checked by count and running sum), whatever SRC
is rebound to meanwhile.
"""
import _race


def gen(k):
    for i in range(k):
        yield i


SOURCES = [list(range(50)), tuple(range(40)), range(60), list(range(3)),
           tuple(range(1)), range(0), range(100), ("gen", 45)]
SRC = SOURCES[0]


def main():
    race = _race.Race(__doc__)

    def reader(t):
        expect = t.expect
        seen = {}
        for i in range(t.iters(4000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            s = SRC
            if type(s) is tuple and s and s[0] == "gen":
                k = s[1]
                it = gen(k)
            else:
                k = len(s)
                it = s
            n = 0
            total = 0
            for x in it:
                if x != n:
                    expect(x, n, "element %d of %s" % (n, type(it).__name__))
                n += 1
                total += x
            expect((n, total), (k, k * (k - 1) // 2), ("(count, sum) of %s", type(it).__name__))
            tn = type(it).__name__
            seen[tn] = seen.get(tn, 0) + 1
        return seen

    def writer(t):
        global SRC
        rng = t.rng
        for _ in t.until_done():
            SRC = SOURCES[rng.randrange(len(SOURCES))]
            _race.dwell(rng.randrange(500))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
