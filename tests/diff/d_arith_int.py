# Integer arithmetic: every binary operator on small and big ints, edge cases
# (division by zero, negative shifts, huge powers, floor semantics).
import traceback

def show(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")
    else:
        print(f"{label}: {r!r}")

vals = [0, 1, -1, 7, -7, 2**31 - 1, -2**31, 2**63, -(2**63) - 1, 10**30, -(10**25) + 3]
for a in vals:
    for b in (3, -3, 1, 2**64 + 5):
        print(a, b, a + b, a - b, a * b, a // b, a % b, divmod(a, b),
              a & b, a | b, a ^ b, a < b, a <= b, a == b, a != b, a > b, a >= b)

for a in (5, -5, 0, 2**70):
    show(f"{a}/0", lambda: a / 0)
    show(f"{a}//0", lambda: a // 0)
    show(f"{a}%0", lambda: a % 0)
    show(f"divmod({a},0)", lambda: divmod(a, 0))
    show(f"{a}<<-1", lambda: a << -1)
    show(f"{a}>>-1", lambda: a >> -1)
    show(f"{a}<<65", lambda: a << 65)
    show(f"{a}>>3", lambda: a >> 3)
    show(f"{a}>>1000", lambda: a >> 1000)
    show(f"{a}**-1", lambda: a ** -1)
    show(f"pow({a},3,7)", lambda: pow(a, 3, 7))
    show(f"pow({a},-1,7)", lambda: pow(a, -1, 7))
    show(f"pow({a},2,0)", lambda: pow(a, 2, 0))

x = 1
for i in range(200):
    x = x * 3 + i
print("big", x)
print("bits", x.bit_length(), x.bit_count(), (-x).bit_length())
print("neg", -x, +x, ~x, abs(-x))
print("truediv", 7 / 2, -7 / 2, 2**1000 / 2**998, 1 / 3)
show("overflow truediv", lambda: 2**2000 / 3)
show("float(big)", lambda: float(2**1024))
print("floor", 7 // 2, -7 // 2, 7 // -2, -7 // -2, 7 % -2, -7 % 2)
print("pow", 2 ** 100, (-2) ** 101, 0 ** 0, 10 ** -2, (-8) ** (1/3) == (-8) ** (1/3))
print("matmul?")
show("1 @ 2", lambda: 1 @ 2)
show("int + str", lambda: 1 + "a")
show("str * int", lambda: "ab" * 3)
show("int * list", lambda: 2 * [1, 2])
show("list * -1", lambda: [1, 2] * -1)
show("bool arith", lambda: (True + True, True * 5, False - 1, True << 3, True & False, True | False, True ^ True))
print("int()", int("  -123  "), int("0x1f", 16), int("1_000"), int("z", 36), int(3.99), int(-3.99))
show("int('abc')", lambda: int("abc"))
show("int('1', 1)", lambda: int("1", 1))
show("int(nan)", lambda: int(float("nan")))
show("int(inf)", lambda: int(float("inf")))
print("round", round(12345, -2), round(15, -1), round(25, -1), round(-25, -1))
print("hex", hex(255), oct(-8), bin(5), format(255, "08b"), format(-255, "x"), format(10**20, ","))
print("to_bytes", (1024).to_bytes(4, "big"), int.from_bytes(b"\x01\x00", "little"), (-1).to_bytes(2, "big", signed=True))
show("to_bytes overflow", lambda: (1024).to_bytes(1, "big"))
print("cmp chain", 1 < 2 < 3, 3 > 2 > 2, 1 == 1.0 == True, 2**64 == 2.0**64, 2**64 + 1 == 2.0**64)
acc = 0
for i in range(-50, 50):
    acc += i * i - 3 * i
    acc -= i // 7
    acc ^= i << 2
    acc |= 1
    acc &= ~0 >> 0
    acc %= 10**12 + 39
print("acc", acc)
try:
    1 // 0
except ZeroDivisionError:
    print(traceback.format_exc())
