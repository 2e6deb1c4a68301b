"""Subtraction and multiplication on operand pairs that switch type.

Attacks: BINARY_OP_SUBTRACT_INT, BINARY_OP_MULTIPLY_INT,
         BINARY_OP_SUBTRACT_FLOAT, BINARY_OP_MULTIPLY_FLOAT,
         UNPACK_SEQUENCE_TWO_TUPLE
Writers rebind the global PAIR among (int, int) pairs (small, negative,
big), (float, float), mixed int/float, (str, int) (str * int works,
str - int raises TypeError), (bool, int), and a pair with an int
subclass whose __rsub__ / __rmul__ they install and delete.
Invariant: a - b and a * b for the pair actually loaded are exactly the
precomputed results (value and type, or TypeError); for the subclass
pair, the base result or the installed reflected method's marker.
"""
import _race


class RInt(int):
    pass


def rsub(self, other):
    return "rsub"


def rmul(self, other):
    return "rmul"


R = RInt(4)
PAIRS = [(7, 3), (-5, 9), (2 ** 65, 3), (3, 2 ** 65), (2.5, 0.5), (-1.0, 4.0),
         (3, 0.5), (0.5, 3), ("ab", 3), (True, 5), (5, R)]
PAIR = PAIRS[0]


def outcome(fn):
    try:
        return fn()
    except TypeError:
        return "TypeError"


def main():
    race = _race.Race(__doc__)
    exp = {}
    for p in PAIRS:
        a, b = p
        exp[id(p)] = (outcome(lambda: a - b), outcome(lambda: a * b))
    rp = PAIRS[-1]
    r_ok = (_race.Allowed(exp[id(rp)][0], "rsub"), _race.Allowed(exp[id(rp)][1], "rmul"))

    def reader(t):
        check, expect = t.check, t.expect
        seen = {}
        for i in range(t.iters(40000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            p = PAIR
            a, b = p
            try:
                d = a - b
            except TypeError:
                d = "TypeError"
            try:
                m = a * b
            except TypeError:
                m = "TypeError"
            if p is rp:
                check(d, r_ok[0], "5 - RInt(4)")
                check(m, r_ok[1], "5 * RInt(4)")
            else:
                e = exp[id(p)]
                # expect() also every 128th round: see race_num_add.py.
                if d != e[0] or type(d) is not type(e[0]) or not (i & 127):
                    expect(d, e[0], "%r - %r" % p)
                if m != e[1] or type(m) is not type(e[1]):
                    expect(m, e[1], "%r * %r" % p)
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
                RInt.__rsub__ = rsub
            elif k == 3:
                RInt.__rmul__ = rmul
            else:
                try:
                    delattr(RInt, "__rsub__" if k == 4 else "__rmul__")
                except AttributeError:
                    pass
            _race.dwell(rng.randrange(300))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
