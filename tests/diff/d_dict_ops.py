# dict: insertion order, get/setdefault/pop/popitem, views, merge operators,
# KeyError messages, mutation during iteration.
def show(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")
    else:
        print(f"{label}: {r!r}")

d = {"b": 1, "a": 2}
d["c"] = 3
d[1] = "one"
d[1.0] = "float one"
d[(1, 2)] = "tuple"
print(d, len(d), list(d), list(d.values()), list(d.items()))
print(d.get("zz"), d.get("zz", 0), d.setdefault("x", []), d.setdefault("b", 99), d.pop("a"), d.pop("missing", "dflt"))
show("d['missing']", lambda: d["missing"])
show("d[(1,)]", lambda: d[(1,)])
show("d[[1]]", lambda: d[[1]])
show("pop missing", lambda: d.pop("nope"))
show("popitem empty", lambda: {}.popitem())
print(d.popitem(), d)
del d["b"]
show("del missing", lambda: d.__delitem__("b"))
print(d)
e = dict(a=1, b=2)
f = dict([("c", 3)], d=4)
print(e | f, f | e, {**e, **f, "a": 0}, dict.fromkeys("xyz", 0), dict(zip("ab", range(2))))
e |= {"z": 26}
print(e)
keys = e.keys()
e["new"] = 1
print(keys, "a" in keys, keys & {"a", "zz"}, keys - {"a"}, list(reversed(e)))
def mutate():
    for k in e:
        e[k + "!"] = 0
show("mutate during iter", mutate)
class Missing(dict):
    def __missing__(self, k):
        print("  __missing__", k)
        return k * 2
m = Missing(a=1)
print(m["a"], m["bb"], m.get("cc"), "cc" in m)
class BadHash:
    def __hash__(self):
        raise RuntimeError("no hash for you")
show("bad hash key", lambda: {BadHash(): 1})
class EqCount:
    def __init__(self, v): self.v = v
    def __hash__(self): return 7
    def __eq__(self, o):
        print("  __eq__", self.v, o.v)
        return self.v == o.v
dd = {EqCount(1): "one"}
dd[EqCount(2)] = "two"
print(dd[EqCount(2)])
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts.items()), max(counts, key=counts.get))
nested = {}
for i in range(12):
    nested.setdefault(i % 3, {}).setdefault(i % 2, []).append(i)
print(nested)
comp = {k: v for k, v in zip("abc", range(3)) if v != 1}
print(comp, {i: i ** 2 for i in range(5)})
big = {i: str(i) for i in range(1000)}
for i in range(0, 1000, 3):
    del big[i]
print(len(big), list(big)[:5], list(big)[-3:])
print(d == {1: "float one", (1, 2): "tuple", "c": 3, "x": []}, {1: 1} == {1.0: 1}, {} == dict())
