"""Attribute-heavy OO: loads and stores of instance and class attributes.

Plain instances (dict-backed), __slots__ instances, properties with
setters, class-level constants read through instances, attributes added
after construction, getattr/setattr with constant names, and a chain of
objects followed attribute by attribute.
"""
from _util import scaled, equal

UNIT = {"loops": 12, "n": 15000}


class Particle(object):
    LIMIT = 300
    DAMP = 3

    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.vx = 1
        self.vy = -1
        self.hits = 0


class Slotted(object):
    __slots__ = ("a", "b", "c")

    def __init__(self, a):
        self.a = a
        self.b = a * 2
        self.c = 0


class Temperature(object):
    def __init__(self, celsius):
        self._c = celsius

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, value):
        self._c = value

    @property
    def kelvin(self):
        return self._c + 273


class Link(object):
    def __init__(self, nxt, value):
        self.next = nxt
        self.value = value


def benchmark(n):
    particles = [Particle(i, -i) for i in range(32)]
    slots = [Slotted(i) for i in range(32)]
    temp = Temperature(0)
    chain = None
    for i in range(6):
        chain = Link(chain, i)
    acc = 0
    for i in range(n):
        p = particles[i & 31]
        p.x += p.vx
        p.y += p.vy
        if p.x > p.LIMIT or p.y < -p.LIMIT:
            p.vx = -p.vx
            p.vy = -p.vy
            p.hits += 1
        s = slots[i & 31]
        s.c = s.a + s.b + s.c // p.DAMP
        temp.celsius = i % 100
        acc += temp.kelvin - temp.celsius
        acc += chain.next.next.next.value + chain.next.next.next.next.next.value
        if i % 64 == 0:
            p.extra = i  # attribute added later
            acc += getattr(p, "extra") // 64
            setattr(s, "c", 0)
    hits = sum(p.hits for p in particles)
    pos = sum(p.x - p.y for p in particles)
    return acc, hits, pos, sum(s.c for s in slots)


def run(unit_scale=1):
    results = set()
    for _ in range(scaled(UNIT["loops"], unit_scale)):
        results.add(benchmark(UNIT["n"]))
    return results


def check(result):
    equal(result, {(4152495, 32, 7536, 2209)}, "attributes (acc, hits, positions, slots)")
