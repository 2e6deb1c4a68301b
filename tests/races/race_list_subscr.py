"""A shared list cleared, refilled, resized and reordered under subscripts.

Attacks: BINARY_SUBSCR_LIST_INT, STORE_SUBSCR_LIST_INT
Every element ever placed in the list is one of the ints 100..107.
Writers clear, extend, append, pop, slice-assign, sort and reverse it;
readers load L[i] for i in 0..7 (every other load through a local alias,
so that the list and the index are both borrowed operands) and store
L[i] = 100 + i.
Invariant: a load gives an int in 100..107 or IndexError; a store
succeeds or raises IndexError; the list never holds anything else and
never exceeds 64 elements.
"""
import threading

import _race

E = tuple(range(100, 108))


def main():
    race = _race.Race(__doc__)
    wlock = threading.Lock()
    L = list(E)
    ok = _race.Allowed(*E, "IndexError")

    def reader(t):
        check = t.check
        seen = {"IndexError": 0, "hit": 0}
        lst = L
        for i in range(t.iters(40000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            j = i & 7
            try:
                v = lst[j] if i & 8 else L[j]
            except IndexError:
                v = "IndexError"
            check(v, ok, ("L[%d]", j))
            seen["hit" if v != "IndexError" else v] += 1
            if not (i & 3):
                try:
                    L[j] = 100 + j
                except IndexError:
                    pass
        return seen

    def writer(t):
        rng = t.rng
        for _ in t.until_done():
            with wlock:           # writers serialize among themselves only,
                change(rng)       # so that the length bound is theirs to keep
            _race.dwell(rng.randrange(100))

    def change(rng):
        k = rng.randrange(8)
        if k == 0:
            L.clear()
        elif k == 1:
            if len(L) < 48:
                L.extend(E)
        elif k == 2:
            if len(L) < 64:
                L.append(E[rng.randrange(8)])
        elif k == 3:
            try:
                L.pop()
            except IndexError:
                pass
        elif k == 4:
            L[:] = E[: rng.randrange(9)]
        elif k == 5:
            L.sort()
        elif k == 6:
            L.reverse()
        else:
            del L[rng.randrange(9):]

    race.run(reader, writer)
    race.check(len(L), range(65), "final len(L)")
    for v in L:
        race.check(v, ok, "final element")
    race.finish()


if __name__ == "__main__":
    main()
