# Every binary operator dunder, reflected variants, NotImplemented fallback
# and the TypeError messages when neither side handles the operation.
import operator

OPS = [
    ("+", "add"), ("-", "sub"), ("*", "mul"), ("@", "matmul"), ("/", "truediv"),
    ("//", "floordiv"), ("%", "mod"), ("**", "pow"), ("<<", "lshift"),
    (">>", "rshift"), ("&", "and"), ("|", "or"), ("^", "xor"),
]

log = []

def make_methods(prefix):
    ns = {}
    for sym, name in OPS:
        def fwd(self, other, _n=name, _s=sym):
            log.append(f"{self.tag}.__{_n}__({other!r})")
            if getattr(other, "refuse", False) or other == "refuse":
                return NotImplemented
            return f"({self.tag}{_s}{other!r})"
        def rev(self, other, _n=name, _s=sym):
            log.append(f"{self.tag}.__r{_n}__({other!r})")
            if other == "refuse":
                return NotImplemented
            return f"({other!r}{_s}{self.tag}:r)"
        ns[f"__{name}__"] = fwd
        ns[f"__r{name}__"] = rev
    return ns

class Base:
    refuse = False
    def __init__(self, tag):
        self.tag = tag
    def __repr__(self):
        return f"<{self.tag}>"

A = type("A", (Base,), make_methods("A"))

class Refuser(Base):
    refuse = True
    def __repr__(self):
        return "<R>"

class Sub(A):
    pass

a = A("a")
b = A("b")
s = Sub("s")
r = Refuser("r")
for sym, name in OPS:
    log.clear()
    out1 = eval(f"a {sym} b")
    out2 = eval(f"5 {sym} a")
    out3 = eval(f"a {sym} s")  # subclass with same method: A's reflected is not preferred (same impl)
    print(sym, out1, out2, out3, log)

# Explicit code for each operator so the compiler emits BINARY_OP with each oparg
print(a + 1, a - 1, a * 1, a @ 1, a / 1, a // 1, a % 1, a ** 1, a << 1, a >> 1, a & 1, a | 1, a ^ 1)
print(1 + a, 1 - a, 1 * a, 1 @ a, 1 / a, 1 // a, 1 % a, 1 ** a, 1 << a, 1 >> a, 1 & a, 1 | a, 1 ^ a)

class Left:
    def __add__(self, other):
        print("Left.__add__ ->", "NotImplemented")
        return NotImplemented
    def __repr__(self):
        return "Left()"

class Right:
    def __radd__(self, other):
        print("Right.__radd__", other)
        return "right wins"
    def __repr__(self):
        return "Right()"

print(Left() + Right())

class SubRight(Left):
    def __radd__(self, other):
        return "SubRight.__radd__ first"
print(Left() + SubRight())

for sym, name in OPS:
    for lhs, rhs in ((r, r), (1, r), ("x", 2.5), (None, None), ([], ())):
        try:
            eval(f"lhs {sym} rhs")
        except TypeError as e:
            print(f"{sym}: TypeError: {e}")
        else:
            print(f"{sym}: ok")

print(pow(a, 2), pow(3, a))
class Pow3:
    def __pow__(self, other, mod=None):
        return ("pow", other, mod)
print(pow(Pow3(), 2, 5), Pow3() ** 7)
try:
    pow(2, Pow3(), 5)
except TypeError as e:
    print("TypeError:", e)

print(operator.add(a, 2), operator.matmul(2, a), operator.truediv(a, b))
print(divmod(17, 5), divmod(-17, 5))
class DM:
    def __divmod__(self, o):
        return ("divmod", o)
    def __rdivmod__(self, o):
        return ("rdivmod", o)
print(divmod(DM(), 3), divmod(3, DM()))
