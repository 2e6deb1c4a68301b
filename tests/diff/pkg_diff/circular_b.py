print("  circular_b start")
from . import circular_a
B_VALUE = "b"
def get_a():
    return circular_a.A_VALUE
try:
    from .circular_a import A_VALUE
except ImportError as e:
    print("  ImportError during circular import:", str(e).split(" (")[0])
print("  circular_b end")
