"""Regular expressions: compile, search, findall, sub and split with re.

A synthetic log is generated deterministically and scanned with a set of
patterns (dates, IPv4 addresses, e-mail addresses, key=value pairs,
quoted strings), rewritten with a callback substitution and split into
fields. Mostly time in the sre engine, with Python callbacks.
"""
import re

from _util import scaled, equal, Lcg

UNIT = {"loops": 8, "lines": 800}

_WORDS = ["alpha", "beta", "gamma", "delta", "omega", "user", "login", "error",
          "warn", "kernel", "disk", "net", "cache", "queue", "retry"]


def make_log(n):
    rng = Lcg(7)
    lines = []
    for i in range(n):
        w = [_WORDS[rng.below(len(_WORDS))] for _ in range(4)]
        lines.append('2024-%02d-%02d %02d:%02d:%02d host%d 10.%d.%d.%d %s: %s=%d %s="%s %s" mail=%s.%s@example.com'
                     % (1 + rng.below(12), 1 + rng.below(28), rng.below(24), rng.below(60),
                        rng.below(60), rng.below(9), rng.below(256), rng.below(256),
                        rng.below(256), w[0].upper(), w[1], rng.below(10000), w[2], w[3],
                        w[0], w[1], w[2]))
    return "\n".join(lines)


def benchmark(n):
    text = make_log(n)
    date = re.compile(r"(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)")
    ipv4 = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")
    email = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
    kv = re.compile(r"(\w+)=(\d+)")
    quoted = re.compile(r'(\w+)="([^"]*)"')
    level = re.compile(r"^\S+ \S+ \S+ \S+ (ERROR|WARN|KERNEL):", re.M)
    months = [0] * 13
    for m in date.finditer(text):
        months[int(m.group(2))] += 1
    ips = len(ipv4.findall(text))
    mails = len(email.findall(text))
    kv_sum = sum(int(v) for _k, v in kv.findall(text))
    quoted_len = sum(len(v) for _k, v in quoted.findall(text))
    levels = len(level.findall(text))
    swapped = kv.sub(lambda m: "%s:%x" % (m.group(1)[::-1], int(m.group(2))), text)
    fields = 0
    for line in swapped.splitlines():
        fields += len(re.split(r"[\s=:]+", line))
    return tuple(months), ips, mails, kv_sum, quoted_len, levels, len(swapped), fields


def run(unit_scale=1):
    results = set()
    for _ in range(scaled(UNIT["loops"], unit_scale)):
        results.add(benchmark(UNIT["lines"]))
    return results


def check(result):
    months = (0, 65, 71, 67, 64, 67, 63, 75, 56, 68, 66, 59, 79)
    lines = UNIT["lines"]
    equal(result, {(months, lines, lines, 3865875, 8257, 158, 83102, 11200)}, "regex summary")
