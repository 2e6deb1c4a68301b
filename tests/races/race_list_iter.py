"""for-loops over a shared list that writers grow, shrink and clear.

Attacks: FOR_ITER_LIST, CALL_LEN, TO_BOOL_LIST
Every element ever placed in the list is one of the ints 0..7, and
writers keep its length at most 64.
Invariant: every element a for-loop yields is an int in 0..7; a single
loop yields at most 64 elements (a list iterator's index only grows and
stops at the current length); len(L) is always within 0..64; bool(L) is
a bool.
"""
import threading

import _race

MAXLEN = 64
E = tuple(range(8))


def main():
    race = _race.Race(__doc__)
    wlock = threading.Lock()
    L = list(E) * 4
    ok = _race.Allowed(*E)
    len_ok = range(MAXLEN + 1)
    bool_ok = _race.Allowed(True, False)

    def reader(t):
        check = t.check
        longest = 0
        for i in range(t.iters(12000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            n = 0
            for x in L:
                check(x, ok, "element")
                n += 1
            if n > longest:
                longest = n
            check(len(L), len_ok, "len(L)")
            check(True if L else False, bool_ok, "bool(L)")
        check(longest, len_ok, "elements in one loop")
        return {"longest": longest}

    def writer(t):
        rng = t.rng
        for _ in t.until_done():
            with wlock:           # writers serialize among themselves only,
                change(rng)       # so that the length bound is theirs to keep
            _race.dwell(rng.randrange(100))

    def change(rng):
        k = rng.randrange(12)
        if k == 0:
            L.clear()
        elif k > 5:
            if len(L) < MAXLEN:
                L.append(E[rng.randrange(8)])
        elif k == 1:
            if len(L) <= MAXLEN - 8:
                L.extend(E)
        elif k == 2:
            if len(L) < MAXLEN:
                L.append(E[rng.randrange(8)])
        elif k == 3:
            try:
                L.pop(0)
            except IndexError:
                pass
        elif k == 4:
            L[:] = E * rng.randrange(1, MAXLEN // 8 + 1)
        else:
            if len(L) < MAXLEN:
                L.insert(0, 7)

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
