# bytes / bytearray / memoryview: indexing, slicing, mutation, formatting,
# hex, errors.
def show(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")
    else:
        print(f"{label}: {r!r}")

b = b"hello\x00\xffworld"
print(len(b), b[0], b[-1], b[2:7], b[::-2], b[5:6], list(b[:4]))
show("b[99]", lambda: b[99])
show("b[0]=1", lambda: b.__setitem__(0, 1))
print(b.upper(), b.split(b"\x00"), b.hex(), b.hex(":", 2), bytes.fromhex("de ad be ef"))
print(b.find(b"wor"), b.count(b"l"), b.replace(b"l", b"L"), b.startswith(b"he"), b"%s=%d" % (b"k", 5))
show("bytes+str", lambda: b + "s")
show("bytes(-1)", lambda: bytes(-1))
show("bytes([256])", lambda: bytes([256]))
show("bytes('x')", lambda: bytes("x"))
print(bytes(3), bytes([1, 2, 3]), bytes("é", "utf-8"), bytes(range(5)))
ba = bytearray(b"abcdef")
ba[0] = 65
ba[1:3] = b"XYZ"
del ba[-1]
ba.append(33)
ba.extend(b"??")
ba += b"!"
print(ba, len(ba), ba.pop(), ba.find(b"Z"))
show("ba[0]=300", lambda: ba.__setitem__(0, 300))
show("ba[0]='a'", lambda: ba.__setitem__(0, "a"))
ba[::2] = b"-" * len(ba[::2])
print(ba)
show("extended slice size", lambda: ba.__setitem__(slice(None, None, 2), b"xx"))
mv = memoryview(bytearray(b"0123456789"))
mv[2:4] = b"ab"
print(mv.tobytes(), mv[1], mv[::3].tobytes(), mv.readonly, bytes(mv[-3:]))
mv2 = memoryview(b"abc")
show("readonly write", lambda: mv2.__setitem__(0, 1))
print(b"abc" == bytearray(b"abc"), b"a" < b"b", b"" in b"x", 97 in b"abc", b"ab" * 2, 2 * bytearray(b"c"))
show("str in bytes", lambda: "a" in b"abc")
print(b"  x ".strip(), b"a,b".split(b","), b"-".join([b"a", bytearray(b"b")]), b"abc".decode(), repr(bytes([0, 9, 10, 13, 39, 34, 92, 127, 128])))
