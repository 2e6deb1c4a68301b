"""Polymorphism: an expression tree of nine node classes, evaluated,
printed and measured by methods that recurse through the children.

Every child call (`self.left.eval(env)`, `c.size()`) and every read of a
node's attributes through a generic helper sees all the node classes at
one site: more classes than a polymorphic inline cache holds, the shape
of AST visitors, plugin dispatch and serializers. Exact integer results.
"""
from _util import scaled, equal

UNIT = {"loops": 16, "n": 2500}


class Node(object):
    kind = "node"

    def children(self):
        return ()

    def size(self):
        n = 1
        for c in self.children():
            n += c.size()
        return n

    def depth(self):
        d = 0
        for c in self.children():
            cd = c.depth()
            if cd > d:
                d = cd
        return d + 1


class Num(Node):
    kind = "num"

    def __init__(self, v):
        self.v = v

    def eval(self, env):
        return self.v

    def show(self):
        return str(self.v)


class Var(Node):
    kind = "var"

    def __init__(self, name):
        self.name = name

    def eval(self, env):
        return env[self.name]

    def show(self):
        return self.name


class Binary(Node):
    def __init__(self, left, right):
        self.left = left
        self.right = right

    def children(self):
        return (self.left, self.right)

    def show(self):
        return "(" + self.left.show() + self.op + self.right.show() + ")"


class Add(Binary):
    kind, op = "add", "+"

    def eval(self, env):
        return self.left.eval(env) + self.right.eval(env)


class Sub(Binary):
    kind, op = "sub", "-"

    def eval(self, env):
        return self.left.eval(env) - self.right.eval(env)


class Mul(Binary):
    kind, op = "mul", "*"

    def eval(self, env):
        return (self.left.eval(env) * self.right.eval(env)) % 100003


class Mod(Binary):
    kind, op = "mod", "%"

    def eval(self, env):
        return self.left.eval(env) % (abs(self.right.eval(env)) + 1)


class Neg(Node):
    kind = "neg"

    def __init__(self, arg):
        self.arg = arg

    def children(self):
        return (self.arg,)

    def eval(self, env):
        return -self.arg.eval(env)

    def show(self):
        return "-" + self.arg.show()


class Cond(Node):
    kind = "cond"

    def __init__(self, test, then, other):
        self.test = test
        self.then = then
        self.other = other

    def children(self):
        return (self.test, self.then, self.other)

    def eval(self, env):
        if self.test.eval(env) > 0:
            return self.then.eval(env)
        return self.other.eval(env)

    def show(self):
        return self.then.show() + "?" + self.test.show() + ":" + self.other.show()


def build(seed, depth):
    """A deterministic tree (a linear congruential generator picks each node)."""
    state = [seed]

    def rnd(k):
        state[0] = (state[0] * 1103515245 + 12345) & 0x7FFFFFFF
        return state[0] % k

    def node(d):
        if d == 0:
            return Num(rnd(50)) if rnd(3) else Var("xyz"[rnd(3)])
        r = rnd(8)
        if r == 0:
            return Neg(node(d - 1))
        if r == 1:
            return Cond(node(d - 1), node(d - 1), node(d - 1))
        if r == 2:
            return Num(rnd(50))
        cls = (Add, Sub, Mul, Mod, Add)[r - 3]
        return cls(node(d - 1), node(d - 1))
    return node(depth)


def census(tree):
    """Count the nodes by kind, reading `kind` through one generic site."""
    counts = {}
    todo = [tree]
    while todo:
        n = todo.pop()
        counts[n.kind] = counts.get(n.kind, 0) + 1
        todo.extend(n.children())
    return tuple(sorted(counts.items()))


def benchmark(n):
    trees = [build(s, 6) for s in range(8)]
    total = 0
    for i in range(n):
        t = trees[i & 7]
        env = {"x": i, "y": i * 3 - 7, "z": 11 - i}
        total += t.eval(env)
    shape = 0
    text = 0
    for t in trees:
        shape += t.size() * 100 + t.depth()
        text += len(t.show())
    return total, shape, text, census(trees[0])


def run(unit_scale=1):
    results = set()
    for _ in range(scaled(UNIT["loops"], unit_scale)):
        results.add(benchmark(UNIT["n"]))
    return results


def check(result):
    equal(result, {(49803606, 70050, 1325, (("add", 15), ("cond", 24), ("mod", 11), ("mul", 1),
                                            ("neg", 16), ("num", 64), ("sub", 12), ("var", 24)))},
          "polymorphism (eval total, size and depth, text length, census)")
