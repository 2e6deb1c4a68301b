# asyncio: tasks, gather, queues, cancellation, timeouts with zero delays,
# exception propagation through tasks; deterministic round-robin ordering.
import asyncio

async def producer(q, n, tag):
    for i in range(n):
        await q.put(f"{tag}{i}")
        print(f"  put {tag}{i}")
        await asyncio.sleep(0)
    await q.put(None)

async def consumer(q, out):
    while True:
        item = await q.get()
        if item is None:
            return len(out)
        out.append(item)
        print(f"  got {item}")

async def pipeline():
    q = asyncio.Queue(maxsize=2)
    out = []
    got = await asyncio.gather(producer(q, 4, "p"), consumer(q, out))
    return got, out
print(asyncio.run(pipeline()))

async def child(n):
    await asyncio.sleep(0)
    if n == 3:
        raise ValueError(f"child {n} failed")
    return n * n
async def gather_errors():
    res = await asyncio.gather(*(child(i) for i in range(5)), return_exceptions=True)
    print("  return_exceptions:", [repr(r) for r in res])
    try:
        await asyncio.gather(*(child(i) for i in range(5)))
    except ValueError as e:
        print("  gather raised", repr(e))
asyncio.run(gather_errors())

async def sleeper(log):
    try:
        log.append("start")
        await asyncio.sleep(3600)
    except asyncio.CancelledError:
        log.append("cancelled")
        raise
    finally:
        log.append("finally")
async def cancel_it():
    log = []
    t = asyncio.create_task(sleeper(log))
    await asyncio.sleep(0)
    t.cancel("stop now")
    try:
        await t
    except asyncio.CancelledError as e:
        log.append(f"awaiter saw cancel {e.args}")
    return log, t.cancelled()
print(asyncio.run(cancel_it()))

async def timeout_case():
    try:
        async with asyncio.timeout(0):
            await asyncio.sleep(10)
    except TimeoutError:
        return "timed out"
print(asyncio.run(timeout_case()))

async def task_group():
    results = []
    async def job(i):
        for step in range(2):
            results.append((i, step))
            await asyncio.sleep(0)
        return i
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(job(i)) for i in range(3)]
    return results, [t.result() for t in tasks]
print(asyncio.run(task_group()))

async def task_group_fail():
    async def bad():
        await asyncio.sleep(0)
        raise KeyError("tg")
    async def good():
        await asyncio.sleep(1000)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(good())
            tg.create_task(bad())
    except* KeyError as eg:
        caught = repr(eg.exceptions)
    return caught
print(asyncio.run(task_group_fail()))

async def events():
    ev = asyncio.Event()
    order = []
    async def waiter(k):
        order.append(f"wait{k}")
        await ev.wait()
        order.append(f"woke{k}")
    ts = [asyncio.create_task(waiter(k)) for k in range(3)]
    await asyncio.sleep(0)
    order.append("set")
    ev.set()
    await asyncio.gather(*ts)
    return order
print(asyncio.run(events()))

async def fut_demo():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_result, "future value")
    v = await fut
    f2 = loop.create_future()
    loop.call_soon(f2.set_exception, OSError("future error"))
    try:
        await f2
    except OSError as e:
        return v, repr(e)
print(asyncio.run(fut_demo()))

async def shield_and_wait_for():
    async def quick():
        await asyncio.sleep(0)
        return "quick"
    r = await asyncio.wait_for(quick(), timeout=5)
    s = await asyncio.shield(quick())
    done, pending = await asyncio.wait([asyncio.ensure_future(quick())])
    return r, s, [d.result() for d in done], len(pending)
print(asyncio.run(shield_and_wait_for()))

async def recursive_coro(n):
    if n == 0:
        return 0
    return n + await recursive_coro(n - 1)
print(asyncio.run(recursive_coro(200)))
