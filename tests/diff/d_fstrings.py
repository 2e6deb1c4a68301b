# f-strings and format(): FORMAT_SIMPLE, FORMAT_WITH_SPEC, CONVERT_VALUE
# (!s !r !a), nested specs, debug '=', __format__ overrides, errors.
import datetime
class Fmt:
    def __format__(self, spec):
        return f"<Fmt spec={spec!r}>"
    def __str__(self):
        return "Fmt-str"
    def __repr__(self):
        return "Fmt-repr"
f = Fmt()
v = "välue"
n = 1234.5678
i = 42
print(f"{f}", f"{f!s}", f"{f!r}", f"{f!a}", f"{f:xyz}", f"{f!s:>10}", f"{f!r:<10}|")
print(f"{v!a}", f"{v!r}", f"{v:^11}", f"{v:*<9}", f"{v!r:>12}")
print(f"{n:.2f}", f"{n:10.1f}|", f"{n:e}", f"{n:g}", f"{n:_}", f"{n:,.3f}", f"{n:+}", f"{-n: }", f"{n:%}")
print(f"{i:b}", f"{i:o}", f"{i:x}", f"{i:X}", f"{i:#x}", f"{i:08d}", f"{i:c}", f"{i:n}", f"{-i:=+8}", f"{i:^+7}")
width, prec = 12, 3
print(f"{n:{width}.{prec}f}|", f"{n:>{width}}", f"{v:{'*'}^{width}}", f"{i:{'x' if i else 'd'}}")
print(f"{i=}", f"{n = :.1f}", f"{v=!s}", f"{f=}", f"{1 + 1=}", f"{i*2 = }")
print(f"{{literal}}", f"{'nested'!r}", f"{[1, 2][1]}", f"{ {'a': 1}['a'] }", f"{(lambda: 'lam')()}")
print(f"{'a' if i > 3 else 'b'}", f"{i!r:>5}{n!s:<12}{v}", f"multi{i}{i}{i}end")
d = datetime.date(2024, 2, 29)
print(f"{d:%Y/%m/%d}", f"{d!r}", f"{d}")
print(format(3.5), format(3.5, "08.3f"), format("s", ">3"), format(None), format([1], ""), format(True, "d"))
print(f"{True}", f"{None}", f"{3j}", f"{b'x'}", f"{1e100}", f"{-0.0}", f"{float('nan'):>6}")
print(f'''{
    i
    +
    1
}''')
print(f"{'quote\"in'}", f"{'\\n'!r}", f"{chr(10)!r}")
for bad in ("{i:z}", "{v:d}", "{n:,d}", "{f!r:d}"):
    try:
        print(eval("f" + repr(bad)))
    except (ValueError, TypeError) as e:
        print(bad, type(e).__name__, e)
class BadFormat:
    def __format__(self, spec):
        return 5
try:
    f"{BadFormat()}"
except TypeError as e:
    print("TypeError:", e)
class BadStr:
    def __str__(self):
        raise RuntimeError("str failed")
try:
    f"{BadStr()}"
except RuntimeError as e:
    print("RuntimeError:", e)
rows = [("apple", 1.5, 3), ("kiwi", 0.25, 12), ("watermelon", 3.0, 1)]
for name, price, qty in rows:
    print(f"{name:<12}|{price:>6.2f}|{qty:>4d}|{price * qty:>8.2f}")
print("{:>{}}".format("r", 4), "{0:{1}.{2}f}".format(3.14159, 8, 2), "{!r:^9}".format("c"))
print("%-6s|%+.3e|%#o|%5.1f%%" % ("ab", 12345.6789, 8, 99.5))
