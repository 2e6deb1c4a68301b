# dataclasses and enum: generated __init__/__repr__/__eq__/ordering/hash,
# frozen errors, field defaults and factories, __post_init__, enum members,
# aliases, Flag operations, auto(), lookup errors.
import dataclasses
from dataclasses import dataclass, field
import enum

@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list)
    qty: int = field(default=1, repr=False)
    def total(self):
        return self.price * self.qty
a = Item("apple", 1.5)
b = Item("apple", 1.5)
print(a, a == b, a is b, a.total(), dataclasses.asdict(a), dataclasses.astuple(a))
a.tags.append("fruit")
print(a, b.tags, [f.name for f in dataclasses.fields(Item)])
try:
    Item()
except TypeError as e:
    print("TypeError:", e)
try:
    Item("x", 1, [], 2, 3)
except TypeError as e:
    print("TypeError:", e)
print(dataclasses.replace(a, price=2.0))

@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0
vs = [Version(1, 2), Version(1, 0, 5), Version(0, 9), Version(1, 2, 1)]
print(sorted(vs), max(vs), Version(1) < Version(1, 0, 1), hash(Version(1)) == hash(Version(1)))
try:
    vs[0].major = 5
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
try:
    del vs[0].minor
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError:", e)

@dataclass
class WithPost:
    w: int
    h: int
    area: int = field(init=False)
    def __post_init__(self):
        self.area = self.w * self.h
print(WithPost(3, 4))
try:
    @dataclass
    class BadOrder:
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class MutableDefault:
        a: list = []
except ValueError as e:
    print("ValueError:", e)

@dataclass(slots=True, kw_only=True)
class KW:
    x: int
    y: int = 2
print(KW(x=1), hasattr(KW(x=1), "__dict__"), KW.__slots__)
try:
    KW(1)
except TypeError as e:
    print("TypeError:", e)
@dataclass
class Node:
    value: int
    children: list["Node"] = field(default_factory=list)
tree = Node(1, [Node(2), Node(3, [Node(4)])])
print(tree)
print(dataclasses.asdict(tree))

class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
print(Color.RED, repr(Color.GREEN), Color(2), Color["BLUE"], Color.CRIMSON is Color.RED, list(Color), len(Color))
print(Color.RED.name, Color.RED.value, Color.RED in Color, isinstance(Color.RED, Color), Color.__members__.keys())
try:
    Color(9)
except ValueError as e:
    print("ValueError:", e)
try:
    Color["PURPLE"]
except KeyError as e:
    print("KeyError:", e)
try:
    Color.RED = 5
except AttributeError as e:
    print("AttributeError:", e)

class Perm(enum.Flag):
    R = enum.auto()
    W = enum.auto()
    X = enum.auto()
rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, ~Perm.R, rw & Perm.W, list(rw), Perm(0), bool(Perm(0)))
class Level(enum.IntEnum):
    LOW = 10
    HIGH = 20
print(Level.LOW < Level.HIGH, Level.LOW + 1, sorted([Level.HIGH, Level.LOW]), int(Level.HIGH), f"{Level.LOW}", str(Level.LOW))
class Shape(str, enum.Enum):
    CIRCLE = "circle"
    SQUARE = "square"
    def describe(self):
        return f"{self.name.lower()} shape"
print(Shape.CIRCLE == "circle", Shape("square"), Shape.SQUARE.describe(), Shape.CIRCLE.upper())
class Auto(enum.Enum):
    A = enum.auto()
    B = enum.auto()
    @property
    def double(self):
        return self.value * 2
print([(m.name, m.value, m.double) for m in Auto])
@enum.unique
class Uniq(enum.Enum):
    ONE = 1
try:
    @enum.unique
    class NotUniq(enum.Enum):
        ONE = 1
        UNO = 1
except ValueError as e:
    print("ValueError:", e)
def match_color(c):
    match c:
        case Color.RED:
            return "red!"
        case Color.GREEN | Color.BLUE:
            return "cool"
print([match_color(c) for c in Color])
Dyn = enum.Enum("Dyn", "X Y Z")
print(list(Dyn), Dyn.Y.value)
