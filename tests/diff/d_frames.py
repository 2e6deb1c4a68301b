# Frame introspection: sys._getframe, f_back chains, f_lineno during
# execution, f_lasti relative order, f_code, f_globals/f_locals, frames of
# generators (gi_frame) and coroutines, traceback tb_frame/tb_lineno.
import sys, inspect

def where():
    f = sys._getframe(1)
    return f.f_code.co_name, f.f_lineno
def caller():
    a = where()
    b = where()
    return a, b
print(caller())

def chain():
    names = []
    f = sys._getframe()
    while f is not None:
        names.append(f.f_code.co_name)
        f = f.f_back
    return names
def l1():
    return l2()
def l2():
    return chain()
print(l1())

def lasti_order():
    f = sys._getframe()
    a = f.f_lasti
    x = 1 + 1
    b = f.f_lasti
    return a < b, a >= 0, a % 2 == 0, a, b
print(lasti_order())

def line_tracker():
    f = sys._getframe()
    lines = [f.f_lineno]
    lines.append(f.f_lineno)
    for i in range(2):
        lines.append(f.f_lineno)
    return [l - lines[0] for l in lines]
print(line_tracker())

def gen():
    f = sys._getframe()
    yield f.f_lineno
    yield f.f_lineno
    yield f is g.gi_frame
g = gen()
print(g.gi_frame.f_lineno, g.gi_frame.f_lasti)
print(next(g), g.gi_frame.f_lineno, g.gi_frame.f_lasti)
print(next(g), g.gi_frame.f_lineno)
print(next(g))
print(g.gi_frame.f_back)
def consumer():
    return next(g2)
def gen2():
    yield sys._getframe().f_back.f_code.co_name
    yield sys._getframe().f_back.f_code.co_name
g2 = gen2()
print(consumer(), [x for x in g2], g2.gi_frame)

def tb_info():
    try:
        def inner():
            raise ValueError("x")
        inner()
    except ValueError as e:
        tb = e.__traceback__
        out = []
        while tb:
            out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_lasti >= 0))
            tb = tb.tb_next
        return out
print(tb_info())

def frame_locals(a, b=2):
    c = a + b
    return sorted(sys._getframe().f_locals.items())
print(frame_locals(1))
print(sys._getframe().f_code.co_name, sys._getframe().f_globals is globals(), sys._getframe().f_back)
def stack_info():
    return [(fi.function, fi.lineno) for fi in inspect.stack()[:3]]
def via():
    return stack_info()
print(via())
def code_info(p, q=1, *r, s, **t):
    loc = 1
    def inner():
        return loc
    co = code_info.__code__
    return (co.co_argcount, co.co_kwonlyargcount, co.co_posonlyargcount, co.co_varnames, co.co_cellvars,
            co.co_nlocals, co.co_flags & 0x0C, co.co_firstlineno, co.co_qualname)
print(code_info(1, s=2))
lines = [(s, e, l) for s, e, l in code_info.__code__.co_lines()]
print(len(lines) > 0, lines[0][2] == code_info.__code__.co_firstlineno)
positions = list(where.__code__.co_positions())
print(len(positions) == len(where.__code__.co_code) // 2)
async def coro():
    return sys._getframe().f_code.co_name
c = coro()
print(c.cr_frame.f_code.co_name, c.cr_frame.f_lineno)
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
def clear_frame():
    def g():
        x = "local"
        yield x
    it = g()
    next(it)
    try:
        it.gi_frame.clear()
    except RuntimeError as e:
        print("  RuntimeError:", e)
    it.close()
    return it.gi_frame
print(clear_frame())
def depth_from_frames():
    d = 0
    f = sys._getframe()
    while f.f_back:
        d += 1
        f = f.f_back
    return d
def r(n):
    return depth_from_frames() if n == 0 else r(n - 1)
print(r(0), r(10), r(50))
print(sys._getframe(0).f_lineno)
try:
    sys._getframe(1000)
except ValueError as e:
    print("ValueError:", e)
