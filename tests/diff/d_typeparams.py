# PEP 695/696 type parameters: `type` aliases, generic functions and classes,
# bounds, constraints, defaults, ParamSpec/TypeVarTuple, lazy evaluation
# (CALL_INTRINSIC_1/2 typing intrinsics, LOAD_LOCALS, LOAD_FROM_DICT_OR_*).
evaluated = []
def note(tag, v):
    evaluated.append(tag)
    return v

type Alias = list[int]
print(Alias, type(Alias).__name__, Alias.__name__, Alias.__value__, Alias.__type_params__)
type Lazy = note("lazy alias", dict[str, "Undefined"])
print("before access:", evaluated)
print(Lazy.__value__, evaluated)
type Pair[K, V = int] = tuple[K, V]
print(Pair.__type_params__, Pair[str], Pair.__type_params__[1].__default__, Pair[str, bytes].__args__)

def first[T](items: list[T]) -> T:
    return items[0]
print(first([3, 4]), first.__type_params__, first.__annotations__)
def bounded[T: (int, float), *Ts, **P, U: str = str](a: T, b: U) -> T:
    return a
tp = bounded.__type_params__
print(tp, tp[0].__constraints__, tp[3].__bound__, tp[3].__default__, type(tp[1]).__name__, type(tp[2]).__name__)
def with_bound[N: note("bound eval", int)]() -> None:
    pass
print("bound not yet evaluated:", "bound eval" not in evaluated)
print(with_bound.__type_params__[0].__bound__, "bound eval" in evaluated)

class Stack[T]:
    def __init__(self) -> None:
        self.items: list[T] = []
    def push(self, item: T) -> "Stack[T]":
        self.items.append(item)
        return self
    def pop(self) -> T:
        return self.items.pop()
    class Inner:
        ref = "inner"
s = Stack[int]()
print(s.push(1).push(2).pop(), Stack.__type_params__, Stack.__orig_bases__ if hasattr(Stack, "__orig_bases__") else None, Stack[int].__args__)
print(Stack.__mro__[1].__name__, Stack.push.__annotations__)

class Outer:
    X = "class attr X"
    type InClass = list[X]
    def meth[M](self, m: M, x: X) -> M:
        return m
    class GenericInner[Q](list[Q]):
        pass
    inner_alias_value = None
print(Outer.InClass.__value__, Outer.meth.__type_params__, Outer.meth.__annotations__, Outer.GenericInner.__type_params__)

def make_closure_generic():
    captured = "captured local"
    class G[T]:
        attr = captured
        def get(self) -> T:
            return captured
    type CA = list[captured]
    return G, CA
G, CA = make_closure_generic()
print(G.attr, G().get(), G.__type_params__, CA.__value__)

class Base[T]:
    def describe(self):
        return f"Base of {type(self).__name__}"
class Child[T](Base[T]):
    def describe(self):
        return "Child>" + super().describe()
print(Child[int]().describe(), Child.__type_params__, [b.__name__ if hasattr(b, "__name__") else str(b) for b in Child.__bases__])
def default_typevar[T = note("default eval", float)]():
    pass
print("default not yet evaluated:", "default eval" not in evaluated)
print(default_typevar.__type_params__[0].__default__, default_typevar.__type_params__[0].has_default())
type Recursive = list[Recursive] | int
print(Recursive.__value__)
try:
    type Bad = undefined_name_in_alias
    Bad.__value__
except NameError as e:
    print("NameError:", e)
import typing
T2 = typing.TypeVar("T2", bound=str)
print(T2, T2.__bound__, typing.Generic.__name__)
class OldStyle(typing.Generic[T2]):
    pass
print(OldStyle[str].__args__, OldStyle.__parameters__)
def dup_params():
    try:
        exec("def f[T, T](): pass")
    except SyntaxError as e:
        return e.msg
print(dup_params())
print(evaluated)
