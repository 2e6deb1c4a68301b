"""JSON: encode and decode a nested document with the json module.

Compact dumps (C accelerator), indented dumps (the pure-Python encoder),
sort_keys, and loads of both; each round trip must give back the original
document. Mostly time in the json package and in dict/list/str building.
"""
import json

from _util import scaled, equal

UNIT = {"loops": 45, "records": 150}


def make_document(n):
    records = []
    for i in range(n):
        records.append({
            "id": i,
            "name": "user-%04d" % i,
            "email": "user%d@example.org" % i,
            "active": i % 3 != 0,
            "score": i * 1.25,
            "tags": ["t%d" % (i % 7), "g%d" % (i % 5), "caf\u00e9" if i % 11 == 0 else "x"],
            "address": {"street": "%d Main St" % (i * 7), "zip": "%05d" % (i * 37 % 100000),
                        "geo": [i / 8.0, -i / 16.0]},
            "history": [{"t": j, "v": (i * j) % 97} for j in range(i % 6)],
            "note": None if i % 4 else "line1\nline2\t\"quoted\"",
        })
    return {"version": 3, "generated": "2024-06-01T00:00:00Z", "records": records}


def benchmark(n):
    doc = make_document(n)
    compact = json.dumps(doc, separators=(",", ":"))
    pretty = json.dumps(doc, indent=1, sort_keys=True)
    ascii_off = json.dumps(doc, ensure_ascii=False)
    back1 = json.loads(compact)
    back2 = json.loads(pretty)
    back3 = json.loads(ascii_off)
    ok = back1 == doc and back2 == doc and back3 == doc
    return ok, len(compact), len(pretty), len(ascii_off)


def run(unit_scale=1):
    results = set()
    for _ in range(scaled(UNIT["loops"], unit_scale)):
        results.add(benchmark(UNIT["records"]))
    return results


def check(result):
    equal(result, {(True, 37034, 62896, 42243)}, "json (round trip, lengths)")
