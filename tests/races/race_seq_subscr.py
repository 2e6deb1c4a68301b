"""Tuple and str subscripts while the subscripted object switches type.

Attacks: BINARY_SUBSCR_TUPLE_INT, BINARY_SUBSCR_STR_INT, BINARY_SUBSCR_LIST_INT,
         BINARY_SUBSCR_GETITEM, BINARY_SUBSCR_SEQUENCE_INT
Writers rebind the global SEQ among tuples and strs of various lengths
(ASCII and non-ASCII), a tuple subclass and a str subclass with their
own __getitem__, and a list.
Invariant: SEQ[2] on the object actually loaded is exactly the value
precomputed for that object (or IndexError) - never an element of
another object, never a torn read.
"""
import _race


class Tup(tuple):
    def __getitem__(self, i):
        return ("tup", i)


class Str(str):
    def __getitem__(self, i):
        return ("str", i)


OBJS = [
    (10, 11, 12, 13), (20, 21, 22), (30,), ("a", "b", "c"),
    "abcdef", "xy", "\u00e9\u20ac\U0001f600z", "\u00e9t\u00e9",
    Tup((1, 2, 3)), Str("subclass"), [40, 41, 42, 43],
]
SEQ = OBJS[0]


def main():
    race = _race.Race(__doc__)
    exp = {}
    for o in OBJS:
        try:
            exp[id(o)] = o[2]
        except IndexError:
            exp[id(o)] = "IndexError"

    def reader(t):
        expect = t.expect
        seen = {}
        for i in range(t.iters(40000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            s = SEQ
            try:
                v = s[2]
            except IndexError:
                v = "IndexError"
            e = exp[id(s)]
            expect(v, e, ("(%r)[2]", s))
            if not (i & 63):
                seen[type(s).__name__] = seen.get(type(s).__name__, 0) + 1
        return seen

    def writer(t):
        global SEQ
        rng = t.rng
        for _ in t.until_done():
            SEQ = OBJS[rng.randrange(len(OBJS))]
            _race.dwell(rng.randrange(300))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
