"""Shared class, read-mostly: every thread uses the same class hierarchy.

Threads build their own instances (no instance is shared) of one set of
module-level classes and call methods that read class attributes, walk the
MRO (inherited methods, super()), and call classmethods. Nothing is
written to the classes, so a free-threaded interpreter should scale this
perfectly; any loss is contention on the shared type objects.
The *_write variant runs the same loop but assigns class attributes now
and then.
"""
import threading

from _util import scaled, equal

UNIT = {"loops": 40, "n": 4000, "write_every": 0}


class Shape(object):
    SIDES = 0
    SCALE = 3
    epoch = 0  # written by the _write variant only; never read below

    def __init__(self, k):
        self.k = k

    def area(self):
        return 0

    def perimeter(self):
        return self.SIDES * self.k

    def score(self):
        return self.area() * self.SCALE + self.perimeter()

    @classmethod
    def unit(cls):
        return cls.SIDES + 1


class Square(Shape):
    SIDES = 4

    def area(self):
        return self.k * self.k


class Triangle(Shape):
    SIDES = 3

    def area(self):
        return self.k * self.k // 2


class Hexagon(Square):
    SIDES = 6
    SCALE = 2

    def score(self):
        return super().score() + 1


KINDS = (Square, Triangle, Hexagon, Square)


def work(n, write_every):
    scratch = "scratch_%d" % threading.get_ident()  # one name per thread
    shapes = [KINDS[i & 3](i % 9) for i in range(32)]
    acc = 0
    for i in range(n):
        s = shapes[i & 31]
        acc += s.score() + s.unit() + s.SIDES
        acc += type(s).SCALE
        if isinstance(s, Square):
            acc += 1
        if write_every and i % write_every == 0:
            Shape.epoch = i  # bumps the version of every class above
            if i % (write_every * 16) == 0:
                setattr(Square, scratch, i)
                delattr(Square, scratch)
    return acc


def run(unit_scale=1):
    results = set()
    for _ in range(scaled(UNIT["loops"], unit_scale)):
        results.add(work(UNIT["n"], UNIT["write_every"]))
    return results


def check(result):
    equal(result, {304625}, "shared class")
