print("  circular_a start")
from . import circular_b
A_VALUE = "a"
def get_b():
    return circular_b.B_VALUE
print("  circular_a end")
