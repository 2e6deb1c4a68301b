# Comprehensions (inlined in 3.13: LOAD_FAST_AND_CLEAR, SWAP, scoping),
# nested ones, ones capturing cells, class-body comprehensions, errors.
x = "outer-x"
print([x for x in range(3)], x)
print({x: x * 2 for x in "ab"}, x)
print(sorted({x % 3 for x in range(10)}), x)
print([(i, j) for i in range(3) for j in range(i) if (i + j) % 2])
print([[j * i for j in range(i)] for i in range(4)])
print([y for y in range(20) if y % 2 if y % 3])
def in_function(n):
    x = "local-x"
    res = [x for x in range(n)]
    print("  after:", x)
    closures = [lambda: i for i in range(3)]
    print("  late binding:", [f() for f in closures])
    closures2 = [lambda i=i: i for i in range(3)]
    print("  defaults:", [f() for f in closures2])
    captured = [lambda: (i, n) for i in range(2)]
    print("  captured:", [f() for f in captured])
    return res
print(in_function(4))
def uses_outer_in_comp():
    k = 10
    return [k + i for i in range(3)], {i: k for i in range(2)}
print(uses_outer_in_comp())
def shadow_cell():
    i = "before"
    fs = [lambda: i for i in range(2)]
    got = [f() for f in fs]
    return i, got
print(shadow_cell())
def unbound_after():
    try:
        [z for z in range(2)]
        print(z)
    except NameError as e:
        print("  NameError:", e)
unbound_after()
class K:
    items = [1, 2, 3]
    doubled = [v * 2 for v in items]
    try:
        bad = [v * factor for v in items]
    except NameError as e:
        print("  class comp NameError:", e)
    factor = 3
    firsts = [items[0] for _ in range(2)] if False else None
print(K.doubled, K.firsts)
def err_in_comp():
    return [1 / (3 - i) for i in range(5)]
try:
    err_in_comp()
except ZeroDivisionError as e:
    import traceback
    traceback.print_exc(file=__import__("sys").stdout)
print([w for w in (yield_val for yield_val in "abc")])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print({k: [v for v in range(k)] for k in range(4)})
total = sum(a * b for a, b in zip(range(10), range(10, 20)))
print(total)
print([(lambda q: q * 2)(t) for t in range(3)])
print([n for n in range(30) if all(n % d for d in range(2, n)) and n > 1])
acc = []
res = [acc.append(i) or i for i in range(3)]
print(acc, res)
walrus = [last := v * 2 for v in range(4)]
print(walrus, last)
def walrus_in_func():
    data = [1, 5, 9]
    if any((hit := d) > 4 for d in data):
        return hit
print(walrus_in_func())
print("done")
