# Specializer stress for operators, subscripts and iteration: hot loops whose
# BINARY_OP/COMPARE_OP/BINARY_SUBSCR/STORE_SUBSCR/FOR_ITER/UNPACK_SEQUENCE/
# CONTAINS_OP/TO_BOOL sites change operand types mid-loop.
def add_mixed():
    vals = [1, 2.5, "s", [1], (2,), 10**30, True, 1j, b"b"]
    out = []
    for i in range(len(vals) * 30):
        v = vals[i % len(vals)]
        out.append(v + v)
    return out[:len(vals)]
print(add_mixed())

def int_overflow_to_big():
    x = 1
    out = []
    for i in range(200):
        x = x * 3 + 1
        if i % 40 == 0:
            out.append(x)
    y = 2 ** 62
    for i in range(10):
        y += y
    return out, y, -y // 7, y % 1000
print(int_overflow_to_big())

def float_int_switch():
    acc = 0
    for i in range(300):
        if i == 150:
            acc = float(acc)
        acc = acc + i
        acc = acc - 1
        acc = acc * 1
    return acc, type(acc).__name__
print(float_int_switch())

def str_concat_loop():
    s = ""
    for i in range(300):
        s += str(i % 10)
        if i == 150:
            t = s
        s = s + ""
    return len(s), s[:20], t[-5:]
print(str_concat_loop())

def compare_switch():
    vals = [1, 1.5, 2, "a", "b", (1, 2), 3, 2.0]
    out = []
    for i in range(len(vals) * 10):
        a = vals[i % len(vals)]
        b = vals[(i + 1) % len(vals)]
        try:
            out.append((a < b, a == b, a >= b))
        except TypeError as e:
            out.append(str(e))
    return out[:len(vals)]
print(compare_switch())

class MyList(list):
    def __getitem__(self, i):
        return ("MyList", super().__getitem__(i))
class MyDict(dict):
    def __missing__(self, k):
        return f"missing {k}"
def subscr_switch():
    containers = [[10, 20, 30], (1, 2, 3), "xyz", {0: "d0", 1: "d1", 2: "d2"}, MyList([7, 8, 9]),
                  MyDict({1: "m1"}), range(100, 103), b"abc", bytearray(b"XYZ")]
    out = []
    for rnd in range(20):
        for c in containers:
            out.append(c[rnd % 3])
    return out[:len(containers) * 3]
print(subscr_switch())

def negative_and_error_indices():
    lst = list(range(5))
    out = []
    for i in range(-7, 7):
        try:
            out.append(lst[i])
        except IndexError as e:
            out.append(str(e))
    return out
print(negative_and_error_indices())

def store_subscr_switch():
    lst = [0] * 10
    d = {}
    ba = bytearray(10)
    out = []
    for i in range(300):
        lst[i % 10] = i
        d[i % 7] = i
        ba[i % 10] = i % 256
        if i == 150:
            lst = MyList(lst)
    return lst[:3] if not isinstance(lst, MyList) else list.__getitem__(lst, slice(0, 3)), d, bytes(ba)
print(store_subscr_switch())

def for_iter_kinds():
    iterables = [[1, 2], (3, 4), range(5, 7), "ab", {8: 0, 9: 0}, {10}, iter([11]), (x for x in [12]), b"\x0d"]
    out = []
    for it in iterables:
        for v in it:
            out.append(v)
    return out
print(for_iter_kinds())

def list_mutated_during_iteration():
    lst = [1, 2, 3]
    out = []
    for v in lst:
        out.append(v)
        if v == 2:
            lst.append(4)
        if len(out) > 10:
            break
    lst2 = [1, 2, 3, 4]
    for v in lst2:
        out.append(v)
        lst2.remove(v)
    return out, lst2
print(list_mutated_during_iteration())

def unpack_switch():
    seqs = [(1, 2), [3, 4], "ab", {5: 0, 6: 0}, range(7, 9), iter((9, 10)), (x for x in (11, 12))]
    out = []
    for rnd in range(3):
        for s in seqs[:4] + seqs[4:5]:
            a, b = s
            out.append((a, b))
    for s in seqs[5:]:
        a, b = s
        out.append((a, b))
    return out[:7], len(out)
print(unpack_switch())

def contains_switch():
    containers = [[1, 2], (1,), {1: 0}, {1}, "1", b"1", range(2), frozenset([1])]
    out = []
    for c in containers * 5:
        try:
            out.append(1 in c)
        except TypeError as e:
            out.append(str(e))
    return out[:len(containers)]
print(contains_switch())

def to_bool_switch():
    vals = [0, 1, "", "a", [], [0], None, 0.0, 2.5, (), {1: 1}, set(), 10**20, -0.0]
    out = []
    for i in range(len(vals) * 5):
        v = vals[i % len(vals)]
        out.append("T" if v else "F")
    return "".join(out[:len(vals)])
print(to_bool_switch())

class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
def vec_loop():
    v = Vec(0, 0)
    for i in range(500):
        v = v + Vec(i, -i) * 2
        if i == 250:
            Vec.__mul__ = lambda self, k: Vec(self.x * k * 10, self.y)
    return v
print(vec_loop())

def inplace_list_vs_tuple():
    x = []
    for i in range(100):
        x += [i] if isinstance(x, list) else (i,)
        if i == 50:
            x = tuple(x)
    return len(x), type(x).__name__
print(inplace_list_vs_tuple())

def division_edges():
    out = []
    for a in (7, -7, 7.0, -7.0, 10**20, -(10**20)):
        for b in (2, -2, 3.0, -3.0, 10**10):
            out.append((a // b, a % b, a / b))
    return out[::5]
print(division_edges())

def shifts_and_bits():
    out = 0
    for i in range(200):
        out ^= (i << (i % 70)) | (i >> 2)
        out &= (1 << 100) - 1
    return out
print(shifts_and_bits())
