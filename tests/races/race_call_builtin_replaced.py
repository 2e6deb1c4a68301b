"""Builtins replaced by Python functions (and removed) under hot calls.

Attacks: LOAD_GLOBAL_BUILTIN, CALL_LEN, CALL_ISINSTANCE, CALL_TYPE_1,
         CALL_STR_1, CALL_TUPLE_1, CALL_BUILTIN_O, CALL_BUILTIN_FAST,
         CALL_BUILTIN_FAST_WITH_KEYWORDS, CALL_PY_EXACT_ARGS
The hot function runs with a private builtins dict (so the rest of the
process keeps the real builtins).  Writers replace len, isinstance, type,
str, tuple, abs, divmod and sorted there with Python functions returning
("fake", name), put the real ones back, delete an entry for a moment, or
add and remove 300 other entries (resizing the builtins dict).
Invariant: each call gives the real result, ("fake", name) or NameError.
"""
import builtins

import _race

SRC = """
def hot(n, check, oks):
    seen = 0
    for i in range(n):
        try:
            v = len(T)
        except NameError:
            v = "NameError"
        check(v, oks["len"], "len(T)")
        try:
            v = isinstance(T, TUP)
        except NameError:
            v = "NameError"
        check(v, oks["isinstance"], "isinstance(T, TUP)")
        try:
            v = type(T)
        except NameError:
            v = "NameError"
        check(v, oks["type"], "type(T)")
        try:
            v = str(5)
        except NameError:
            v = "NameError"
        check(v, oks["str"], "str(5)")
        try:
            v = tuple(T)
        except NameError:
            v = "NameError"
        check(v, oks["tuple"], "tuple(T)")
        try:
            v = abs(-3)
        except NameError:
            v = "NameError"
        check(v, oks["abs"], "abs(-3)")
        try:
            v = divmod(7, 2)
        except NameError:
            v = "NameError"
        check(v, oks["divmod"], "divmod(7, 2)")
        try:
            v = sorted(T)
        except NameError:
            v = "NameError"
        check(v, oks["sorted"], "sorted(T)")
        if v == ("fake", "sorted"):
            seen += 1
    return seen
"""

NAMES = ["len", "isinstance", "type", "str", "tuple", "abs", "divmod", "sorted"]


def make_fake(name):
    def fake(*args):
        return ("fake", name)
    return fake


def main():
    race = _race.Race(__doc__)
    T = (3, 1, 2)
    real = {n: getattr(builtins, n) for n in NAMES}
    fakes = {n: make_fake(n) for n in NAMES}
    bdict = dict(builtins.__dict__)
    g = {"__builtins__": bdict, "T": T, "TUP": tuple}
    exec(SRC, g)
    hot = g["hot"]
    results = {"len": 3, "isinstance": True, "type": tuple, "str": "5", "tuple": T,
               "abs": 3, "divmod": (3, 1), "sorted": [1, 2, 3]}
    oks = {n: _race.Allowed(results[n], ("fake", n), "NameError") for n in NAMES}

    def reader(t):
        return {"fake-sorted": hot(t.iters(8000), t.check, oks)}

    def writer(t):
        rng = t.rng
        pads = ["w%d_%d" % (t.index, i) for i in range(300)]
        for _ in t.until_done():
            k = rng.randrange(8)
            n = NAMES[rng.randrange(len(NAMES))]
            if k < 3:
                bdict[n] = fakes[n]
            elif k < 6:
                bdict[n] = real[n]
            elif k == 6:
                bdict.pop(n, None)
                _race.dwell(rng.randrange(50))
                bdict[n] = real[n]
            else:
                for p in pads[: rng.randrange(1, 300)]:
                    bdict[p] = 0
                for p in pads:
                    bdict.pop(p, None)
            _race.dwell(rng.randrange(300))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
