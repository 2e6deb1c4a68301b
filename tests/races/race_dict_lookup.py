"""Dict subscripts, get() and stores while other threads resize the same dict.

Attacks: BINARY_SUBSCR_DICT, STORE_SUBSCR_DICT, CONTAINS_OP_DICT, CALL_DICT_GET
The dict holds eight constant str keys, eight constant int keys and four
keys of a class whose instances all hash alike (a collision chain).
Writers insert and delete up to 1000 other keys of their own (500 strs
and 500 ints), forcing resizes and leaving dummies. A second dict, read
with get(), holds small ints (immortal, so stock 3.13t's dict.get never
falls into its slow, spinning path; bench/README.md), and writers resize
it by inserting and deleting other small ints.
Invariant: every constant key always maps to its value (by subscript and
by get()) and is `in` the dict; an int key no one inserts is never `in`
it; get() of an absent key returns its default; a reader's own keys (a
str and an int) read back what it stored; nothing else.
"""
import _race


class K:
    __slots__ = ("tag",)

    def __init__(self, tag):
        self.tag = tag

    def __hash__(self):
        return 12345

    def __eq__(self, other):
        return isinstance(other, K) and other.tag == self.tag


def main():
    race = _race.Race(__doc__)
    d = {}
    skeys = ["s%d" % i for i in range(8)]
    for i, k in enumerate(skeys):
        d[k] = i
    for i in range(8):
        d[1000 + i] = -i
    kkeys = [K(i) for i in range(4)]
    for i, k in enumerate(kkeys):
        d[k] = "k%d" % i
    probes = [K(i) for i in range(4)]      # equal to, not identical with, kkeys
    g = {i: 100 + i for i in range(8)}

    def reader(t):
        expect = t.expect
        mykey = "own%d" % t.index
        myint = 100000 + t.index
        for i in range(t.iters(30000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            j = i & 7
            v = d[skeys[j]]
            expect(v, j, ("d[%r]", skeys[j]))
            v = d[1000 + j]
            if v != -j:
                expect(v, -j, "d[%d]" % (1000 + j))
            if 1000 + j not in d:
                expect(False, True, "%d in d" % (1000 + j))
            if 3000 + j in d:
                expect(True, False, "%d in d" % (3000 + j))
            v = d[probes[j & 3]]
            if v != "k%d" % (j & 3):
                expect(v, "k%d" % (j & 3), "d[K(%d)]" % (j & 3))
            v = g.get(j)
            if v != 100 + j:
                expect(v, 100 + j, "g.get(%d)" % j)
            v = g.get(-1 - j, "default")
            if v != "default":
                expect(v, "default", "g.get(%d, 'default')" % (-1 - j))
            d[mykey] = i
            v = d[mykey]
            if v != i:
                expect(v, i, "own d[%r] read back" % mykey)
            d[myint] = i
            v = d[myint]
            if v != i:
                expect(v, i, "own d[%d] read back" % myint)
        return None

    def writer(t):
        rng = t.rng
        mine = ["w%d_%d" % (t.index, i) for i in range(500)]
        mine += [10000 + 1000 * t.index + i for i in range(500)]
        for _ in t.until_done():
            n = rng.randrange(1, 1000)
            for k in mine[:n]:
                d[k] = 0
            for k in mine[:n]:
                del d[k]
            m = rng.randrange(1, 24)
            for k in range(200 + 24 * (t.index & 1), 200 + 24 * (t.index & 1) + m):
                g[k] = 0
            for k in range(200 + 24 * (t.index & 1), 200 + 24 * (t.index & 1) + m):
                g.pop(k, None)
            _race.dwell(rng.randrange(100))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
