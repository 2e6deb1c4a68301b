# Floats: rounding, negative zero, nan/inf, mixed int/float arithmetic,
# repr, comparisons and the error messages of invalid operations.
import math

def show(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")
    else:
        print(f"{label}: {r!r}")

nan = float("nan")
inf = float("inf")
nz = -0.0
vals = [0.0, nz, 1.5, -2.25, 1e308, 5e-324, inf, -inf, nan, 0.1, 1/3]
for a in vals:
    for b in (2.0, -0.5, inf, 3):
        try:
            m = a % b
        except ZeroDivisionError as e:
            m = str(e)
        print(repr(a), repr(b), a + b, a - b, a * b, a / b, m, a // b if b != inf or a == a else "-",
              a < b, a == b, a != b, a >= b)

print("negzero", nz, -nz, 0.0 == nz, math.copysign(1, nz), math.copysign(1, 0.0 * -1), str(-0.0 + 0.0))
print("nan cmp", nan == nan, nan != nan, nan < 1, nan is nan, [nan] == [nan], nan in [nan])
print("inf", inf - inf, inf * 0, -inf, inf > 1e308, 1e308 * 10)
show("1.0/0", lambda: 1.0 / 0)
show("1.0//0.0", lambda: 1.0 // 0.0)
show("1.0%0.0", lambda: 1.0 % 0.0)
show("0.0**-1", lambda: 0.0 ** -1)
show("(-8.0)**0.5", lambda: (-8.0) ** 0.5)
show("10.0**400", lambda: 10.0 ** 400)
show("math.sqrt(-1)", lambda: math.sqrt(-1))
show("float('x')", lambda: float("x"))
show("float(' 1e3 ')", lambda: float(" 1e3 "))
show("float('-inf')", lambda: float("-inf"))
show("float('nan')", lambda: float("nan"))
print("round", round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1e20), round(0.5), round(-0.5))
show("round(inf)", lambda: round(inf))
show("round(nan)", lambda: round(nan))
print("divmod", divmod(7.5, 2), divmod(-7.5, 2), divmod(7.5, -2), divmod(-0.0, 1.0))
print("repr", 0.1 + 0.2, 1e16, 1e-5, 123456789012345678.0, 1.0, -1e-300 * 1e-300, 2.0 ** 0.5)
print("hex", (1.5).hex(), float.fromhex("0x1.8p1"), (0.1).as_integer_ratio(), (-2.5).is_integer(), (2.0).is_integer())
print("int conv", int(1e20), int(-0.9), math.floor(-0.5), math.ceil(-0.5), math.trunc(2.9))
print("mixed", 1 + 2.0, 2**53 + 1.0, 2**53 + 1 == 2.0**53 + 1, 10**20 < 1e20 + 1, 3 * 0.1 == 0.3)
print("fsum", math.fsum([0.1] * 10), sum([0.1] * 10))
print("fmt", f"{math.pi:.3f}", f"{-0.0:+.1f}", f"{1e6:e}", f"{12345.678:,.2f}", f"{0.25:%}", f"{nan:f}", f"{inf:>8}")
print("hash", hash(1.0) == hash(1), hash(-0.0) == hash(0.0), hash(inf), hash(2.5))
acc = 0.0
for i in range(1, 300):
    acc += 1.0 / i
    acc -= 0.5 / (i * i)
    acc *= 1.0000001
    acc /= 1.0000000001
print("acc", acc)
x = 1.0
x **= 0.5
x += 1
x //= 0.3
x %= 0.7
print("inplace", x)
print("unary", -1.5, +1.5, -(-0.0), abs(-0.0), not 0.0, not -0.0, not nan, bool(nan))
show("~1.5", lambda: ~1.5)
show("1.5 << 1", lambda: 1.5 << 1)
show("1.5 & 1", lambda: 1.5 & 1)
