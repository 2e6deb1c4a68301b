// bench_micro.cc: Google Benchmark driver for Sigil's micro-benchmarks.
// Each benchmark calls Sigil's real code through micro_subjects.c. Run with
// --benchmark_min_time=0.01 for a smoke run (CI), without for the full run.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>

#include "micro_subjects.h"

// Instruction-word load and decode over a real code table.
static void BM_WordDecode(benchmark::State &state) {
    for (auto _ : state) {
        benchmark::DoNotOptimize(micro_decode_table());
    }
}
BENCHMARK(BM_WordDecode);

// The frame-entry lookup of a code object's table (acquire loads).
static void BM_TableLookup(benchmark::State &state) {
    for (auto _ : state) {
        benchmark::DoNotOptimize(micro_table_lookup());
    }
}
BENCHMARK(BM_TableLookup)->Threads(1)->Threads(2)->Threads(4)->Threads(8);

// The specialization lock, uncontended (1 thread) and contended.
static void BM_SijilAcquire(benchmark::State &state) {
    for (auto _ : state) {
        micro_sijil_cycle(100);
    }
    state.SetItemsProcessed(state.iterations() * 100);
}
BENCHMARK(BM_SijilAcquire)->Threads(1)->Threads(2)->Threads(4)->Threads(8)->UseRealTime();

// Record publication (allocate, CAS under the SiJiL) plus deopt and
// QSBR-delayed retirement.
static void BM_RecordPublishRetire(benchmark::State &state) {
    for (auto _ : state) {
        if (micro_record_cycle(100) != 100) {
            state.SkipWithError("record not published");
            break;
        }
    }
    state.SetItemsProcessed(state.iterations() * 100);
}
BENCHMARK(BM_RecordPublishRetire);

// Each guard kind, and the snapshot's use by a later step, on Sigil's own
// micro-op bodies (a prepared environment, no dispatch around them).
static void BM_UopGuard(benchmark::State &state) {
    const int kind = (int)state.range(0);
    const long steps = kind == 0 ? 2 : 1;
    for (auto _ : state) {
        if (micro_uop_cycle(kind, 1000) != 1000 * steps) {
            state.SkipWithError("a micro-op failed on its prepared operands");
            break;
        }
    }
    state.SetItemsProcessed(state.iterations() * 1000);
    static const char *const labels[] = {"operand types (2 guards)", "type version",
                                         "keys version", "snapshot: keys version + entry revalidated"};
    state.SetLabel(labels[kind]);
}
BENCHMARK(BM_UopGuard)->Arg(0)->Arg(1)->Arg(2)->Arg(3);

// A per-thread counter bump (the stats hot path), uncontended by design.
static void BM_CounterBump(benchmark::State &state) {
    for (auto _ : state) {
        micro_counter_bump(1000);
    }
    state.SetItemsProcessed(state.iterations() * 1000);
}
BENCHMARK(BM_CounterBump)->Threads(1)->Threads(2)->Threads(4)->Threads(8);

// Summing every thread's counters (sigil.stats()).
static void BM_StatsSnapshot(benchmark::State &state) {
    for (auto _ : state) {
        benchmark::DoNotOptimize(micro_stats_snapshot());
    }
}
BENCHMARK(BM_StatsSnapshot);

// Dispatch and in-loop calls: fib(15) (1973 Python calls) on the stock loop
// (arg 0) and on Sigil's loop (arg 1).
static void BM_Fib15(benchmark::State &state) {
    if (state.thread_index() == 0) {
        micro_set_mode((int)state.range(0));
    }
    for (auto _ : state) {
        if (micro_call_fib(15) != 610) {
            state.SkipWithError("wrong result");
            break;
        }
    }
}
BENCHMARK(BM_Fib15)->Arg(0)->Arg(1)->Threads(1)->Threads(2)->UseRealTime();

// A loop of generic instructions (attribute load, arithmetic, compare).
static void BM_Loop1000(benchmark::State &state) {
    if (state.thread_index() == 0) {
        micro_set_mode((int)state.range(0));
    }
    for (auto _ : state) {
        if (micro_call_loop(1000) != -332) {
            state.SkipWithError("wrong result");
            break;
        }
    }
}
BENCHMARK(BM_Loop1000)->Arg(0)->Arg(1)->Threads(1)->Threads(2)->UseRealTime();

int main(int argc, char **argv) {
    if (micro_init("interp") < 0) {
        std::fprintf(stderr, "bench_micro: cannot start CPython with Sigil\n");
        return 1;
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
        return 1;
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    micro_fini();
    return 0;
}
