"""Concurrent list.append on one shared list, watched by index readers.

Attacks: CALL_LIST_APPEND, CALL_LEN, BINARY_SUBSCR_LIST_INT
Appender threads append (thread, i) pairs to one shared list in bounded
loops; watcher threads repeatedly read len(L) and L[k] for k below a
length they saw earlier.
Invariant: len(L) never decreases for a watcher; an element once seen at
index k never changes; at the end len(L) is the total number of appends
and each appender's items appear exactly once and in its own order.
"""
import _race


def main():
    race = _race.Race(__doc__)
    L = []
    counts = {}

    def appender(t):
        n = t.iters(50000)
        append = L.append     # bound once: the hot call is CALL_LIST_APPEND below
        del append
        me = t.index
        for i in range(n):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            L.append((me, i))
        counts[me] = n
        return None

    def watcher(t):
        check, expect = t.check, t.expect
        rng = t.rng
        last_len = 0
        pinned = {}
        for _ in t.until_done():
            n = len(L)
            if n < last_len:
                expect(n, last_len, "len(L) went backwards; at least")
            last_len = n
            if n:
                k = rng.randrange(n)
                v = L[k]
                if k in pinned:
                    if v is not pinned[k]:
                        expect(v, pinned[k], "L[%d] changed" % k)
                elif len(pinned) < 64:
                    pinned[k] = v
                check(type(v), (tuple,), "type(L[k])")
        return None

    race.run_roles([("appender", appender, lambda n: max(1, n - n // 2)),
                    ("writer", watcher, lambda n: max(1, n // 2))])
    race.expect(len(L), sum(counts.values()), "final len(L)")
    nxt = dict.fromkeys(counts, 0)
    for who, i in L:
        if i != nxt[who]:
            race.expect(i, nxt[who], "next item of appender %d" % who)
            break
        nxt[who] = i + 1
    race.expect(nxt, counts, "items per appender")
    race.finish()


if __name__ == "__main__":
    main()
