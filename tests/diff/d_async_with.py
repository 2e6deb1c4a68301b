# async with / async for under asyncio.run: BEFORE_ASYNC_WITH, GET_AWAITABLE,
# __aenter__/__aexit__ suppression, exceptions, nesting; sync with for
# comparison in a coroutine.
import asyncio, traceback

class ACM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    async def __aenter__(self):
        print(f"  enter {self.name}")
        await asyncio.sleep(0)
        return self.name.upper()
    async def __aexit__(self, et, ev, tb):
        print(f"  exit {self.name}: {et.__name__ if et else None} {ev!r}")
        await asyncio.sleep(0)
        return self.suppress

async def main():
    async with ACM("a") as a:
        print("  body", a)
    async with ACM("outer") as o, ACM("inner", suppress=True) as i:
        print("  body", o, i)
        raise ValueError("suppressed by inner")
    print("  after suppressed")
    try:
        async with ACM("b"):
            raise KeyError("escapes")
    except KeyError as e:
        print("  caught", repr(e))
    for n in range(3):
        async with ACM(f"loop{n}"):
            if n == 1:
                continue
            if n == 2:
                break
            print("  loop body", n)
    try:
        async with 5:
            pass
    except TypeError as e:
        print("  TypeError:", e)
    class OnlyEnter:
        async def __aenter__(self):
            return 1
    try:
        async with OnlyEnter():
            pass
    except TypeError as e:
        print("  TypeError:", e)
    class SyncAexit:
        async def __aenter__(self):
            return 1
        def __aexit__(self, *a):
            return None
    try:
        async with SyncAexit():
            pass
    except TypeError as e:
        print("  TypeError:", e)
    def returns_from_with():
        pass
    r = await ret_in_async_with()
    print("  ret_in_async_with ->", r)
    return "main-done"

async def ret_in_async_with():
    async with ACM("r"):
        return "returned-inside"

print(asyncio.run(main()))

class Lock:
    def __init__(self):
        self.held = False
    async def __aenter__(self):
        while self.held:
            await asyncio.sleep(0)
        self.held = True
    async def __aexit__(self, *a):
        self.held = False

async def worker(lock, name, log, n):
    for i in range(n):
        async with lock:
            log.append(f"{name}{i}")
            await asyncio.sleep(0)

async def tasks():
    lock = Lock()
    log = []
    await asyncio.gather(worker(lock, "x", log, 3), worker(lock, "y", log, 3))
    return log
print(asyncio.run(tasks()))

async def failing():
    async with ACM("f"):
        1 / 0
try:
    asyncio.run(failing())
except ZeroDivisionError:
    tb = traceback.format_exc()
    print(tb[tb.index("d_async_with.py"):].splitlines()[0])
    print(tb.splitlines()[-1])
