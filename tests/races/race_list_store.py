"""Stores to owned list slots while other threads resize the list's tail.

Attacks: STORE_SUBSCR_LIST_INT, BINARY_SUBSCR_LIST_INT
The first 32 slots are split between readers; each reader stores to and
reads back only its own slots.  Writers append, pop, extend and
slice-assign beyond index 32 only, so the item array is reallocated
under the readers' stores.
Invariant: every read-back equals the value just stored; at the end
each owned slot holds its owner's last value; the tail only ever holds
the marker "tail".
"""
import threading

import _race

BASE = 32


def main():
    race = _race.Race(__doc__)
    nreaders = race.split()[0]
    L = [None] * BASE
    last = {}
    wlock = threading.Lock()

    def reader(t):
        expect = t.expect
        mine = [j for j in range(BASE) if j % t.count == t.index]
        n = t.iters(40000)
        nm = len(mine)
        for i in range(n):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            j = mine[i % nm]
            L[j] = i
            v = L[j]
            if v != i:
                expect(v, i, "own L[%d] read back" % j)
        for k in range(nm):
            i = n - 1 - k
            last[mine[i % nm]] = i
        return None

    def writer(t):
        rng = t.rng
        for _ in t.until_done():
            # Writers serialize among themselves only: `if len(L) > BASE:
            # L.pop()` must not pop an owned slot after another writer
            # shrank the tail.  Readers are never locked out.
            with wlock:
                k = rng.randrange(4)
                if k == 0:
                    if len(L) < 400:
                        L.extend(["tail"] * rng.randrange(1, 64))
                elif k == 1:
                    if len(L) > BASE:
                        L.pop()
                elif k == 2:
                    L[BASE:] = ["tail"] * rng.randrange(0, 200)
                else:
                    del L[BASE + rng.randrange(0, 8):]
            _race.dwell(rng.randrange(100))

    race.run(reader, writer)
    for j in range(BASE):
        race.expect(L[j], last.get(j), "final L[%d]" % j)
    for v in L[BASE:]:
        race.expect(v, "tail", "final tail element")
    race.finish()


if __name__ == "__main__":
    main()
