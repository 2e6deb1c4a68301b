# Generator expressions: laziness, first iterator evaluated eagerly,
# exhaustion, exceptions inside, gi_frame states.
def src(n):
    for i in range(n):
        print("  src yields", i)
        yield i
g = (v * 10 for v in src(3))
print("created", type(g).__name__)
print(next(g))
print(list(g))
print(list(g))
try:
    (v for v in 5)
except TypeError as e:
    print("TypeError:", e)
def lazy_second():
    g = (a + b for a in [1, 2] for b in undefined_name_xyz)
    print("  genexpr created")
    try:
        next(g)
    except NameError as e:
        print("  NameError:", e)
lazy_second()
g2 = (1 / x for x in (1, 0, 2))
print(next(g2))
try:
    next(g2)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(list(g2))
g3 = (i for i in range(3))
print(g3.gi_frame is not None, g3.gi_running, g3.gi_suspended)
next(g3)
print(g3.gi_suspended, g3.gi_frame.f_locals.get("i"))
g3.close()
print(g3.gi_frame)
print(sum(x * x for x in range(100)), max((len(w), w) for w in "a bb ccc dd".split()), "".join(c.upper() for c in "abc"))
print(any(x > 3 for x in range(5)), all(x < 3 for x in range(5)), tuple(x for x in "hi"), set(x % 2 for x in range(5)))
nested = ((i, j) for i in range(3) for j in (i for _ in range(i)))
print(list(nested))
gens = [(x * k for x in range(3)) for k in range(3)]
print([list(q) for q in gens])
it = iter(range(10))
pairs = list(zip(it, it))
print(pairs)
def filt():
    return list(x for x in range(20) if x % 3 == 0 if x % 2 == 0)
print(filt())
