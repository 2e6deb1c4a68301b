"""Module globals rebound and the module dict resized under hot global loads.

Attacks: LOAD_GLOBAL_MODULE, LOAD_GLOBAL_BUILTIN
Writers flip the global G between 1 and 2 and add or remove dozens of
other globals (resizing this module's dict and changing its keys).
Invariant: G reads as 1 or 2; K (never rebound) is always "k"; the
builtin len is still found through the churn: len(T) == 3.
"""
import _race

G = 1
K = "k"
T = (1, 2, 3)


def read_all(n, check, expect, ok):
    seen = {}
    for i in range(n):
        if not (i & 127):
            _race.relax()     # let writers in on an oversubscribed machine
        g = G
        check(g, ok, "G")
        seen[g] = seen.get(g, 0) + 1
        if K != "k":
            expect(K, "k", "K")
        n3 = len(T)
        if n3 != 3:
            expect(n3, 3, "len(T)")
    return seen


def main():
    race = _race.Race(__doc__)
    ok = _race.Allowed(1, 2)
    mod = globals()
    pads = ["_pad%d" % i for i in range(80)]

    def reader(t):
        return read_all(t.iters(40000), t.check, t.expect, ok)

    def writer(t):
        global G
        rng = t.rng
        for _ in t.until_done():
            k = rng.randrange(4)
            if k == 0:
                G = 1
            elif k == 1:
                G = 2
            elif k == 2:
                for p in pads[: rng.randrange(1, 80)]:
                    mod[p] = 0
            else:
                for p in pads:
                    mod.pop(p, None)
            _race.dwell(rng.randrange(200))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
