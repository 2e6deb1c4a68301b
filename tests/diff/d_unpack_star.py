# Unpacking: UNPACK_SEQUENCE from lists/tuples/iterators, UNPACK_EX with
# starred targets, nested targets, and the error messages.
a, b = 1, 2
a, b = b, a
print(a, b)
a, b, c = [1, 2, 3]
print(a, b, c)
x, y, z = "xyz"
print(x, y, z)
(p, q), r = (1, 2), 3
print(p, q, r)
first, *rest = range(5)
print(first, rest)
*init, last = "abcd"
print(init, last)
h, *mid, t = (1, 2, 3, 4, 5, 6)
print(h, mid, t)
h, *mid, t = (1, 2)
print(h, mid, t)
[k, [l, *m]], n = (0, (1, 2, 3)), 4
print(k, l, m, n)
for i, (j, *kk) in enumerate([(1, 2, 3), (4,), "xy"]):
    print(i, j, kk)
d = {"one": 1, "two": 2}
(k1, v1), (k2, v2) = d.items()
print(k1, v1, k2, v2)
def gen():
    print("  gen start")
    yield "g1"
    yield "g2"
    print("  gen end")
g1, g2 = gen()
print(g1, g2)
class Obj:
    pass
o = Obj()
lst = [0, 0, 0]
o.attr, lst[1], *lst[2:] = 10, 20, 30, 40
print(o.attr, lst)
def tests():
    cases = [
        ("a, b = 1, 2, 3", {}),
        ("a, b = [1]", {}),
        ("a, b = 5", {}),
        ("a, *b, c = [1]", {}),
        ("a, b = iter([1, 2, 3])", {}),
        ("a, b = None", {}),
        ("a, = []", {}),
        ("*a, b, c, d = 'ab'", {}),
        ("a, b = {'x': 1}", {}),
    ]
    for src, ns in cases:
        try:
            exec(src, ns)
            print(src, "->", {k: v for k, v in ns.items() if k != "__builtins__"})
        except (ValueError, TypeError) as e:
            print(src, "->", type(e).__name__, e)
tests()
def local_unpack(seq):
    try:
        a, b, c = seq
        return a + b + c
    except ValueError as e:
        return f"ValueError: {e}"
print(local_unpack([1, 2, 3]), local_unpack((1, 2)), local_unpack("abcd"), local_unpack(x for x in range(3)))
class Seqish:
    def __iter__(self):
        print("  __iter__")
        return iter([7, 8, 9])
u, *v = Seqish()
print(u, v)
print([*range(3), *"ab"], (*[1], *[2]), {*(1, 2), *[2, 3]} == {1, 2, 3}, [*()])
first, second, *_ = sorted({"q": 1, "a": 2, "m": 3})
print(first, second, _)
