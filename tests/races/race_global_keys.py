"""Keys-versioned global loads while the globals are rebound, grown and replaced.

Attacks: LOAD_GLOBAL_MODULE_KEYS, LOAD_GLOBAL_MODULE
Readers run a hot function whose globals dict is fresh in every phase, so
its loads start on the keys-version form each time. Writers rebind V to
fresh tuples (k, k) (the old one dies: a load must take its reference
before that, or miss), add and delete pad keys (the keys version is zeroed
and the dict resized: the form must miss and demote, never read a moved
entry), and start a new phase (new dict, new code) now and then.
Invariant: V is always a pair of equal ints; K (never rebound) is always
"k"; W (deleted and re-added by writers) is 7 or raises NameError.
"""
import _race

SRC = """
def hot(n, check, pair, expect, relax):
    missing = 0
    for i in range(n):
        if not (i & 127):
            relax()
        check(V, pair, "V")
        if K != "k":
            expect(K, "k", "K")
        try:
            w = W
        except NameError:
            missing += 1
        else:
            if w != 7:
                expect(w, 7, "W")
    return missing
"""


def pair(v):
    """A pair of equal ints: what writers bind V to."""
    return type(v) is tuple and len(v) == 2 and type(v[0]) is int and v[0] == v[1]


def new_phase():
    d = {"__builtins__": __builtins__, "V": (1000, 1000), "K": "k", "W": 7}
    exec(SRC, d)
    return d


def main():
    race = _race.Race(__doc__)
    cur = [new_phase()]
    pads = ["_pad%d" % i for i in range(60)]

    def reader(t):
        total = t.iters(40000)
        done = 0
        while done < total:
            step = min(2000, total - done)
            cur[0]["hot"](step, t.check, pair, t.expect, _race.relax)
            done += step
        return done

    def writer(t):
        rng = t.rng
        for _ in t.until_done():
            d = cur[0]
            k = rng.randrange(16)
            if k < 9:
                n = rng.randrange(300, 100000)
                d["V"] = (n, n + 0)            # a fresh tuple of mortal ints
            elif k < 11:
                for p in pads[: rng.randrange(1, 60)]:
                    d[p] = 0
            elif k < 13:
                for p in pads:
                    d.pop(p, None)
            elif k < 15:
                if d.pop("W", None) is None:
                    d["W"] = 7
            else:
                cur[0] = new_phase()
            _race.dwell(rng.randrange(200))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
