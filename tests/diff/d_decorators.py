# Decorators: order of application, decorators with arguments, class
# decorators, stacked property/classmethod/staticmethod, wraps metadata,
# decorators returning non-callables, decorating methods and lambdas.
import functools

def trace(tag):
    def deco(fn):
        print(f"  applying {tag} to {fn.__name__}")
        @functools.wraps(fn)
        def wrapper(*a, **kw):
            print(f"  [{tag}] -> {fn.__name__}{a}")
            r = fn(*a, **kw)
            print(f"  [{tag}] <- {r!r}")
            return r
        return wrapper
    return deco
@trace("outer")
@trace("inner")
def add(a, b):
    """Adds."""
    return a + b
print(add(1, 2), add.__name__, add.__doc__, add.__wrapped__.__name__, add.__wrapped__.__wrapped__.__name__)
def count_calls(fn):
    def wrapper(*a):
        wrapper.calls += 1
        return fn(*a)
    wrapper.calls = 0
    return wrapper
@count_calls
def rec(n):
    return 0 if n == 0 else rec(n - 1)
rec(10)
print("calls:", rec.calls)
def to_value(fn):
    return fn()
@to_value
def computed():
    return [1, 2, 3]
print(computed, type(computed).__name__)
def register(registry):
    def deco(obj):
        registry[obj.__name__] = obj
        return obj
    return deco
REG = {}
@register(REG)
class Alpha:
    pass
@register(REG)
def beta():
    pass
print(sorted(REG))
def add_method(cls):
    cls.extra = lambda self: f"extra on {type(self).__name__}"
    return cls
@add_method
class Host:
    def __repr__(self):
        return "Host()"
    @property
    @trace("prop")
    def value(self):
        return 42
    @classmethod
    @trace("cm")
    def make(cls, x):
        return (cls.__name__, x)
    @staticmethod
    @trace("sm")
    def util(y):
        return y * 2
    @trace("method")
    def m(self, z):
        return z
h = Host()
print(h.extra(), h.value, Host.make(1), Host.util(3), h.m(4))
def memoize(fn):
    cache = {}
    @functools.wraps(fn)
    def w(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    w.cache = cache
    return w
@memoize
def slow_square(n):
    print(f"  computing {n}")
    return n * n
print(slow_square(4), slow_square(4), slow_square(5), sorted(slow_square.cache.items()))
class Deco:
    def __init__(self, fn):
        self.fn = fn
        self.n = 0
    def __call__(self, *a):
        self.n += 1
        return self.fn(*a) + 1000
    def __get__(self, obj, owner):
        if obj is None:
            return self
        return functools.partial(self, obj)
class UsesClassDeco:
    @Deco
    def method(self, x):
        return x
u = UsesClassDeco()
print(u.method(1), UsesClassDeco.method.n, UsesClassDeco.method(u, 2))
def deco_with_optional_args(fn=None, *, prefix=">"):
    if fn is None:
        return lambda f: deco_with_optional_args(f, prefix=prefix)
    def w(*a):
        return prefix + str(fn(*a))
    return w
@deco_with_optional_args
def p1():
    return 1
@deco_with_optional_args(prefix="#")
def p2():
    return 2
print(p1(), p2())
order = []
def d(n):
    order.append(f"eval {n}")
    def deco(f):
        order.append(f"apply {n}")
        return f
    return deco
@d(1)
@d(2)
@d(3)
def ordered():
    pass
print(order)
print(functools.wraps(add)(lambda: None).__name__, functools.update_wrapper(lambda: None, rec).__name__)
@functools.cache
def cached(x):
    print(f"  cached miss {x}")
    return x
cached(1); cached(1); cached(2)
print(cached.cache_info())
