# Async generators: GET_AITER, GET_ANEXT, END_ASYNC_FOR, async comprehensions,
# asend/athrow/aclose driven by hand and by asyncio.run.
import asyncio, types

@types.coroutine
def pause(tag):
    got = yield tag
    return got

async def agen(n):
    try:
        for i in range(n):
            got = await pause(f"pause{i}")
            print("  agen resumed with", got)
            x = yield i * 10
            print("  agen got sent", x)
    finally:
        print("  agen finally")

def drive(aw, sends=()):
    """Run an awaitable by hand; yields from pause() get values from sends."""
    it = iter(sends)
    try:
        v = aw.send(None)
        while True:
            print("  suspended at", v)
            v = aw.send(next(it, None))
    except StopIteration as e:
        return e.value

g = agen(3)
print(type(g).__name__, g.ag_running, g.ag_frame is not None)
print("anext ->", drive(g.__anext__(), ["r0"]))
print("asend ->", drive(g.asend("S1"), ["r1"]))
try:
    drive(g.athrow(ValueError("thrown")))
except ValueError as e:
    print("athrow propagated", repr(e))
try:
    drive(g.__anext__())
except StopAsyncIteration as e:
    print("StopAsyncIteration", repr(e))

g = agen(5)
drive(g.__anext__())
print("aclose ->", drive(g.aclose()))

async def catcher():
    while True:
        try:
            yield "c"
        except KeyError:
            print("  catcher caught KeyError")
            yield "after-key"
c = catcher()
print(drive(c.__anext__()), drive(c.athrow(KeyError("k"))))
try:
    drive(c.aclose())
except RuntimeError as e:
    print("RuntimeError:", e)

async def consumer():
    out = []
    async for v in agen(3):
        out.append(v)
        if v == 10:
            continue
    else:
        out.append("else")
    print("  consumer out", out)
    comp = [v async for v in agen(2)]
    comp2 = {v: v async for v in agen(2) if v}
    nested = [x for x in [v async for v in agen(1)]]
    return comp, comp2, nested
print(drive(consumer()))

class AIter:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        print("  __aiter__")
        return self
    async def __anext__(self):
        self.n -= 1
        if self.n < 0:
            raise StopAsyncIteration
        await pause("anext")
        return self.n
async def use_aiter():
    return [v async for v in AIter(3)]
print(drive(use_aiter()))

async def bad_aiter():
    async for x in [1, 2]:
        pass
try:
    drive(bad_aiter())
except TypeError as e:
    print("TypeError:", e)
class BadANext:
    def __aiter__(self):
        return self
    def __anext__(self):
        return 5
async def bad_anext():
    async for x in BadANext():
        pass
try:
    drive(bad_anext())
except TypeError as e:
    print("TypeError:", e)

async def break_out():
    async for v in agen(10):
        if v >= 20:
            break
    return v
print("break_out ->", drive(break_out()))

async def ticker(n, delay):
    for i in range(n):
        await asyncio.sleep(delay)
        yield i

async def main():
    res = []
    async for t in ticker(3, 0):
        res.append(t)
    g = ticker(5, 0)
    first = await g.__anext__()
    second = await anext(g)
    await g.aclose()
    dflt = await anext(g, "default")
    squares = [i * i async for i in ticker(4, 0)]
    return res, first, second, dflt, squares
print(asyncio.run(main()))

async def raising_agen():
    yield 1
    raise ValueError("agen error")
async def consume_raising():
    try:
        async for v in raising_agen():
            print("  got", v)
    except ValueError as e:
        print("  caught", repr(e))
asyncio.run(consume_raising())
async def sync_yield_in_async():
    yield 1
    print("unreachable")
