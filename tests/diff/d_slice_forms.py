# Slicing in every syntactic form: BINARY_SLICE / STORE_SLICE for two-part
# slices, BUILD_SLICE for steps, deletion, custom __getitem__ receiving slices.
class Spy:
    def __getitem__(self, k):
        return ("get", k)
    def __setitem__(self, k, v):
        print("  set", k, v)
    def __delitem__(self, k):
        print("  del", k)

s = Spy()
lo, hi, st = 1, 5, 2
print(s[1:2], s[:], s[lo:], s[:hi], s[lo:hi], s[::], s[::st], s[lo:hi:st], s[::-1], s[None:None:None])
print(s[1:2, 3], s[..., 1:], s[:, :], s[lo:hi, ::st])
s[lo:hi] = "a"
s[:hi] = "b"
s[lo::st] = "c"
s[:, 1] = "d"
del s[lo:hi]
del s[::st]
del s[:]
seq = list(range(12))
text = "abcdefghijkl"
tup = tuple(seq)
for start in (None, -15, -3, 0, 2, 11, 20):
    for stop in (None, -20, -1, 0, 4, 12):
        for step in (None, 1, 2, -1, -3):
            print(start, stop, step, seq[start:stop:step], text[start:stop:step], tup[start:stop:step] == tuple(seq[start:stop:step]))
print(seq[2:5], seq[:3], seq[9:], seq[-2:], text[lo:hi], tup[:lo])
try:
    seq[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    seq["a":]
except TypeError as e:
    print("TypeError:", e)
try:
    seq[1:2] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    seq[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    text[1:3] = "zz"
except TypeError as e:
    print("TypeError:", e)
m = list(range(10))
m[2:5] = []
print(m)
m[:0] = [-1, -2]
print(m)
m[-1:] = "xyz"
print(m)
del m[1:3]
print(m)
del m[::3]
print(m)
m[1:1] = [[1, 2]]
print(m)
sl = slice(1, 8, 3)
print(sl, sl.start, sl.stop, sl.step, sl.indices(5), list(range(20))[sl], slice(3), slice(1, 2) == slice(1, 2))
class Idx:
    def __index__(self):
        print("  __index__")
        return 2
print(seq[Idx():5], seq[Idx()], text[:Idx()])
class NoIdx:
    pass
try:
    seq[NoIdx():]
except TypeError as e:
    print("TypeError:", e)
r = range(0, 30, 3)
print(r[2:5], r[::-1], r[-2], list(r[1::4]), len(r[100:]))
b = bytearray(b"0123456789")
b[2:4] = b"XYZ"
del b[::4]
print(b, b[1:3], memoryview(b)[1:4].tobytes())
