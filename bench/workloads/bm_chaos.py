"""Chaos game: iterated function systems drawn into a histogram grid.

Three fractals (Sierpinski triangle, Barnsley fern, a pentagon flake) are
each drawn by the chaos game: start at a point, repeatedly apply a
randomly chosen affine map, and count the visits of every grid cell. Point
and map objects, float arithmetic, a deterministic LCG for the choices.
The grid's occupancy and a weighted checksum are exact.
"""
from _util import scaled, equal, Lcg

UNIT = {"loops": 3, "points": 12000, "grid": 64}


class Point(object):
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Affine(object):
    """x' = a x + b y + e ; y' = c x + d y + f, chosen with weight `w`."""

    def __init__(self, a, b, c, d, e, f, w):
        self.a, self.b, self.c, self.d, self.e, self.f = a, b, c, d, e, f
        self.w = w

    def apply(self, p):
        return Point(self.a * p.x + self.b * p.y + self.e,
                     self.c * p.x + self.d * p.y + self.f)


class Contract(object):
    """Move a fraction `r` of the way toward a fixed vertex."""

    def __init__(self, vx, vy, r, w):
        self.vx = vx
        self.vy = vy
        self.r = r
        self.w = w

    def apply(self, p):
        return Point(p.x + (self.vx - p.x) * self.r, p.y + (self.vy - p.y) * self.r)


def _systems():
    sierpinski = [Contract(0.0, 0.0, 0.5, 1), Contract(1.0, 0.0, 0.5, 1),
                  Contract(0.5, 0.866, 0.5, 1)]
    fern = [Affine(0.0, 0.0, 0.0, 0.16, 0.0, 0.0, 1),
            Affine(0.85, 0.04, -0.04, 0.85, 0.0, 1.6, 85),
            Affine(0.2, -0.26, 0.23, 0.22, 0.0, 1.6, 7),
            Affine(-0.15, 0.28, 0.26, 0.24, 0.0, 0.44, 7)]
    # Pentagon vertices (precomputed to avoid libm differences).
    verts = [(0.5, 1.0), (0.975528, 0.654508), (0.793893, 0.095492),
             (0.206107, 0.095492), (0.024472, 0.654508)]
    flake = [Contract(vx, vy, 0.618, 1) for vx, vy in verts]
    return [("sierpinski", sierpinski, (0.0, 1.0, 0.0, 0.9)),
            ("fern", fern, (-2.5, 2.8, 0.0, 10.0)),
            ("flake", flake, (0.0, 1.0, 0.0, 1.0))]


def chaos(maps, bounds, points, grid, rng):
    total = 0
    for m in maps:
        total += m.w
    xmin, xmax, ymin, ymax = bounds
    sx = grid / (xmax - xmin)
    sy = grid / (ymax - ymin)
    counts = {}
    p = Point(0.1, 0.1)
    for step in range(points):
        pick = rng.below(total)
        for m in maps:
            pick -= m.w
            if pick < 0:
                break
        p = m.apply(p)
        if step < 20:
            continue  # let the point settle onto the attractor
        gx = int((p.x - xmin) * sx)
        gy = int((p.y - ymin) * sy)
        if 0 <= gx < grid and 0 <= gy < grid:
            key = gy * grid + gx
            counts[key] = counts.get(key, 0) + 1
    weighted = 0
    for key, n in counts.items():
        weighted += key * n
    return len(counts), weighted


def run(unit_scale=1):
    results = set()
    for _ in range(scaled(UNIT["loops"], unit_scale)):
        rng = Lcg(20240601)
        out = []
        for name, maps, bounds in _systems():
            out.append((name,) + chaos(maps, bounds, UNIT["points"], UNIT["grid"], rng))
        results.add(tuple(out))
    return results


def check(result):
    equal(result, {(('sierpinski', 1095, 15857210), ('fern', 1791, 30270726), ('flake', 1455, 24751160))}, "chaos (occupied cells, weighted sum)")
