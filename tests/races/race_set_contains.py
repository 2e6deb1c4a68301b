"""Set membership tests while writers add and remove other members.

Attacks: CONTAINS_OP_SET, CONTAINS_OP_DICT, TO_BOOL_INT
Permanent members are never removed; transient members come and go in
bursts of up to 400 (forcing the table to grow and shrink); "absent"
members are never added.  The same is done to a dict used as a set.
Invariant: a permanent member is always `in`, an absent one never is,
a transient one gives a bool - in both the set and the dict.
"""
import _race


def main():
    race = _race.Race(__doc__)
    perm = [("p", i) for i in range(8)] + list(range(8)) + ["perm%d" % i for i in range(8)]
    absent = [("a", i) for i in range(8)] + list(range(100, 108)) + ["abs%d" % i for i in range(8)]
    s = set(perm)
    d = dict.fromkeys(perm)
    np = len(perm)

    def reader(t):
        expect = t.expect
        for i in range(t.iters(30000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            j = i % np
            p = perm[j]
            a = absent[j]
            if p not in s:
                expect(False, True, "%r in set" % (p,))
            if a in s:
                expect(True, False, "%r in set" % (a,))
            if p not in d:
                expect(False, True, "%r in dict" % (p,))
            if a in d:
                expect(True, False, "%r in dict" % (a,))
            r = ("t", 0, j) in s
            if r is not True and r is not False:
                expect(r, False, "transient in set")
        return None

    def writer(t):
        rng = t.rng
        trans = [("t", t.index, i) for i in range(400)]
        for _ in t.until_done():
            n = rng.randrange(1, 400)
            for x in trans[:n]:
                s.add(x)
                d[x] = None
            for x in trans[:n]:
                s.discard(x)
                del d[x]
            _race.dwell(rng.randrange(100))

    race.run(reader, writer)
    race.expect(s, set(perm), "final set")
    race.finish()


if __name__ == "__main__":
    main()
