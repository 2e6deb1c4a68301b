# Generator lifecycle: close on deallocation (refcount), finally blocks
# running on close, yield inside finally, generators abandoned mid-loop
# (break), return inside try/finally in generators, RuntimeError when a
# generator ignores GeneratorExit, exceptions raised in finally on close.
import gc
gc.disable()

def tracked(name, n):
    print(f"  {name}: start")
    try:
        for i in range(n):
            yield i
    finally:
        print(f"  {name}: finally")

for v in tracked("broken-loop", 10):
    if v == 2:
        print("  breaking")
        break
print("after break (generator already closed by refcount)")
g = tracked("dropped", 5)
next(g)
g = None
print("after drop")
print("sum of exhausted:", sum(tracked("exhausted", 4)))
def yields_in_finally():
    try:
        yield "body"
    finally:
        yield "in finally"
g = yields_in_finally()
print(next(g))
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)
g2 = yields_in_finally()
print(list(g2))
def raise_in_finally():
    try:
        yield 1
    finally:
        raise ValueError("from finally on close")
g = raise_in_finally()
next(g)
try:
    g.close()
except ValueError as e:
    print("close raised:", repr(e))
def return_in_finally_gen():
    try:
        yield 1
        return "normal"
    finally:
        print("  finally sees return")
g = return_in_finally_gen()
next(g)
try:
    next(g)
except StopIteration as e:
    print("returned:", e.value)
def nested_gens():
    def inner():
        try:
            yield "i1"
            yield "i2"
        finally:
            print("  inner finally")
    def outer():
        try:
            for v in inner():
                yield v
        finally:
            print("  outer finally")
    it = outer()
    print(next(it))
    del it
    print("  nested dropped")
nested_gens()
def generator_with_exception_state():
    try:
        raise KeyError("held")
    except KeyError:
        yield "holding exception"
g = generator_with_exception_state()
print(next(g))
del g
print("dropped while holding exception")
class Resource:
    def __init__(self, name):
        self.name = name
        print(f"  open {name}")
    def __del__(self):
        print(f"  release {self.name}")
def uses_resource():
    r = Resource("R1")
    yield 1
    yield 2
g = uses_resource()
next(g)
del g
print("after resource generator dropped")
def gen_with_context():
    class CM:
        def __enter__(self):
            print("  cm enter")
        def __exit__(self, *a):
            print("  cm exit", a[0].__name__ if a[0] else None)
    with CM():
        yield 1
        yield 2
g = gen_with_context()
next(g)
g.close()
g = gen_with_context()
next(g)
del g
print("done with context gens")
def counter_gen():
    count = 0
    while True:
        try:
            count += 1
            yield count
        except GeneratorExit:
            print(f"  closing after {count}")
            return
c = counter_gen()
print([next(c) for _ in range(3)])
c.close()
c.close()
print("double close is fine")
try:
    next(c)
except StopIteration:
    print("StopIteration after close")
gc.enable()
