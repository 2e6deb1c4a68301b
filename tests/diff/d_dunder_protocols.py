# Object protocols: __index__, __int__/__float__, __iter__/__next__,
# __getitem__-based iteration, __len__, __contains__, __reversed__,
# __hash__/__eq__ interplay, __call__, __setitem__/__delitem__, __missing__.
class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        print(f"  __index__ -> {self.v}")
        return self.v
seq = list("abcdefgh")
print(seq[Idx(2)], seq[Idx(-1)], "xyz"[Idx(1)], range(10)[Idx(3)], bin(Idx(5)), hex(Idx(255)), [0] * Idx(3))
print(operator_index := __import__("operator").index(Idx(7)), int.__index__(9))
class BadIdx:
    def __index__(self):
        return "not int"
for bad in (BadIdx(), 1.5, "1"):
    try:
        seq[bad]
    except TypeError as e:
        print("TypeError:", e)
class Num:
    def __int__(self):
        return 42
    def __float__(self):
        return 2.5
    def __complex__(self):
        return 1j
    def __round__(self, n=None):
        return ("round", n)
    def __trunc__(self):
        return 7
    def __floor__(self):
        return "floor"
    def __ceil__(self):
        return "ceil"
import math
n = Num()
print(int(n), float(n), complex(n), round(n), round(n, 2), math.trunc(n), math.floor(n), math.ceil(n))
class Countdown:
    def __init__(self, start):
        self.start = start
    def __iter__(self):
        print("  __iter__")
        return CountdownIter(self.start)
    def __reversed__(self):
        return iter(range(1, self.start + 1))
    def __len__(self):
        return self.start
    def __contains__(self, v):
        print(f"  __contains__({v})")
        return 0 < v <= self.start
class CountdownIter:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
cd = Countdown(4)
print(list(cd), list(reversed(cd)), len(cd), 3 in cd, 9 in cd, sorted(cd), sum(cd), max(cd))
for v in cd:
    print("iter", v)
class Squares:
    def __getitem__(self, i):
        print(f"  __getitem__({i})")
        if i >= 3:
            raise IndexError
        return i * i
print(list(Squares()), 4 in Squares(), list(enumerate(Squares())))
it = iter(Squares())
print(type(it).__name__, next(it), next(it))
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print("TypeError:", e)
try:
    for _ in BadIter():
        pass
except TypeError as e:
    print("TypeError:", e)
class NextWithoutIter:
    def __next__(self):
        return 1
try:
    iter(NextWithoutIter())
except TypeError as e:
    print("TypeError:", e)
try:
    next([1])
except TypeError as e:
    print("TypeError:", e)
print(next(iter([]), "dflt"))
calls = [0]
def sentinel_fn():
    calls[0] += 1
    return calls[0]
print(list(iter(sentinel_fn, 4)))
class BadLen:
    def __len__(self):
        return -1
class BigLen:
    def __len__(self):
        return 2 ** 100
class FloatLen:
    def __len__(self):
        return 1.0
for obj in (BadLen(), BigLen(), FloatLen()):
    try:
        len(obj)
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__ + ":", e)
class Key:
    def __init__(self, k):
        self.k = k
    def __hash__(self):
        print(f"  __hash__({self.k})")
        return hash(self.k)
    def __eq__(self, other):
        print(f"  __eq__({self.k}, {other.k})")
        return isinstance(other, Key) and self.k == other.k
d = {Key(1): "one"}
print(d[Key(1)], Key(2) in d)
class Unhashable:
    def __eq__(self, other):
        return True
try:
    hash(Unhashable())
except TypeError as e:
    print("TypeError:", e)
try:
    {Unhashable()}
except TypeError as e:
    print("TypeError:", e)
class HashReturnsBig:
    def __hash__(self):
        return 2 ** 100
print(hash(HashReturnsBig()) == hash(2 ** 100))
class HashReturnsStr:
    def __hash__(self):
        return "x"
try:
    hash(HashReturnsStr())
except TypeError as e:
    print("TypeError:", e)
class Grid:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, key):
        print(f"  __getitem__({key!r})")
        return self.cells.get(key, ".")
    def __setitem__(self, key, value):
        print(f"  __setitem__({key!r}, {value!r})")
        self.cells[key] = value
    def __delitem__(self, key):
        print(f"  __delitem__({key!r})")
        del self.cells[key]
g = Grid()
g[1, 2] = "x"
g[0, 0] = "o"
print(g[1, 2], g[5, 5])
g[1, 2] += "y"
del g[0, 0]
try:
    del g[9, 9]
except KeyError as e:
    print("KeyError:", e)
print(g.cells)
try:
    (1, 2)[0] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    del "abc"[0]
except TypeError as e:
    print("TypeError:", e)
try:
    5[0]
except TypeError as e:
    print("TypeError:", e)
class ClassGetItem:
    def __class_getitem__(cls, k):
        return ("cgi", k)
print(ClassGetItem[int, str])
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *, times=1):
        return self.n * times + x
print(Adder(3)(4), Adder(3)(4, times=3), list(map(Adder(10), [1, 2])))
class BoolFromLen:
    def __len__(self):
        return 0
print(bool(BoolFromLen()), "falsy" if not BoolFromLen() else "truthy")
class Fmt:
    def __format__(self, spec):
        return f"F[{spec}]"
    def __bytes__(self):
        return b"bytes!"
    def __repr__(self):
        return "Fmt()"
print(format(Fmt(), "abc"), bytes(Fmt()), "%s %r" % (Fmt(), Fmt()), str(Fmt()))
class SizeOfMissing:
    pass
print(abs(-3), divmod(7, 2), pow(2, 10), round(2.567, 2), len({1: 2}))
