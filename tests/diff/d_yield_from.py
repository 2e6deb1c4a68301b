# yield from: GET_YIELD_FROM_ITER, SEND, END_SEND, CLEANUP_THROW; delegation
# of send/throw/close, return values, exceptions, delegating to iterators.
import traceback

def inner():
    print("  inner start")
    x = yield "i1"
    print("  inner got", x)
    try:
        y = yield "i2"
        print("  inner got", y)
    except KeyError as e:
        print("  inner caught", repr(e))
        y = "recovered"
        yield "i3"
    return f"inner-result({x},{y})"

def outer():
    r = yield from inner()
    print("  outer got result", r)
    r2 = yield from [10, 20]
    print("  list delegation result", r2)
    r3 = yield from range(2)
    yield from "ab"
    return "outer-done"

g = outer()
print(next(g))
print(g.send("A"))
print(g.throw(KeyError("thrown")))
for v in g:
    print("rest", v)

g = outer()
next(g)
g.send(1)
print(g.send(2))
try:
    while True:
        print("drain", next(g))
except StopIteration as e:
    print("final", e.value)

def closing_inner():
    try:
        yield 1
        yield 2
    finally:
        print("  closing_inner finally")
def closing_outer():
    try:
        yield from closing_inner()
    finally:
        print("  closing_outer finally")
g = closing_outer()
next(g)
g.close()
print("closed both")

def raising_inner():
    yield 1
    raise ValueError("inner raised")
def catching_outer():
    try:
        yield from raising_inner()
    except ValueError as e:
        print("  outer caught", repr(e))
        yield "handled"
print(list(catching_outer()))

def not_iterable():
    yield from 5
try:
    next(not_iterable())
except TypeError as e:
    print("TypeError:", e)

def deleg_throw_unhandled():
    yield from closing_inner()
g = deleg_throw_unhandled()
next(g)
try:
    g.throw(RuntimeError("into chain"))
except RuntimeError:
    print(traceback.format_exc())

class Iter:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i
class WithThrow(Iter):
    def throw(self, *args):
        print("  WithThrow.throw", args[0] if len(args) == 1 else args)
        return "throw-handled"
    def close(self):
        print("  WithThrow.close")
def deleg_plain():
    r = yield from Iter()
    return r
print(list(deleg_plain()))
def deleg_throw():
    yield from WithThrow()
g = deleg_throw()
next(g)
print(g.throw(ValueError("to iterator")))
g.close()
def deleg_send_plain():
    yield from Iter()
g = deleg_send_plain()
next(g)
try:
    g.send("x")
except AttributeError as e:
    print("AttributeError:", e)

def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], (3,), "xy", {4: 0}, range(5, 7))))

def depth(n):
    if n == 0:
        yield "bottom"
        return 0
    r = yield from depth(n - 1)
    yield f"level {n}"
    return r + n
g = depth(5)
print(list(g))
def total_depth():
    t = yield from depth(4)
    yield t
print(list(total_depth()))

def stop_in_inner():
    yield 1
    return StopIteration("as value")
def get_it():
    v = yield from stop_in_inner()
    yield repr(v)
print(list(get_it()))

def gen_exit_inner():
    try:
        yield 1
    except GeneratorExit:
        print("  inner saw GeneratorExit")
        raise
def gen_exit_outer():
    try:
        yield from gen_exit_inner()
    except GeneratorExit:
        print("  outer saw GeneratorExit")
        raise
g = gen_exit_outer()
next(g)
g.close()
