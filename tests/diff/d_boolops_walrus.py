# Short-circuit and/or, conditional expressions, walrus in many positions,
# POP_JUMP_IF_* on various types, COPY-based chains.
def t(v, label):
    print(f"  eval {label} -> {v!r}")
    return v
print("and:", t(1, "a") and t(0, "b") and t(2, "c"))
print("or:", t(0, "a") or t("", "b") or t("x", "c") or t(9, "d"))
print("mix:", t(0, "a") and t(1, "b") or t(2, "c") and t(0, "d") or t(3, "e"))
print("not chain:", not t([], "a") and not t({}, "b"))
print("cond:", t("yes", "then") if t(1, "test") else t("no", "else"))
print("cond2:", t("yes", "then") if t(None, "test") else t("no", "else"))
x = 5
r = "big" if x > 10 else "mid" if x > 3 else "small"
print(r)
if (n := len("walrus")) > 3:
    print("n =", n)
while (chunk := [1, 2, 3][:n - 4]) and n < 8:
    print("chunk", chunk)
    n += 1
vals = [y for v in range(5) if (y := v * v) % 2]
print(vals, y)
def f(a):
    if (b := a * 2) and (c := b + 1) > 5:
        return b, c
    return b
print(f(1), f(5), f(0))
print((z := 10), z + 1)
data = {"k": [1, 2]}
if (lst := data.get("k")) is not None and (first := lst[0]):
    print("first", first)
if (missing := data.get("nope")) is None:
    print("missing is None")
def pick(o):
    if o is None:
        return "none"
    if o is not None and o:
        return "truthy"
    return "falsy"
print([pick(o) for o in (None, 0, 1, "", "a", [], [0])])
class Tr:
    def __init__(self, v, name):
        self.v, self.name = v, name
    def __bool__(self):
        print(f"  bool({self.name}) = {self.v}")
        return self.v
    def __repr__(self):
        return self.name
print("res:", Tr(True, "A") and Tr(False, "B") and Tr(True, "C"))
print("res:", Tr(False, "A") or Tr(False, "B") or Tr(True, "C"))
if Tr(True, "X") and not Tr(False, "Y"):
    print("branch taken")
res = [Tr(i % 2 == 0, f"v{i}") for i in range(4)]
print("all:", all(res), "any:", any(res))
a = b = c = 0
a, b = b or 1, a or 2
print(a, b, c)
def deep(v):
    return (v > 0 and (v < 10 or v > 100) and not (v == 5)) or (v < 0 and v % 2 == 0)
print([v for v in range(-6, 120, 7) if deep(v)])
