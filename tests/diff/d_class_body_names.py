# Name resolution in class bodies: LOAD_NAME/STORE_NAME/DELETE_NAME in class
# namespaces, LOAD_FROM_DICT_OR_DEREF for free variables referenced in a class
# body, class scope not visible in methods, __qualname__/__module__,
# locals() in class bodies, class bodies run by exec with custom mappings.
x = "global x"
def outer():
    x = "outer local x"
    y = "outer y"
    class Body:
        print("  in body, x =", x)
        x = "class x"
        print("  after assignment, x =", x)
        z = y
        def method(self):
            return x
        del z
        w = [x for _ in range(1)]
        print("  locals keys:", sorted(k for k in locals() if not k.startswith("__")))
    return Body
B = outer()
print(B.x, B().method(), hasattr(B, "z"), B.w)

def shadow_dict_first():
    v = "closure v"
    class K:
        v = "class v first"
        got = v
    class L:
        got = v
    return K.got, L.got
print(shadow_dict_first())

def ns_dict_mutation():
    q = "closure q"
    class M:
        locals()["q"] = "injected into class ns"
        got = q
    return M.got
print(ns_dict_mutation())

class Top:
    cls_var = "top var"
    def method(self):
        try:
            return cls_var
        except NameError as e:
            return f"NameError: {e}"
    lam = lambda self: cls_var if False else "lambda ok"
    gen = list(v for v in [cls_var])
    try:
        bad_gen = list(cls_var for _ in range(1))
    except NameError as e:
        print("  NameError in class-body genexpr:", e)
print(Top().method(), Top().lam(), Top.gen)

class Q:
    class R:
        def m(self):
            pass
print(Q.__qualname__, Q.R.__qualname__, Q.R.m.__qualname__, Q.__module__)
def f():
    class Local:
        def m(self):
            pass
    return Local
print(f().__qualname__, f().m.__qualname__)

class Deleter:
    a = 1
    b = 2
    del a
    try:
        del a
    except NameError as e:
        print("  NameError in class body:", e)
print(sorted(k for k in vars(Deleter) if not k.startswith("__")))

class BuiltinsShadow:
    len = lambda s: "shadowed len"
    n = len("abc")
print(BuiltinsShadow.n)

class LoggingMapping(dict):
    def __getitem__(self, key):
        print(f"  mapping[{key!r}]")
        return dict.__getitem__(self, key)
code = "a = 1\nb = a + 1\nprint('  b =', b)\nprint('  len is builtin:', len('xy'))\n"
ns = LoggingMapping()
exec(code, {"__builtins__": __builtins__}, ns)
print(dict(ns))
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return LoggingMapping(pre="prepared")
class Prepared(metaclass=Meta):
    p = pre
    def m(self):
        return "m"
print(Prepared.p)

def cell_and_class_same_name():
    a = "func a"
    class C:
        a = "class a"
        def get(self):
            return a
        b = a
    return C().get(), C.b
print(cell_and_class_same_name())
def class_cell_deleted():
    val = 1
    class C2:
        got = val
    del val
    try:
        class C3:
            got = val
    except NameError as e:
        return C2.got, str(e)
print(class_cell_deleted())
