# Rich comparisons: all six operators, reflection, NotImplemented fallback to
# identity for ==/!=, TypeError messages, chained comparisons, is/in/not in.
class C:
    def __init__(self, name, v):
        self.name, self.v = name, v
    def __repr__(self):
        return self.name
    def __lt__(self, o):
        print(f"  {self}.__lt__({o})")
        return self.v < o.v if isinstance(o, C) else NotImplemented
    def __le__(self, o):
        print(f"  {self}.__le__({o})")
        return self.v <= o.v if isinstance(o, C) else NotImplemented
    def __eq__(self, o):
        print(f"  {self}.__eq__({o})")
        return self.v == o.v if isinstance(o, C) else NotImplemented
    def __ne__(self, o):
        print(f"  {self}.__ne__({o})")
        return self.v != o.v if isinstance(o, C) else NotImplemented
    def __gt__(self, o):
        print(f"  {self}.__gt__({o})")
        return self.v > o.v if isinstance(o, C) else NotImplemented
    def __ge__(self, o):
        print(f"  {self}.__ge__({o})")
        return self.v >= o.v if isinstance(o, C) else NotImplemented
    __hash__ = None

class D(C):
    pass

a, b, d = C("a", 1), C("b", 2), D("d", 1)
for sym in ("<", "<=", "==", "!=", ">", ">="):
    print(sym, "a?b", eval(f"a {sym} b"))
    print(sym, "a?d (subclass reflected first)", eval(f"a {sym} d"))
    print(sym, "a?1", end=" ")
    try:
        print(eval(f"a {sym} 1"))
    except TypeError as e:
        print("TypeError:", e)
print("direct", a < b, a <= b, a == b, a != b, a > b, a >= b)
print("chained", C("x", 1) < C("y", 2) < C("z", 3))
print("chained short", C("x", 3) < C("y", 2) < C("z", 1))

class OnlyEq:
    def __eq__(self, o):
        return "eq-result"
print(OnlyEq() == 1, OnlyEq() != 1, 1 == OnlyEq(), [OnlyEq()] == [1])
class NoCmp:
    pass
n1, n2 = NoCmp(), NoCmp()
print(n1 == n1, n1 == n2, n1 != n2, n1 is n1, n1 is not n2)
for sym in ("<", "<=", ">", ">="):
    try:
        eval(f"n1 {sym} n2")
    except TypeError as e:
        print("TypeError:", e)
for x, y in ((1, "1"), ([1], (1,)), (None, 0), ({1}, [1]), (1.5, 1j)):
    try:
        print(x < y)
    except TypeError as e:
        print("TypeError:", e)

print("mixed", 1 < 1.5 < 2 == 2.0, 3 > 2 > 1 > 0 >= 0, 1 < 2 > 1, 1 == 1 != 2)
print("seq", [1, 2] < [1, 3], (1, 2) < (1, 2, 0), "abc" < "abd", b"a" < b"b", [1, [2]] == [1, [2]])
print("sets", {1} < {1, 2}, {1, 2} <= {1, 2}, {1} > set(), frozenset({1}) == {1})
print("dicts", {1: 2} == {1: 2}, {1: 2} != {1: 3})
try:
    {1: 2} < {1: 3}
except TypeError as e:
    print("TypeError:", e)

def trace(v):
    print("  eval", v)
    return v
print("chain eval order:", trace(1) < trace(2) < trace(0) < trace(5))
print("chain all:", trace(1) <= trace(1) == trace(1) != trace(2))

# is / is not / in / not in
L = [1, 2, None, "s"]
print(2 in L, 5 in L, 5 not in L, None in L, "s" not in L)
print(None is None, L is L, L is not L[:], type(None) is type(None))
x = None
if x is None:
    print("x is None")
if x is not None:
    print("unreachable")
y = 3
if y is not None:
    print("y is not None")
print("in dict", 1 in {1: 0}, 0 in {1: 0}, "a" in "cat", "" in "x", b"t" in b"at")
try:
    1 in 5
except TypeError as e:
    print("TypeError:", e)
try:
    [] in {}
except TypeError as e:
    print("TypeError:", e)

class Cont:
    def __contains__(self, v):
        print("  __contains__", v)
        return v == 42
print(42 in Cont(), 41 in Cont(), 41 not in Cont())
class GetItemIter:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * 10
print(20 in GetItemIter(), 25 in GetItemIter())
class IterOnly:
    def __iter__(self):
        return iter("xyz")
print("y" in IterOnly(), "w" in IterOnly())
nan = float("nan")
print("nan identity", nan in [nan], nan == nan, [nan].count(nan), (nan,) == (nan,))
