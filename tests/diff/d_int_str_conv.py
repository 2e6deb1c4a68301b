# int/str/float conversions: bases, underscores, whitespace, unicode digits,
# the int max str digits limit and its messages, float formatting round
# trips, repr of special values, bool/None conversions.
import sys
def show(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")
    else:
        print(f"{label}: {r!r}")
for s in ("0", "-0", "+17", " 42 ", "1_000_000", "0b101", "0o17", "0xFF", "١٢٣", "12.5", "1e3", "", " ", "_1", "1__0", "0x", "9" * 30):
    show(f"int({s!r})", lambda: int(s))
for s, b in (("101", 2), ("z", 36), ("0x1f", 0), ("0b11", 0), ("077", 0), ("0o77", 0), ("10", 37), ("g", 16), ("-ff", 16)):
    show(f"int({s!r}, {b})", lambda: int(s, b))
for s in ("1.5", "-0.0", "inf", "-Infinity", "nan", "1_0.5", "0x10", "1e400", "1e-400", ".5", "5.", "  3.25\n", "1,5"):
    show(f"float({s!r})", lambda: float(s))
print(sys.get_int_max_str_digits())
big = 10 ** 5000
show("str(10**5000)", lambda: len(str(big)))
show("int('9'*5000)", lambda: int("9" * 5000) > 0)
show("int('9'*4300)", lambda: int("9" * 4300) > 0)
sys.set_int_max_str_digits(6000)
show("after raising limit", lambda: len(str(big)))
sys.set_int_max_str_digits(0)
show("unlimited", lambda: len(str(10 ** 20000)))
sys.set_int_max_str_digits(4300)
show("hex of big is unlimited", lambda: len(hex(10 ** 5000)))
show("set limit too low", lambda: sys.set_int_max_str_digits(100))
for v in (0.1, 1/3, 1e22, 1e-7, 123456789.123456789, 2.0 ** 60, -1.5e-310, 5e-324, 1.7976931348623157e308):
    print(repr(v), str(v), float(repr(v)) == v, f"{v:.17g}", v.hex())
print(str(True), int(True), float(False), str(None), repr(None), bool("False"), int("-0") == 0)
print(str(-0.0), repr(-0.0), int(-0.0), float(-0), 0.0 == -0.0)
print(round(123.456, -1), round(-0.5), round(1.5), round(2.5), round(0.125, 2), round(0.375, 2))
print(format(1234567.891, ",.2f"), format(0.000012345, ".3e"), format(1e300 * 10, ""), format(-1e-300 / 1e300, ""))
print(int.from_bytes(b"\xff\xff", "big", signed=True), (255).to_bytes(2, "little"), (2**64).bit_length())
print(str(2**100), str(-2**100), repr(2**64 - 1), "%d" % 2**70, "%x" % 2**70, f"{2**70:_}")
print(chr(65), ord("A"), str(b"bytes"), repr(b"\x00\xff"), bytes(str(12), "ascii"), int(b"42"), float(b"2.5"))
show("int(b'x')", lambda: int(b"x"))
show("int(None)", lambda: int(None))
show("float([])", lambda: float([]))
show("int('1', base=1.5)", lambda: int("1", base=1.5))
show("int(5, 10)", lambda: int(5, 10))
