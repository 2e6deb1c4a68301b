# A small tokenizer, recursive-descent parser and stack VM written in
# Python: a realistic mix of classes, closures, dicts, exceptions and loops.
import re

TOKEN = re.compile(r"\s*(?:(\d+\.?\d*)|(\w+)|(==|!=|<=|>=|[-+*/%()<>=;{},]))")

class Tok:
    __slots__ = ("kind", "val")
    def __init__(self, kind, val):
        self.kind, self.val = kind, val
    def __repr__(self):
        return f"{self.kind}:{self.val}"

def tokenize(src):
    pos, out = 0, []
    src = src.rstrip()
    while pos < len(src):
        m = TOKEN.match(src, pos)
        if not m:
            raise SyntaxError(f"bad char {src[pos]!r} at {pos}")
        num, name, op = m.groups()
        if num:
            out.append(Tok("num", float(num) if "." in num else int(num)))
        elif name:
            out.append(Tok("kw" if name in ("while", "if", "else", "print", "def", "return") else "name", name))
        else:
            out.append(Tok("op", op))
        pos = m.end()
    out.append(Tok("eof", None))
    return out

class Parser:
    PREC = {"==": 1, "!=": 1, "<": 2, ">": 2, "<=": 2, ">=": 2, "+": 3, "-": 3, "*": 4, "/": 4, "%": 4}
    def __init__(self, toks):
        self.toks, self.i = toks, 0
    def peek(self):
        return self.toks[self.i]
    def next(self):
        t = self.toks[self.i]
        self.i += 1
        return t
    def expect(self, val):
        t = self.next()
        if t.val != val:
            raise SyntaxError(f"expected {val!r}, got {t.val!r}")
        return t
    def program(self):
        stmts = []
        while self.peek().kind != "eof" and self.peek().val != "}":
            stmts.append(self.statement())
        return stmts
    def block(self):
        self.expect("{")
        body = self.program()
        self.expect("}")
        return body
    def statement(self):
        t = self.peek()
        if t.val == "while":
            self.next()
            cond = self.expr(0)
            return ("while", cond, self.block())
        if t.val == "if":
            self.next()
            cond = self.expr(0)
            then = self.block()
            other = []
            if self.peek().val == "else":
                self.next()
                other = self.block()
            return ("if", cond, then, other)
        if t.val == "print":
            self.next()
            e = self.expr(0)
            self.expect(";")
            return ("print", e)
        if t.kind == "name" and self.toks[self.i + 1].val == "=":
            self.next(); self.next()
            e = self.expr(0)
            self.expect(";")
            return ("assign", t.val, e)
        e = self.expr(0)
        self.expect(";")
        return ("expr", e)
    def expr(self, min_prec):
        left = self.atom()
        while True:
            t = self.peek()
            p = self.PREC.get(t.val)
            if t.kind != "op" or p is None or p <= min_prec - 1 or p < min_prec:
                return left
            self.next()
            right = self.expr(p + 1)
            left = ("bin", t.val, left, right)
    def atom(self):
        t = self.next()
        if t.kind == "num":
            return ("num", t.val)
        if t.kind == "name":
            return ("var", t.val)
        if t.val == "(":
            e = self.expr(0)
            self.expect(")")
            return e
        if t.val == "-":
            return ("neg", self.atom())
        raise SyntaxError(f"unexpected {t!r}")

def compile_ast(stmts, code):
    def emit(*ins):
        code.append(ins)
        return len(code) - 1
    def cexpr(e):
        match e:
            case ("num", v):
                emit("push", v)
            case ("var", n):
                emit("load", n)
            case ("neg", x):
                cexpr(x); emit("neg")
            case ("bin", op, l, r):
                cexpr(l); cexpr(r); emit("bin", op)
    for s in stmts:
        match s:
            case ("assign", n, e):
                cexpr(e); emit("store", n)
            case ("print", e):
                cexpr(e); emit("print")
            case ("expr", e):
                cexpr(e); emit("pop")
            case ("while", cond, body):
                top = len(code)
                cexpr(cond)
                j = emit("jz", None)
                compile_ast(body, code)
                emit("jmp", top)
                code[j] = ("jz", len(code))
            case ("if", cond, then, other):
                cexpr(cond)
                j = emit("jz", None)
                compile_ast(then, code)
                k = emit("jmp", None)
                code[j] = ("jz", len(code))
                compile_ast(other, code)
                code[k] = ("jmp", len(code))
    return code

OPS = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a / b,
       "%": lambda a, b: a % b, "<": lambda a, b: int(a < b), ">": lambda a, b: int(a > b),
       "<=": lambda a, b: int(a <= b), ">=": lambda a, b: int(a >= b), "==": lambda a, b: int(a == b),
       "!=": lambda a, b: int(a != b)}

class VMError(Exception):
    pass

def run(code, limit=200000):
    stack, env, pc, steps, out = [], {}, 0, 0, []
    while pc < len(code):
        steps += 1
        if steps > limit:
            raise VMError("step limit")
        op, *args = code[pc]
        pc += 1
        if op == "push":
            stack.append(args[0])
        elif op == "load":
            try:
                stack.append(env[args[0]])
            except KeyError:
                raise VMError(f"undefined variable {args[0]}") from None
        elif op == "store":
            env[args[0]] = stack.pop()
        elif op == "bin":
            b, a = stack.pop(), stack.pop()
            try:
                stack.append(OPS[args[0]](a, b))
            except ZeroDivisionError as e:
                raise VMError(f"division by zero at pc={pc - 1}") from e
        elif op == "neg":
            stack.append(-stack.pop())
        elif op == "print":
            out.append(stack.pop())
        elif op == "pop":
            stack.pop()
        elif op == "jz":
            if not stack.pop():
                pc = args[0]
        elif op == "jmp":
            pc = args[0]
    return out, steps, dict(sorted(env.items()))

PROGRAMS = [
    "x = 1; y = 0; while x <= 100 { y = y + x * x; x = x + 1; } print y;",
    "a = 0; b = 1; n = 0; while n < 50 { t = a + b; a = b; b = t; n = n + 1; } print a;",
    "n = 97; d = 2; p = 1; while d * d <= n { if n % d == 0 { p = 0; } d = d + 1; } print p;",
    "i = 0; while i < 10 { if i % 3 == 0 { print i; } else { print -i; } i = i + 1; }",
    "x = 7 / 2; print x; print 2 + 3 * 4 - (5 - 1) * 2; print 10 % 4 == 2;",
    "print undefined_var;",
    "x = 1; print x / (x - 1);",
    "while 1 { }",
    "x = (1 + ;",
    "x = 1 $ 2;",
]
for src in PROGRAMS:
    try:
        toks = tokenize(src)
        ast = Parser(toks).program()
        code = compile_ast(ast, [])
        out, steps, env = run(code)
        print(f"ok  len(code)={len(code)} steps={steps} out={out} env={env}")
    except (SyntaxError, VMError) as e:
        cause = f" (cause: {e.__cause__!r})" if e.__cause__ else ""
        print(f"err {type(e).__name__}: {e}{cause}")
