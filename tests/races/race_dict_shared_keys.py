"""Dict keys flagged as shared while their dict is popped, refilled and cleared.

Attacks: BINARY_SUBSCR_DICT, CONTAINS_OP_DICT (the key scan of
sigil_dict_read_shared: a thread that does not own the dict flags its
stored keys under the dict's lock, while writers append, popitem (which
hands an entry back for the next insertion), resize and clear; and the
immortalization of a read-mostly dict's contents, sigil_dict_immortalize,
which stops the world while readers hold references and writers store)
The main thread owns two dicts and their keys: formatted strs and tuples
that readers look up with equal, not identical, keys, and objects with a
finalizer. Readers look the stable keys up in hot loops (so they keep
scanning); writers, one at a time, append keys of their own and popitem
them back off (entries reused), force resizes, and clear and refill the
second dict with fresh finalizable keys. A third dict is never changed
(its contents are made immortal under the readers), and a fourth has its
tuple values replaced by equal fresh tuples now and then (a store may
land between a reader's version checks and the stop).
Invariant: a stable key always maps to its value and is `in` the first
dict; in the second, a key maps to its value or is absent (KeyError)
while it is being refilled; every finalizable key created is finalized
exactly once by the end (flagging changes no lifetime); the third and
fourth dicts always give their values; in a Sigil mode, some dict's
contents were made immortal (the stop really ran under the race).
"""
import gc
import threading

import _race


class Key:
    """A key whose death is observable: its finalizer counts it."""
    __slots__ = ("tag",)
    finalized = [0]
    lock = threading.Lock()

    def __init__(self, tag):
        self.tag = tag

    def __hash__(self):
        return hash(self.tag)

    def __eq__(self, other):
        return type(other) is Key and other.tag == self.tag

    def __del__(self):
        with Key.lock:
            Key.finalized[0] += 1


def main():
    race = _race.Race(__doc__)
    strs = ["key%03d" % i for i in range(200)]
    stable = {k: i for i, k in enumerate(strs)}
    for i in range(32):
        stable[(i, i + 1)] = 1000 + i
    churn = {Key(i): i for i in range(16)}
    frozen = {"f%03d" % i: (i, "x%d" % i) for i in range(100)}
    rare = {"r%03d" % i: (i, "y%d" % i) for i in range(100)}
    try:
        import sigil
    except ImportError:
        sigil = None    # the stock interpreter: nothing to check
    sigil_on = sigil is not None and sigil.info().get("mode") != "off"
    if sigil_on:
        sigil.reset_stats()
    created = [16]
    wlock = threading.Lock()
    churn_ok = [_race.Allowed(i, "KeyError") for i in range(16)]

    def reader(t):
        expect, check = t.expect, t.check
        probes = [Key(i) for i in range(16)]
        for i in range(t.iters(30000)):
            if not (i & 127):
                _race.relax()
            j = i % 200
            k = "key%03d" % j
            v = stable[k]
            if v != j:
                expect(v, j, ("stable[%r]", k))
            if k not in stable:
                expect(False, True, ("%r in stable", k))
            p = i & 31
            v = stable[(p, p + 1)]
            if v != 1000 + p:
                expect(v, 1000 + p, ("stable[(%d, %d)]", p, p + 1))
            q = i & 15
            try:
                v = churn[probes[q]]
            except KeyError:
                v = "KeyError"
            check(v, churn_ok[q], ("churn[Key(%d)]", q))
            f = i % 100
            v = frozen["f%03d" % f]
            if v[0] != f or v[1] != "x%d" % f:
                expect(v, (f, "x%d" % f), ("frozen[%r]", "f%03d" % f))
            v = rare["r%03d" % f]
            if v[0] != f or v[1] != "y%d" % f:
                expect(v, (f, "y%d" % f), ("rare[%r]", "r%03d" % f))
        return None

    def writer(t):
        rng = t.rng
        for _ in t.until_done():
            if rng.randrange(8) == 0:
                j = rng.randrange(100)
                rare["r%03d" % j] = (j, "y%d" % j)     # equal, fresh
            with wlock:
                r = rng.randrange(3)
                if r == 0:
                    # append keys of this writer, then popitem them back off:
                    # the popped entries are reused by the next appends
                    n = rng.randrange(1, 40)
                    for i in range(n):
                        stable["w%d_%d" % (t.index, i)] = -1
                    for _ in range(n):
                        k, v = stable.popitem()
                        if v != -1:
                            race.fail("popitem took a stable key %r" % (k,))
                elif r == 1:
                    # enough appends to resize, then delete them
                    n = rng.randrange(100, 600)
                    mine = ["r%d_%d" % (t.index, i) for i in range(n)]
                    for k in mine:
                        stable[k] = -2
                    for k in mine:
                        del stable[k]
                else:
                    # fresh finalizable keys for the second dict
                    fresh = [Key(i) for i in range(16)]
                    created[0] += 16
                    churn.clear()
                    for i, k in enumerate(fresh):
                        churn[k] = i
                    del fresh
            _race.dwell(rng.randrange(300))

    race.run(reader, writer)
    churn.clear()
    gc.collect()
    # every key the writers made, the first sixteen and the readers'
    # probes (dropped with their frames) is finalized exactly once
    expected = created[0] + 16 * race.split()[0]
    done = Key.finalized[0]
    if done != expected:
        race.fail("%d finalizable keys made, %d finalized" % (expected, done))
    if sigil_on and sigil.stats().get("runtime.dict_stops", 0) == 0:
        race.fail("no dict's contents were made immortal under the readers")
    race.finish()


if __name__ == "__main__":
    main()
