# del of every target kind: DELETE_FAST, DELETE_NAME, DELETE_GLOBAL,
# DELETE_DEREF, DELETE_ATTR, DELETE_SUBSCR, slices, tuple/list targets,
# UnboundLocalError / NameError after deletion, LOAD_FAST_CHECK paths.
import traceback
mod_name = 1
del mod_name
try:
    mod_name
except NameError as e:
    print("NameError:", e)
def fast():
    a = 1
    b = 2
    del a
    try:
        print(a)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    del b
    try:
        del b
    except UnboundLocalError as e:
        print("UnboundLocalError on double del:", e)
    a = "rebound"
    return a
print(fast())
def maybe_unbound(flag):
    if flag:
        value = "set"
    return value
print(maybe_unbound(True))
try:
    maybe_unbound(False)
except UnboundLocalError:
    print(traceback.format_exc())
def loop_unbound(n):
    for i in range(n):
        pass
    return i
print(loop_unbound(3))
try:
    loop_unbound(0)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
g_var = "g"
def del_global():
    global g_var
    del g_var
del_global()
print("g_var" in globals())
def del_deref():
    c = "cell"
    def read():
        return c
    del c
    try:
        read()
    except NameError as e:
        print("NameError:", e)
del_deref()
class O:
    pass
o = O()
o.x, o.y = 1, 2
del o.x
print(vars(o))
L = list(range(10))
del L[0], L[-1]
print(L)
del L[1:3]
print(L)
del L[::2]
print(L)
D = {"a": 1, "b": 2, "c": 3}
del D["a"], D["b"]
print(D)
try:
    del D["zzz"]
except KeyError as e:
    print("KeyError:", e)
nested = {"x": [1, {"y": 2, "z": 3}]}
del nested["x"][1]["y"]
print(nested)
p, q, r = 1, 2, 3
del (p, q), [r]
print([n in globals() for n in ("p", "q", "r")])
def del_in_loop():
    out = []
    for i in range(3):
        tmp = i * 2
        out.append(tmp)
        del tmp
    try:
        tmp
    except NameError as e:
        out.append(type(e).__name__)
    return out
print(del_in_loop())
def del_param(x, y):
    del x
    return y, "x" in locals()
print(del_param(1, 2))
def del_except_name():
    try:
        raise ValueError
    except ValueError as err:
        pass
    try:
        return err
    except UnboundLocalError as e:
        return str(e)
print(del_except_name())
s = "immutable"
try:
    del s[0]
except TypeError as e:
    print("TypeError:", e)
try:
    del o.missing
except AttributeError as e:
    print("AttributeError:", e)
class Slots:
    __slots__ = ("a",)
sl = Slots()
try:
    del sl.a
except AttributeError as e:
    print("AttributeError:", e)
def check_after_del_in_branch(flag):
    x = 10
    if flag:
        del x
    try:
        return x
    except UnboundLocalError:
        return "deleted"
print(check_after_del_in_branch(True), check_after_del_in_branch(False))
