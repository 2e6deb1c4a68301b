# Unary operators, TO_BOOL on every kind of object, __bool__/__len__
# truthiness rules and their error messages.
class Neg:
    def __neg__(self): return "neg"
    def __pos__(self): return "pos"
    def __invert__(self): return "inv"
    def __abs__(self): return "abs"
n = Neg()
print(-n, +n, ~n, abs(n))
for v in (0, 5, -5, True, False, 2**100, 0.5, -0.0, 1j):
    try:
        print(repr(v), -v, +v, ~v if not isinstance(v, (float, complex)) else "n/a", not v)
    except TypeError as e:
        print("TypeError:", e)
for bad in ("s", [1], None, object):
    for f in (lambda x: -x, lambda x: +x, lambda x: ~x):
        try:
            f(bad)
        except TypeError as e:
            print("TypeError:", e)

class B:
    def __init__(self, v): self.v = v
    def __bool__(self):
        print("  __bool__ called")
        return self.v
class L:
    def __init__(self, n): self.n = n
    def __len__(self):
        print("  __len__ called")
        return self.n
class Both(B):
    def __len__(self):
        return 0
class Neither:
    pass

for obj in (B(True), B(False), L(0), L(3), Both(True), Neither(), B(1), L(-1), L(2**70), L("x")):
    try:
        print(type(obj).__name__, bool(obj))
        if obj:
            print("  truthy branch")
        else:
            print("  falsy branch")
        print("  not:", not obj)
        print("  while:", end=" ")
        k = 0
        while obj and k < 2:
            k += 1
        print(k)
    except (TypeError, ValueError, OverflowError) as e:
        print("  error", type(e).__name__, e)

values = [0, 1, "", "a", b"", b"\0", [], [0], (), (None,), {}, {0: 0}, set(), {0}, None,
          0.0, -0.0, 0j, frozenset(), range(0), range(1), bytearray(), Ellipsis, NotImplemented.__class__]
for v in values:
    print(type(v).__name__, "->", bool(v), not v, "T" if v else "F")
try:
    if NotImplemented:
        pass
except TypeError as e:
    print("TypeError:", e)
import warnings
print("and/or values:", 0 and 1, 2 and 3, 0 or "", [] or {}, "x" or 1, None or 0 or "last")
x = 5
print(not x == 5, not (x > 3 and x < 4), -x ** 2, (-x) ** 2, ~-x, -~x, not not x)
