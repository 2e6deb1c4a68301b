"""Builtins shadowed by module globals and unshadowed again under hot calls.

Attacks: LOAD_GLOBAL_BUILTIN, LOAD_GLOBAL_MODULE, CALL_LEN, CALL_ISINSTANCE,
         CALL_BUILTIN_O
Writers bind module globals len, isinstance and abs to Python functions
(returning "shadow-len" and so on) and delete them again so the builtins
show through.
Invariant: len(T) is 3 or "shadow-len"; isinstance(T, tuple) is True or
"shadow-isinstance"; abs(-4) is 4 or "shadow-abs".
"""
import _race

T = (1, 2, 3)


def fake_len(x):
    return "shadow-len"


def fake_isinstance(x, t):
    return "shadow-isinstance"


def fake_abs(x):
    return "shadow-abs"


def hot(n, check, ok_len, ok_inst, ok_abs):
    seen = {}
    for i in range(n):
        if not (i & 127):
            _race.relax()     # let writers in on an oversubscribed machine
        v = len(T)
        check(v, ok_len, "len(T)")
        seen[v] = seen.get(v, 0) + 1
        check(isinstance(T, tuple), ok_inst, "isinstance(T, tuple)")
        check(abs(-4), ok_abs, "abs(-4)")
    return seen


def main(doc=__doc__):
    race = _race.Race(doc)
    ok_len = _race.Allowed(3, "shadow-len")
    ok_inst = _race.Allowed(True, "shadow-isinstance")
    ok_abs = _race.Allowed(4, "shadow-abs")
    mod = globals()
    fakes = {"len": fake_len, "isinstance": fake_isinstance, "abs": fake_abs}
    names = sorted(fakes)

    def reader(t):
        return hot(t.iters(30000), t.check, ok_len, ok_inst, ok_abs)

    def writer(t):
        rng = t.rng
        for _ in t.until_done():
            name = names[rng.randrange(3)]
            if rng.randrange(2):
                mod[name] = fakes[name]
            else:
                mod.pop(name, None)
            _race.dwell(rng.randrange(300))
        for name in names:
            mod.pop(name, None)

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
