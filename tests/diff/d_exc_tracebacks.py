# traceback text through nested calls, methods, lambdas, comprehensions,
# generators, multi-line expressions (caret lines) and chained exceptions.
import sys, traceback

def level3(x):
    return {"a": 1}[x]
def level2(x):
    return level3(x) + 1
def level1(x):
    return [level2(v) for v in x]
try:
    level1(["a", "b"])
except KeyError:
    print(traceback.format_exc())
class Thing:
    def method(self, d):
        return d.attribute_that_is_missing
    @property
    def prop(self):
        return self.method(3)
try:
    Thing().prop
except AttributeError:
    print(traceback.format_exc())
f = lambda n: n / (n - n)
try:
    list(map(f, [1]))
except ZeroDivisionError:
    print(traceback.format_exc())
def gen():
    yield 1
    raise ValueError("in generator")
try:
    for _ in gen():
        pass
except ValueError:
    print(traceback.format_exc())
def multi_line(a, b):
    return (a +
            b["key"] *
            2)
try:
    multi_line(1, {"key": "s"})
except TypeError:
    print(traceback.format_exc())
def caret_call():
    data = {"x": {"y": None}}
    return data["x"]["y"]["z"]
try:
    caret_call()
except TypeError:
    print(traceback.format_exc())
def chained():
    try:
        int("notanint")
    except ValueError as e:
        raise RuntimeError("conversion failed") from e
try:
    chained()
except RuntimeError:
    print(traceback.format_exc())
def context_chain():
    try:
        [].pop()
    except IndexError:
        try:
            None.foo
        except AttributeError:
            {}.x = 1
try:
    context_chain()
except AttributeError:
    print(traceback.format_exc())
def recurse(n):
    if n == 0:
        raise OverflowError("bottom")
    return recurse(n - 1)
try:
    recurse(30)
except OverflowError:
    out = traceback.format_exc()
    print(out)
    print("lines:", len(out.splitlines()))
try:
    exec("def inner():\n    return 1 // 0\ninner()", {})
except ZeroDivisionError:
    print(traceback.format_exc())
try:
    eval("(1,\n 2,\n undefined_q)")
except NameError:
    print(traceback.format_exc())
try:
    compile("x = = 1", "<bad>", "exec")
except SyntaxError:
    print(traceback.format_exc())
try:
    exec("if True:\n  x = 1\n    y = 2")
except IndentationError:
    print(traceback.format_exc())
tb_lines = []
try:
    level2("zz")
except KeyError as e:
    for fs in traceback.extract_tb(e.__traceback__):
        tb_lines.append((fs.name, fs.lineno, fs.line))
print(tb_lines)
def printer():
    try:
        raise ValueError("printed to stdout")
    except ValueError:
        traceback.print_exc(file=sys.stdout)
printer()
print(traceback.format_exception_only(ValueError("only")))
print("".join(traceback.format_stack(limit=1)))
