# str: indexing, slicing, methods, concatenation, repetition, comparisons,
# encoding errors and exception messages.
def show(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")
    else:
        print(f"{label}: {r!r}")

s = "Hello, Wörld! ☃ 𝄞"
print(len(s), s[0], s[-1], s[4:9], s[::-1], s[::3], s[100:], s[-100:3])
show("s[100]", lambda: s[100])
show("s['a']", lambda: s["a"])
show("s[1]='x'", lambda: s.__setitem__(1, "x"))
print(s.upper(), s.lower(), s.casefold(), s.swapcase(), s.title())
print(s.split(), s.split(",", 1), s.rsplit(" ", 1), "a,,b".split(","), "  x  y ".split())
print(s.find("o"), s.rfind("o"), s.index("W"), s.count("l"), s.startswith(("He", "x")), s.endswith("𝄞"))
show("index missing", lambda: s.index("zzz"))
print(s.replace("l", "L", 2), s.partition(", "), s.rpartition("!"), "-".join(["a", "b", "c"]))
show("join ints", lambda: "-".join([1, 2]))
print(repr(s.encode("utf-8")), s.encode("ascii", "replace"), s.encode("ascii", "ignore"))
show("encode strict", lambda: s.encode("ascii"))
show("decode bad", lambda: b"\xff\xfe\xfa".decode("utf-8"))
print("  padded  ".strip(), "xxhixx".strip("x"), "abc".center(9, "*"), "7".zfill(4), "-7".zfill(4), "ab".ljust(5, ".") + "|")
print("isX", "123".isdigit(), "a1".isalnum(), "  ".isspace(), "Ab".istitle(), "ABC".isupper(), "abc".isidentifier(), "٣".isdecimal())
print("ord/chr", ord("€"), chr(0x1F600) == "\U0001F600", [ord(c) for c in "az"])
show("chr(-1)", lambda: chr(-1))
show("ord('ab')", lambda: ord("ab"))
print("concat", "a" + "b" * 3 + "c", 3 * "-", "x" * 0, "y" * -2)
show("str+int", lambda: "a" + 1)
show("int+str", lambda: 1 + "a")
print("cmp", "a" < "b", "Z" < "a", "abc" == "ab" + "c", "é" > "z", sorted(["b", "A", "a", "B"]))
print("mod", "%s|%r|%d|%5.2f|%-5s|%x|%o|%e|%c|%%" % ("s", "r", 42, 3.14159, "ab", 255, 8, 12345.678, 65))
print("mod dict", "%(a)s-%(b)03d" % {"a": "A", "b": 7})
show("mod few", lambda: "%s %s" % ("x",))
show("mod many", lambda: "%s" % ("x", "y"))
show("mod bad", lambda: "%d" % "x")
print("format", "{0}{1}{0}".format("a", "b"), "{x!r:>6}".format(x="q"), "{:,}".format(1234567), "{0[1]}".format([5, 6]))
show("format missing", lambda: "{a}".format())
show("format index", lambda: "{5}".format(1))
print("expandtabs", "a\tb\tc".expandtabs(4), "line1\nline2\r\nline3".splitlines(), "x".splitlines(True))
print("translate", "hello".translate(str.maketrans("el", "ip")), "abc".translate({ord("a"): None}))
print("misc", "abc".removeprefix("a"), "abc".removesuffix("c"), "a b".replace(" ", ""), "Straße".upper(), "ǅ".lower())
acc = ""
for i in range(30):
    acc += str(i % 7)
    if i % 5 == 0:
        acc += "|"
print(acc, len(acc), acc.count("|"))
words = "the quick brown fox jumps over the lazy dog the end".split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0])))
print("unicode", "\N{GREEK SMALL LETTER ALPHA}", "\u00e9" == "é", len("e\u0301"), "ﬁ".upper(), ascii("é☃"), repr("\x00\t'\""))
