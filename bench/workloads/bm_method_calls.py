"""Method-call-heavy OO: virtual dispatch on a small class hierarchy.

Shapes and visitors: overridden methods, super() chains, classmethods,
staticmethods, bound-method objects stored and called later, __call__,
and calls through a mixin. Every call does almost nothing, so the time is
call overhead.
"""
from _util import scaled, equal

UNIT = {"loops": 36, "n": 6000}


class Base(object):
    def __init__(self, k):
        self.k = k

    def area(self):
        return 0

    def describe(self):
        return self.area() + self.sides()

    def sides(self):
        return 0

    @classmethod
    def make(cls, k):
        return cls(k)

    @staticmethod
    def unit():
        return 1


class Square(Base):
    def area(self):
        return self.k * self.k

    def sides(self):
        return 4


class Rect(Square):
    def __init__(self, k):
        super().__init__(k)
        self.w = k + 1

    def area(self):
        return self.k * self.w

    def describe(self):
        return super().describe() + 1


class Tri(Base):
    def area(self):
        return self.k * self.k // 2

    def sides(self):
        return 3


class CountMixin(object):
    def bump(self):
        self.count = self.count + self.unit()
        return self.count


class Counted(CountMixin, Square):
    def __init__(self, k):
        Square.__init__(self, k)
        self.count = 0


class Visitor(object):
    def __init__(self):
        self.total = 0

    def visit(self, shape):
        self.total += shape.describe()
        return self

    def __call__(self, shape):
        return self.visit(shape).total


def benchmark(n):
    classes = (Square, Rect, Tri, Counted)
    shapes = [classes[i % 4].make(i % 13) for i in range(64)]
    visitor = Visitor()
    counted = Counted(3)
    bumps = [counted.bump, counted.bump]
    calls = 0
    for i in range(n):
        shape = shapes[i & 63]
        visitor.visit(shape)
        calls += shape.area() + shape.sides() + Base.unit()
        calls += bumps[i & 1]() & 7
        if i % 8 == 0:
            visitor(shape)
    return visitor.total, calls, counted.count


def run(unit_scale=1):
    results = set()
    for _ in range(scaled(UNIT["loops"], unit_scale)):
        results.add(benchmark(UNIT["n"]))
    return results


def check(result):
    equal(result, {(320183, 311948, 6000)}, "method calls (visitor total, calls, bumps)")
