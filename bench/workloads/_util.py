"""Small helpers shared by the workload modules (Python 3.9+, stdlib only)."""


def scaled(base, unit_scale):
    """Number of inner loops for a unit at `unit_scale` (never below 1)."""
    return max(1, int(round(base * unit_scale)))


def close(got, want, rel=1e-9, what="value"):
    """Assert that two floats agree to a relative tolerance."""
    tol = rel * max(1.0, abs(want))
    assert abs(got - want) <= tol, "%s: got %r, want %r (tol %g)" % (what, got, want, tol)


def equal(got, want, what="value"):
    """Assert exact equality with a readable message."""
    assert got == want, "%s: got %r, want %r" % (what, got, want)


class Lcg(object):
    """A tiny deterministic generator (same stream on every Python).

    The `random` module's derived methods changed between versions, so
    workloads that need reproducible choices use this instead.
    """

    __slots__ = ("state",)

    def __init__(self, seed):
        self.state = seed & 0xFFFFFFFF

    def next(self):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return self.state

    def below(self, n):
        return (self.next() >> 8) % n

    def unit(self):
        return (self.next() >> 4) / float(1 << 27)
