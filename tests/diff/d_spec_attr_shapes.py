# Specializer stress for attributes: hot loops whose LOAD_ATTR/STORE_ATTR
# sites see many shapes, and classes mutated mid-loop (type version changes,
# attribute deletion, descriptors installed late, __getattr__ added late).
class A:
    kind = "A"
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
class B:
    kind = "B"
    __slots__ = ("v",)
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v * 10
class C(A):
    @property
    def v(self):
        return self._v + 0.5
    @v.setter
    def v(self, value):
        self._v = value
class D:
    def __getattr__(self, name):
        return 1000
    def get(self):
        return -1

def total(objs):
    s = 0
    for o in objs:
        s += o.v
        s += o.get()
    return s
objs = [A(1), B(2), C(3), D()] * 250
print("mixed shapes:", total(objs))
print("mono A:", total([A(i) for i in range(1000)]))

def loop_with_class_mutation():
    out = []
    a = A(5)
    for i in range(600):
        if i == 200:
            A.get = lambda self: self.v * 100
        if i == 400:
            del A.get
            A.get = lambda self: -self.v
        out.append(a.get())
    return out[199], out[200], out[399], out[400], sum(out)
print("class mutation:", loop_with_class_mutation())

def class_attr_changes():
    res = []
    for i in range(500):
        if i % 100 == 0:
            A.kind = f"A{i}"
        res.append(A(i).kind)
    return res[::100]
print("class attr:", class_attr_changes())

def shadow_class_attr():
    a = A(1)
    seen = []
    for i in range(300):
        if i == 100:
            a.kind = "instance-shadow"
        if i == 200:
            del a.kind
        seen.append(a.kind)
    return seen[99], seen[100], seen[200]
print("shadowing:", shadow_class_attr())

def late_descriptor():
    class E:
        pass
    e = E()
    e.x = 1
    vals = []
    for i in range(300):
        if i == 150:
            E.x = property(lambda self: "property wins")
        vals.append(e.x)
    return vals[149], vals[150]
print("late data descriptor:", late_descriptor())

def late_getattr():
    class F:
        pass
    f = F()
    out = []
    for i in range(200):
        if i == 100:
            F.__getattr__ = lambda self, n: f"dynamic {n}"
        try:
            out.append(f.missing)
        except AttributeError:
            out.append("AttributeError")
    return out[99], out[100]
print("late __getattr__:", late_getattr())

def store_attr_shapes():
    objs = [A(0), C(0)]
    for i in range(1000):
        o = objs[i % 2]
        o.v = i
        o.extra = i * 2
    return objs[0].v, objs[1].v, objs[0].extra, objs[1].__dict__
print("store shapes:", store_attr_shapes())

def dict_growth():
    class G:
        pass
    g = G()
    for i in range(100):
        setattr(g, f"a{i}", i)
        g.last = i
    return len(vars(g)), g.a99, g.last
print("instance dict growth:", dict_growth())

def method_cache():
    class H:
        def m(self):
            return 1
    h = H()
    acc = 0
    for i in range(400):
        if i == 100:
            h.m = lambda: 50
        if i == 200:
            del h.m
        if i == 300:
            H.m = lambda self: 7
        acc += h.m()
    return acc
print("method cache:", method_cache())

def bases_change():
    class P1:
        def who(self):
            return "P1"
    class P2:
        def who(self):
            return "P2"
    class K(P1):
        pass
    k = K()
    out = []
    for i in range(200):
        if i == 100:
            K.__bases__ = (P2,)
        out.append(k.who())
    return out[99], out[100]
print("bases change:", bases_change())

def class_swap():
    class S1:
        def __init__(self):
            self.v = 3
        def get(self):
            return self.v
    class S2:
        def get(self):
            return -self.v
    a = S1()
    out = []
    for i in range(200):
        if i == 100:
            a.__class__ = S2
        out.append(a.get())
    return out[99], out[100]
print("__class__ swap:", class_swap())

def module_attr():
    import math
    out = 0.0
    for i in range(300):
        if i == 150:
            math.tau_backup = math.tau
            math.tau = 1
        out += math.tau
    math.tau = math.tau_backup
    del math.tau_backup
    return out
print("module attr:", module_attr())

def type_attrs():
    out = []
    for t in [int, str, list, A, B] * 40:
        out.append(t.__name__)
    return len(out), out[:5]
print("type attrs:", type_attrs())
