"""Ray tracing: a small recursive ray tracer with vector objects.

Spheres over a checkered plane, two lights, Phong shading, shadows and
reflections, rendered into a tiny image. Allocation of short-lived Vec
objects, method calls and float arithmetic. The image is quantized to
bytes and summarized by an exact checksum.
"""
from _util import scaled, equal

UNIT = {"loops": 5, "width": 40, "height": 30, "depth": 3}

EPSILON = 1e-5


class Vec(object):
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def add(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def sub(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def scale(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def mul(self, o):
        return Vec(self.x * o.x, self.y * o.y, self.z * o.z)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def length(self):
        return self.dot(self) ** 0.5

    def normalized(self):
        return self.scale(1.0 / self.length())

    def reflect(self, normal):
        return self.sub(normal.scale(2.0 * self.dot(normal)))


class Ray(object):
    __slots__ = ("origin", "direction")

    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.normalized()

    def at(self, t):
        return self.origin.add(self.direction.scale(t))


class Material(object):
    def __init__(self, color, diffuse, specular, shininess, reflect, checker=None):
        self.color = color
        self.diffuse = diffuse
        self.specular = specular
        self.shininess = shininess
        self.reflect = reflect
        self.checker = checker

    def color_at(self, point):
        if self.checker is None:
            return self.color
        if (int(point.x // 1.0) + int(point.z // 1.0)) & 1:
            return self.checker
        return self.color


class Sphere(object):
    def __init__(self, centre, radius, material):
        self.centre = centre
        self.radius = radius
        self.material = material

    def intersect(self, ray):
        oc = ray.origin.sub(self.centre)
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return None
        root = disc ** 0.5
        t = -b - root
        if t > EPSILON:
            return t
        t = -b + root
        if t > EPSILON:
            return t
        return None

    def normal_at(self, point):
        return point.sub(self.centre).normalized()


class Plane(object):
    def __init__(self, point, normal, material):
        self.point = point
        self.normal = normal.normalized()
        self.material = material

    def intersect(self, ray):
        denom = ray.direction.dot(self.normal)
        if abs(denom) < EPSILON:
            return None
        t = self.point.sub(ray.origin).dot(self.normal) / denom
        if t > EPSILON:
            return t
        return None

    def normal_at(self, point):
        return self.normal


class Scene(object):
    def __init__(self):
        white = Vec(1.0, 1.0, 1.0)
        self.objects = [
            Plane(Vec(0.0, 0.0, 0.0), Vec(0.0, 1.0, 0.0),
                  Material(Vec(0.9, 0.9, 0.9), 0.8, 0.1, 10, 0.2, checker=Vec(0.1, 0.1, 0.1))),
            Sphere(Vec(0.0, 1.0, 5.0), 1.0, Material(Vec(0.9, 0.2, 0.2), 0.7, 0.5, 30, 0.3)),
            Sphere(Vec(-2.2, 0.7, 6.5), 0.7, Material(Vec(0.2, 0.8, 0.3), 0.8, 0.3, 20, 0.1)),
            Sphere(Vec(2.0, 1.5, 7.0), 1.5, Material(white, 0.2, 0.9, 60, 0.6)),
        ]
        self.lights = [(Vec(-5.0, 8.0, -2.0), Vec(0.8, 0.8, 0.8)),
                       (Vec(6.0, 5.0, 1.0), Vec(0.4, 0.35, 0.3))]
        self.ambient = 0.08
        self.background = Vec(0.15, 0.2, 0.35)

    def nearest(self, ray):
        best_t = None
        best = None
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and (best_t is None or t < best_t):
                best_t = t
                best = obj
        return best, best_t

    def shadowed(self, point, light_pos):
        to_light = light_pos.sub(point)
        dist = to_light.length()
        ray = Ray(point, to_light)
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and t < dist:
                return True
        return False

    def trace(self, ray, depth):
        obj, t = self.nearest(ray)
        if obj is None:
            return self.background
        point = ray.at(t)
        normal = obj.normal_at(point)
        mat = obj.material
        base = mat.color_at(point)
        color = base.scale(self.ambient)
        for light_pos, light_color in self.lights:
            if self.shadowed(point, light_pos):
                continue
            to_light = light_pos.sub(point).normalized()
            lambert = normal.dot(to_light)
            if lambert > 0.0:
                color = color.add(base.mul(light_color).scale(lambert * mat.diffuse))
                half = to_light.sub(ray.direction).normalized()
                spec = normal.dot(half)
                if spec > 0.0:
                    power = 1.0
                    for _ in range(mat.shininess):
                        power *= spec
                    color = color.add(light_color.scale(power * mat.specular))
        if depth > 0 and mat.reflect > 0.0:
            bounce = Ray(point, ray.direction.reflect(normal))
            color = color.add(self.trace(bounce, depth - 1).scale(mat.reflect))
        return color


def _byte(v):
    if v <= 0.0:
        return 0
    if v >= 1.0:
        return 255
    return int(v * 255.0)


def render(width, height, depth):
    scene = Scene()
    eye = Vec(0.0, 1.8, -1.0)
    checksum = 0
    lit = 0
    for j in range(height):
        y = 1.0 - 2.0 * (j + 0.5) / height
        for i in range(width):
            x = (2.0 * (i + 0.5) / width - 1.0) * width / height
            ray = Ray(eye, Vec(x * 0.8, y * 0.8 - 0.25, 1.0))
            c = scene.trace(ray, depth)
            r, g, b = _byte(c.x), _byte(c.y), _byte(c.z)
            checksum = (checksum * 31 + (r << 16 | g << 8 | b)) & 0xFFFFFFFF
            lit += r + g + b
    return checksum, lit


def run(unit_scale=1):
    results = set()
    for _ in range(scaled(UNIT["loops"], unit_scale)):
        results.add(render(UNIT["width"], UNIT["height"], UNIT["depth"]))
    return results


def check(result):
    equal(result, {(754585657, 304269)}, "raytrace (checksum, brightness)")
