# Metaclasses: __prepare__ returning custom namespaces (STORE_NAME/LOAD_NAME
# through a non-dict mapping), __new__/__init__/__call__ on the metaclass,
# __init_subclass__, __set_name__, __class_getitem__, __mro_entries__.
class LoggingNS(dict):
    def __setitem__(self, k, v):
        print(f"  ns[{k!r}] = {type(v).__name__}")
        super().__setitem__(k, v)
    def __getitem__(self, k):
        print(f"  ns lookup {k!r}")
        return super().__getitem__(k)
    def __delitem__(self, k):
        print(f"  ns del {k!r}")
        super().__delitem__(k)

class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print(f"__prepare__({name}, {[b.__name__ for b in bases]}, {kw})")
        return LoggingNS()
    def __new__(mcls, name, bases, ns, **kw):
        print(f"Meta.__new__({name}) keys={[k for k in ns if not k.startswith('__')]}")
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.meta_kw = kw
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print(f"Meta.__init__({name})")
        super().__init__(name, bases, ns)
    def __call__(cls, *args, **kw):
        print(f"Meta.__call__({cls.__name__}, {args})")
        return super().__call__(*args, **kw)
    def __repr__(cls):
        return f"<class {cls.__name__} via Meta>"

class Widget(metaclass=Meta, flavor="x"):
    size = 3
    double = size * 2
    temp = 1
    del temp
    def area(self):
        return self.size ** 2
print(Widget, Widget.meta_kw, Widget.double, hasattr(Widget, "temp"))
w = Widget()
print(w.area(), type(Widget).__name__, isinstance(Widget, Meta))
class SubWidget(Widget):
    size = 5
print(SubWidget().area(), SubWidget.meta_kw)

class Field:
    def __set_name__(self, owner, name):
        print(f"  __set_name__({owner.__name__}, {name})")
        self.name = name
        self.private = "_" + name
    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return getattr(obj, self.private, "unset")
    def __set__(self, obj, value):
        setattr(obj, self.private, value)

class Plugin:
    registry = []
    def __init_subclass__(cls, /, key=None, **kw):
        super().__init_subclass__(**kw)
        print(f"  __init_subclass__ {cls.__name__} key={key}")
        Plugin.registry.append((key, cls.__name__))
class PA(Plugin, key="a"):
    f1 = Field()
    f2 = Field()
class PB(PA, key="b"):
    pass
class PC(PB):
    pass
print(Plugin.registry)
pa = PA()
pa.f1 = 10
print(pa.f1, pa.f2, PA.f1.name, vars(pa))
try:
    class Bad(Plugin, unexpected=1):
        pass
except TypeError as e:
    print("TypeError:", e)

class Gen:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"
print(Gen[int], Gen["x", 1], list[int], dict[str, list[int]])
class Entry:
    def __mro_entries__(self, bases):
        print("  __mro_entries__", len(bases))
        return (Gen,)
class FromEntry(Entry()):
    pass
print(FromEntry.__mro__[1].__name__, FromEntry.__orig_bases__[0].__class__.__name__)

class Singleton(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]
class Config(metaclass=Singleton):
    def __init__(self, v):
        print("  Config init", v)
        self.v = v
print(Config(1).v, Config(2).v, Config(3) is Config(4))

class AutoRepr(type):
    def __new__(mcls, name, bases, ns):
        fields = [k for k, v in ns.items() if isinstance(v, int) and not k.startswith("_")]
        def __repr__(self):
            return name + "(" + ", ".join(f"{f}={getattr(self, f)}" for f in fields) + ")"
        ns["__repr__"] = __repr__
        return super().__new__(mcls, name, bases, ns)
class Pt(metaclass=AutoRepr):
    x = 1
    y = 2
print(Pt())
try:
    class Conflict(Widget, metaclass=AutoRepr):
        pass
except TypeError as e:
    print("TypeError:", e)
def class_decorator(cls):
    cls.decorated = True
    print("  decorating", cls.__name__)
    return cls
@class_decorator
class Deco:
    pass
print(Deco.decorated)
class NoDictNS(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return {"preloaded": "from prepare"}
class UsesPreloaded(metaclass=NoDictNS):
    seen = preloaded
print(UsesPreloaded.seen)
ns = type.__prepare__("X", ())
print(type(ns).__name__, ns)
T = type("T", (), {"a": 1})
print(T.a, T.__module__, type(T))
try:
    type("T", (5,), {})
except TypeError as e:
    print("TypeError:", e)
