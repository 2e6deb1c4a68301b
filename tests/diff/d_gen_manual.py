# Generators driven by hand: send/throw/close, return values in
# StopIteration, gi_frame/gi_running/gi_suspended, GeneratorExit handling,
# RuntimeError for misuse, yield inside try/finally and with.
import sys, traceback

def echo():
    print("  echo started")
    received = None
    try:
        while True:
            try:
                received = yield ("echo", received)
                print("  got", received)
            except ValueError as e:
                print("  caught thrown", repr(e))
                received = "after-throw"
    finally:
        print("  echo finally")
g = echo()
print(g.gi_frame.f_lineno, g.gi_suspended, g.gi_running)
print(next(g))
print(g.send(1))
print(g.send("two"))
print(g.throw(ValueError("boom")))
print(g.throw(ValueError))
print(g.gi_frame.f_lineno, g.gi_suspended)
g.close()
print(g.gi_frame, g.gi_suspended)
try:
    next(g)
except StopIteration as e:
    print("StopIteration after close", e.value)

def returns():
    x = yield 1
    return f"returned {x}"
g = returns()
next(g)
try:
    g.send("val")
except StopIteration as e:
    print("StopIteration.value:", e.value)

g = returns()
try:
    g.send("not none")
except TypeError as e:
    print("TypeError:", e)

def stubborn():
    while True:
        try:
            yield "s"
        except GeneratorExit:
            print("  ignoring GeneratorExit")
            yield "again"
g = stubborn()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)

def self_running():
    yield gen_ref.send(None)
gen_ref = self_running()
try:
    next(gen_ref)
except ValueError as e:
    print("ValueError:", e)

def throw_uncaught():
    yield 1
    yield 2
g = throw_uncaught()
next(g)
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("propagated:", repr(e))
    print(traceback.format_exc())
print("after throw exhausted:", list(g))
g = throw_uncaught()
try:
    g.throw(IndexError("before start"))
except IndexError as e:
    print("throw before start:", repr(e))
print(g.gi_frame)

def close_return():
    try:
        yield
    except GeneratorExit:
        return "close value"
g = close_return()
next(g)
print("close() ->", g.close())

def state_probe():
    f = sys._getframe()
    print("  running inside:", gen.gi_running, f is gen.gi_frame)
    yield f.f_lineno
    yield f.f_lineno
gen = state_probe()
print(list(gen))

def counter(n):
    i = 0
    while i < n:
        cmd = yield i
        if cmd == "reset":
            i = 0
        elif cmd == "skip":
            i += 2
        else:
            i += 1
c = counter(6)
out = [next(c)]
for cmd in [None, "skip", None, "reset", None, None, "skip", "skip"]:
    try:
        out.append(c.send(cmd))
    except StopIteration:
        out.append("stop")
        break
print(out)

def gen_with_locals(a, b=2, *args, **kw):
    total = a + b
    yield locals()
    yield sorted(kw)
g = gen_with_locals(1, 5, 6, x=1, y=2)
print(next(g), next(g))
print(g.gi_code.co_name, g.__name__, g.__qualname__)
g.__name__ = "renamed"
print(g.__name__)

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
print(list(itertools.islice(fib(), 15)))
print(sum(itertools.takewhile(lambda v: v < 1000, fib())))

def catcher():
    try:
        yield 1
    except Exception as e:
        yield f"caught {type(e).__name__}"
g = catcher()
next(g)
print(g.throw(TypeError, TypeError("typed"), None))
