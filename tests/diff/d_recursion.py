# Python-to-Python calls: deep recursion, mutual recursion, RecursionError
# caught and recovered, recursion through __getattr__/__repr__/generators.
import sys

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500), depth(900))

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(2, 3), ackermann(3, 3))

def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(400), is_odd(301))

sys.setrecursionlimit(400)
def infinite(n):
    return infinite(n + 1)
try:
    infinite(0)
except RecursionError as e:
    print("RecursionError:", e)
print("recovered:", depth(100))

class Loop:
    def __getattr__(self, name):
        return getattr(self, "x" + name)
try:
    Loop().a
except RecursionError as e:
    print("RecursionError via __getattr__:", e)

class R:
    def __repr__(self):
        return repr(self)
try:
    repr(R())
except RecursionError as e:
    print("RecursionError via __repr__:", type(e).__name__)

nested = []
for _ in range(1000):
    nested = [nested]
try:
    print(len(repr(nested)))
except RecursionError as e:
    print("RecursionError in repr of nested lists:", type(e).__name__)

def gen_rec(n):
    if n:
        yield n
        yield from gen_rec(n - 1)
print(sum(gen_rec(200)))
try:
    sum(gen_rec(5000))
except RecursionError as e:
    print("RecursionError in generators:", e)

def count_frames_until_error():
    n = 0
    def f():
        nonlocal n
        n += 1
        f()
    try:
        f()
    except RecursionError:
        pass
    return n
a = count_frames_until_error()
b = count_frames_until_error()
print("frames until error:", a, b)

sys.setrecursionlimit(1000)
def hanoi(n, src, dst, via, moves):
    if n:
        hanoi(n - 1, src, via, dst, moves)
        moves.append((src, dst))
        hanoi(n - 1, via, dst, src, moves)
    return moves
m = hanoi(10, "A", "C", "B", [])
print(len(m), m[:5], m[-3:])

def permutations(items):
    if len(items) <= 1:
        return [items]
    out = []
    for i, x in enumerate(items):
        for p in permutations(items[:i] + items[i + 1:]):
            out.append([x] + p)
    return out
perms = permutations([1, 2, 3, 4, 5])
print(len(perms), perms[:3], perms[-1])

def flatten(x):
    if isinstance(x, list):
        for y in x:
            yield from flatten(y)
    else:
        yield x
print(list(flatten([1, [2, [3, [4, [5]]]], 6, [[7]]])))
def tail(n, acc=0):
    if n == 0:
        return acc
    return tail(n - 1, acc + n)
print(tail(800))
sys.setrecursionlimit(100)
def pr(n):
    try:
        return pr(n + 1)
    except RecursionError:
        return n
print("deepest before error:", pr(0))
sys.setrecursionlimit(1000)
