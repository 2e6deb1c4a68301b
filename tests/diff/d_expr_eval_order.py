# Evaluation order: operands, call arguments, subscripts, attribute targets,
# dict displays (key before value), chained assignment, augmented assignment
# targets (COPY/SWAP sequences), conditional and lambda defaults.
log = []
def t(tag, v=None):
    log.append(tag)
    return tag if v is None else v
def show(label):
    print(label, log)
    log.clear()

x = t("a", 1) + t("b", 2) * t("c", 3)
show("binops")
f = lambda *a, **k: None
f(t("p1"), t("p2"), k1=t("k1"), *[t("star")], **{t("kk"): t("kv")})
show("call args")
d = {t("k1"): t("v1"), t("k2"): t("v2"), **{t("k3"): t("v3")}}
show("dict display")
class O:
    pass
o = O()
o.items = {}
t("target", o).items[t("key")] = t("value")
show("store subscript")
t("obj", o).attr = t("rhs")
show("store attr")
a = b = c = t("chained")
show("chained assign")
lst = [0, 0, 0]
i = 0
i, lst[i] = 1, t("swapped-target")
print(lst)
show("tuple assign order")
def get_obj():
    log.append("get_obj")
    return o
def get_key():
    log.append("get_key")
    return "k"
o.items["k"] = 5
get_obj().items[get_key()] += t("incr", 10)
print(o.items)
show("augmented subscript")
o.counter = 1
get_obj().counter *= t("mult", 7)
print(o.counter)
show("augmented attribute")
r = t("cond", True) and t("then") or t("else")
show("and/or")
r = t("yes") if t("test", False) else t("no")
show("conditional")
def defaults(a=t("default-a"), b=t("default-b")):
    pass
show("defaults at def")
g = lambda v=t("lambda-default"): v
show("lambda default")
r = [t(f"el{i}") for i in range(3)]
show("list comp")
s = {t("s1"), t("s2")}
show("set display")
tp = (t("t1"), *[t("t2")], t("t3"))
show("tuple with star")
r = t("L", [1, 2, 3])[t("I", 1)]
show("subscript")
r = t("S", "abcdef")[t("lo", 1):t("hi", 4)]
show("slice")
r = t("cmp1", 1) < t("cmp2", 2) < t("cmp3", 0) < t("cmp4", 5)
show("chained compare short")
r = f"{t('f1')}{t('f2')!r}{t('f3'):>{t('width', 3)}}"
show("f-string")
class Ev:
    attr = t("class-body-1")
    other = t("class-body-2")
show("class body")
@t("deco1", lambda fn: t("apply1", fn))
@t("deco2", lambda fn: t("apply2", fn))
def decorated():
    pass
show("decorators")
try:
    t("raise-target", [])[t("idx", 5)] = t("rhs-first")
except IndexError:
    pass
show("failing store (rhs evaluated first)")
m = {}
m[t("outer")] = m.setdefault(t("inner"), 1)
print(m)
show("nested store")
def kw_order(**kw):
    return list(kw)
print(kw_order(z=t("z"), a=t("a"), m=t("m")))
show("kwargs order preserved")
x = [1, 2]
x[t("i0", 0)], x[t("i1", 1)] = x[t("r1", 1)], x[t("r0", 0)]
print(x)
show("swap via subscripts")
print(t("print-arg1"), t("print-arg2"))
show("print args")
w = (y := t("walrus", 5)) + y
print(w)
show("walrus")
for n in range(2):
    with_value = t(f"loop{n}")
show("loop")
