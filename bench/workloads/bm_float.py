"""Float arithmetic: many small point objects built, normalized and folded.

Points are created from sin/cos of their index, normalized, and reduced to
a component-wise maximum (the shape of pyperformance's "float"), followed
by a polynomial evaluation with Horner's rule and a Newton square root.
"""
import math

from _util import scaled, close

UNIT = {"loops": 5, "points": 20000}


class Point(object):
    def __init__(self, i):
        self.x = x = math.sin(i)
        self.y = math.cos(i) * 3
        self.z = (x * x) / 2

    def normalize(self):
        norm = math.sqrt(self.x * self.x + self.y * self.y + self.z * self.z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def horner(coeffs, x):
    acc = 0.0
    for c in coeffs:
        acc = acc * x + c
    return acc


def newton_sqrt(a):
    x = a if a > 1.0 else 1.0
    for _ in range(30):
        nx = 0.5 * (x + a / x)
        if nx == x:
            break
        x = nx
    return x


def benchmark(n):
    points = [Point(i) for i in range(n)]
    for p in points:
        p.normalize()
    best = points[0]
    for p in points[1:]:
        best = best.maximize(p)
    coeffs = [1.0, -0.5, 0.25, -0.125, 0.0625, -0.03125]
    poly = 0.0
    roots = 0.0
    for i in range(n // 4):
        x = (i % 200) / 100.0 - 1.0
        poly += horner(coeffs, x)
        roots += newton_sqrt(i + 0.5)
    return best.x, best.y, best.z, poly, roots


def run(unit_scale=1):
    result = None
    for _ in range(scaled(UNIT["loops"], unit_scale)):
        result = benchmark(UNIT["points"])
    return result


def check(result):
    want = (0.8944037299584753, 1.0, 0.44720018917836313, -897.4895824999913,
            235702.3209893535)
    for i, (got, exp) in enumerate(zip(result, want)):
        close(got, exp, rel=1e-9, what="float component %d" % i)
