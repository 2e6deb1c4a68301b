"""A function's __globals__ grown by thousands of keys and shrunk again.

Attacks: LOAD_GLOBAL_MODULE, LOAD_GLOBAL_BUILTIN
The hot function runs with its own globals dict.  Writers insert and
delete up to 2000 other keys (forcing many resizes of the dict and of
its keys object); one writer binds LATE once, after a reader is 1/8 through, and
never removes it.
Invariant: A == "a" and B == 2 always; len(A) == 1 (builtin); LATE is
NameError until a reader has seen it, and "late" forever after
(a reader must never see a global disappear that nobody deleted).
"""
import _race

SRC = """
def hot(n, check, expect, late_ok, started):
    seen_late = False
    counts = {"late": 0, "NameError": 0}
    for i in range(n):
        if i == n // 8:
            started.append(1)
        if A != "a":
            expect(A, "a", "A")
        if B != 2:
            expect(B, 2, "B")
        if len(A) != 1:
            expect(len(A), 1, "len(A)")
        try:
            v = LATE
        except NameError:
            v = "NameError"
        if seen_late:
            expect(v, "late", "LATE after it was seen")
        else:
            check(v, late_ok, "LATE")
            seen_late = v == "late"
        counts[v] += 1
    return counts
"""


def main():
    race = _race.Race(__doc__)
    g = {"__builtins__": __builtins__, "A": "a", "B": 2}
    exec(SRC, g)
    hot = g["hot"]
    late_ok = _race.Allowed("late", "NameError")
    started = []      # readers append once they are 1/8 through

    def reader(t):
        return hot(t.iters(40000), t.check, t.expect, late_ok, started)

    def writer(t):
        rng = t.rng
        keys = ["w%dk%d" % (t.index, i) for i in range(2000)]
        for i in t.until_done():
            if t.index == 0 and started and "LATE" not in g:
                g["LATE"] = "late"
            n = rng.randrange(1, 2000 if i % 16 == 0 else 100)
            for k in keys[:n]:
                g[k] = 0
            for k in keys[:n]:
                del g[k]
            _race.dwell(rng.randrange(200))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
