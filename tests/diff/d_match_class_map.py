# Structural pattern matching, part 2: mapping patterns (MATCH_MAPPING,
# MATCH_KEYS, **rest), class patterns (MATCH_CLASS) with __match_args__,
# keyword sub-patterns, builtins' self-matching, dataclasses, errors.
from dataclasses import dataclass

def mapping(m):
    match m:
        case {"type": "point", "x": x, "y": y}:
            return f"point {x},{y}"
        case {"type": "circle", "r": r, **rest} if rest:
            return f"circle r={r} extra={rest}"
        case {"type": "circle", "r": r}:
            return f"circle r={r}"
        case {1: one, 2.5: two}:
            return f"numeric keys {one} {two}"
        case {"nested": {"deep": [*items]}}:
            return f"nested items {items}"
        case {}:
            return f"some mapping with keys {sorted(map(str, m))}"
        case _:
            return "not a mapping"
for v in ({"type": "point", "x": 1, "y": 2, "z": 3}, {"type": "circle", "r": 5},
          {"type": "circle", "r": 5, "color": "red"}, {1: "a", 2.5: "b"}, {"nested": {"deep": [1, 2]}},
          {"nested": {"deep": "str is not a sequence pattern"}}, {}, [("type", "point")], "str"):
    print(v, "->", mapping(v))

class DefaultDictish(dict):
    def __missing__(self, key):
        return "from missing"
def map_missing(m):
    match m:
        case {"absent": v}:
            return f"matched {v}"
        case _:
            return "no match (get does not use __missing__)"
print(map_missing(DefaultDictish()))
from collections import OrderedDict, defaultdict
print(mapping(OrderedDict(type="point", x=0, y=0)), mapping(defaultdict(int, {"type": "circle", "r": 1})))
try:
    exec('match {"a": 1}:\n    case {"a": 1, "a": 2}:\n        pass\n')
except SyntaxError as e:
    print("SyntaxError:", e.msg)

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
@dataclass
class Circle:
    center: Point
    radius: float
class Weird:
    __match_args__ = ("a", "b", "c")
    a = 1
class BadArgs:
    __match_args__ = "not a tuple"
class NoArgs:
    pass

def shape(s):
    match s:
        case Point(0, 0):
            return "origin"
        case Point(x, 0) | Point(0, x):
            return f"on axis at {x}"
        case Point(x=x, y=y) if x == y:
            return f"diagonal {x}"
        case Point(x, y=yy):
            return f"point {x},{yy}"
        case Circle(Point(x, y), radius=r) if r > 10:
            return f"big circle at {x},{y}"
        case Circle(center=c, radius=r):
            return f"circle r={r} center.x={c.x}"
        case int(i) | float(i):
            return f"number {i}"
        case str(s) | bytes(s):
            return f"text {s!r}"
        case list([x, *_]) | tuple((x, *_)):
            return f"sequence starting {x}"
        case dict({"k": v}):
            return f"dict with k={v}"
        case bool(b):
            return f"bool {b}"
        case _:
            return "unknown"
for s in (Point(0, 0), Point(3, 0), Point(0, 4), Point(2, 2), Point(1, 5), Circle(Point(1, 2), 20), Circle(Point(7, 8), 3),
          5, 2.5, True, "s", b"b", [9, 8], (7,), {"k": "v"}, None, []):
    print(type(s).__name__, "->", shape(s))

for subject, pattern_src in ((Point(1, 2), "Point(1, 2, 3)"), (Weird(), "Weird(1, b)"), (BadArgs(), "BadArgs(1)"),
                             (NoArgs(), "NoArgs(1)"), (Point(1, 2), "Point(1, x=1)"), (5, "int(1, 2)"),
                             (Point(1, 2), "len(1)"), (Point(1, 2), "Point(x=1, x=2)")):
    src = f"match subject:\n    case {pattern_src}:\n        r = 'matched'\n    case _:\n        r = 'nope'\n"
    ns = {"subject": subject, "Point": Point, "Weird": Weird, "BadArgs": BadArgs, "NoArgs": NoArgs}
    try:
        exec(src, ns)
        print(pattern_src, "->", ns["r"])
    except (TypeError, SyntaxError, AttributeError) as e:
        print(pattern_src, "->", type(e).__name__ + ":", e)

class Tracer:
    __match_args__ = ("a",)
    @property
    def a(self):
        print("  property a accessed")
        return 1
    @property
    def b(self):
        print("  property b accessed")
        raise AttributeError("b missing")
match Tracer():
    case Tracer(1, b=2):
        print("matched with b")
    case Tracer(1):
        print("matched without b")

def ast_eval(node):
    match node:
        case ("num", n):
            return n
        case ("add", l, r):
            return ast_eval(l) + ast_eval(r)
        case ("mul", l, r):
            return ast_eval(l) * ast_eval(r)
        case ("neg", e):
            return -ast_eval(e)
        case {"op": "pow", "args": [b, e]}:
            return ast_eval(b) ** ast_eval(e)
        case other:
            raise ValueError(f"bad node {other!r}")
expr = ("add", ("num", 2), ("mul", ("num", 3), ("neg", {"op": "pow", "args": [("num", 2), ("num", 5)]})))
print(ast_eval(expr))
try:
    ast_eval(("div", 1, 2))
except ValueError as e:
    print("ValueError:", e)
