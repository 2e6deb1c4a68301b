"""Dict-heavy code: counting, grouping, merging and lookups.

Word frequencies with get() and setdefault(), grouping into nested dicts,
dict comprehensions, items()/keys() iteration, membership tests, deletes
and re-inserts (so tables resize), and tuple keys.
"""
from _util import scaled, equal, Lcg

UNIT = {"loops": 40, "words": 6000}

_SYLLABLES = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "qu", "ze"]


def make_words(n):
    rng = Lcg(99)
    out = []
    for _ in range(n):
        k = 1 + rng.below(3)
        out.append("".join(_SYLLABLES[rng.below(10)] for _ in range(k)))
    return out


def benchmark(words):
    freq = {}
    for w in words:
        freq[w] = freq.get(w, 0) + 1
    by_first = {}
    for w in words:
        by_first.setdefault(w[:2], {}).setdefault(len(w), []).append(w)
    lengths = {w: len(w) for w in freq}
    grid = {}
    for i, w in enumerate(words):
        grid[(i % 17, len(w))] = grid.get((i % 17, len(w)), 0) + freq[w]
    hits = 0
    for w in words:
        if w in lengths and (w + "x") not in lengths:
            hits += 1
    # Churn: delete half the keys and put them back.
    keys = sorted(freq)
    for k in keys[::2]:
        del freq[k]
    for k in keys[::2]:
        freq[k] = lengths[k]
    total = 0
    for k, v in freq.items():
        total += v * len(k)
    groups = sum(len(v) for d in by_first.values() for v in d.values())
    merged = dict(lengths)
    merged.update(grid)
    return len(freq), total, groups, sum(grid.values()), hits, len(merged)


def run(unit_scale=1):
    words = make_words(UNIT["words"])
    results = set()
    for _ in range(scaled(UNIT["loops"], unit_scale)):
        results.add(benchmark(words))
    return results


def check(result):
    equal(result, {(999, 27276, 6000, 460270, 6000, 1050)}, "dicts")
