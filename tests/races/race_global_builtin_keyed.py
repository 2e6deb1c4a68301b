"""Keys-versioned builtin loads while the builtins are rebound and grown.

Attacks: LOAD_GLOBAL_BUILTIN_KEYED, LOAD_GLOBAL_BUILTIN, CALL_LEN
Readers run a hot function, compiled afresh in every phase (so its
builtin loads start on the keys-version form each time), that calls len
and abs and reads B, a name only the builtins hold. Writers rebind B to
fresh tuples (k, k) (the old one dies: a load must take its reference
before that, or miss), add and delete pad builtins (the builtins' keys
version is zeroed and the dict resized: the form must miss and demote,
never read a moved entry), and start a new phase now and then.
Invariant: len(T) == 3, abs(-4) == 4, and B is always a pair of equal
ints.
"""
import builtins

import _race

SRC = """
def hot(n, check, pair, expect, relax):
    for i in range(n):
        if not (i & 127):
            relax()
        if len(T) != 3:
            expect(len(T), 3, "len(T)")
        if abs(-4) != 4:
            expect(abs(-4), 4, "abs(-4)")
        check(B, pair, "B")
    return n
"""


def pair(v):
    """A pair of equal ints: what writers bind B to."""
    return type(v) is tuple and len(v) == 2 and type(v[0]) is int and v[0] == v[1]


def new_phase():
    d = {"__builtins__": builtins, "T": (1, 2, 3)}
    exec(SRC, d)
    return d


def main():
    race = _race.Race(__doc__)
    builtins.B = (1000, 1000)
    cur = [new_phase()]
    pads = ["sigil_race_pad%d" % i for i in range(60)]
    bdict = builtins.__dict__

    def reader(t):
        total = t.iters(30000)
        done = 0
        while done < total:
            step = min(2000, total - done)
            cur[0]["hot"](step, t.check, pair, t.expect, _race.relax)
            done += step
        return done

    def writer(t):
        rng = t.rng
        for _ in t.until_done():
            k = rng.randrange(16)
            if k < 10:
                n = rng.randrange(300, 100000)
                builtins.B = (n, n + 0)        # a fresh tuple of mortal ints
            elif k < 12:
                for p in pads[: rng.randrange(1, 60)]:
                    bdict[p] = 0
            elif k < 14:
                for p in pads:
                    bdict.pop(p, None)
            else:
                cur[0] = new_phase()
            _race.dwell(rng.randrange(200))
        for p in pads:
            bdict.pop(p, None)

    race.run(reader, writer)
    race.finish()
    del builtins.B


if __name__ == "__main__":
    main()
