# super(): LOAD_SUPER_ATTR (zero-arg method and attribute forms), explicit
# two-argument super, the __class__ cell, cooperative multiple inheritance,
# MRO, super in classmethods/properties, errors.
class A:
    def who(self):
        return ["A"]
    @classmethod
    def cm(cls):
        return f"A.cm({cls.__name__})"
    attr = "A.attr"
    def __init__(self):
        print("  A.__init__")
        self.a = 1
class B(A):
    def who(self):
        return ["B"] + super().who()
    @classmethod
    def cm(cls):
        return "B>" + super().cm()
    def get_attr(self):
        return super().attr
    def __init__(self):
        print("  B.__init__")
        super().__init__()
class C(A):
    def who(self):
        return ["C"] + super().who()
    def __init__(self):
        print("  C.__init__")
        super().__init__()
class D(B, C):
    def who(self):
        return ["D"] + super().who()
    def __init__(self):
        print("  D.__init__")
        super().__init__()
    def explicit(self):
        return super(B, self).who(), super(D, self).who(), super(C, self).who()
d = D()
print(d.who(), D.cm(), d.get_attr(), [k.__name__ for k in D.__mro__])
print(d.explicit())
print(super(D, d).__init__ is not None, super(D, D).cm())

class UsesClassCell:
    def get_class(self):
        return __class__
    def get_super_self(self):
        return super().__thisclass__, super().__self__ is self
class Sub(UsesClassCell):
    pass
s = Sub()
print(s.get_class().__name__, s.get_super_self()[0].__name__, s.get_super_self()[1])

def outside(self):
    return super().who()
try:
    A.bad = outside
    A().bad()
except RuntimeError as e:
    print("RuntimeError:", e)
class NoArgs:
    @staticmethod
    def sm():
        return super().x
try:
    NoArgs.sm()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    super(int, "s")
except TypeError as e:
    print("TypeError:", e)
class Prop(A):
    @property
    def who_prop(self):
        return super().who() + ["prop"]
print(Prop().who_prop)
class Missing(A):
    def m(self):
        return super().does_not_exist
try:
    Missing().m()
except AttributeError as e:
    print("AttributeError:", e)
class WithKw:
    def __init_subclass__(cls, **kw):
        print("  __init_subclass__", cls.__name__, kw)
        super().__init_subclass__()
class Kid(WithKw, tag="t"):
    pass
class SuperInGen(A):
    def gen(self):
        yield super().who()
        yield super().attr
print(list(SuperInGen().gen()))
class SuperInComp(A):
    def comp(self):
        return [super().who() for _ in range(2)]
    def lam(self):
        return (lambda: super(SuperInComp, self).who())()
print(SuperInComp().comp(), SuperInComp().lam())
class SuperShadow(A):
    def who(self):
        super = lambda: "shadowed"
        return super()
print(SuperShadow().who())
class DescBase:
    def __getattr__(self, name):
        return f"DescBase.__getattr__({name})"
class DescSub(DescBase):
    def probe(self):
        try:
            return super().nothing
        except AttributeError as e:
            return f"AttributeError: {e}"
print(DescSub().probe())
class Mixin:
    def describe(self):
        return f"Mixin({type(self).__name__}) -> " + super().describe()
class Base:
    def describe(self):
        return "Base"
class Final(Mixin, Base):
    pass
print(Final().describe())
class CellMod:
    def f(self):
        return __class__.__name__
    __class__ = "class attr named __class__"
print(CellMod().f(), CellMod.__dict__["__class__"])
try:
    class X(object, object):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Y(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)
