# Classes: LOAD_BUILD_CLASS, __init__/__new__ interplay, class and instance
# attributes, STORE_ATTR/LOAD_ATTR/DELETE_ATTR, __init__ returning non-None,
# __new__ returning other types, __repr__/__str__, __dict__ contents.
class Point:
    """A point."""
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __str__(self):
        return f"({self.x}, {self.y})"
    def norm2(self):
        return self.x * self.x + self.y * self.y
p = Point(3, 4)
print(p, repr(p), str(p), p.norm2(), p.dims, Point.dims, p.__dict__, Point.__doc__, Point.__name__, Point.__qualname__)
p.z = 5
p.dims = 3
print(p.__dict__, Point.dims, p.dims)
del p.dims
print(p.dims)
del p.z
try:
    del p.z
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    Point.missing
except AttributeError as e:
    print("AttributeError:", e)
Point.dims = 99
print(p.dims)

class Tracked:
    created = []
    def __new__(cls, *args, **kw):
        print(f"  __new__({cls.__name__}, {args}, {kw})")
        inst = super().__new__(cls)
        cls.created.append(args)
        return inst
    def __init__(self, a, b=0):
        print(f"  __init__({a}, {b})")
        self.a, self.b = a, b
t = Tracked(1, b=2)
print(t.a, t.b, Tracked.created)

class NewReturnsOther:
    def __new__(cls, v):
        print("  __new__ returns int")
        return v * 2
    def __init__(self, v):
        print("  __init__ must not run")
print(NewReturnsOther(21))

class NewReturnsSub:
    def __new__(cls):
        return object.__new__(SubOfIt)
    def __init__(self):
        print("  __init__ runs for subclass instance")
class SubOfIt(NewReturnsSub):
    pass
print(type(NewReturnsSub()).__name__)

class BadInit:
    def __init__(self):
        return 5
try:
    BadInit()
except TypeError as e:
    print("TypeError:", e)
class NoInitArgs:
    pass
try:
    NoInitArgs(1)
except TypeError as e:
    print("TypeError:", e)
class OnlyNew:
    def __new__(cls, x):
        o = super().__new__(cls)
        o.x = x
        return o
print(OnlyNew(7).x)
try:
    object.__new__(OnlyNew, 1)
except TypeError as e:
    print("object.__new__ extra args:", e)
class InitOnly:
    def __init__(self, x):
        self.x = x
try:
    object.__init__(InitOnly(1), 2)
except TypeError as e:
    print("TypeError:", e)

class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
        self.id = Counter.count
cs = [Counter() for _ in range(5)]
print([c.id for c in cs], Counter.count)

class Inherit(Point):
    dims = 3
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
    def norm2(self):
        return super().norm2() + self.z ** 2
i = Inherit(1, 2, 3)
print(i, i.norm2(), isinstance(i, Point), issubclass(Inherit, Point), Inherit.__mro__ == (Inherit, Point, object), Inherit.__bases__)
print(type(i).__name__, i.__class__.__name__, type(Inherit).__name__, vars(i))
def method_outside(self):
    return f"outside method of {self}"
Point.extra = method_outside
print(p.extra(), Point.extra(p))
bm = p.norm2
p.x = 0
print(bm(), bm.__self__ is p, bm.__func__ is Point.norm2)
Dyn = type("Dyn", (Point,), {"kind": "dynamic", "norm2": lambda self: -1})
d = Dyn(1, 1)
print(d, d.kind, d.norm2(), Dyn.__mro__[1].__name__)
class Empty:
    pass
e = Empty()
e.__dict__["injected"] = 1
print(e.injected, hasattr(e, "injected"), getattr(e, "nope", "default"))
setattr(e, "dyn", 2)
delattr(e, "injected")
print(sorted(vars(e)))
class ClassVarMutation:
    items = []
    def add(self, v):
        self.items.append(v)
a1, a2 = ClassVarMutation(), ClassVarMutation()
a1.add(1)
a2.add(2)
print(ClassVarMutation.items)
class Nested:
    class Inner:
        class Deepest:
            pass
print(Nested.Inner.Deepest.__qualname__)
print(isinstance(3, (str, int)), isinstance(Point, type), issubclass(bool, int), issubclass(int, (str, object)))
try:
    isinstance(1, 5)
except TypeError as e:
    print("TypeError:", e)
