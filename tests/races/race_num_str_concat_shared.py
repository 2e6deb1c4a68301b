"""In-place str concatenation of strings other threads hold references to.

Attacks: BINARY_OP_INPLACE_ADD_UNICODE
Readers build a local string with `s += PIECE` and publish it, with its
expected length, into a shared list slot every few steps, then keep
appending to the same local. Observers take published strings out of the
slots, keep some of them alive for a while and check them again later.
Extending a string in place is correct only while the local holds the only
reference: a string an observer can see must never change.
Invariant: every observed string is exactly PIECE * (length / len(PIECE))
with the length recorded when it was published, at every look.
"""
import _race

PIECE = "ab"
SLOTS = 8


def main():
    race = _race.Race(__doc__)
    shared = [("", 0)] * SLOTS

    def reader(t):
        expect = t.expect
        rng = t.rng
        s = ""
        n = 0
        for i in range(t.iters(60000)):
            if not (i & 127):
                _race.relax()     # let observers in on an oversubscribed machine
            if n >= 200:
                s = ""
                n = 0
            s += PIECE
            n += 1
            if not (i & 15):
                expect(len(s), 2 * n, "length after +=")
            if not (i & 7):
                shared[rng.randrange(SLOTS)] = (s, n)
        return n

    def observer(t):
        expect = t.expect
        rng = t.rng
        kept = []
        for _ in t.until_done():
            s, n = shared[rng.randrange(SLOTS)]
            expect(len(s) == 2 * n and s == PIECE * n, True,
                   ("published string of %d pieces is intact", n))
            kept.append((s, n))
            if len(kept) > 16:
                old, m = kept.pop(rng.randrange(len(kept)))
                expect(len(old) == 2 * m and old == PIECE * m, True,
                       ("kept string of %d pieces is intact", m))
            _race.dwell(rng.randrange(50))

    race.run(reader, observer)
    race.finish()


if __name__ == "__main__":
    main()
