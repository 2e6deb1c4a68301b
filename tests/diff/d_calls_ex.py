# CALL, CALL_KW and CALL_FUNCTION_EX against every callable kind: Python
# functions, builtins, bound/unbound methods, classes, callables with
# __call__, functools.partial, method descriptors, lambdas, and generators.
import functools, operator

def fn(*args, **kw):
    return f"fn{args}{sorted(kw.items())}"
class Callable:
    def __call__(self, *args, **kw):
        return f"__call__{args}{sorted(kw.items())}"
class K:
    def __init__(self, *args, **kw):
        self.args, self.kw = args, kw
    def method(self, *args, **kw):
        return f"method{args}{sorted(kw.items())}"
    def __repr__(self):
        return f"K{self.args}{sorted(self.kw.items())}"
k = K()
callables = [fn, Callable(), K, k.method, K.method.__get__(k), functools.partial(fn, "p", pk=1), lambda *a, **kw: ("lambda", a, kw)]
args = (1, 2)
kwargs = {"x": 10, "y": 20}
for c in callables:
    print(c(), c(1), c(1, 2, z=3), c(*args), c(**kwargs), c(*args, **kwargs), c(0, *args, w=1, **kwargs))
print(max(3, 1, 2), max([3, 1, 2], key=lambda v: -v), max(*[5, 6]), dict(a=1, **{"b": 2}), print("kw print", sep="|", end="!\n"))
print(operator.methodcaller("split", ",")("a,b"), str.upper("abc"), "x,y".split(sep=","), list.__len__([1, 2]))
print(getattr(k, "method")(*(), **{}), type("T", (), {})().__class__.__name__)
nums = [5, 2, 8]
nums.sort(key=None, reverse=True)
print(nums, sorted(nums, key=lambda v: v % 3), "{a}-{b}".format(**{"a": 1, "b": 2}), "{}{}".format(*"xy"))
def gen(*a):
    yield from a
print(list(gen(*range(3))), tuple(gen()), set(gen(1, 1)))
bound = [].append
print(bound.__self__, bound.__name__)
bm = "{0}+{1}".format
print(bm(1, 2), bm(*"ab"))
def deco(f):
    @functools.wraps(f)
    def w(*a, **kw):
        print("  calling", f.__name__, a, kw)
        return f(*a, **kw)
    return w
@deco
def decorated(a, b=1, *, c=2):
    return a + b + c
print(decorated(1), decorated(1, 2, c=3), decorated(*[1], **{"c": 10}), decorated.__name__, decorated.__wrapped__.__name__)
class NotCallableInst:
    pass
for bad in (NotCallableInst(), 3, "s", [1]):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
try:
    fn(*5)
except TypeError as e:
    print("TypeError:", e)
try:
    fn(**[1])
except TypeError as e:
    print("TypeError:", e)
try:
    fn(*[1], **{"a": 1}, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
class IterArgs:
    def __iter__(self):
        print("  IterArgs.__iter__")
        return iter((7, 8))
print(fn(*IterArgs()), fn(1, *IterArgs(), 2))
class MapArgs:
    def keys(self):
        print("  MapArgs.keys")
        return ["m"]
    def __getitem__(self, key):
        return key * 3
print(fn(**MapArgs()), fn(a=1, **MapArgs()))
meth = K.method
print(meth(k, 1), meth(*[k, 2]), meth(k, **{"q": 1}))
print(functools.reduce(operator.add, range(10)), functools.reduce(lambda a, b: a * b, range(1, 8), 1))
p2 = functools.partial(functools.partial(fn, 1, a=1), 2, b=2)
print(p2(3, c=3))
print((lambda: "immediate")(), (lambda x, /, y=2, *, z=3: (x, y, z))(1, z=0))
print(isinstance(fn, type(lambda: 0)), callable(k), callable(K), callable(5))
