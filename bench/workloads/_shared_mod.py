"""A helper module whose attributes the shared_module_* workloads read (and,
in the write variant, assign) from every thread at once."""

LO = -50
HI = 50
STEP = 3
TABLE = tuple((i * 29) % 101 for i in range(64))
epoch = 0  # assigned by bm_shared_module_write; never read by the workloads


def clamp(x, lo, hi):
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x


def mix(a, b):
    return (a * 31 + b) & 0xFFFF


class Cell(object):
    def __init__(self, v):
        self.v = v

    def bump(self, by):
        self.v += by
        return self.v
