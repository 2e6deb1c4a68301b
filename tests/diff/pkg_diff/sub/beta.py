# Relative imports climbing one level, importing a sibling lazily.
print("  pkg_diff.sub.beta executing")
from .. import alpha
from ..alpha import PUBLIC as _P, shout
from . import gamma
def combined():
    return shout(_P) + " / " + gamma.GAMMA
def lazy():
    from .delta import DELTA
    return DELTA
