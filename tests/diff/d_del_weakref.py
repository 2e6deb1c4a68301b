# Object lifetimes: __del__ called at the exact refcount-zero point, weakref
# callbacks, WeakValueDictionary, finalizers, del of locals/containers, cycles
# collected by an explicit gc.collect() (automatic gc disabled).
import gc, weakref, sys
gc.disable()

class Noisy:
    def __init__(self, name):
        self.name = name
        print(f"  create {name}")
    def __del__(self):
        print(f"  __del__ {self.name}")
    def __repr__(self):
        return f"Noisy({self.name})"

def scope():
    a = Noisy("local-a")
    b = Noisy("local-b")
    print("  leaving scope")
scope()
print("after scope")
x = Noisy("rebind-1")
x = Noisy("rebind-2")
print("after rebind")
del x
print("after del")
lst = [Noisy("in-list-0"), Noisy("in-list-1")]
lst.pop(0)
print("after pop")
lst.clear()
print("after clear")
d = {"k": Noisy("dict-val")}
d["k"] = None
print("after dict overwrite")
t = (Noisy("in-tuple"),)
t = None
print("after tuple drop")

class Target:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return f"Target({self.name})"
def cb(ref):
    print("  weakref callback, ref dead:", ref() is None)
obj = Target("w")
r = weakref.ref(obj, cb)
print("alive:", r() is obj, weakref.getweakrefcount(obj))
del obj
print("after del obj, r() =", r())

wvd = weakref.WeakValueDictionary()
keep = [Target(i) for i in range(4)]
for t_ in keep:
    wvd[t_.name] = t_
del t_
print(sorted(wvd.keys()))
keep.pop(1)
keep.pop()
print(sorted(wvd.keys()))

o = Target("finalized")
fin = weakref.finalize(o, print, "  finalize callback for", "o")
print("finalizer alive:", fin.alive)
del o
print("finalizer alive after del:", fin.alive)

class Cycle:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        print(f"  __del__ cycle member {self.name}")
a = Cycle("A")
b = Cycle("B")
a.other, b.other = b, a
ra = weakref.ref(a, lambda r: print("  weakref cb for cycle A"))
del a, b
print("cycle still alive:", ra() is not None)
n = gc.collect()
print("collected something:", n > 0, "alive after collect:", ra() is not None)

def gen_cleanup():
    g_obj = Noisy("gen-local")
    try:
        yield 1
        yield 2
    finally:
        print("  generator finally")
g = gen_cleanup()
next(g)
print("dropping generator")
del g
print("after generator drop")

class Resurrect:
    saved = []
    def __del__(self):
        print("  resurrecting")
        Resurrect.saved.append(self)
rz = Resurrect()
del rz
print("resurrected count:", len(Resurrect.saved))
Resurrect.saved.clear()
print("cleared saved (no second __del__)")

class DelRaises:
    def __del__(self):
        raise ValueError("error in __del__")
def unraisable(info):
    print("  unraisable hook:", type(info.exc_value).__name__, info.exc_value, "in", info.object.__qualname__)
sys.unraisablehook = unraisable
dr = DelRaises()
del dr
print("after DelRaises")
sys.unraisablehook = sys.__unraisablehook__
proxy_target = Target("proxied")
p = weakref.proxy(proxy_target)
print(p.name, repr(p).startswith("<weakproxy"))
del proxy_target
try:
    p.name
except ReferenceError as e:
    print("ReferenceError:", e)
ws = weakref.WeakSet()
objs = [Target(i) for i in range(3)]
for o_ in objs:
    ws.add(o_)
del o_
objs.pop()
print(len(ws))
def exc_keeps_alive():
    n = Noisy("held-by-traceback")
    raise RuntimeError("holding")
try:
    exc_keeps_alive()
except RuntimeError as e:
    print("in handler, frame still referenced")
print("after handler (exception variable cleared)")
# A returning frame drops its locals after it is unlinked: a finalizer
# run by the drop sees the caller as the running frame; locals go in slot
# order (arguments first), floats and cells among them; a finalizer that
# raises is reported as unraisable and the return value still arrives.
class Witness:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print(f"  __del__ {self.name} in {sys._getframe(1).f_code.co_name}")
class Raiser:
    def __del__(self):
        raise ValueError("from __del__")
def dropper(arg):
    w1 = Witness("first-local")
    f = 1.5 * len(arg.name)
    w2 = Witness("second-local")
    def inner():
        return w2.name
    return f + len(inner())
def calls_dropper():
    r = dropper(Witness("argument"))
    print("  dropper returned", r)
calls_dropper()
def raising_local():
    r = Raiser()
    return 42
_hook = sys.unraisablehook
sys.unraisablehook = lambda u: print("  unraisable:", type(u.exc_value).__name__, u.exc_value)
print("raising_local returned", raising_local())
sys.unraisablehook = _hook
for i in range(3):
    dropper(Witness(f"loop-{i}"))
last = Noisy("module-global-at-exit")
print("end of program")
