# set/frozenset: operators, methods, errors (sorted output for determinism).
def show(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")
    else:
        print(f"{label}: {r!r}")

a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b), a <= b, {3} < b, a.isdisjoint({9}))
print(sorted(a.union([7], (8,))), sorted(a.intersection(range(3))), sorted(a.difference({1}, {2})))
s = set()
for i in range(20):
    s.add(i % 7)
s.discard(3)
s.discard(99)
s.remove(4)
show("remove missing", lambda: s.remove(4))
print(sorted(s), len(s), 5 in s, 4 in s)
show("pop empty", lambda: set().pop())
show("unhashable", lambda: {[1]})
show("add list", lambda: s.add([]))
fs = frozenset("hello")
print(sorted(fs), fs == set("helo"), hash(fs) == hash(frozenset("olhe")), type(fs | {"z"}).__name__, type({"z"} | fs).__name__)
show("frozen add", lambda: fs.add(1))
show("set | list", lambda: a | [1])
print({1, 1.0, True}, {0, False, 0.0}, len({(1, 2), (1, 2)}), sorted({x % 4 for x in range(10)}))
t = {1, 2}
t.update([3], {4})
t.intersection_update({1, 2, 3, 9})
t.symmetric_difference_update({3, 10})
t.difference_update({2})
print(sorted(t))
sets = [{i, i + 1} for i in range(5)]
print([sorted(x) for x in sets], sorted(set().union(*sets)))
def mutate():
    for x in t:
        t.add(x + 100)
show("mutate during iter", mutate)
print(sorted({"b", "a", "c"}), sorted({"x": 1}.keys() | {"y"}))
