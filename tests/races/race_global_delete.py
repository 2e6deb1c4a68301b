"""A module global deleted and re-created under hot global loads.

Attacks: LOAD_GLOBAL_MODULE
Writers delete the global G and re-create it as 1 or 2, or with a
str value "s" for a while.
Invariant: G reads as 1, 2, "s" or raises NameError; H (deleted only
by the reader itself and immediately re-created) is never missing for
the reader that owns it.
"""
import _race

G = 1


def read_g(n, check, ok):
    seen = {}
    for i in range(n):
        if not (i & 127):
            _race.relax()     # let writers in on an oversubscribed machine
        try:
            g = G
        except NameError:
            g = "NameError"
        check(g, ok, "G")
        seen[g] = seen.get(g, 0) + 1
    return seen


def main():
    race = _race.Race(__doc__)
    ok = _race.Allowed(1, 2, "s", "NameError")
    mod = globals()

    def reader(t):
        return read_g(t.iters(60000), t.check, ok)

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
                G = "s"
            else:
                mod.pop("G", None)
            _race.dwell(rng.randrange(200))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
