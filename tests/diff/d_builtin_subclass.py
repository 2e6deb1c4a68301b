# Subclasses of built-in types overriding dunders: int/float/str/list/dict/
# tuple/set subclasses used in arithmetic, indexing, iteration, hashing and
# formatting, where fast paths for exact built-in types must not apply.
class MyInt(int):
    def __add__(self, o):
        return f"MyInt.__add__({int(self)}, {o})"
    def __radd__(self, o):
        return f"MyInt.__radd__({int(self)}, {o})"
    def __eq__(self, o):
        return "custom eq"
    __hash__ = int.__hash__
    def __index__(self):
        return 1
    def __bool__(self):
        return False
m = MyInt(5)
print(m + 1, 1 + m, m - 1, m * 2, m == 5, m != 5, list(range(0, 100, 10))[m], "T" if m else "F", hash(m) == hash(5), repr(m), f"{m:03d}")
class MyFloat(float):
    def __mul__(self, o):
        return "MyFloat.__mul__"
    def __repr__(self):
        return "MyFloat!"
f = MyFloat(2.5)
print(f * 2, 2 * f, f + 1, [f], str(f), f"{f}", round(f))
class MyStr(str):
    def __add__(self, o):
        return MyStr(str.__add__(self, o).upper())
    def __getitem__(self, i):
        return "item!"
    def __len__(self):
        return 42
    def __iter__(self):
        return iter("xyz")
    def __contains__(self, x):
        return True
    def __hash__(self):
        return 7
    def __eq__(self, o):
        return str.__eq__(self, o)
s = MyStr("abc")
print(s + "d", "d" + s, s[0], len(s), list(s), "q" in s, {s: 1}[s], s.upper(), s * 2, f"{s}", "%s" % s, str(s))
class MyList(list):
    def __getitem__(self, i):
        return ("get", i)
    def __setitem__(self, i, v):
        list.__setitem__(self, i, v * 100)
    def __iter__(self):
        return iter(["iter-override"])
    def __len__(self):
        return 99
    def append(self, v):
        list.append(self, -v)
l = MyList([1, 2, 3])
l[0] = 5
l.append(4)
print(l[0], l[1:2], list(l), len(l), list.__len__(l), list.__iter__(l).__next__(), [*l], sum(list.__iter__(l)))
a, = l
print("unpack uses __iter__:", a)
class MyDict(dict):
    def __getitem__(self, k):
        return f"get {k}"
    def __setitem__(self, k, v):
        dict.__setitem__(self, k, (v, "wrapped"))
    def __contains__(self, k):
        return k == "magic"
    def keys(self):
        return ["only"]
d = MyDict(a=1)
d["b"] = 2
print(d["a"], dict(d), "magic" in d, "a" in d, d.get("a"), {**d}, sorted(d.items()))
def f(**kw):
    return kw
print(f(**d))
class MyTuple(tuple):
    def __len__(self):
        return 1
    def __getitem__(self, i):
        return "tuple item"
t = MyTuple((1, 2, 3))
x, y, z = t
print(t[0], len(t), (x, y, z), tuple(t), t + (4,), list(t))
class MySet(set):
    def __contains__(self, x):
        return "contains override"
    def __or__(self, o):
        return "or override"
st = MySet({1})
print(1 in st, st | {2}, {2} | st, sorted(st & {1, 2}))
class MyBool(int):
    pass
print(MyBool(0) or "falsy", MyBool(3) and "truthy")
class CallCounter(dict):
    lookups = 0
    def __getitem__(self, k):
        CallCounter.lookups += 1
        return dict.__getitem__(self, k)
g = CallCounter(__builtins__=__builtins__, x=5)
exec("y = x + x\nz = len([x])", g)
print(g["y"], g["z"], CallCounter.lookups >= 0)
class SortKey(int):
    def __lt__(self, o):
        return int(self) > int(o)
print(sorted([SortKey(1), SortKey(3), SortKey(2)]), max(SortKey(1), SortKey(3)))
class BytesSub(bytes):
    def decode(self, *a):
        return "decoded override"
print(BytesSub(b"x").decode(), BytesSub(b"ab")[0], BytesSub(b"ab") + b"c")
class RangeLike(int):
    def __iter__(self):
        return iter(range(int(self)))
print(list(RangeLike(3)), [i for i in RangeLike(2)])
class ListWithIadd(list):
    def __iadd__(self, o):
        print("  custom __iadd__")
        return self
lw = ListWithIadd([1])
lw += [2]
print(lw)
class StrNoOverride(str):
    pass
sn = StrNoOverride("plain")
print(sn + "!", sn * 2, sn[1:3], type(sn + "!").__name__, type(sn[1:3]).__name__, sn == "plain", {sn: 1}["plain"])
class IntNoOverride(int):
    pass
io_ = IntNoOverride(10)
print(io_ + 1, type(io_ + 1).__name__, io_ // 3, -io_, type(-io_).__name__, io_ < 11, [0] * 11 == [0] * (io_ + 1))
