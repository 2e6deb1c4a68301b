"""Coroutines: an asyncio event loop per unit, plus bare `await` chains.

Each unit creates its own event loop (so threads each run one), and runs:
producer/consumer pairs over asyncio.Queue, a fan-out of tasks gathered
together, tasks yielding with asyncio.sleep(0), and a recursive Fibonacci
made of awaited coroutines that never suspend. Works on Python 3.9+.
"""
import asyncio

from _util import scaled, equal

UNIT = {"loops": 12, "pairs": 8, "items": 400, "tasks": 200, "fib": 16}


async def fib(n):
    if n < 2:
        return n
    return await fib(n - 1) + await fib(n - 2)


async def producer(queue, items, base):
    for i in range(items):
        await queue.put(base + i)
    await queue.put(None)


async def consumer(queue):
    total = 0
    while True:
        item = await queue.get()
        if item is None:
            return total
        total += item


async def ticker(i, rounds):
    acc = 0
    for r in range(rounds):
        acc += i * r
        await asyncio.sleep(0)
    return acc


async def main(pairs, items, tasks, fib_n):
    consumers = []
    producers = []
    for p in range(pairs):
        queue = asyncio.Queue(maxsize=16)
        producers.append(asyncio.ensure_future(producer(queue, items, p * 1000)))
        consumers.append(asyncio.ensure_future(consumer(queue)))
    ticks = await asyncio.gather(*[ticker(i, 10) for i in range(tasks)])
    sums = await asyncio.gather(*consumers)
    await asyncio.gather(*producers)
    fibs = await fib(fib_n)
    return sum(sums), sum(ticks), fibs


def once():
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(
            main(UNIT["pairs"], UNIT["items"], UNIT["tasks"], UNIT["fib"]))
    finally:
        loop.close()


def run(unit_scale=1):
    results = set()
    for _ in range(scaled(UNIT["loops"], unit_scale)):
        results.add(once())
    return results


def check(result):
    pairs, items, tasks = UNIT["pairs"], UNIT["items"], UNIT["tasks"]
    sums = sum(p * 1000 * items + items * (items - 1) // 2 for p in range(pairs))
    ticks = sum(i * 45 for i in range(tasks))
    fibs = {16: 987, 18: 2584, 20: 6765}[UNIT["fib"]]
    equal(result, {(sums, ticks, fibs)}, "coroutines (queue sum, tick sum, fib)")
