# for/while loops with else, break, continue, nested loops, loops over many
# iterable kinds, FOR_ITER/END_FOR/JUMP_BACKWARD, loop-carried state.
for i in range(5):
    if i == 3:
        print("break at", i)
        break
    print("i", i)
else:
    print("no else (broke)")
for i in range(3):
    pass
else:
    print("for-else ran, i =", i)
for i in []:
    print("never")
else:
    print("empty for-else")
n = 0
while n < 10:
    n += 1
    if n % 2:
        continue
    if n == 8:
        break
    print("even", n)
else:
    print("no while-else")
m = 3
while m:
    m -= 1
else:
    print("while-else, m =", m)
found = None
for row in range(5):
    for col in range(5):
        if row * col == 6:
            found = (row, col)
            break
    else:
        continue
    break
print("found", found)
total = 0
for a in range(20):
    if a % 3 == 0:
        continue
    for b in range(a):
        if b > 5:
            break
        total += a * b
print("total", total)
for ch in "héllo":
    print(ch, end=",")
print()
for k in {"x": 1, "y": 2}:
    print("key", k)
for k, v in {"x": 1, "y": 2}.items():
    print("item", k, v)
for b in b"AZ":
    print("byte", b)
for e in (1, "two", 3.0):
    print("elem", e)
for idx, val in enumerate(range(100, 103)):
    print(idx, val)
for a, b in zip("abc", reversed(range(3))):
    print(a, b)
it = iter(range(10))
for x in it:
    if x == 2:
        print("skip", next(it))
    print("x", x)
lst = [1, 2, 3]
for v in lst:
    if v < 5:
        lst.append(v + 3)
print(lst)
fib = [0, 1]
while len(fib) < 30:
    fib.append(fib[-1] + fib[-2])
print(fib[-1], sum(fib))
count = 0
for i in range(1000):
    count += i & 7
print(count)
for i in range(3):
    for j in range(3):
        for k in range(3):
            if i == j == k:
                continue
            if i + j + k > 5:
                break
        else:
            print("inner else", i, j)
def loop_return():
    for i in range(10):
        if i * i > 20:
            return i
    return -1
print(loop_return())
x = 1000
steps = 0
while x != 1:
    x = x // 2 if x % 2 == 0 else 3 * x + 1
    steps += 1
print("collatz steps", steps)
try:
    for z in 5:
        pass
except TypeError as e:
    print("TypeError:", e)
class CustomIter:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n
print([c for c in CustomIter()], list(CustomIter()))
for q in CustomIter():
    print("q", q)
