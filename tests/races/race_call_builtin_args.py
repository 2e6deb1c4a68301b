"""Builtin calls whose argument switches type and whose dunders are patched.

Attacks: CALL_TYPE_1, CALL_STR_1, CALL_TUPLE_1, CALL_BUILTIN_CLASS,
         CALL_BUILTIN_O, CALL_BUILTIN_FAST, CALL_LEN, CALL_ISINSTANCE
Writers rebind the global ARG among an int, a str, a list, a tuple and
instances of user classes whose __str__, __len__, __iter__, __index__ and
__abs__ they also swap between two versions; and the user class's
metaclass __instancecheck__ is irrelevant (isinstance on exact types).
Invariant: type(a), str(a), tuple(a), len(a), isinstance(a, int),
int(a), abs(a) and divmod(a, 3) each give the value precomputed for the
object actually loaded (or its exception), or, for the user classes,
the value of one of the two installed versions.
"""
import _race


class U:
    def __str__(self):
        return "u1"

    def __len__(self):
        return 1

    def __iter__(self):
        return iter((1,))

    def __index__(self):
        return 1

    def __int__(self):
        return 1

    def __abs__(self):
        return 1

    def __divmod__(self, other):
        return (1, 1)


V1 = {"__str__": lambda self: "u1", "__len__": lambda self: 1,
      "__iter__": lambda self: iter((1,)), "__int__": lambda self: 1,
      "__abs__": lambda self: 1, "__divmod__": lambda self, o: (1, 1)}
V2 = {"__str__": lambda self: "u2", "__len__": lambda self: 2,
      "__iter__": lambda self: iter((2, 2)), "__int__": lambda self: 2,
      "__abs__": lambda self: 2, "__divmod__": lambda self, o: (2, 2)}

U_OBJ = U()
ARGS = [7, -7, "12", [1, 2], (3, 4, 5), 2.5, True, U_OBJ]
ARG = ARGS[0]


def outcome(fn, a):
    try:
        return fn(a)
    except (TypeError, ValueError) as e:
        return type(e).__name__


PROBES = [
    ("type", lambda a: type(a)),
    ("str", lambda a: str(a)),
    ("tuple", lambda a: tuple(a)),
    ("len", lambda a: len(a)),
    ("isinstance", lambda a: isinstance(a, int)),
    ("int", lambda a: int(a)),
    ("abs", lambda a: abs(a)),
    ("divmod", lambda a: divmod(a, 3)),
]


def main():
    race = _race.Race(__doc__)
    expected = {}
    for a in ARGS:
        if a is U_OBJ:
            continue
        expected[id(a)] = tuple(outcome(fn, a) for _, fn in PROBES)
    u_allowed = []
    for version in (V1, V2):
        for name, fn in version.items():
            setattr(U, name, fn)
        u_allowed.append(tuple(outcome(fn, U_OBJ) for _, fn in PROBES))
    u_ok = [_race.Allowed(*(va[i] for va in u_allowed)) for i in range(len(PROBES))]
    names = sorted(V1)

    def reader(t):
        check, expect = t.check, t.expect
        seen = {}
        for i in range(t.iters(10000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            a = ARG
            r = [type(a), None, None, None, isinstance(a, int), None, None, None]
            try:
                r[1] = str(a)
            except (TypeError, ValueError) as e:
                r[1] = type(e).__name__
            try:
                r[2] = tuple(a)
            except (TypeError, ValueError) as e:
                r[2] = type(e).__name__
            try:
                r[3] = len(a)
            except (TypeError, ValueError) as e:
                r[3] = type(e).__name__
            try:
                r[5] = int(a)
            except (TypeError, ValueError) as e:
                r[5] = type(e).__name__
            try:
                r[6] = abs(a)
            except (TypeError, ValueError) as e:
                r[6] = type(e).__name__
            try:
                r[7] = divmod(a, 3)
            except (TypeError, ValueError) as e:
                r[7] = type(e).__name__
            if a is U_OBJ:
                for j in range(len(PROBES)):
                    check(r[j], u_ok[j], ("%s(U())", PROBES[j][0]))
            else:
                exp = expected[id(a)]
                for j in range(len(PROBES)):
                    if r[j] != exp[j] or type(r[j]) is not type(exp[j]):
                        expect(r[j], exp[j], "%s(%r)" % (PROBES[j][0], a))
            if not (i & 15):
                tn = type(a).__name__
                seen[tn] = seen.get(tn, 0) + 1
        return seen

    def writer(t):
        global ARG
        rng = t.rng
        for _ in t.until_done():
            if rng.randrange(2):
                ARG = ARGS[rng.randrange(len(ARGS))]
            else:
                name = names[rng.randrange(len(names))]
                setattr(U, name, (V1 if rng.randrange(2) else V2)[name])
            _race.dwell(rng.randrange(300))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
