# Complex numbers: arithmetic, mixed types, errors, repr of signed zeros.
import cmath

def show(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")
    else:
        print(f"{label}: {r!r}")

zs = [1 + 2j, -3j, complex(0.0, -0.0), complex(-0.0, 0.0), 1e300j, complex(2, 0)]
for a in zs:
    for b in (2, 0.5, 1j, 3 - 4j):
        print(repr(a), repr(b), a + b, a - b, a * b, a / b, a == b, a != b)
print("pow", (1 + 1j) ** 2, (1j) ** 1j, 2 ** (1j), (0j) ** 0, pow(1j, 3))
show("1j/0", lambda: 1j / 0)
show("0j**-1", lambda: 0j ** -1)
show("1j<2j", lambda: 1j < 2j)
show("1j//1", lambda: 1j // 1)
show("1j%1", lambda: 1j % 1)
show("int(1j)", lambda: int(1j))
show("complex('1+2j')", lambda: complex("1+2j"))
show("complex('junk')", lambda: complex("junk"))
print("attrs", (3 + 4j).real, (3 + 4j).imag, (3 + 4j).conjugate(), abs(3 + 4j), -(1 + 1j), +(1 - 1j))
print("cmath", cmath.sqrt(-1), cmath.phase(-1), cmath.polar(1j))
print("hash", hash(1 + 0j) == hash(1), hash(2j))
print("fmt", f"{1.5 + 2j:.2f}", format(1 - 1j, "^20"), str(complex(float("nan"), float("inf"))))
print("bool", bool(0j), bool(-0j), bool(1e-300j), not 0j)
