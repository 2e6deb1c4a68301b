# Ends with an exception escaping asyncio.run: traceback frames go through
# the stdlib (paths normalized to <PREFIX>) and the coroutine chain.
import asyncio

async def leaf(n):
    await asyncio.sleep(0)
    if n == 2:
        return {}["missing-key"]
    return n

async def middle():
    results = []
    for i in range(4):
        results.append(await leaf(i))
        print("leaf", i, "ok")
    return results

async def main():
    task = asyncio.create_task(middle())
    return await task

print("starting event loop")
asyncio.run(main())
