"""n-body: the Jovian planets integrated with a symplectic Euler step.

Float arithmetic on small lists held in local variables; each loop starts
from the same initial state, so the final energy is a fixed number.
"""
from _util import scaled, close

UNIT = {"loops": 6, "steps": 5000, "dt": 0.01}

PI = 3.14159265358979323
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24

# name, position, velocity (per day), mass (in solar masses)
_BODIES = (
    ("sun", (0.0, 0.0, 0.0), (0.0, 0.0, 0.0), 1.0),
    ("jupiter",
     (4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01),
     (1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05),
     9.54791938424326609e-04),
    ("saturn",
     (8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01),
     (-2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05),
     2.85885980666130812e-04),
    ("uranus",
     (1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01),
     (2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05),
     4.36624404335156298e-05),
    ("neptune",
     (1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01),
     (2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05),
     5.15138902046611451e-05),
)


def make_system():
    bodies = []
    for _name, pos, vel, mass in _BODIES:
        bodies.append(([pos[0], pos[1], pos[2]],
                       [vel[0] * DAYS_PER_YEAR, vel[1] * DAYS_PER_YEAR, vel[2] * DAYS_PER_YEAR],
                       mass * SOLAR_MASS))
    # Offset the sun's momentum so the system's centre of mass stays put.
    px = py = pz = 0.0
    for _pos, v, m in bodies:
        px -= v[0] * m
        py -= v[1] * m
        pz -= v[2] * m
    sun_v = bodies[0][1]
    sun_v[0] = px / SOLAR_MASS
    sun_v[1] = py / SOLAR_MASS
    sun_v[2] = pz / SOLAR_MASS
    pairs = []
    for i in range(len(bodies)):
        for j in range(i + 1, len(bodies)):
            pairs.append((bodies[i], bodies[j]))
    return bodies, pairs


def advance(bodies, pairs, dt, steps):
    for _ in range(steps):
        for (p1, v1, m1), (p2, v2, m2) in pairs:
            dx = p1[0] - p2[0]
            dy = p1[1] - p2[1]
            dz = p1[2] - p2[2]
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt / (d2 * d2 ** 0.5)
            b1 = m1 * mag
            b2 = m2 * mag
            v1[0] -= dx * b2
            v1[1] -= dy * b2
            v1[2] -= dz * b2
            v2[0] += dx * b1
            v2[1] += dy * b1
            v2[2] += dz * b1
        for p, v, _m in bodies:
            p[0] += dt * v[0]
            p[1] += dt * v[1]
            p[2] += dt * v[2]


def energy(bodies, pairs):
    e = 0.0
    for (p1, _v1, m1), (p2, _v2, m2) in pairs:
        dx = p1[0] - p2[0]
        dy = p1[1] - p2[1]
        dz = p1[2] - p2[2]
        e -= (m1 * m2) / ((dx * dx + dy * dy + dz * dz) ** 0.5)
    for _p, v, m in bodies:
        e += m * (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]) / 2.0
    return e


def run(unit_scale=1):
    result = None
    for _ in range(scaled(UNIT["loops"], unit_scale)):
        bodies, pairs = make_system()
        e0 = energy(bodies, pairs)
        advance(bodies, pairs, UNIT["dt"], UNIT["steps"])
        result = (e0, energy(bodies, pairs))
    return result


def check(result):
    e0, e1 = result
    close(e0, -0.169075164, rel=1e-8, what="initial energy")
    close(e1, -0.16902000037197654, rel=1e-10, what="final energy")
