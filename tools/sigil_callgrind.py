"""Per-instruction callgrind counts of a bench workload, and the binary's
instructions by address: shared by tools/sigil-padding (alignment no-ops)
and tools/sigil-atomics (atomic read-modify-writes). Stdlib only; needs
valgrind and binutils (objdump, addr2line)."""
import collections
import contextlib
import os
import re
import shutil
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COST = re.compile(r"^(0x[0-9a-f]+|\+\d+|-\d+|\*)\s+\S+\s+(\d+)")


@contextlib.contextmanager
def profile_dir(keep, prefix):
    """The directory a tool writes its profiles to: `keep` (created if
    needed, left in place) or a new temporary one, removed on the way out,
    also when a run failed and the tool exits."""
    path = keep or tempfile.mkdtemp(prefix=prefix)
    os.makedirs(path, exist_ok=True)
    try:
        yield path
    finally:
        if not keep:
            shutil.rmtree(path, ignore_errors=True)


def disassemble(binary):
    """{address: (function, instruction text)} of the binary (objdump -d)."""
    dis = subprocess.run(["objdump", "-d", "--no-show-raw-insn", binary],
                         capture_output=True, text=True, check=True).stdout
    out = {}
    fn = ""
    for line in dis.splitlines():
        m = re.match(r"^[0-9a-f]+ <(.*)>:$", line)
        if m:
            fn = m.group(1)
            continue
        m = re.match(r"^\s+([0-9a-f]+):\s+(.*)$", line)
        if m:
            out[int(m.group(1), 16)] = (fn, m.group(2).split("#")[0].strip())
    return out


def outside_text(binary):
    """[(start, end)] of the binary's executable sections other than .text
    (runtime/sigil_layout.ld puts Sigil's code in .text.sigil). Valgrind
    knows only .text as the object's code: it files the instructions of
    the others under an unnamed object ("???") at their run-time
    addresses, where the rest of the binary's are given as in the file."""
    out = subprocess.run(["readelf", "-SW", binary], capture_output=True, text=True,
                         check=True).stdout
    ranges = []
    for m in re.finditer(r"\]\s+(\.\S+)\s+PROGBITS\s+([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)"
                         r"\s+\S+\s+(\S*X\S*)", out):
        if m.group(1) not in (".text", ".init", ".fini", ".plt", ".plt.got", ".plt.sec"):
            start = int(m.group(2), 16)
            ranges.append((start, start + int(m.group(3), 16)))
    return ranges


def function_addresses(binary):
    """{name: address} of the binary's defined functions (nm)."""
    out = subprocess.run(["nm", "--defined-only", binary], capture_output=True, text=True,
                         check=True).stdout
    syms = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in "Tt":
            syms.setdefault(parts[2], int(parts[0], 16))
    return syms


def compressed_name(line, table):
    """(key, name) of a callgrind "key=(id) name" or "key=(id)" line: a
    name is given once with its id (in either the plain or the c- form of
    the key) and later lines give the id alone; `table` keeps the ids."""
    key, _, rest = line.rstrip("\n").partition("=")
    m = re.match(r"\((\d+)\)(?: (.*))?$", rest)
    if not m:
        return key, rest.strip()
    if m.group(2):
        table[m.group(1)] = m.group(2)
    return key, table.get(m.group(1), "")


def instr_costs(path, binary):
    """Per-address self cost of a callgrind --dump-instr=yes profile:
    `binary`'s own addresses in `mine`, every other object's summed in
    `other` (their addresses could coincide with the binary's). With the
    event Ir, an instruction's cost is how often it ran. Instructions that
    valgrind filed under an unnamed object are the binary's when, moved by
    the binary's load address, they fall in one of its executable sections
    outside .text (see outside_text); the load address is found from the
    functions there: a called function's entry is the lowest address that
    ran under its name, so entry minus the file's address of that name is
    the load address (the most common difference wins)."""
    cnt = collections.Counter()
    unnamed = collections.Counter()
    entry = {}          # function -> lowest address run under it, unnamed object
    other = 0
    names = {}
    fn_names = {}
    fn = ""
    where = "other"     # "mine", "unnamed" or "other": the object of the cost lines
    addr = 0
    after_call = False
    real = os.path.realpath(binary)
    with open(path) as f:
        for line in f:
            if line.startswith(("ob=", "cob=")):
                # Only ob= moves; cob= may define an id ob= uses later.
                key, name = compressed_name(line, names)
                if key == "ob":
                    if name and os.path.realpath(name) == real:
                        where = "mine"
                    elif name in ("???", ""):
                        where = "unnamed"
                    else:
                        where = "other"
                continue
            if line.startswith(("fn=", "cfn=")):
                key, name = compressed_name(line, fn_names)
                if key == "fn":
                    fn = name
                continue
            if line.startswith("calls="):
                after_call = True   # the next cost line is the call's inclusive cost
                continue
            m = COST.match(line)
            if not m:
                continue
            a = m.group(1)
            if a.startswith("0x"):
                addr = int(a, 16)
            elif a[0] in "+-":
                addr += int(a)
            if after_call:
                after_call = False
                continue
            if where == "mine":
                cnt[addr] += int(m.group(2))
            elif where == "unnamed":
                unnamed[addr] += int(m.group(2))
                if fn and (fn not in entry or addr < entry[fn]):
                    entry[fn] = addr
            else:
                other += int(m.group(2))
    if unnamed:
        ranges = outside_text(binary)
        syms = function_addresses(binary) if ranges else {}
        diffs = collections.Counter(entry[f] - syms[f] for f in entry if f in syms)
        bias = diffs.most_common(1)[0][0] if diffs else None
        for a, c in unnamed.items():
            if bias is not None and any(lo <= a - bias < hi for lo, hi in ranges):
                cnt[a - bias] += c
            else:
                other += c
    return cnt, other


def profile_workload(python, mode, workload, scale, path):
    """Run one repetition of a bench workload (one thread, no warm-up,
    PYTHONHASHSEED=0) under callgrind --dump-instr=yes into `path`; None on
    success, else the error text."""
    cmd = ["valgrind", "--tool=callgrind", "--dump-instr=yes", "--callgrind-out-file=" + path,
           python, "-X", "sigil=" + mode, os.path.join(ROOT, "bench/workloads/_harness.py"),
           "--workload", workload, "--threads", "1", "--repeat", "1", "--warmup", "0",
           "--scale", scale]
    try:
        r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                           env=dict(os.environ, PYTHONHASHSEED="0"))
    except OSError as e:
        return "cannot run valgrind: %s" % e
    if r.returncode != 0 or not os.path.exists(path):
        return r.stderr[-2000:]
    return None


def source_chain(binary, addrs):
    """{address: [(function, file:line), ...]} innermost first, inlined
    frames included (addr2line -i -f)."""
    out = {}
    for a in addrs:
        r = subprocess.run(["addr2line", "-i", "-f", "-e", binary, hex(a)],
                           capture_output=True, text=True)
        lines = r.stdout.splitlines()
        out[a] = [(lines[i], os.path.basename(lines[i + 1]))
                  for i in range(0, len(lines) - 1, 2)]
    return out
