# Structural pattern matching, part 1: literals, captures, wildcards,
# value patterns, or-patterns, guards, sequence patterns (MATCH_SEQUENCE,
# GET_LEN, UNPACK_EX), as-patterns, and matching strings/bytes/None/bools.
import math

def classify(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1.5:
            return "neg float"
        case "hello":
            return "greeting"
        case b"raw":
            return "bytes"
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case 2j:
            return "complex"
        case math.pi:
            return "pi"
        case int(n) if n > 100:
            return f"big int {n}"
        case str() as s if len(s) > 5:
            return f"long str {s}"
        case _:
            return f"other {x!r}"
for v in (0, 1, 3, -1.5, "hello", b"raw", None, True, False, 2j, math.pi, 500, 50, "lengthy", "short", 1.0, 0.0):
    print(repr(v), "->", classify(v))

def seq(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one {a}"
        case [a, b]:
            return f"two {a},{b}"
        case [0, *rest]:
            return f"starts with 0, rest {rest}"
        case [first, *_, last] if first == last:
            return f"same ends {first}"
        case [first, *middle, last]:
            return f"first {first} middle {middle} last {last}"
for v in ([], [1], (1, 2), [0, 9, 8], [5, 4, 5], [1, 2, 3, 4], "ab", b"ab", range(3), {1, 2}, iter([1])):
    print(repr(v) if not hasattr(v, "__next__") else "iterator", "->", seq(v))

def nested(x):
    match x:
        case [(a, b), [c, *d]] if a < c:
            return ("pairs", a, b, c, d)
        case ((1 | 2) as one_or_two, [*_]):
            return ("or-as", one_or_two)
        case [_, _, *_] as whole:
            return ("as whole", len(whole))
        case (x, y) | [x, y, _]:
            return ("either", x, y)
    return "no match"
for v in ([(1, 2), [3, 4, 5]], [(5, 2), [3]], (1, []), (2, [9]), [1, 2, 3], ("p", "q"), [7], "xy"):
    print(v, "->", nested(v))

def guard_side_effects(x):
    log = []
    def g(tag, r):
        log.append(tag)
        return r
    match x:
        case [a, b] if g("g1", a > b):
            res = "desc"
        case [a, b] if g("g2", a == b):
            res = "eq"
        case [*_] if g("g3", True):
            res = "any seq"
        case _:
            res = "none"
    return res, log
for v in ([2, 1], [1, 1], [1, 2], 5):
    print(v, guard_side_effects(v))

class Color:
    RED = "red"
    GREEN = "green"
def value_patterns(c):
    match c:
        case Color.RED:
            return "is red"
        case Color.GREEN:
            return "is green"
        case other:
            return f"captured {other}"
print([value_patterns(c) for c in ("red", "green", "blue")])

def star_capture(cmd):
    match cmd.split():
        case ["go", direction]:
            return f"going {direction}"
        case ["pick", "up", *items] if items:
            return f"picking {items}"
        case ["drop", *items, "now"]:
            return f"dropping {items} now"
        case ["quit" | "exit"]:
            return "bye"
        case [verb, *_]:
            return f"unknown verb {verb}"
        case []:
            return "empty command"
for c in ("go north", "pick up sword shield", "pick up", "drop a b now", "quit", "exit", "dance wildly", ""):
    print(repr(c), "->", star_capture(c))
x = 5
match x:
    case 1:
        print("one")
print("no case matched, fell through")
match (1, 2):
    case (a, b):
        print("module-level capture", a, b)
print(a, b)
