"""%, //, &, |, ^, >> and << on operand pairs that switch type and range.

Attacks: BINARY_OP_INT64
Writers rebind the global PAIR among compact int pairs (positive,
negative, mixed signs), ints of two and three digits on both sides of
2**62 (the form's limit), a zero divisor, a negative shift count, left
shifts just inside and just past 2**62, big ints (2**65), floats, a bool,
and an int subclass whose __rmod__ / __rand__ they install and delete.
Invariant: each operator's result for the pair actually loaded is exactly
the precomputed one (value and type, or the exception's name); for the
subclass pair, the base result or the installed reflected method's marker.
"""
import _race


class RInt(int):
    pass


def rmod(self, other):
    return "rmod"


def rand(self, other):
    return "rand"


R = RInt(6)
PAIRS = [(17, 5), (-17, 5), (17, -5), (-17, -5), (2 ** 29 + 7, 3), (7, 0), (5, -1),
         (3, 40), (-3, 33), (2 ** 65, 3), (3, 2 ** 65 + 1), (7.5, 2.0), (True, 3), (20, R),
         (3 * 2 ** 40 + 17, 2 ** 31 - 1), (-(2 ** 62 - 1), 2 ** 45 + 3), (2 ** 62, 7),
         (2 ** 61 + 5, -(2 ** 33)), (2 ** 59, 2), (2 ** 59, 3), (-(2 ** 35), 27)]
PAIR = PAIRS[0]

OPS = (
    ("%", lambda a, b: a % b),
    ("//", lambda a, b: a // b),
    ("&", lambda a, b: a & b),
    ("|", lambda a, b: a | b),
    ("^", lambda a, b: a ^ b),
    (">>", lambda a, b: a >> b),
    ("<<", lambda a, b: a << b),
)


def outcome(fn, a, b):
    if fn is OPS[6][1] and isinstance(b, int) and b > 64:
        return "not computed"   # 3 << 2**31 would take gigabytes
    try:
        return fn(a, b)
    except (TypeError, ValueError, ZeroDivisionError, OverflowError, MemoryError) as e:
        return type(e).__name__


def main():
    race = _race.Race(__doc__)
    exp = {id(p): tuple(outcome(fn, *p) for _, fn in OPS) for p in PAIRS}
    rp = next(p for p in PAIRS if p[1] is R)
    r_ok = tuple(_race.Allowed(*({exp[id(rp)][k]} | ({"rmod"} if name == "%" else {"rand"} if name == "&" else set())))
                 for k, (name, _) in enumerate(OPS))

    pairs_ok = lambda p: any(p is q for q in PAIRS)

    def reader(t):
        check, expect = t.check, t.expect
        seen = {}
        for i in range(t.iters(30000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
                # every pair loaded is one a writer binds (and the checks
                # see an observation on every run, whichever pairs come)
                check(PAIR, pairs_ok, "PAIR")
            p = PAIR
            a, b = p
            # one site per operator (each specializes on its own)
            try:
                r0 = a % b
            except (TypeError, ZeroDivisionError) as e:
                r0 = type(e).__name__
            try:
                r1 = a // b
            except (TypeError, ZeroDivisionError) as e:
                r1 = type(e).__name__
            try:
                r2 = a & b
            except TypeError as e:
                r2 = type(e).__name__
            try:
                r3 = a | b
            except TypeError as e:
                r3 = type(e).__name__
            try:
                r4 = a ^ b
            except TypeError as e:
                r4 = type(e).__name__
            try:
                r5 = a >> b
            except (TypeError, ValueError, OverflowError, MemoryError) as e:
                r5 = type(e).__name__
            if isinstance(b, int) and b > 64:
                r6 = exp[id(p)][6]      # not computed: 3 << 2**65 cannot be
            else:
                try:
                    r6 = a << b
                except (TypeError, ValueError, OverflowError) as e:
                    r6 = type(e).__name__
            got = (r0, r1, r2, r3, r4, r5, r6)
            if p is rp:
                for k in range(len(OPS)):
                    check(got[k], r_ok[k], "%r %s %r" % (p[0], OPS[k][0], p[1]))
            else:
                want = exp[id(p)]
                for k in range(len(OPS)):
                    if got[k] != want[k] or type(got[k]) is not type(want[k]):
                        expect(got[k], want[k], "%r %s %r" % (p[0], OPS[k][0], p[1]))
            if not (i & 63):
                tn = type(a).__name__
                seen[tn] = seen.get(tn, 0) + 1
        return seen

    def writer(t):
        global PAIR
        rng = t.rng
        for _ in t.until_done():
            k = rng.randrange(6)
            if k < 2:
                PAIR = PAIRS[rng.randrange(len(PAIRS))]
            elif k == 2:
                RInt.__rmod__ = rmod
            elif k == 3:
                RInt.__rand__ = rand
            else:
                try:
                    delattr(RInt, "__rmod__" if k == 4 else "__rand__")
                except AttributeError:
                    pass
            _race.dwell(rng.randrange(300))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
