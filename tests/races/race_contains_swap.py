"""`in` tests while the container switches type under the instruction.

Attacks: CONTAINS_OP_SET, CONTAINS_OP_DICT, COMPARE_OP_STR
Writers rebind the global BOX among a set, a frozenset, a dict, a list,
a tuple, a str and a user container whose __contains__ answers "always
yes", all (except the user one) holding exactly "a" and "b".
Invariant: for the object actually loaded, "a" in box is True and
"z" in box is False, except the user container (True for both).
"""
import _race


class Yes:
    def __contains__(self, x):
        return True


BOXES = [{"a", "b"}, frozenset({"a", "b"}), {"a": 1, "b": 2}, ["a", "b"],
         ("a", "b"), "ab", Yes()]
BOX = BOXES[0]


def main():
    race = _race.Race(__doc__)
    yes = BOXES[-1]

    def reader(t):
        expect = t.expect
        seen = {}
        for i in range(t.iters(40000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            b = BOX
            ra = "a" in b
            rz = "z" in b
            expect((ra, rz), (True, b is yes), ("('a' in, 'z' in) %r", b))
            if not (i & 63):
                tn = type(b).__name__
                seen[tn] = seen.get(tn, 0) + 1
        return seen

    def writer(t):
        global BOX
        rng = t.rng
        for _ in t.until_done():
            BOX = BOXES[rng.randrange(len(BOXES))]
            _race.dwell(rng.randrange(300))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
