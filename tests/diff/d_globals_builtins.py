# Globals and builtins: LOAD_GLOBAL/STORE_GLOBAL/DELETE_GLOBAL, shadowing and
# un-shadowing builtins, NameError messages, module-level LOAD_NAME/
# STORE_NAME/DELETE_NAME, globals() dict mutation visible to functions.
import builtins

counter = 0
def bump():
    global counter
    counter += 1
    return counter
print(bump(), bump(), counter)

def define_new_global():
    global brand_new
    brand_new = "created in function"
define_new_global()
print(brand_new)

def delete_global():
    global brand_new
    del brand_new
delete_global()
try:
    print(brand_new)
except NameError as e:
    print("NameError:", e)
try:
    delete_global()
except NameError as e:
    print("NameError on second delete:", e)

def use_len(x):
    return len(x)
print(use_len("abc"))
len = lambda x: "shadowed len"
print(use_len("abc"))
del len
print(use_len("abc"))
builtins_len = builtins.len
builtins.len = lambda x: "patched builtin"
print(use_len("abc"))
builtins.len = builtins_len
print(use_len("abc"))

def missing_name():
    return undefined_global_name
try:
    missing_name()
except NameError as e:
    print("NameError:", e, e.name)
try:
    prnt("typo")
except NameError as e:
    import traceback
    print(traceback.format_exc())

globals()["injected"] = "via globals()"
def read_injected():
    return injected
print(read_injected())
g = globals()
g["counter"] = 100
print(bump())
x = "module x"
del x
try:
    x
except NameError as e:
    print("NameError:", e)
try:
    del never_defined
except NameError as e:
    print("NameError:", e)
def local_vs_global():
    print(counter)
try:
    exec("def f():\n    print(counter)\n    counter = 1\nf()", {"counter": 5})
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def global_in_nested():
    def inner():
        global counter
        counter = -1
    inner()
    return counter
print(global_in_nested(), counter)

def f_with_own_globals():
    return which
ns = {"which": "custom globals"}
import types
f2 = types.FunctionType(f_with_own_globals.__code__, ns)
print(f2())
ns["which"] = "changed"
print(f2())
ns2 = {"__builtins__": {"len": lambda x: "custom builtins len"}}
exec("result = len([1, 2, 3])", ns2)
print(ns2["result"])
ns3 = {"__builtins__": {}}
try:
    exec("print('x')", ns3)
except NameError as e:
    print("NameError:", e)
print(__name__, type(__builtins__).__name__, "print" in dir(builtins))
True_ = True
def shadow_print():
    print = lambda *a: builtins.print("shadow:", *a)
    print("hello")
shadow_print()
print("normal")
for name in ("abs", "max", "sorted"):
    globals()[name] = lambda *a, _n=name: f"fake {_n}"
print(abs(-1), max(1, 2), sorted([2, 1]))
for name in ("abs", "max", "sorted"):
    del globals()[name]
print(abs(-1), max(1, 2), sorted([2, 1]))
