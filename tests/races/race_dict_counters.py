"""Read-modify-write counters in a shared dict: private keys and a locked key.

Attacks: STORE_SUBSCR_DICT, BINARY_SUBSCR_DICT, BINARY_OP_ADD_INT
Each reader increments its own key with d[k] = d[k] + 1 (no lock needed:
no one else writes it) and a shared key under a lock, while writers keep
inserting and deleting other keys (resizing the dict).
Invariant: at the end each private counter equals its owner's iteration
count and the shared counter equals the sum of all of them; during the
run a private counter never goes backwards.
"""
import threading

import _race


def main():
    race = _race.Race(__doc__)
    nreaders = race.split()[0]
    d = {"shared": 0}
    keys = ["c%d" % i for i in range(nreaders)]
    for k in keys:
        d[k] = 0
    lock = threading.Lock()
    done = {}

    def reader(t):
        expect = t.expect
        k = keys[t.index]
        n = t.iters(30000)
        for i in range(n):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            v = d[k]
            if v != i:
                expect(v, i, "private counter before increment")
            d[k] = v + 1
            if not (i & 7):
                with lock:
                    d["shared"] = d["shared"] + 1
        done[k] = n
        return None

    def writer(t):
        rng = t.rng
        mine = ["w%d_%d" % (t.index, i) for i in range(300)]
        for _ in t.until_done():
            n = rng.randrange(1, 300)
            for x in mine[:n]:
                d[x] = x
            for x in mine[:n]:
                del d[x]
            _race.dwell(rng.randrange(100))

    race.run(reader, writer)
    for k in keys:
        race.expect(d[k], done[k], "final %s" % k)
    race.expect(d["shared"], sum((n + 7) // 8 for n in done.values()), "final shared counter")
    race.expect(len(d), nreaders + 1, "final len(d)")
    race.finish()


if __name__ == "__main__":
    main()
