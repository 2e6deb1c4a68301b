# Pure-Python stdlib code running on the evaluator: json, re, collections,
# itertools, functools, heapq, bisect, textwrap, string, statistics,
# fractions, decimal, difflib, pprint, csv, io, struct, datetime arithmetic.
import json, re, collections, itertools, functools, heapq, bisect, textwrap, string
import statistics, fractions, decimal, difflib, pprint, csv, io, struct, datetime, operator

data = {"name": "sigil", "nums": [1, 2.5, -3], "nested": {"ok": True, "none": None}, "text": "é\n\"q\""}
s = json.dumps(data, sort_keys=True, indent=2)
print(s)
print(json.loads(s) == data, json.dumps([1, "a"], separators=(",", ":")))
try:
    json.loads("{bad json}")
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e)
print(re.findall(r"(\w+)=(\d+)", "a=1, bb=22, ccc=333"), re.sub(r"\s+", " ", "a   b \t c"), re.split(r"[,;]", "x,y;z"))
m = re.match(r"(?P<year>\d{4})-(?P<month>\d\d)", "2024-05-17")
print(m.group("year"), m.groupdict(), m.span(), bool(re.fullmatch(r"[a-z]+", "abc1")))
c = collections.Counter("abracadabra")
print(c.most_common(3), sorted(c.elements())[:6], c["z"])
dq = collections.deque(range(5), maxlen=4)
dq.appendleft(-1)
dq.rotate(2)
print(dq, dq.pop(), dq.popleft())
dd = collections.defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    dd[k].append(v)
print(dict(dd))
P = collections.namedtuple("P", "x y", defaults=[0])
p = P(1)
print(p, p._replace(y=5), p._asdict(), P._fields, p.x + p[1])
od = collections.OrderedDict.fromkeys("abc")
od.move_to_end("a")
print(list(od), collections.ChainMap({"a": 1}, {"a": 2, "b": 3})["b"])
print(list(itertools.permutations("abc", 2)), list(itertools.combinations(range(4), 3)))
print(list(itertools.product("ab", repeat=2)), list(itertools.accumulate([1, 2, 3, 4], operator.mul)))
print([(k, list(g)) for k, g in itertools.groupby("aaabccdd")], list(itertools.chain.from_iterable([[1], [2, 3]])))
print(list(itertools.zip_longest("ab", "xyz", fillvalue="-")), list(itertools.islice(itertools.count(10, 5), 4)), list(itertools.batched(range(7), 3)))
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.compress("abcdef", [1, 0, 1, 0, 1, 1])), list(itertools.pairwise("abcd")))
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(100), fib.cache_info())
@functools.singledispatch
def describe(x):
    return "object"
@describe.register
def _(x: int):
    return "int"
@describe.register(list)
def _(x):
    return "list"
print(describe(1), describe([]), describe("s"), describe(True))
@functools.total_ordering
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(1))
h = [5, 1, 8, 3, 9, 2]
heapq.heapify(h)
print([heapq.heappop(h) for _ in range(3)], heapq.nlargest(2, [4, 9, 1, 7]), list(heapq.merge([1, 4], [2, 3])))
arr = [1, 3, 3, 5, 8]
print(bisect.bisect_left(arr, 3), bisect.bisect_right(arr, 3), bisect.bisect(arr, 10))
bisect.insort(arr, 4)
print(arr)
print(textwrap.fill("The quick brown fox jumps over the lazy dog " * 3, width=30))
print(textwrap.dedent("    a\n      b\n    c"), textwrap.shorten("hello world foo bar", 12))
print(string.Template("$who likes ${what}").substitute(who="tim", what="kung pao"), string.capwords("hello  world"))
print(statistics.mean([1, 2, 3, 4]), statistics.median([3, 1, 2]), statistics.stdev([2, 4, 4, 4, 5, 5, 7, 9]), statistics.mode("aabbbc"))
F = fractions.Fraction
print(F(1, 3) + F(1, 6), F("3.1415"), F(2.5), F(7, 3).limit_denominator(2), F(1, 3) ** 2, float(F(1, 8)))
try:
    F(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
D = decimal.Decimal
decimal.getcontext().prec = 30
print(D(1) / D(7), D("1.10") + D("2.20"), D("1.0").quantize(D("0.001")), D(2).sqrt(), D("-0"), D("NaN").is_nan())
try:
    D("x")
except decimal.InvalidOperation:
    print("InvalidOperation")
print("".join(difflib.unified_diff(["a\n", "b\n", "c\n"], ["a\n", "x\n", "c\n"], "old", "new")), end="")
print(difflib.SequenceMatcher(None, "abcd", "bcde").ratio(), difflib.get_close_matches("appel", ["ape", "apple", "peach"]))
pprint.pprint({"k%d" % i: list(range(i)) for i in range(6)}, width=40)
buf = io.StringIO()
w = csv.writer(buf)
w.writerow(["a", "b,c", 'd"e'])
w.writerow([1, 2.5, None])
print(repr(buf.getvalue()))
print(list(csv.reader(io.StringIO(buf.getvalue()))))
packed = struct.pack("<iHd3s", -5, 65535, 1.5, b"abc")
print(packed.hex(), struct.unpack("<iHd3s", packed), struct.calcsize("<iHd3s"))
d1 = datetime.datetime(2024, 2, 28, 23, 30)
print(d1 + datetime.timedelta(hours=1), (datetime.date(2024, 3, 1) - datetime.date(2023, 3, 1)).days, d1.strftime("%A %j"), d1.isoformat())
print(datetime.timedelta(days=1, seconds=-1), datetime.date(2024, 1, 1).isocalendar(), datetime.datetime.fromisoformat("2020-01-02T03:04:05+01:00"))
