"""String building: concatenation, join, formatting and str methods.

A report is built three ways (+= in a loop, list + join, io.StringIO),
with %-formatting, str.format and f-strings, then transformed with
split/replace/upper/strip/find. The result is the lengths and a CRC-32
of the text, which are exact.
"""
import io
import zlib

from _util import scaled, equal

UNIT = {"loops": 24, "rows": 3000}


def benchmark(rows):
    s = ""
    for i in range(rows):
        s += "row %d: %s\n" % (i, "x" * (i % 9))
    parts = []
    for i in range(rows):
        parts.append("{0:>6}|{1:<8}|{2:08.3f}".format(i, "n%d" % (i * 7), i / 7.0))
    joined = "\n".join(parts)
    buf = io.StringIO()
    for i in range(rows):
        name = "item%d" % i
        buf.write(f"{name}={i * i:x};")
    streamed = buf.getvalue()
    words = joined.split("|")
    upper = 0
    for w in words[:2000]:
        t = w.strip().replace("n", "N").upper()
        upper += len(t) + t.find("N")
    csv = ",".join(str(i) for i in range(rows))
    back = sum(int(x) for x in csv.split(","))
    text = s + joined + streamed
    return (len(s), len(joined), len(streamed), upper, back,
            zlib.crc32(text.encode("utf-8")) & 0xFFFFFFFF)


def run(unit_scale=1):
    results = set()
    for _ in range(scaled(UNIT["loops"], unit_scale)):
        results.add(benchmark(UNIT["rows"]))
    return results


def check(result):
    equal(result, {(43881, 74999, 45526, 18826, 4498500, 4101577060)}, "strings")
