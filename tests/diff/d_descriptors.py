# Descriptors: data vs non-data precedence, property with getter/setter/
# deleter, __slots__, classmethod/staticmethod objects, __get__ on classes,
# cached_property, read-only attribute errors.
import functools

class Verbose:
    def __init__(self, name):
        self.name = name
    def __get__(self, obj, owner):
        print(f"  __get__ {self.name} obj={type(obj).__name__} owner={owner.__name__}")
        return f"value-of-{self.name}"
    def __set__(self, obj, value):
        print(f"  __set__ {self.name} = {value!r}")
        obj.__dict__["_" + self.name] = value
    def __delete__(self, obj):
        print(f"  __delete__ {self.name}")
class NonData:
    def __get__(self, obj, owner):
        return "non-data"
class Host:
    d = Verbose("d")
    nd = NonData()
h = Host()
print(h.d, Host.d)
h.d = 5
h.__dict__["d"] = "instance dict shadow attempt"
print(h.d)
del h.d
print(h.nd)
h.__dict__["nd"] = "instance wins over non-data"
print(h.nd)

class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        """Celsius value."""
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("  deleting celsius")
        self._c = None
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit, Temp.celsius.__doc__)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    del t.fahrenheit
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
print(t.celsius)

class Slotted:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1
s = Slotted()
print(s.a, hasattr(s, "__dict__"), Slotted.a.__class__.__name__)
try:
    s.b
except AttributeError as e:
    print("AttributeError:", e)
try:
    s.c = 3
except AttributeError as e:
    print("AttributeError:", e)
s.b = 2
del s.a
try:
    del s.a
except AttributeError as e:
    print("AttributeError:", e)
print(s.b)
class SlottedChild(Slotted):
    __slots__ = ("c",)
sc = SlottedChild()
sc.c = 3
sc.a = 4
print(sc.a, sc.c)
class SlotDict(Slotted):
    pass
sd = SlotDict()
sd.anything = 1
print(sd.anything)

class Methods:
    factor = 10
    @classmethod
    def make(cls, v):
        return (cls.__name__, v * cls.factor)
    @staticmethod
    def helper(v):
        return v + 1
    def plain(self):
        return "plain"
class MethodsSub(Methods):
    factor = 100
print(Methods.make(1), MethodsSub.make(1), MethodsSub().make(2), Methods.helper(1), Methods().helper(2))
print(type(Methods.__dict__["make"]).__name__, type(Methods.__dict__["helper"]).__name__, Methods.__dict__["helper"](5))
print(Methods.plain.__qualname__, Methods.plain.__get__(None, Methods) is Methods.plain, Methods.make.__self__.__name__)
bound = Methods.__dict__["plain"].__get__(Methods(), Methods)
print(bound())

class Lazy:
    calls = 0
    @functools.cached_property
    def expensive(self):
        Lazy.calls += 1
        return [1, 2, 3]
lz = Lazy()
print(lz.expensive, lz.expensive is lz.expensive, Lazy.calls)
del lz.expensive
print(lz.expensive, Lazy.calls)

class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, owner=None):
        return self if obj is None else obj.__dict__.get(self.name)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}, not {type(value).__name__}")
        obj.__dict__[self.name] = value
class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, name, age):
        self.name, self.age = name, age
pp = Person("Ann", 30)
print(pp.name, pp.age)
try:
    Person("Bob", "old")
except TypeError as e:
    print("TypeError:", e)
try:
    (1).real = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    "s".upper = None
except AttributeError as e:
    print("AttributeError:", e)
try:
    object().x = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    int.new_attr = 1
except TypeError as e:
    print("TypeError:", e)
class FuncDescr:
    pass
def free(self, x):
    return ("free", type(self).__name__, x)
FuncDescr.m = free
print(FuncDescr().m(1), free.__get__(FuncDescr())(2))
print(property.__get__(Temp.celsius, t), property(lambda s: 1).fget(None))
class ClassProp:
    @property
    def inst(self):
        return "instance property"
print(ClassProp().inst, type(ClassProp.inst).__name__)
