"""+, -, *, / and ** on float and int operands that switch type and range,
and float results written into operands only the stack holds.

Attacks: BINARY_OP_FLOAT_ARITH BINARY_OP_ADD_FLOAT BINARY_OP_MULTIPLY_FLOAT
  BINARY_OP_SUBTRACT_FLOAT BINARY_OP_NUMERIC
Writers rebind the global PAIR among mixed float/int pairs, int / int,
zero divisors (int and float), a negative base under a fractional power
(complex result), an overflowing power, a big int, a bool, infinities, and
a float subclass whose __radd__ / __rtruediv__ they install and delete.
Other writers keep replacing the floats of a shared list with results of
their own arithmetic, and read and combine the same floats.
Invariant: each operator's result for the pair actually loaded is exactly
the precomputed one (value, sign of zero and type, or the exception's
name); for the subclass pair, the base result, the installed reflected
method's marker, or the TypeError stock 3.13t raises while the method is
being installed or deleted. A float read from the shared list keeps its value while
any thread computes with it (a result is never written into an object
another reference can see), and a chain of temporaries computes the
precomputed value.
"""
import math

import _race


class FSub(float):
    pass


def radd(self, other):
    return "radd"


def rtruediv(self, other):
    return "rtruediv"


F = FSub(4.0)
PAIRS = [(1.5, 2), (2, 1.5), (3, 7), (-3, 7), (0, -5), (7, 0), (7.0, 0.0), (7.5, 0),
         (2.0, -0.5), (-2.0, 0.5), (10.0, 400), (2 ** 40, 3.0), (3.0, 2 ** 70), (1.5, True),
         (math.inf, 2), (0.5, -math.inf), (6, F)]
PAIR = PAIRS[0]

OPS = (
    ("+", lambda a, b: a + b),
    ("-", lambda a, b: a - b),
    ("*", lambda a, b: a * b),
    ("/", lambda a, b: a / b),
    ("**", lambda a, b: a ** b),
)

NSHARED = 16
# Each slot holds (value, its repr): the float object and what it must read.
SHARED = [(float(i) + 0.5, repr(float(i) + 0.5)) for i in range(NSHARED)]


def outcome(fn, a, b):
    try:
        r = fn(a, b)
    except (TypeError, ValueError, ZeroDivisionError, OverflowError) as e:
        return type(e).__name__
    return (type(r).__name__, repr(r))


def main():
    race = _race.Race(__doc__)
    exp = {id(p): tuple(outcome(fn, *p) for _, fn in OPS) for p in PAIRS}
    fp = PAIRS[-1]
    # Stock 3.13t itself raises TypeError for int + FSub (int / FSub) while
    # another thread installs or deletes FSub.__radd__ (__rtruediv__): the
    # type's number slot is rewritten while the reader's lookup runs.
    f_ok = tuple(_race.Allowed(*({exp[id(fp)][k]} |
                                 ({("str", "'radd'"), "TypeError"} if name == "+" else
                                  {("str", "'rtruediv'"), "TypeError"} if name == "/" else set())))
                 for k, (name, _) in enumerate(OPS))

    def tag(r):
        return (type(r).__name__, repr(r))

    def reader(t):
        check, expect = t.check, t.expect
        seen = {}
        for i in range(t.iters(30000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            p = PAIR
            a, b = p
            # one site per operator (each specializes on its own)
            try:
                r0 = tag(a + b)
            except TypeError as e:
                r0 = type(e).__name__
            try:
                r1 = tag(a - b)
            except TypeError as e:
                r1 = type(e).__name__
            try:
                r2 = tag(a * b)
            except TypeError as e:
                r2 = type(e).__name__
            try:
                r3 = tag(a / b)
            except (TypeError, ZeroDivisionError, OverflowError) as e:
                r3 = type(e).__name__
            try:
                r4 = tag(a ** b)
            except (TypeError, ValueError, ZeroDivisionError, OverflowError) as e:
                r4 = type(e).__name__
            got = (r0, r1, r2, r3, r4)
            if p is fp:
                for k in range(len(OPS)):
                    check(got[k], f_ok[k], "%r %s %r" % (p[0], OPS[k][0], p[1]))
            else:
                want = exp[id(p)]
                for k in range(len(OPS)):
                    if got[k] != want[k]:
                        expect(got[k], want[k], "%r %s %r" % (p[0], OPS[k][0], p[1]))
            # Temporaries: each intermediate has only the stack's reference
            # and may take the next result in place; the shared floats
            # must not change under it.
            x, xr = SHARED[i % NSHARED]
            y, yr = SHARED[(i * 7 + 3) % NSHARED]
            z = ((x + y) * 2.0 - y) / 4.0 + x * 0.5
            if z != ((float(xr) + float(yr)) * 2.0 - float(yr)) / 4.0 + float(xr) * 0.5:
                expect(z, "the chain's value", "chain over %s, %s" % (xr, yr))
            if repr(x) != xr:
                expect(repr(x), xr, "shared float changed")
            if repr(y) != yr:
                expect(repr(y), yr, "shared float changed")
            if not (i & 63):
                tn = type(a).__name__ + "/" + type(b).__name__
                seen[tn] = seen.get(tn, 0) + 1
        return seen

    def writer(t):
        global PAIR
        rng = t.rng
        n = 0
        for _ in t.until_done():
            k = rng.randrange(8)
            if k < 2:
                PAIR = PAIRS[rng.randrange(len(PAIRS))]
            elif k == 2:
                FSub.__radd__ = radd
            elif k == 3:
                FSub.__rtruediv__ = rtruediv
            elif k == 4:
                try:
                    delattr(FSub, "__radd__" if rng.randrange(2) else "__rtruediv__")
                except AttributeError:
                    pass
            else:
                # Replace a shared float by a fresh temporary of this
                # thread's, after computing with the old ones.
                j = rng.randrange(NSHARED)
                old, oldr = SHARED[j]
                v = (old * 3.0 + 1.0) / 2.0 - old
                if repr(old) != oldr:
                    t.expect(repr(old), oldr, "shared float changed under a writer")
                v = v + n % 5
                n += 1
                SHARED[j] = (v, repr(v))
            _race.dwell(rng.randrange(300))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
