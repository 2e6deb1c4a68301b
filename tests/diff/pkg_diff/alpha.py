# Plain module with __all__ controlling star-import.
print("  pkg_diff.alpha executing")
__all__ = ["shout", "PUBLIC", "Counter"]
PUBLIC = "public value"
_private = "private value"
NOT_EXPORTED = "not in __all__"
def shout(s):
    return s.upper() + "!"
class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
