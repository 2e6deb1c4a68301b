"""Sequence unpacking while the source switches type, length and contents.

Attacks: UNPACK_SEQUENCE_TWO_TUPLE, UNPACK_SEQUENCE_TUPLE, UNPACK_SEQUENCE_LIST
Writers rebind the globals SRC2 and SRC3 among tuples, lists and strs of
the right and wrong lengths, and mutate the shared list MUT in place
between [11, 12], [13, 14, 15] and [].
Invariant: unpacking an immutable source gives exactly its items (the
pair of one object, never a mix of two); unpacking MUT gives a in {11, 13},
b in {12, 14} or ValueError; a wrong length always raises ValueError.
"""
import _race

MUT = [11, 12]
P2 = [(1, 2), (3, 4), "ab", (5, 6, 7), [8, 9], MUT]
P3 = [(1, 2, 3), (4, 5, 6), "xyz", (7, 8), [9, 10, 11], MUT]
SRC2 = P2[0]
SRC3 = P3[0]


def expected(src, n):
    if src is MUT:
        return None
    return tuple(src) if len(src) == n else "ValueError"


def main():
    race = _race.Race(__doc__)
    exp2 = {id(s): expected(s, 2) for s in P2}
    exp3 = {id(s): expected(s, 3) for s in P3}
    mut_a = _race.Allowed(11, 13)
    mut_b = _race.Allowed(12, 14)
    mut_c = _race.Allowed(15)

    def reader(t):
        check, expect = t.check, t.expect
        seen = {}
        for i in range(t.iters(30000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            s = SRC2
            try:
                a, b = s
                v = (a, b)
            except ValueError:
                v = "ValueError"
            if s is MUT:
                if v != "ValueError":
                    check(v[0], mut_a, "MUT a")
                    check(v[1], mut_b, "MUT b")
            else:
                expect(v, exp2[id(s)], "a, b = %r" % (s,))
            s = SRC3
            try:
                a, b, c = s
                v = (a, b, c)
            except ValueError:
                v = "ValueError"
            if s is MUT:
                if v != "ValueError":
                    check(v[0], mut_a, "MUT a")
                    check(v[1], mut_b, "MUT b")
                    check(v[2], mut_c, "MUT c")
            else:
                expect(v, exp3[id(s)], "a, b, c = %r" % (s,))
            if not (i & 63):
                seen[type(s).__name__] = seen.get(type(s).__name__, 0) + 1
        return seen

    def writer(t):
        global SRC2, SRC3
        rng = t.rng
        for _ in t.until_done():
            k = rng.randrange(4)
            if k == 0:
                SRC2 = P2[rng.randrange(len(P2))]
            elif k == 1:
                SRC3 = P3[rng.randrange(len(P3))]
            elif k == 2:
                MUT[:] = [11, 12] if rng.randrange(2) else [13, 14, 15]
            else:
                MUT.clear()
            _race.dwell(rng.randrange(200))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
