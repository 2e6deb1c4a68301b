# Specializer stress for globals, builtins and calls: hot loops where the
# callee, global values, builtins, defaults and __code__ change mid-loop,
# plus calls with varying argument shapes at one site.
import builtins

def helper(x):
    return x + 1
G = 10
def use_globals(n):
    s = 0
    for i in range(n):
        s += G + helper(i)
    return s
print(use_globals(100))
G = 20
print(use_globals(100))
def replace_helper(x):
    return x * 2
helper = replace_helper
print(use_globals(100))

def global_changes_mid_loop():
    global G
    out = []
    for i in range(300):
        if i == 100:
            G = "now a string"
        if i == 200:
            del globals()["G"]
        try:
            out.append(G)
        except NameError as e:
            out.append(str(e))
    return out[99], out[100], out[200]
print(global_changes_mid_loop())
G = 1

def builtin_shadow_mid_loop():
    out = []
    for i in range(300):
        if i == 100:
            globals()["len"] = lambda x: -1
        if i == 200:
            del globals()["len"]
        out.append(len("abc"))
    return out[99], out[100], out[200]
print(builtin_shadow_mid_loop())

def builtins_module_patch():
    out = []
    orig = builtins.abs
    for i in range(300):
        if i == 100:
            builtins.abs = lambda x: "patched"
        if i == 200:
            builtins.abs = orig
        out.append(abs(-i))
    return out[99], out[100], out[200]
print(builtins_module_patch())

def target(a, b=2):
    return a + b
def call_shapes():
    out = []
    for i in range(400):
        k = i % 4
        if k == 0:
            out.append(target(i))
        elif k == 1:
            out.append(target(i, 5))
        elif k == 2:
            out.append(target(b=1, a=i))
        else:
            out.append(target(*(i,), **{"b": 0}))
    return sum(out), out[:4]
print(call_shapes())

def defaults_change():
    def f(x, y=1):
        return x * y
    out = []
    for i in range(300):
        if i == 100:
            f.__defaults__ = (10,)
        if i == 200:
            f.__code__ = (lambda x, y=1: x - y).__code__
        out.append(f(3))
    return out[99], out[100], out[200]
print(defaults_change())

def kwdefaults_change():
    def f(*, k=1):
        return k
    out = []
    for i in range(200):
        if i == 100:
            f.__kwdefaults__ = {"k": 99}
        out.append(f())
    return out[99], out[100]
print(kwdefaults_change())

def polymorphic_callee():
    class WithCall:
        def __call__(self, x):
            return ("call", x)
    class WithInit:
        def __init__(self, x):
            self.x = x
        def __repr__(self):
            return f"WithInit({self.x})"
    callees = [len, str, WithCall(), WithInit, lambda x: ("lambda", x), "{}!".format, [].count, abs, type]
    out = []
    for i in range(len(callees) * 20):
        c = callees[i % len(callees)]
        arg = [1, 2] if c in (len,) else -i if c is abs else i
        out.append(c(arg))
    return [repr(x) for x in out[:len(callees)]]
print(polymorphic_callee())

def class_gains_init():
    class K:
        pass
    out = []
    for i in range(300):
        if i == 100:
            def __init__(self, *a):
                self.args = a
            K.__init__ = __init__
        if i == 200:
            K.__new__ = lambda cls, *a: "new returns str"
        try:
            o = K() if i < 100 else K(i)
            out.append(getattr(o, "args", o))
        except TypeError as e:
            out.append(str(e))
    return out[99] is not None, out[100], out[200]
print(class_gains_init())

def method_kinds():
    class M:
        def inst(self, x):
            return ("inst", x)
        @classmethod
        def cls(cls, x):
            return ("cls", x)
        @staticmethod
        def st(x):
            return ("st", x)
    m = M()
    out = []
    for i in range(300):
        out.append(m.inst(i))
        out.append(m.cls(i))
        out.append(m.st(i))
        out.append(M.inst(m, i))
    return out[-4:]
print(method_kinds())

def recursion_in_loop():
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)
    return [fact(i) for i in range(0, 30, 7)]
print(recursion_in_loop())

def builtin_calls_fast():
    s = 0
    for i in range(1000):
        s += len(str(i)) + isinstance(i, int) + max(i, 5) + min(i, 3) + abs(-i) % 3
        s += int(float(i)) // 7
    return s
print(builtin_calls_fast())
def c_methods():
    lst = []
    d = {}
    for i in range(500):
        lst.append(i)
        d.setdefault(i % 10, []).append(i)
        if i % 50 == 0:
            lst.pop()
    return len(lst), sorted(d)[:3], sum(map(len, d.values())), "x".join(["a", "b"]), "abc".upper()
print(c_methods())
