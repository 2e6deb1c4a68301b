# exec/eval/compile with custom globals and locals: name resolution order,
# __builtins__ injection, mapping locals, locals() semantics of 3.13
# (PEP 667 snapshots in functions), nonlocal-free code, errors.
import sys

g = {"a": 1}
l = {"b": 2}
print(eval("a + b", g, l), sorted(k for k in g if k != "__builtins__"), "__builtins__" in g)
exec("c = a + b\nglobal_d = 4", g, l)
print(sorted(l), "c" in g)
exec("global e\ne = 5", g, l)
print(g["e"], "e" in l)
code = compile("x * y", "<expr>", "eval")
print(eval(code, {"x": 6, "y": 7}), code.co_names, code.co_filename)
print(eval("[i * i for i in range(n)]", {"n": 4}))
class Mapping:
    def __init__(self):
        self.store = {"m": 10}
    def __getitem__(self, k):
        print(f"  Mapping[{k!r}]")
        return self.store[k]
    def __setitem__(self, k, v):
        print(f"  Mapping[{k!r}] = {v!r}")
        self.store[k] = v
    def __delitem__(self, k):
        print(f"  del Mapping[{k!r}]")
        del self.store[k]
mp = Mapping()
exec("n = m + 1\ndel m\ntry:\n    m\nexcept NameError as e:\n    print('  NameError:', e)", {}, mp)
print(mp.store)
print(eval("len", {}, {}), eval("len", {"__builtins__": {"len": "fake len"}}))
try:
    eval("undefined_q", {}, {})
except NameError as e:
    print("NameError:", e)
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.lineno, e.offset, e.text)
try:
    exec("x = 1", [], {})
except TypeError as e:
    print("TypeError:", e)
try:
    eval("1", {}, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    exec(5)
except TypeError as e:
    print("TypeError:", e)

def func_locals():
    v = 1
    snap = locals()
    v = 2
    snap["v"] = 100
    snap["new"] = "added"
    print("  snap:", snap, "v:", v, "second snapshot:", sorted(locals()))
    exec("v = 999\nw = 5")
    print("  after exec: v =", v, "locals has w:", "w" in locals())
    ns = {}
    exec("v = 999\nw = 5", globals(), ns)
    print("  explicit ns:", ns)
    return eval("v + 1")
print(func_locals())
def closure_locals():
    cell = "cell value"
    def inner():
        return cell
    return sorted(locals())
print(closure_locals())
def frame_locals_proxy():
    a = 1
    f = sys._getframe()
    fl = f.f_locals
    fl["a"] = 42
    print("  a after f_locals write:", a, type(fl).__name__)
    try:
        del fl["a"]
    except (KeyError, ValueError) as e:
        print(" ", type(e).__name__, e)
    return a
print(frame_locals_proxy())
module_locals_is_globals = locals() is globals()
print(module_locals_is_globals)
class K:
    snap = sorted(locals())
print(K.snap)
src = "def made(x):\n    return x * 3\n"
ns = {}
exec(src, ns)
print(ns["made"](5), ns["made"].__globals__ is ns, ns["made"].__code__.co_filename)
exec(compile("print('  compiled exec', __name__)", "<c>", "exec"), {"__name__": "custom_name"})
print(eval("(lambda q: q + outer_g)(1)", {"outer_g": 10}))
import ast
tree = ast.parse("result = sum(range(5))")
ns2 = {}
exec(compile(tree, "<ast>", "exec"), ns2)
print(ns2["result"], ast.literal_eval("{'a': [1, (2, 3)], 'b': -4.5}"))
try:
    ast.literal_eval("__import__('os')")
except ValueError as e:
    print("ValueError:", str(e).split(": <")[0])
print(eval(compile("1\n", "<s>", "single")) if False else "single-mode skipped")
exec(compile("2 + 3", "<single>", "single"))
print(eval("a if a else b", {"a": 0, "b": "fallback"}))
big = {"k%d" % i: i for i in range(100)}
print(eval("k0 + k50 + k99", big))
