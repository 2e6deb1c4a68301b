# Attribute hooks: __getattr__ fallback, __getattribute__ interception,
# __setattr__/__delattr__, __dir__, AttributeError messages and suggestions,
# module-level __getattr__, DELETE_ATTR of all kinds.
import traceback, types

class Fallback:
    real = "real attr"
    def __getattr__(self, name):
        print(f"  __getattr__({name!r})")
        if name.startswith("dyn_"):
            return name[4:].upper()
        raise AttributeError(f"no {name} here")
f = Fallback()
print(f.real, f.dyn_abc)
try:
    f.other
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(f, "missing", "default"), hasattr(f, "dyn_x"), hasattr(f, "zzz"))

class Intercept:
    def __init__(self):
        object.__setattr__(self, "log", [])
        self.visible = 1
    def __getattribute__(self, name):
        if name != "log":
            object.__getattribute__(self, "log").append(name)
        if name == "secret":
            raise AttributeError("secret is hidden")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return f"fallback:{name}"
    def __setattr__(self, name, value):
        print(f"  __setattr__({name!r}, {value!r})")
        object.__setattr__(self, name, value * 2 if isinstance(value, int) else value)
    def __delattr__(self, name):
        print(f"  __delattr__({name!r})")
        if name == "visible":
            raise AttributeError("cannot delete visible")
        object.__delattr__(self, name)
i = Intercept()
i.count = 5
print(i.count, i.secret, i.nothing, i.log)
i.temp = "t"
del i.temp
try:
    del i.visible
except AttributeError as e:
    print("AttributeError:", e)
try:
    del i.never_set
except AttributeError as e:
    print("AttributeError:", e)

class Raising:
    @property
    def broken(self):
        raise AttributeError("inner problem")
    def __getattr__(self, name):
        return f"__getattr__ rescued {name}"
print(Raising().broken)

class Typo:
    def __init__(self):
        self.velocity = 1
        self.position = 2
try:
    Typo().velocty
except AttributeError:
    print(traceback.format_exc())
try:
    [].apend(1)
except AttributeError:
    print(traceback.format_exc())
try:
    import collections
    collections.OrderedDic
except AttributeError:
    print(traceback.format_exc())
try:
    None.value
except AttributeError as e:
    print("AttributeError:", e, e.name, e.obj)

mod = types.ModuleType("virtual")
def mod_getattr(name):
    if name == "lazy":
        return "lazy module attribute"
    raise AttributeError(f"module 'virtual' has no attribute {name!r}")
mod.__getattr__ = mod_getattr
mod.__dir__ = lambda: ["lazy", "x"]
print(mod.lazy, dir(mod))
try:
    mod.other
except AttributeError as e:
    print("AttributeError:", e)

class Dir:
    def __dir__(self):
        return ["b", "a", "c"]
print(dir(Dir()))
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_t", target)
    def __getattr__(self, name):
        return getattr(self._t, name)
    def __setattr__(self, name, value):
        setattr(self._t, name, value)
class Target:
    pass
tg = Target()
px = Proxy(tg)
px.color = "red"
print(tg.color, px.color, px.__class__.__name__)
class Counter:
    def __init__(self):
        self.__dict__["hits"] = {}
    def __getattr__(self, name):
        self.hits[name] = self.hits.get(name, 0) + 1
        return self.hits[name]
c = Counter()
print(c.a, c.a, c.b, c.a, c.hits)
class Obj:
    pass
o = Obj()
o.a = 1
o.b = 2
del o.a
print(vars(o))
try:
    del o.a
except AttributeError as e:
    print("AttributeError:", e)
class ClassAttr:
    x = 1
del ClassAttr.x
try:
    ClassAttr.x
except AttributeError as e:
    print("AttributeError:", e)
try:
    del ClassAttr.x
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(o, 5)
except TypeError as e:
    print("TypeError:", e)
print(getattr(o, "b"), setattr(o, "c", 3), o.c)
