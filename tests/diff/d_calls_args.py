# Argument binding: defaults, keyword-only, positional-only, *args, **kwargs,
# and the exact TypeError messages for every kind of binding error.
def show(label, fn):
    try:
        r = fn()
    except TypeError as e:
        print(f"{label}: TypeError: {e}")
    else:
        print(f"{label}: {r!r}")

def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)
def po(a, b, /, c, *, d):
    return (a, b, c, d)
def simple(x, y):
    return x + y
def noargs():
    return "none"
def only_kw(*, k):
    return k
def defaults(a=[], b={}):
    a.append(1)
    b[len(b)] = len(a)
    return a, b
def varargs(*args):
    return args
def varkw(**kw):
    return kw

show("f basic", lambda: f(1, c=3))
show("f all", lambda: f(1, 2, 3, 4, c=5, d=6, e=7, z=8))
show("f kw a", lambda: f(a=1, c=3))
show("f missing c", lambda: f(1))
show("f missing a,c", lambda: f())
show("f dup a", lambda: f(1, a=2, c=3))
show("po ok", lambda: po(1, 2, 3, d=4))
show("po c kw", lambda: po(1, 2, c=3, d=4))
show("po a kw", lambda: po(1, b=2, c=3, d=4))
show("po d positional", lambda: po(1, 2, 3, 4))
show("simple too many", lambda: simple(1, 2, 3))
show("simple too few", lambda: simple(1))
show("simple unexpected kw", lambda: simple(1, 2, z=3))
show("simple dup", lambda: simple(1, x=2))
show("noargs with arg", lambda: noargs(1))
show("noargs with kw", lambda: noargs(k=1))
show("only_kw positional", lambda: only_kw(1))
show("only_kw missing", lambda: only_kw())
show("only_kw ok", lambda: only_kw(k="K"))
show("defaults 1", lambda: defaults())
show("defaults 2", lambda: defaults())
show("defaults explicit", lambda: defaults([9], {}))
show("varargs", lambda: varargs(1, *[2, 3], *(), *"ab"))
show("varkw", lambda: varkw(a=1, **{"b": 2}))
show("varkw positional", lambda: varkw(1))
show("varargs kw", lambda: varargs(x=1))
show("po kwargs collision", lambda: (lambda a, /, **kw: (a, kw))(1, a=2))
show("kw-only many missing", lambda: (lambda *, p, q, r: 0)())
show("pos many missing", lambda: (lambda p, q, r, s=1: 0)())
show("too many with defaults", lambda: (lambda p, q=1: 0)(1, 2, 3))
show("too many with kwonly", lambda: (lambda p, *, q: 0)(1, 2, q=3))
show("non-str kw", lambda: f(1, c=2, **{3: 4}))
show("method missing", lambda: "abc".split(1, 2, 3))
show("builtin kw", lambda: len(obj=[1]))
show("builtin too many", lambda: len([1], [2]))
show("int base kw", lambda: int("ff", base=16))
show("sorted pos key", lambda: sorted([1], None))
class C:
    def m(self, a, *, b=0):
        return (a, b)
    @classmethod
    def cm(cls, x):
        return (cls.__name__, x)
    @staticmethod
    def sm(x, y=1):
        return (x, y)
c = C()
show("method ok", lambda: c.m(1, b=2))
show("method missing", lambda: c.m())
show("method too many", lambda: c.m(1, 2))
show("unbound method", lambda: C.m(c, 5))
show("unbound missing self", lambda: C.m())
show("classmethod", lambda: (C.cm(1), c.cm(2)))
show("staticmethod", lambda: (C.sm(1), c.sm(2, y=3)))
show("staticmethod missing", lambda: C.sm())
show("__init__ args", lambda: C(1))
class WithInit:
    def __init__(self, a, b):
        self.a, self.b = a, b
show("__init__ missing", lambda: WithInit(1))
show("call non-callable", lambda: 5())
show("call None", lambda: None(1))
show("call str", lambda: "s"(x=1))
def annotated(a: int, b: "str" = "x") -> list:
    return [a, b]
print(annotated.__annotations__, annotated.__defaults__, f.__kwdefaults__, po.__code__.co_posonlyargcount, f.__code__.co_kwonlyargcount)
print(annotated(1), annotated(b="y", a=2))
def lots(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p):
    return a + b + c + d + e + f + g + h + i + j + k + l + m + n + o + p
print(lots(*range(16)), lots(*range(8), *range(8)), lots(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, p=16))
def kwonly_default_order(*, a=1, b, c=3):
    return a, b, c
print(kwonly_default_order(b=2), kwonly_default_order(c=0, b=0, a=0))
def mutable_default_trap(x, acc=[]):
    acc.append(x)
    return acc
print(mutable_default_trap(1), mutable_default_trap(2), mutable_default_trap(3, []))
