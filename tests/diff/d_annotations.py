# Annotations: SETUP_ANNOTATIONS in module and class bodies, annotated
# assignments with and without values, annotations of attributes/subscripts
# (evaluated but not stored), function annotations, __annotations__ order.
import typing
x: int = 5
y: "forward ref"
z: list[int] = [1, 2]
print(__annotations__)
print(x, z, "y" in globals())
counter = 0
def side(v):
    global counter
    counter += 1
    print(f"  evaluated annotation {v}")
    return v
a: side("module-level") = 1
print(counter, __annotations__["a"])

class C:
    attr: int
    other: str = "default"
    computed: side("class-level") = 3
    obj = None
    def method(self, p: int, *args: str, k: float = 1.0, **kw: bytes) -> "C":
        local: side("function-local never evaluated") = 1
        return self
print(C.__annotations__, C.other, C.computed, hasattr(C, "attr"))
print(C.method.__annotations__)
print("counter after class:", counter)
class Box:
    pass
b = Box()
b.field: side("attribute target") = 9
d = {}
d["k"]: side("subscript target") = 10
print(b.field, d, "field" in __annotations__)
(paren): int = 7
print(paren, "paren" in __annotations__)
def func_no_ann(a, b):
    pass
print(func_no_ann.__annotations__)
def make():
    inner: int = 1
    def g(v: side("nested def annotation")) -> None:
        pass
    return g.__annotations__
print(make())
print(typing.get_type_hints(C.method, globalns={"C": C}))
class Derived(C):
    extra: bytes
print(Derived.__annotations__, typing.get_type_hints(Derived.method, globalns={"C": C}))
class NoAnn:
    plain = 1
print(NoAnn.__dict__.get("__annotations__", "no __annotations__ in dict"))
exec("q: int = 3\nprint('exec ann', __annotations__)", {})
ns = {}
exec("class E:\n    f: str\n", ns)
print(ns["E"].__annotations__)
__annotations__["manual"] = "added"
print(list(__annotations__))
del __annotations__
try:
    late: int = 1
except NameError as e:
    print("NameError:", e)
