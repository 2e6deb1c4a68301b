# Module-level dicts built by the main thread and subscripted from another
# thread by keys computed from ints (Sigil pins them and runs each load,
# its arithmetic and the subscript as one borrowed span): tuple and int
# keys, negative items, shifts, constant tuples, keys of other types that
# compare equal, a key whose __eq__ runs, absent keys, and a rebinding.
import threading

PAIRS = {(i, i + 1): i * 3 for i in range(64)}
INTS = {k * 7 - 100: k for k in range(32)}


EQ_CALLS = [0]


class Eq12(int):
    # An int subclass equal to 12 whose __eq__ counts its calls.
    def __eq__(self, other):
        EQ_CALLS[0] += 1
        return int(self) == other

    __hash__ = int.__hash__


MIXED = dict([((1, 2), "pair"), (3, "three"), (-1, "minus1"), ((-1, -2), "negs"),
              ((0,), "one"), ((1, 2, 3, 4), "four"), (5, "five"), (-5, "minus5"),
              ((True, 5), "bool"), (7.0, "float"), (11, "eleven"), (Eq12(12), "eq12"),
              ((2 ** 40, 1), "big")])


def reader(n, out):
    acc = 0
    seen = []
    for i in range(n):
        z = i - i
        a, b = 1, 2
        acc += PAIRS[(i & 63, (i & 63) + 1)] + INTS[(i & 31) * 7 - 100]
        row = (MIXED[(a, b)], MIXED[a + b], MIXED[(1, 2)], MIXED[-1 + z],
               MIXED[(z - 1, z - 2)], MIXED[(z,)], MIXED[(1, 2, 3, z + 4)],
               MIXED[(z << 3) | 5], MIXED[(-9 >> 1) ^ z], MIXED[(1, z + 5)],
               MIXED[z + 7], MIXED[z + 12], MIXED[((z + 1) << 40, 1)])
        try:
            row += (MIXED[(z, 99)],)
        except KeyError as e:
            row += (("KeyError", e.args[0]),)
        try:
            row += (MIXED[(z + 1) << 35],)
        except KeyError as e:
            row += (("KeyError", e.args[0]),)
        if i % 500 == 0:
            seen.append(row)
    out.append((acc, seen, EQ_CALLS[0]))


for n in (50, 3000):
    out = []
    t = threading.Thread(target=reader, args=(n, out))
    t.start()
    t.join()
    acc, seen, calls = out[0]
    print(n, acc, calls)
    for row in seen:
        print(row)

# Rebinding a dict that another thread's sites pinned: the new one is read.
PAIRS = {(i, i + 1): -i for i in range(64)}
out = []
t = threading.Thread(target=reader, args=(700, out))
t.start()
t.join()
print("rebound", out[0][0])
