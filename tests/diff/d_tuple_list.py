# tuple and list: construction, indexing, slicing, mutation, sorting,
# comparison, errors.
def show(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")
    else:
        print(f"{label}: {r!r}")

t = (1, "two", 3.0, None, (5, 6))
print(len(t), t[1], t[-1][0], t[1:3], t[::-1], t + (7,), t * 2, t.index(3.0), t.count(None))
show("t[5]", lambda: t[5])
show("t[0]=1", lambda: t.__setitem__(0, 1))
show("t+list", lambda: t + [1])
show("index missing", lambda: t.index(99))
print((), (1,), tuple("abc"), tuple(range(3)), (1, 2) == (1, 2), (1, 2) < (1, 3), hash((1, 2)) == hash((1, 2)))
show("hash unhashable tuple", lambda: hash((1, [2])))

L = [5, 3, 8, 1]
L.append(9); L.insert(0, 0); L.extend([7, 7]); L.remove(7)
print(L, L.pop(), L.pop(0), L)
L.sort(); print(L)
L.sort(reverse=True); print(L)
L.reverse(); print(L)
print(sorted(["b", "a", "C"], key=str.lower), sorted([3, 1, 2], reverse=True))
show("sort mixed", lambda: sorted([1, "a", 2]))
show("remove missing", lambda: L.remove(42))
show("pop empty", lambda: [].pop())
show("L[10]", lambda: L[10])
show("L['x']", lambda: L["x"])
show("L[1.0]", lambda: L[1.0])
M = list(range(10))
M[2] = "two"
M[-1] = "last"
del M[0]
print(M)
M[1:4] = ["a", "b"]
print(M)
M[::3] = [0] * len(M[::3])
print(M)
del M[::2]
print(M)
M[len(M):] = [100, 200]
print(M, M.index(100), M.count(0), M.copy() is M, M.copy() == M)
nested = [[0] * 3 for _ in range(3)]
nested[1][1] = 5
alias = [[0] * 3] * 3
alias[1][1] = 5
print(nested, alias)
print([1, 2] < [1, 2, 3], [2] > [1, 9], [1, 2] == [1, 2.0], [[]] == [[]])
stack = []
for i in range(10):
    stack.append(i * i)
    if i % 3 == 2:
        print("pop", stack.pop(), stack)
q = list(range(5))
while q:
    x = q.pop(0)
    if x % 2:
        q.append(x - 1)
    print("q", x, q)
print(list(map(lambda x: x * 2, [1, 2])), list(filter(None, [0, 1, "", "a"])), list(zip("ab", [1, 2, 3])))
print(list(enumerate("xy", start=5)), list(reversed([1, 2, 3])), min([4, 2, 8]), max("hello"), sum([[1], [2]], []))
show("min empty", lambda: min([]))
show("zip strict", lambda: list(zip([1], [1, 2], strict=True)))
