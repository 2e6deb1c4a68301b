# Container displays: BUILD_LIST/TUPLE/SET/MAP/CONST_KEY_MAP/STRING,
# LIST_EXTEND, SET_UPDATE, DICT_UPDATE, DICT_MERGE (in calls), errors.
def f(*args, **kw):
    return args, kw

a, b, c = 1, 2, 3
print([a, b, c], (a, b, c), {a, b, c}, {"a": a, "b": b}, {a: "x", b: "y", c: "z"})
print({"k1": 1, "k2": 2, "k3": 3}, {1: a, 2: b}, {"s": a})
print([*[1, 2], a, *"xy"], (*range(2), b), {*"aa", *{c}} == {"a", 3}, [], (), {}, set())
x = {"a": 1, **{"b": 2}, "c": 3, **dict(d=4)}
print(x, {**x, "a": 100}, {**{}}, {**{1: 1}, **{1: 2}})
try:
    {**[1]}
except TypeError as e:
    print("TypeError:", e)
try:
    [*5]
except TypeError as e:
    print("TypeError:", e)
try:
    {*None}
except TypeError as e:
    print("TypeError:", e)
try:
    {[]: 1}
except TypeError as e:
    print("TypeError:", e)
try:
    {1, []}
except TypeError as e:
    print("TypeError:", e)
print(f(*[1, 2], *(3,)), f(**{"a": 1}, **{"b": 2}), f(1, *[2], k=3, **{"j": 4}))
try:
    f(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
try:
    f(a=1, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
try:
    f(**{1: 2})
except TypeError as e:
    print("TypeError:", e)
try:
    f(**None)
except TypeError as e:
    print("TypeError:", e)
try:
    f(*None)
except TypeError as e:
    print("TypeError:", e)
class KeysOnly:
    def keys(self):
        return ["p", "q"]
    def __getitem__(self, k):
        return k.upper()
print(f(**KeysOnly()), {**KeysOnly()})
name, n = "pi", 3.14159
print(f"{name}={n:.2f}", f"{name!r}", f"[{n}]" + "tail", "x" f"{a}" "y")
long_list = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
             21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40]
long_set = {a, b, c, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35}
long_dict = {"k%d" % i: i for i in range(3)}
const_map = {"a1": a, "a2": b, "a3": c, "a4": a, "a5": b, "a6": c, "a7": a, "a8": b, "a9": c, "a10": a,
             "a11": a, "a12": b, "a13": c, "a14": a, "a15": b, "a16": c, "a17": a, "a18": b, "a19": c, "a20": a}
print(sum(long_list), len(long_set), long_dict, len(const_map), list(const_map)[-1])
nested = [[a, [b, (c, {a: {b}})]], {"k": [*range(a, c)]}]
print(nested)
def const_keys(p, q):
    return {"x": p, "y": q, "z": p + q}
print(const_keys(1, 2), const_keys("a", "b"))
tup = (a, b) + (c,)
print(tup, [a] * 3, (b,) * 2)
