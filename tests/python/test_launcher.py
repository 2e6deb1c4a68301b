"""sigil-python's command line: it must behave like python3.13t, plus the
engine switch (-X sigil= / PYTHON_SIGIL) and the stats-at-exit table."""
import os
import subprocess
import sys
import tempfile
import re
import textwrap
import unittest

PY = os.environ.get("SIGIL_PYTHON", sys.executable)
JIT_BUILT = os.environ.get("SIGIL_JIT_BUILT", "0") == "1"


def run(*args, env=None, input=None):
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON_SIGIL")}
    full_env.update(env or {})
    return subprocess.run([PY, *args], capture_output=True, text=True, env=full_env,
                          input=input, timeout=300)


class EngineSwitch(unittest.TestCase):
    def mode_of(self, *args, env=None):
        r = run(*args, "-c", "import sigil; print(sigil.info()['mode'])", env=env)
        self.assertEqual(r.returncode, 0, r.stderr)
        return r.stdout.strip()

    def test_default_mode(self):
        r = run("-c", "import sigil; i = sigil.info(); print(i['mode'], i['default_mode'])")
        self.assertEqual(r.returncode, 0, r.stderr)
        mode, default = r.stdout.split()
        self.assertEqual(mode, default)
        self.assertIn(mode, ("interp", "jit"))

    def test_x_option(self):
        self.assertEqual(self.mode_of("-X", "sigil=off"), "off")
        self.assertEqual(self.mode_of("-X", "sigil=interp"), "interp")
        self.assertEqual(self.mode_of("-Xsigil=off"), "off")

    def test_env(self):
        self.assertEqual(self.mode_of(env={"PYTHON_SIGIL": "off"}), "off")
        self.assertEqual(self.mode_of(env={"PYTHON_SIGIL": "interp"}), "interp")

    def test_x_wins_over_env(self):
        self.assertEqual(self.mode_of("-X", "sigil=off", env={"PYTHON_SIGIL": "interp"}), "off")
        self.assertEqual(self.mode_of("-X", "sigil=interp", env={"PYTHON_SIGIL": "off"}), "interp")

    def test_last_x_wins(self):
        self.assertEqual(self.mode_of("-X", "sigil=interp", "-X", "sigil=off"), "off")

    def test_E_ignores_env(self):
        self.assertNotEqual(self.mode_of("-E", env={"PYTHON_SIGIL": "off"}), "off")
        # A bad value in an ignored variable is not an error either.
        self.assertNotEqual(self.mode_of("-E", env={"PYTHON_SIGIL": "bogus"}), "off")

    def test_llvm_mapped_only_for_jit(self):
        # LLVM is loaded on first use: a process in mode off or interp never
        # maps it (it cost ~80 ms and ~50 MB at every start when linked in).
        probe = "print(any('libLLVM' in l for l in open('/proc/self/maps')))"
        for mode in ("off", "interp"):
            r = run("-X", f"sigil={mode}", "-c", probe)
            self.assertEqual((r.returncode, r.stdout.strip(), r.stderr), (0, "False", ""), mode)
        if JIT_BUILT:
            r = run("-X", "sigil=jit", "-c", probe)
            self.assertEqual((r.returncode, r.stdout.strip(), r.stderr), (0, "True", ""))

    @unittest.skipUnless(JIT_BUILT, "the build has no JIT module to lose")
    def test_jit_module_missing(self):
        missing = "/nonexistent-sigil-dir/libsigil-jit.so"
        env = {"PYTHON_SIGIL_JIT_MODULE": missing}
        r = run("-X", "sigil=jit", "-c", "print('ran')", env=env)
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stdout, "")
        self.assertIn("cannot load the JIT module", r.stderr)
        self.assertIn(missing, r.stderr)
        # The other modes do not need it, and say the JIT is unavailable.
        r = run("-X", "sigil=interp", "-c",
                "import sigil; i = sigil.info(); print(i['mode'], i['jit_available'])", env=env)
        self.assertEqual((r.returncode, r.stdout.split()), (0, ["interp", "False"]), r.stderr)
        # A file that is not a shared object: the loader's reason, exit 2.
        with tempfile.TemporaryDirectory() as d:
            bad = os.path.join(d, "libsigil-jit.so")
            with open(bad, "w") as f:
                f.write("not an ELF object\n")
            r = run("-X", "sigil=jit", "-c", "print('ran')", env={"PYTHON_SIGIL_JIT_MODULE": bad})
            self.assertEqual((r.returncode, r.stdout), (2, ""))
            self.assertIn("cannot load the JIT module: " + bad, r.stderr)

    def test_bad_x_value(self):
        for bad in ("bogus", "", "JIT", "interp "):
            r = run("-X", f"sigil={bad}", "-c", "print('ran')")
            self.assertEqual(r.returncode, 2, bad)
            self.assertEqual(r.stdout, "")
            lines = r.stderr.splitlines()
            self.assertEqual(len(lines), 1, r.stderr)
            self.assertIn("off, interp, jit", lines[0])
        r = run("-X", "sigil", "-c", "pass")
        self.assertEqual(r.returncode, 2)

    def test_bad_env_value(self):
        r = run("-c", "print('ran')", env={"PYTHON_SIGIL": "bogus"})
        self.assertEqual(r.returncode, 2)
        self.assertEqual(len(r.stderr.splitlines()), 1)
        self.assertIn("PYTHON_SIGIL", r.stderr)

    def test_jit_mode(self):
        r = run("-X", "sigil=jit", "-c", "import sigil; print(sigil.info()['mode'])")
        if JIT_BUILT:
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(r.stdout.strip(), "jit")
        else:
            self.assertEqual(r.returncode, 2)
            self.assertIn("no JIT", r.stderr)

    def test_other_x_options_untouched(self):
        r = run("-X", "sigil=interp", "-X", "foo=bar", "-c",
                "import sys; print(sys._xoptions['foo'], sys._xoptions['sigil'])")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.split(), ["bar", "interp"])


class BehavesLikePython(unittest.TestCase):
    def test_silent(self):
        # Many CPython tests require a child's stderr to be empty.
        for mode in ("off", "interp"):
            r = run("-X", f"sigil={mode}", "-c", "pass")
            self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "", ""))

    def test_free_threaded(self):
        r = run("-c", "import sys, threading; print(sys._is_gil_enabled()); "
                      "import sigil; print(sys._is_gil_enabled())")
        self.assertEqual(r.stdout.split(), ["False", "False"], r.stderr)

    def test_script_and_argv(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "prog.py")
            with open(path, "w") as f:
                f.write("import sys\nprint(sys.argv[1:])\nraise SystemExit(7)\n")
            r = run(path, "a", "b")
            self.assertEqual(r.returncode, 7)
            self.assertEqual(r.stdout.strip(), "['a', 'b']")

    def test_dash_m(self):
        r = run("-m", "json.tool", input='{"b": 1, "a": [1, 2]}')
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn('"a": [', r.stdout)

    def test_stdin_and_repl(self):
        r = run("-", input="print(6 * 7)\n")
        self.assertEqual(r.stdout.strip(), "42")
        r = run("-i", "-q", input="x = 5\nprint(x * 2)\n")
        self.assertIn("10", r.stdout)

    def test_extension_modules(self):
        r = run("-c", "import _ssl, _sqlite3, _ctypes, zlib, _decimal, _json, array, math; print('ok')")
        self.assertEqual(r.stdout.strip(), "ok", r.stderr)

    def test_uncaught_exception(self):
        r = run("-c", "def f():\n    1/0\nf()")
        self.assertEqual(r.returncode, 1)
        self.assertIn("ZeroDivisionError: division by zero", r.stderr)
        self.assertIn('line 2, in f', r.stderr)

    def test_help_and_version(self):
        r = run("--version")
        self.assertEqual(r.returncode, 0)
        self.assertIn("3.13", r.stdout)
        r = run("--bogus-option")
        self.assertEqual(r.returncode, 2)

    def test_venv(self):
        with tempfile.TemporaryDirectory() as d:
            env_dir = os.path.join(d, "venv")
            r = run("-m", "venv", "--without-pip", env_dir)
            self.assertEqual(r.returncode, 0, r.stderr)
            vpy = os.path.join(env_dir, "bin", "python")
            r = subprocess.run([vpy, "-c", "import sys, sigil; print(sys.prefix != sys.base_prefix, "
                                            "sigil.info()['installed'])"],
                               capture_output=True, text=True, timeout=120)
            self.assertEqual(r.stdout.split(), ["True", "True"], r.stderr)


class Stats(unittest.TestCase):
    def test_info_keys(self):
        r = run("-c", "import sigil, json; print(json.dumps(sigil.info()))")
        import json
        info = json.loads(r.stdout)
        for key in ("mode", "cpython_version", "flavor", "jit_available", "llvm_version",
                    "sigil_version", "free_threaded"):
            self.assertIn(key, info)
        self.assertTrue(info["cpython_version"].startswith("3.13"))
        self.assertTrue(info["free_threaded"])
        self.assertEqual(info["jit_available"], JIT_BUILT)
        if JIT_BUILT:
            self.assertTrue(info["llvm_version"].startswith("16."))
        else:
            self.assertIsNone(info["llvm_version"])

    def test_stats_count_frames(self):
        code = textwrap.dedent("""
            import sigil, threading
            def f(n):
                return n + 1
            sigil.reset_stats()
            s0 = sigil.stats()
            def worker():
                for i in range(1000):
                    f(i)
            ts = [threading.Thread(target=worker) for _ in range(4)]
            for t in ts: t.start()
            for t in ts: t.join()
            s1 = sigil.stats()
            print(s1['eval.frames_seen'] + s1['eval.frames_inlined']
                  - s0['eval.frames_seen'] - s0['eval.frames_inlined'] >= 4000)
            print(all(isinstance(v, int) and v >= 0 for v in s1.values()))
            print(s1['eval.frames_seen'] == s1['eval.frames_sigil'] + s1['eval.frames_fallback'])
        """)
        r = run("-X", "sigil=interp", "-c", code)
        self.assertEqual(r.stdout.split(), ["True", "True", "True"], r.stderr)

    def test_interp_runs_frames(self):
        # Mode interp runs untraced frames on Sigil's loop, and plain
        # Python-to-Python calls push frames without going through C.
        code = textwrap.dedent("""
            import sigil
            def fib(n):
                return n if n < 2 else fib(n - 1) + fib(n - 2)
            sigil.reset_stats()
            assert fib(15) == 610
            s = sigil.stats()
            # the loop counts its instructions in the stats and debug
            # flavors only; elsewhere the key is absent, never a false 0
            if sigil.info()['flavor'] in ('stats', 'debug'):
                counted = s['eval.instructions_sigil'] > 10000
            else:
                counted = 'eval.instructions_sigil' not in s
            print(s['eval.frames_inlined'] >= 1970, counted, s['eval.frames_fallback'] == 0)
        """)
        r = run("-X", "sigil=interp", "-c", code)
        self.assertEqual(r.stdout.split(), ["True", "True", "True"], r.stderr)

    def test_off_mode_counts_nothing(self):
        r = run("-X", "sigil=off", "-c",
                "import sigil\nsigil.reset_stats()\nfor i in range(10): (lambda: 0)()\n"
                "print(sigil.stats()['eval.frames_seen'])")
        self.assertEqual(r.stdout.strip(), "0", r.stderr)

    def test_reset(self):
        r = run("-c", "import sigil\n(lambda: 0)()\nsigil.reset_stats()\n"
                      "print(sigil.stats()['eval.frames_seen'])")
        self.assertEqual(r.stdout.strip(), "0", r.stderr)

    def test_traced_frames_counted(self):
        r = run("-X", "sigil=interp", "-c",
                "import sys, sigil\ndef f(): return 1\nsys.settrace(lambda *a: None)\n"
                "sigil.reset_stats()\nf()\nsys.settrace(None)\n"
                "print(sigil.stats()['fallback.traced'] >= 1)")
        self.assertEqual(r.stdout.strip(), "True", r.stderr)

    def test_stats_at_exit(self):
        r = run("-c", "pass", env={"PYTHON_SIGIL_STATS": "1"})
        self.assertEqual(r.returncode, 0)
        self.assertIn("sigil stats", r.stderr)
        self.assertIn("eval.frames_seen", r.stderr)
        self.assertIn("fallback.", r.stderr)
        r = run("-c", "pass", env={"PYTHON_SIGIL_STATS": "0"})
        self.assertEqual(r.stderr, "")


class BenchHarness(unittest.TestCase):
    """bench/workloads/_harness.py reports the time spent in the cyclic GC
    per repetition, so comparisons can separate it from the evaluator's."""

    HARNESS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "bench",
                           "workloads", "_harness.py")

    def test_gc_time_reported(self):
        import json
        # float keeps 20000 objects with instance attributes alive per
        # loop: collections happen even at a small scale.
        r = run("-X", "sigil=interp", self.HARNESS, "--workload", "float", "--scale", "0.4",
                "--repeat", "2", "--warmup", "0", "--json")
        self.assertEqual(r.returncode, 0, r.stderr)
        rec = json.loads(r.stdout.strip().splitlines()[-1])
        self.assertTrue(rec["ok"], rec.get("error"))
        self.assertEqual(len(rec["gc_times"]), 2)
        self.assertEqual(len(rec["gc_collections"]), 2)
        for wall, g, n in zip(rec["times"], rec["gc_times"], rec["gc_collections"]):
            self.assertGreaterEqual(n, 1)
            self.assertGreater(g, 0.0)
            self.assertLess(g, wall)

    def test_serve_start_time(self):
        import json
        import time
        # `run T` waits for the system clock's T before the unit starts.
        p = subprocess.Popen([PY, "-X", "sigil=interp", self.HARNESS, "--workload", "nbody",
                              "--scale", "0.05", "--serve"], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            at = time.monotonic() + 0.5
            out, err = p.communicate("run %.6f\nrun\nrun soon\nfinish\n" % at, timeout=120)
        finally:
            if p.poll() is None:
                p.kill()
        self.assertEqual(p.returncode, 0, err)
        lines = [json.loads(x) for x in out.splitlines()]
        self.assertEqual([x["kind"] for x in lines], ["run", "run", "error", "record"], out)
        self.assertGreaterEqual(lines[0]["start_mono"], at)
        self.assertLess(lines[0]["start_mono"], at + 0.25)
        self.assertGreater(lines[0]["end_mono"], lines[0]["start_mono"])
        self.assertIn("bad start time", lines[2]["error"])
        self.assertEqual(len(lines[3]["times"]), 2)

    def test_gc_time_counts_only_collections(self):
        import json
        # nbody allocates no container that outlives a loop: no collection
        # runs, and the reported time is exactly zero, not a timer's noise.
        r = run("-X", "sigil=interp", self.HARNESS, "--workload", "nbody", "--scale", "0.1",
                "--repeat", "1", "--warmup", "0", "--json")
        self.assertEqual(r.returncode, 0, r.stderr)
        rec = json.loads(r.stdout.strip().splitlines()[-1])
        self.assertEqual(rec["gc_collections"], [0])
        self.assertEqual(rec["gc_times"], [0.0])


class BenchInterleave(unittest.TestCase):
    """tools/sigil-bench --interleave-threads: a workload's thread counts run
    in one group, and scaling is the median of per-repetition ratios."""

    TOOL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools",
                        "sigil-bench")

    def bench(self, option, scale):
        """shared_module_read at 1 and 2 threads, 3 repetitions, with
        `option`: (results.json, table.md, table.md as --report redraws it)."""
        import json
        with tempfile.TemporaryDirectory() as out:
            r = subprocess.run([sys.executable, self.TOOL, "--python", PY, "--modes", "interp",
                                "--refs", "none", "--workloads", "shared_module_read",
                                "--threads", "1,2", option, "--repeat", "3",
                                "--warmup", "0", "--scale", scale, "--no-memory", "--no-plots",
                                "--out", out], capture_output=True, text=True, timeout=600)
            self.assertEqual(r.returncode, 0, r.stderr)
            with open(os.path.join(out, "results.json")) as f:
                res = json.load(f)
            with open(os.path.join(out, "table.md")) as f:
                table = f.read()
            again = subprocess.run([sys.executable, self.TOOL, "--report", out, "--no-plots"],
                                   capture_output=True, text=True, timeout=120)
            self.assertEqual(again.returncode, 0, again.stderr)
            with open(os.path.join(out, "table.md")) as f:
                redrawn = f.read()
        return res, table, redrawn

    def test_paired_scaling(self):
        import statistics
        res, table, _ = self.bench("--interleave-threads", "0.05")
        self.assertTrue(res["config"]["interleave_threads"])
        recs = {(x["engine"], x["threads"]): x for x in res["records"]}
        self.assertEqual(sorted(recs), [("interp", 1), ("interp", 2), ("off", 1), ("off", 2)])
        for rec in recs.values():
            self.assertEqual(rec["interleaved_threads"], [1, 2])
            self.assertEqual(len(rec["times"]), 3)
        # The interp x2 cell: the median of 2 * t1[k] / t2[k], quartiles after it.
        one, two = recs[("interp", 1)]["times"], recs[("interp", 2)]["times"]
        want = statistics.median([2 * a / b for a, b in zip(one, two)])
        row = [line for line in table.splitlines() if line.startswith("| shared_module_read |")][-1]
        cells = [c.strip() for c in row.strip("|").split("|")]
        self.assertRegex(cells[2], r"^\d+\.\d\d \(\d+\.\d\d-\d+\.\d\d\)$", table)
        self.assertEqual(cells[2].split()[0], "%.2f" % want, table)
        self.assertIn("median of the per-repetition ratios", table)

    def test_head_to_head(self):
        # Two engines besides `off` (the `gil` reference pointed at a
        # script that runs this sigil-python in mode off, about half as
        # fast as interp): their column is the median of the per-round
        # time ratios, quartiles after it.
        import json
        import statistics
        with tempfile.TemporaryDirectory() as out:
            ref = os.path.join(out, "stock-python")
            with open(ref, "w") as f:
                f.write('#!/bin/sh\nexec "%s" -X sigil=off "$@"\n' % os.path.abspath(PY))
            os.chmod(ref, 0o755)
            r = subprocess.run([sys.executable, self.TOOL, "--python", PY, "--modes", "interp",
                                "--refs", "gil", "--gil-python", ref,
                                "--workloads", "shared_module_read,closures", "--threads", "1",
                                "--repeat", "3", "--warmup", "0", "--scale", "0.05",
                                "--no-memory", "--no-plots", "--out", out],
                               capture_output=True, text=True, timeout=600)
            self.assertEqual(r.returncode, 0, r.stderr)
            with open(os.path.join(out, "results.json")) as f:
                res = json.load(f)
            with open(os.path.join(out, "table.md")) as f:
                table = f.read()
        recs = {(x["workload"], x["engine"]): x for x in res["records"]}
        section = table.split("## Head to head, 1 thread, paired by repetition")[1]
        section = section.split("\n## ")[0]
        ratios = {}
        for w in ("closures", "shared_module_read"):
            a, b = recs[(w, "interp")]["times"], recs[(w, "gil")]["times"]
            ratios[w] = statistics.median([y / x for x, y in zip(a, b)])
            row = [line for line in section.splitlines() if line.startswith("| %s |" % w)]
            self.assertEqual(len(row), 1, section)
            cells = [c.strip() for c in row[0].strip("|").split("|")]
            self.assertRegex(cells[1], r"^\d+\.\d\d \(\d+\.\d\d-\d+\.\d\d\)$", section)
            self.assertEqual(cells[1].split()[0], "%.2f" % ratios[w], section)
        self.assertIn("| interp vs gil |", section)
        self.assertGreater(ratios["shared_module_read"], 1.2, section)   # interp is faster
        geo = (ratios["closures"] * ratios["shared_module_read"]) ** 0.5
        self.assertIn("| **geomean (all 2)** | %.2f |" % geo, section)

    def test_ceiling(self):
        import statistics
        res, table, redrawn = self.bench("--ceiling", "0.5")
        # --report redraws the same table from results.json.
        self.assertEqual(redrawn, table)
        self.assertTrue(res["config"]["ceiling"])
        ceil = {(x["engine"], x["threads"]): x for x in res["records"] if x["kind"] == "ceiling"}
        comp = {(x["engine"], x["threads"]): x for x in res["records"]
                if x["kind"] == "comparison"}
        # One group of two one-thread processes per engine, none for N = 1.
        self.assertEqual(sorted(ceil), [("interp", 2), ("off", 2)])
        for key, rec in ceil.items():
            self.assertTrue(rec["ok"], rec["error"])
            self.assertEqual(len(rec["times"]), 3)
            # Both processes ran a unit each repetition, and together: the
            # later one started within the first half of the shorter one's
            # run (one after the other, it would start after it).
            for walls, skew in zip(rec["thread_times"], rec["start_skew"]):
                self.assertEqual(len(walls), 2)
                self.assertLess(skew, min(walls) / 2)
        # threads/procs for interp at 2: the median of procs time / threads time.
        want = statistics.median([p / t for p, t in zip(ceil[("interp", 2)]["times"],
                                                        comp[("interp", 2)]["times"])])
        self.assertIn("## Scaling against the machine's ceiling", table)
        rows = [line for line in table.splitlines() if line.startswith("| shared_module_read |")]
        cells = [c.strip() for c in rows[-1].strip("|").split("|")]
        header = [line for line in table.splitlines() if "procs x2" in line][0]
        names = [c.strip() for c in header.strip("|").split("|")]
        self.assertEqual(cells[names.index("interp threads/procs")], "%.2f" % want, table)


class Atomics(unittest.TestCase):
    """tools/sigil-atomics: a workload's atomic read-modify-writes by site
    (callgrind at two scales, lock-prefixed instructions by address)."""

    TOOL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools",
                        "sigil-atomics")

    def run_tool(self, mode):
        r = subprocess.run([sys.executable, self.TOOL, "--python", PY, "--mode", mode,
                            "--scales", "0.02,0.06", "--top", "5", "shared_dict_read"],
                           capture_output=True, text=True, timeout=900)
        self.assertEqual(r.returncode, 0, r.stderr)
        head = [line for line in r.stdout.splitlines() if line.startswith("## shared_dict_read: ")]
        self.assertEqual(len(head), 1, r.stdout)
        rows = [line for line in r.stdout.splitlines() if re.match(r"^\| \d+ \|", line)]
        return int(head[0].split()[2]), rows, r.stdout

    def test_sites(self):
        off, off_rows, out = self.run_tool("off")
        # Stock 3.13t counts a reference to the shared table at every
        # load of the global: atomic increments of another thread's dict.
        self.assertGreater(off, 1000, out)
        self.assertTrue(1 <= len(off_rows) <= 5, out)
        self.assertTrue(any("Py_INCREF" in r or "DecRefShared" in r for r in off_rows), out)
        # Sigil's pinned dict is read without a reference: far fewer.
        interp, _, out2 = self.run_tool("interp")
        self.assertLess(interp * 5, off, out + out2)

    def test_bad_arguments(self):
        for args in (["--scales", "1"], ["--scales", "1,0.5"], ["--top", "-1"],
                     ["--python", "/nonexistent/python", "nqueens"], ["nosuchworkload"]):
            cmd = [sys.executable, self.TOOL] + (["--python", PY] if "--python" not in args else []) + args
            if args[0] in ("--scales", "--top"):
                cmd.append("nqueens")
            r = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
            self.assertNotEqual(r.returncode, 0, args)
            self.assertIn("sigil-atomics", r.stderr, args)
            self.assertNotIn("Traceback", r.stderr, args)


class OpCost(unittest.TestCase):
    """tools/sigil-opcost: instructions per operation from two callgrind
    runs per engine (valgrind is one of the packages tools/sigil setup
    installs)."""

    TOOL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools",
                        "sigil-opcost")

    def test_table(self):
        r = subprocess.run([sys.executable, self.TOOL, "--python", PY, "--modes", "interp,off",
                            "--refs", "none", "--ops", "local,global", "--n", "3000,9000",
                            "--jobs", "2"], capture_output=True, text=True, timeout=600)
        self.assertEqual(r.returncode, 0, r.stderr)
        rows = {}
        for line in r.stdout.splitlines():
            cells = [c.strip() for c in line.strip("|").split("|")]
            if len(cells) == 4 and cells[0] in ("empty", "local", "global"):
                rows[cells[0]] = [float(c) for c in cells[1:]]
        self.assertEqual(sorted(rows), ["empty", "global", "local"], r.stdout)
        for op, (interp, off, diff) in rows.items():
            self.assertGreater(interp, 0, op)
            self.assertGreater(off, 0, op)
            self.assertAlmostEqual(diff, interp - off, delta=1, msg=op)
        # In every engine and build a global costs more than a local (a
        # dict read against a slot read).
        self.assertGreater(rows["global"][0], rows["local"][0], r.stdout)
        self.assertGreater(rows["global"][1], rows["local"][1], r.stdout)
        # An optimized Sigil's specialized LOAD_GLOBAL is far cheaper than
        # stock 3.13t's generic one (about 90 instructions against 200);
        # a debug build's forms are uninlined calls with assertions, so
        # that comparison is made on optimized builds only.
        info = subprocess.run([PY, "-c", "import sigil; print(sigil.info()['build_type'])"],
                              capture_output=True, text=True, timeout=60)
        if info.stdout.strip() != "debug":
            self.assertLess(rows["global"][0] * 1.5, rows["global"][1], r.stdout)

    def test_bad_arguments(self):
        for args in (["--ops", "nosuchop"], ["--n", "9,3"], ["--refs", "nosuchref"]):
            r = subprocess.run([sys.executable, self.TOOL, "--python", PY] + args,
                               capture_output=True, text=True, timeout=120)
            self.assertEqual(r.returncode, 2, args)
            self.assertIn("sigil-opcost:", r.stderr)
            self.assertNotIn("Traceback", r.stderr)



class Padding(unittest.TestCase):
    """tools/sigil-padding: a workload's instructions (callgrind at two
    scales) with the alignment no-ops counted apart."""

    TOOL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools",
                        "sigil-padding")

    def run_tool(self, mode):
        r = subprocess.run([sys.executable, self.TOOL, "--python", PY, "--mode", mode,
                            "--scales", "0.05,0.15", "nqueens"],
                           capture_output=True, text=True, timeout=900)
        self.assertEqual(r.returncode, 0, r.stderr)
        rows = [line for line in r.stdout.splitlines() if line.startswith("| nqueens |")]
        self.assertEqual(len(rows), 1, r.stdout)
        return [float(c) for c in rows[0].strip("|").split("|")[1:]]

    def test_split(self):
        total, pad, rest = self.run_tool("interp")
        self.assertGreater(total, 0)
        self.assertAlmostEqual(rest, total - pad, delta=0.15)
        # Sigil's optimized loop aligns every label, so some padding runs;
        # a debug build aligns none of its own.
        info = subprocess.run([PY, "-c", "import sigil; print(sigil.info()['build_type'])"],
                              capture_output=True, text=True, timeout=60)
        if info.stdout.strip() != "debug":
            self.assertGreater(pad, 0.002 * total)
        # Stock 3.13t's loop (mode off) is CPython's, compiled without the
        # label alignment: the same program runs a smaller share of no-ops.
        off_total, off_pad, _ = self.run_tool("off")
        self.assertGreater(off_total, 0)
        self.assertLess(off_pad / off_total, max(pad / total, 0.002))

    def test_bad_arguments(self):
        import tempfile
        with tempfile.TemporaryDirectory() as tmp:
            for args in (["--scales", "1"], ["--python", "/nonexistent/python", "nqueens"],
                         ["--nosuchoption", "nqueens"], ["--mode", "fast", "nqueens"],
                         ["nosuchworkload"]):
                cmd = [sys.executable, self.TOOL] + (["--python", PY] if "--python" not in args else []) + args
                r = subprocess.run(cmd, capture_output=True, text=True, timeout=300,
                                   env=dict(os.environ, TMPDIR=tmp))
                self.assertNotEqual(r.returncode, 0, args)
                self.assertIn("sigil-padding", r.stderr, args)
                self.assertNotIn("Traceback", r.stderr, args)
                # a run that failed leaves no profiles behind
                self.assertEqual(os.listdir(tmp), [], args)


class Gap(unittest.TestCase):
    """tools/sigil-gap: a workload's instructions by function group, one
    engine against another (callgrind at two scales)."""

    TOOL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools",
                        "sigil-gap")

    def test_table(self):
        # interp against off on the same binary: both evaluate the same
        # program, so their totals are of one size, and the group columns
        # add up to the difference of the totals.
        r = subprocess.run([sys.executable, self.TOOL, "--python", PY, "--mode", "interp",
                            "--ref", "off", "--workloads", "nqueens", "--scales", "0.05,0.15",
                            "--top", "5", "--jobs", "2"],
                           capture_output=True, text=True, timeout=900)
        self.assertEqual(r.returncode, 0, r.stderr)
        rows = [line for line in r.stdout.splitlines() if line.startswith("| nqueens |")]
        self.assertEqual(len(rows), 1, r.stdout)
        cells = [c.strip() for c in rows[0].strip("|").split("|")]
        interp, off, ratio = float(cells[1]), float(cells[2]), float(cells[3])
        groups = [float(c) for c in cells[4:]]
        self.assertEqual(len(groups), 5, r.stdout)
        self.assertGreater(interp, 0)
        self.assertGreater(off, 0)
        self.assertAlmostEqual(ratio, interp / off, delta=0.01)
        self.assertAlmostEqual(sum(groups), interp - off, delta=0.3, msg=r.stdout)
        # Sigil's loop replaces the stock one: the evaluator group differs
        self.assertIn("| sigil_interp_run | evaluator |", r.stdout)
        self.assertIn("| _PyEval_EvalFrameDefault | evaluator |", r.stdout)

    def test_bad_arguments(self):
        for args in (["--workloads", "nosuchworkload"], ["--scales", "1,0.5"], ["--ref", "nope"],
                     ["--mode", "fast"], ["--filter", "("], ["--nosuchoption"],
                     ["--mode", "off", "--ref", "off"]):
            r = subprocess.run([sys.executable, self.TOOL, "--python", PY] + args,
                               capture_output=True, text=True, timeout=120)
            self.assertEqual(r.returncode, 2, args)
            self.assertIn("sigil-gap:", r.stderr)
            self.assertNotIn("Traceback", r.stderr)

    def test_same_work_at_both_scales_is_refused(self):
        # nqueens runs 22 loops per unit: scales 0.01 and 0.02 both round
        # to one loop, so the difference would be startup noise.
        r = subprocess.run([sys.executable, self.TOOL, "--python", PY, "--ref", "off",
                            "--workloads", "nqueens", "--scales", "0.01,0.02", "--jobs", "2"],
                           capture_output=True, text=True, timeout=900)
        self.assertEqual(r.returncode, 2, r.stdout + r.stderr)
        self.assertIn("run the same number of loops", r.stderr)


class Layout(unittest.TestCase):
    """runtime/sigil_layout.ld: Sigil's code and data sit in sections of
    their own after CPython's, so a change to Sigil's size moves none of
    CPython's addresses (the benchmarks' build-against-build comparisons
    rely on it)."""

    def sections(self):
        r = subprocess.run(["readelf", "-SW", PY], capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)
        found = {}
        for m in re.finditer(r"\]\s+(\.\S+)\s+\S+\s+([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)",
                             r.stdout):
            found[m.group(1)] = (int(m.group(2), 16), int(m.group(2), 16) + int(m.group(3), 16))
        return found

    def symbols(self):
        r = subprocess.run(["nm", "--defined-only", PY], capture_output=True, text=True,
                           timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)
        out = {}
        for line in r.stdout.splitlines():
            parts = line.split()
            if len(parts) == 3:
                out[parts[2]] = (int(parts[0], 16), parts[1])
        return out

    def test_sigil_apart(self):
        secs = self.sections()
        for name in (".text", ".text.sigil", ".rodata.sigil", ".data.sigil"):
            self.assertIn(name, secs, sorted(secs))
        text, sigil_text = secs[".text"], secs[".text.sigil"]
        self.assertGreaterEqual(sigil_text[0], text[1])
        self.assertEqual(sigil_text[0] % 4096, 0)
        syms = self.symbols()

        def inside(name, sec):
            addr = syms[name][0]
            return sec[0] <= addr < sec[1]

        # Every function of Sigil's (launcher and core) is in .text.sigil ...
        sigil_funcs = [n for n, (_, t) in syms.items()
                       if t in "Tt" and (n.startswith("sigil_") or n == "main")]
        self.assertGreater(len(sigil_funcs), 50)
        for name in sigil_funcs:
            self.assertTrue(inside(name, sigil_text), name)
        # ... and CPython's stay in .text, where Sigil's size cannot move them.
        for name in ("_PyEval_EvalFrameDefault", "PyDict_SetItem", "_Py_MergeZeroLocalRefcount",
                     "PyObject_GenericGetAttr", "Py_BytesMain"):
            self.assertTrue(inside(name, text), name)
        # The interpreter loop's object comes first: code in the files
        # before it in the archive (stats, runtime) cannot move it.
        loop = syms["sigil_interp_run"][0]
        for name in ("sigil_stats_desc", "sigil_runtime_find", "sigil_spec_attempt"):
            self.assertGreater(syms[name][0], loop, name)
        # Sigil's writable data is apart too, padded to a page.
        data = secs[".data.sigil"]
        self.assertEqual(data[0] % 4096, 0)
        self.assertEqual(data[1] % 4096, 0)
        for name in ("_PyRuntime", "PyLong_Type", "PyDict_Type"):
            self.assertFalse(inside(name, data), name)
            self.assertLess(syms[name][0], data[0], name)


class RacesTsanLineTables(unittest.TestCase):
    """tools/sigil-races --flavor tsan refuses an interpreter without line
    tables: ThreadSanitizer would then name Sigil's function for CPython
    code inlined into it, and a report on CPython's side would be filed as
    Sigil's (a tsan build configured as Release, no -g, failed
    race_cell_deref that way)."""

    TOOL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools",
                        "sigil-races")

    def test_refuses_binary_without_line_tables(self):
        with tempfile.TemporaryDirectory() as tmp:
            bare = os.path.join(tmp, "sigil-python")
            r = subprocess.run(["objcopy", "--strip-debug", PY, bare], capture_output=True,
                               text=True, timeout=300)
            self.assertEqual(r.returncode, 0, r.stderr)
            r = subprocess.run([sys.executable, self.TOOL, "--flavor", "tsan", "--python", bare,
                                "--filter", "cell_deref"],
                               capture_output=True, text=True, timeout=300)
            self.assertEqual(r.returncode, 2, r.stdout + r.stderr)
            self.assertIn("has no line tables", r.stderr)
            self.assertNotIn("Traceback", r.stderr)

if __name__ == "__main__":
    unittest.main()
