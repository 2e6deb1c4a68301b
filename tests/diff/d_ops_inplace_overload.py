# In-place operators: __iXXX__ dunders, fallback to binary and reflected
# methods, in-place on subscripts/attributes/globals/cells, and errors.
OPS = ["+", "-", "*", "@", "/", "//", "%", "**", "<<", ">>", "&", "|", "^"]
NAMES = ["add", "sub", "mul", "matmul", "truediv", "floordiv", "mod", "pow",
         "lshift", "rshift", "and", "or", "xor"]

class Acc:
    def __init__(self):
        self.hist = []
    def __repr__(self):
        return f"Acc({self.hist})"

for sym, name in zip(OPS, NAMES):
    def imeth(self, other, _s=sym):
        self.hist.append(_s + repr(other))
        return self
    setattr(Acc, f"__i{name}__", imeth)

acc = Acc()
acc += 1; acc -= 2; acc *= 3; acc @= 4; acc /= 5; acc //= 6; acc %= 7
acc **= 8; acc <<= 9; acc >>= 10; acc &= 11; acc |= 12; acc ^= 13
print(acc)

class OnlyBinary:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return OnlyBinary(self.v + o)
    def __repr__(self):
        return f"OB({self.v})"

x = OnlyBinary(1)
y = x
x += 10
print(x, y, x is y)

class IRefuse:
    def __iadd__(self, o):
        print("__iadd__ refuses")
        return NotImplemented
    def __add__(self, o):
        print("__add__ refuses")
        return NotImplemented
class RAdd:
    def __radd__(self, o):
        return "radd used"
z = IRefuse()
z += RAdd()
print(z)

lst = [1, 2]
alias = lst
lst += (3, 4)
lst *= 2
print(lst, alias is lst)
t = (1,)
t2 = t
t += (2,)
print(t, t2, t is t2)
s = {1, 2}
s |= {3}
s &= {1, 3, 4}
s ^= {5}
s -= {1}
print(sorted(s))
d = {"a": 1}
d |= {"b": 2}
d |= [("c", 3)]
print(d)

# in-place on subscripts, attributes, slices
data = {"k": [1, 2, 3]}
data["k"][1] += 100
data["k"] += [4]
print(data)
class Box:
    pass
bx = Box()
bx.n = 5
bx.n **= 3
bx.n //= 7
bx.n %= 11
print(bx.n)
arr = [10, 20, 30, 40]
arr[1:3] += [99]
print(arr)
i = 0
arr[i] -= 1
arr[-1] <<= 2
print(arr)

counter = 0
def bump():
    global counter
    counter += 5
    counter *= 2
bump(); bump()
print("counter", counter)

def outer():
    n = 1
    def inner():
        nonlocal n
        n += 1
        n **= 2
        return n
    return inner(), inner(), n
print(outer())

for sym in OPS:
    try:
        v = None
        exec(f"v {sym}= 1")
    except TypeError as e:
        print(sym, "TypeError:", e)
try:
    q = "a"
    q -= "b"
except TypeError as e:
    print("TypeError:", e)
try:
    k = [1]
    k += 5
except TypeError as e:
    print("TypeError:", e)
try:
    tt = (1, [2])
    tt[1] += [3]
except TypeError as e:
    print("TypeError:", e, tt)
st = "ab"
st += "cd"
st *= 2
print(st)
b = b"x"
b += b"y"
b *= 3
print(b)
ba = bytearray(b"q")
ba2 = ba
ba += b"r"
print(ba, ba is ba2)
