"""In-place str concatenation whose right operand switches type under it.

Attacks: BINARY_OP_INPLACE_ADD_UNICODE, BINARY_OP_ADD_UNICODE
A reader builds a local string with `s += PIECE` and `s = s + PIECE`.
Writers rebind the global PIECE among "a", "b", a str subclass instance
whose __radd__ they install (appending "r") and delete (plain concat,
appending "c"), and the int 1 (TypeError, s unchanged).
Invariant: after each step s is exactly the previous s plus one
character from {"a", "b", "c", "r"}, or unchanged after TypeError; the
reader's own running copy (built with list appends) always matches.
"""
import _race


class S(str):
    pass


def radd(self, other):
    return other + "r"


SUB = S("c")
PIECES = ["a", "b", SUB, 1]
PIECE = PIECES[0]


def main():
    race = _race.Race(__doc__)
    chars = _race.Allowed("a", "b", "c", "r")

    def reader(t):
        check, expect = t.check, t.expect
        seen = {}
        s = ""
        for i in range(t.iters(40000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            if len(s) > 300:
                s = ""
            before = s
            try:
                if i & 1:
                    s += PIECE
                else:
                    s = s + PIECE
            except TypeError:
                if s is not before:
                    expect(s, before, "s after a failed +=")
                continue
            if len(s) != len(before) + 1 or not s.startswith(before):
                expect(s, before + "?", "s after +=")
            c = s[-1]
            check(c, chars, "appended character")
            if not (i & 63):
                seen[c] = seen.get(c, 0) + 1
        return seen

    def writer(t):
        global PIECE
        rng = t.rng
        for _ in t.until_done():
            k = rng.randrange(4)
            if k < 2:
                PIECE = PIECES[rng.randrange(len(PIECES))]
            elif k == 2:
                S.__radd__ = radd
            else:
                try:
                    del S.__radd__
                except AttributeError:
                    pass
            _race.dwell(rng.randrange(300))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
