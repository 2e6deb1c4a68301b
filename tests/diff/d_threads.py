# Threads with deterministic results: per-thread sums printed after join in
# order, locks protecting a shared counter, thread-local data, a barrier,
# exceptions in threads reported via threading.excepthook (captured), queues.
import threading, queue

def worker(idx, n, results):
    total = 0
    for i in range(n):
        total += (i * idx) % 7
    results[idx] = total
results = [None] * 4
threads = [threading.Thread(target=worker, args=(i, 20000, results)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("per-thread sums:", results)

counter = 0
lock = threading.Lock()
def incr(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1
ts = [threading.Thread(target=incr, args=(5000,)) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("locked counter:", counter)

local = threading.local()
out = {}
def uses_local(name):
    local.value = name * 2
    for _ in range(100):
        local.value = local.value[::-1]
    out[name] = local.value
ts = [threading.Thread(target=uses_local, args=(c,)) for c in "abc"]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("thread-local:", sorted(out.items()), hasattr(local, "value"))

barrier = threading.Barrier(3)
phases = [[] for _ in range(3)]
def phased(i):
    for p in range(3):
        phases[i].append(p * 10 + i)
        barrier.wait()
ts = [threading.Thread(target=phased, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("phases:", phases)

captured = []
def hook(args):
    captured.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))
threading.excepthook = hook
def failing():
    raise ValueError("thread failure")
t = threading.Thread(target=failing, name="failer")
t.start()
t.join()
print("excepthook saw:", captured)

q = queue.Queue()
def producer():
    for i in range(50):
        q.put(i)
    q.put(None)
sums = []
def consumer():
    s = 0
    while (item := q.get()) is not None:
        s += item * item
    sums.append(s)
tp = threading.Thread(target=producer)
tc = threading.Thread(target=consumer)
tc.start()
tp.start()
tp.join()
tc.join()
print("queue sum of squares:", sums)

class Shared:
    def __init__(self):
        self.items = []
        self.cond = threading.Condition()
shared = Shared()
def appender(base):
    for i in range(1000):
        with shared.cond:
            shared.items.append(base + i)
ts = [threading.Thread(target=appender, args=(k * 1000,)) for k in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("items:", len(shared.items), sum(shared.items), sorted(shared.items) == list(range(3000)))

def gen_in_thread(res, i):
    def g(n):
        for k in range(n):
            yield k * i
    res[i] = sum(g(1000)) + sum(x for x in range(i))
res = {}
ts = [threading.Thread(target=gen_in_thread, args=(res, i)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("generators in threads:", sorted(res.items()))
print("main thread:", threading.current_thread().name, threading.active_count())
