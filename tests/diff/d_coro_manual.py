# Coroutines driven by hand: RETURN_GENERATOR, GET_AWAITABLE, SEND,
# YIELD_VALUE, CLEANUP_THROW; custom __await__, cr_frame/cr_await,
# send/throw/close, "never awaited" warnings and misuse errors.
import types, traceback, warnings

class Ticket:
    def __init__(self, label):
        self.label = label
    def __await__(self):
        print("  __await__", self.label)
        got = yield ("suspend", self.label)
        print("  resumed", self.label, "with", got)
        return f"{self.label}:{got}"

async def leaf(x):
    a = await Ticket(f"leaf{x}-a")
    b = await Ticket(f"leaf{x}-b")
    return a + "|" + b

async def middle():
    r1 = await leaf(1)
    try:
        r2 = await leaf(2)
    except ValueError as e:
        print("  middle caught", repr(e))
        r2 = "recovered"
    return [r1, r2]

c = middle()
print(type(c).__name__, c.cr_running, c.cr_frame is not None, c.cr_await)
print(c.send(None))
print(c.send("one"))
print("cr_await:", type(c.cr_await).__name__)
print(c.send("two"))
try:
    c.throw(ValueError("injected"))
except StopIteration as e:
    print("result:", e.value)
print(c.cr_frame)

@types.coroutine
def old_style():
    v = yield "old-style-yield"
    return v * 2
async def uses_old():
    return await old_style()
c = uses_old()
print(c.send(None))
try:
    c.send(21)
except StopIteration as e:
    print("old style result", e.value)

async def closes():
    try:
        await Ticket("c")
    finally:
        print("  coroutine finally on close")
c = closes()
c.send(None)
c.close()
print("closed")

class BadAwait:
    def __await__(self):
        return 5
async def await_bad():
    await BadAwait()
try:
    await_bad().send(None)
except TypeError as e:
    print("TypeError:", e)
async def await_int():
    await 3
try:
    await_int().send(None)
except TypeError as e:
    print("TypeError:", e)
class GenAwait:
    def __await__(self):
        def g():
            yield 1
        return g()
async def await_gen_iter():
    return await GenAwait()
c = await_gen_iter()
print(c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print("GenAwait done", e.value)

async def simple():
    return 1
c = simple()
try:
    c.send(None)
except StopIteration as e:
    print("simple", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
async def reenter():
    await c2
c2 = reenter()
try:
    c2.send(None)
except ValueError as e:
    print("ValueError:", e)
c3 = simple()
try:
    c3.send(1)
except TypeError as e:
    print("TypeError:", e)
c3.close()

async def thrower():
    await Ticket("t")
c = thrower()
c.send(None)
try:
    c.throw(KeyError("thrown through await"))
except KeyError:
    print(traceback.format_exc())

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    c = simple()
    del c
    print([str(x.message) for x in w])

async def awaits_coro_twice():
    co = simple()
    a = await co
    try:
        await co
    except RuntimeError as e:
        return a, str(e)
c = awaits_coro_twice()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)

def run(coro):
    values = []
    try:
        v = coro.send(None)
        while True:
            values.append(v)
            v = coro.send(len(values))
    except StopIteration as e:
        return values, e.value
async def many():
    out = []
    for i in range(4):
        out.append(await Ticket(f"m{i}"))
    return out
print(run(many()))
