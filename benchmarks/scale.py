"""Measure how quoteattr scales: memory over a long stream, and speed with two processes.

Two measurements, on the PolNeAR dev and train texts (repeated to fill):

memory
    Stream ``--memory-docs`` documents (10,000) through ``Extractor.pipe``,
    read lazily from disk by a generator, and consume the results one at a
    time without keeping them. The peak resident memory is read after the
    first ``--checkpoint`` documents (1,000) and at the end, and compared: the
    project's target is a peak after 10,000 within 20% of the peak after
    1,000. With one process the peak is the kernel's own (``ru_maxrss``); with
    more, a thread samples the resident memory of the whole process tree (main
    process and spaCy's workers, found through ``/proc/<pid>/task/*/children``)
    every ``--sample-interval`` seconds. ``--memory-chars`` cuts each text to
    its first N characters so that 10,000 documents fit in minutes.

throughput
    ``Extractor.pipe`` (end to end) and the spaCy parse alone (the same
    pipeline with quoteattr's worker component disabled), each with one and
    with two processes, over the same ``--docs`` documents, in ``--repeat``
    rounds whose order alternates (forwards, then backwards); each figure is
    the median. The targets: two processes at least 1.6 times as fast as one,
    end to end at least 0.9 of the parse at each process count, and at least
    twice the 2,500 words/s BBC Citron reaches on this kind of 2-core machine.
    A short run per ``--batch-sizes`` value (two processes, end to end) comes
    first, to show how the batch size matters.

Before measuring, the script waits (up to ``--wait`` seconds, in 60-second
steps) for the 1-minute load average to fall to ``--max-load``. Run
``python -m benchmarks.scale --help`` for the options; ``--output`` writes the
results between the ``benchmarks.scale`` markers of ``docs/performance.md``.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import itertools
import json
import os
import pstats
import re
import resource
import statistics
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.throughput import (
    count_words,
    find_polnear,
    load_texts,
    machine_description,
    markdown_table,
    refresh_section,
)
from quoteattr.worker import WORKER

__all__ = [
    "MemoryReport",
    "Run",
    "ThroughputReport",
    "main",
    "measure_memory",
    "measure_throughput",
    "render",
    "stream_texts",
    "tree_rss_kib",
]

SECTION = "scale"
_SPLITS = ("dev", "train")
TARGET_MEMORY_GROWTH = 1.2  # peak after 10,000 documents / peak after 1,000
TARGET_SPEEDUP = 1.6  # words/s with two processes / with one
TARGET_RATIO = 0.9  # end to end / parse alone
REFERENCE_WORDS_PER_SECOND = 2500  # BBC Citron, parse included, 2-core machine
TARGET_OVER_REFERENCE = 2.0


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _load() -> tuple[float, float, float]:
    return os.getloadavg()


def _load_text(load: Sequence[float]) -> str:
    return ", ".join(f"{value:.2f}" for value in load)


def wait_for_quiet(max_load: float, limit: float, step: float = 60.0) -> tuple[str, str, float]:
    """Wait until the 1-minute load average is at most ``max_load``, or ``limit`` seconds.

    Returns:
        The load averages when called and when done, and the seconds waited.
    """
    first = _load()
    waited = 0.0
    while _load()[0] > max_load and waited < limit:
        pause = min(step, limit - waited)
        _log(f"load average {_load_text(_load())} > {max_load}: waiting {pause:.0f} s")
        time.sleep(pause)
        waited += pause
    return _load_text(first), _load_text(_load()), waited


# -- memory -----------------------------------------------------------------


def _status_kib(pid: int | str, key: str = "VmRSS") -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as file:
            for line in file:
                if line.startswith(f"{key}:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as file:
                found.extend(int(child) for child in file.read().split())
        except (OSError, ValueError):
            continue
    return found


def tree_rss_kib(pid: int | None = None) -> tuple[int, int]:
    """Return the summed resident memory (KiB) of a process and its descendants, and their count.

    Pages a forked child still shares with its parent count in both, so the
    sum is an upper bound on the memory the tree really occupies.
    """
    stack = [os.getpid() if pid is None else pid]
    seen: set[int] = set()
    total = 0
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        total += _status_kib(current)
        stack.extend(_children(current))
    return total, len(seen)


def _reset_peak() -> bool:
    """Reset this process's peak resident memory (VmHWM) to its current one, if Linux lets us."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as file:
            file.write("5")
    except OSError:
        return False
    return True


def _peak_self_kib() -> int:
    """Return this process's peak resident memory in KiB (since the last reset)."""
    # VmHWM, unlike ru_maxrss, can be reset: the throughput passes run earlier.
    return _status_kib("self", "VmHWM") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


class _Sampler(threading.Thread):
    """Sample the process tree's resident memory every ``interval`` seconds."""

    def __init__(self, interval: float) -> None:
        super().__init__(daemon=True)
        self.interval = interval
        self.peak_kib = 0
        self.processes = 1
        self._done = threading.Event()
        self._lock = threading.Lock()

    def sample(self) -> int:
        kib, processes = tree_rss_kib()
        with self._lock:
            self.peak_kib = max(self.peak_kib, kib)
            self.processes = max(self.processes, processes)
        return kib

    def run(self) -> None:
        while not self._done.wait(self.interval):
            self.sample()

    def stop(self) -> None:
        self._done.set()
        self.join()


def _paths(polnear: Path) -> list[Path]:
    paths = [path for split in _SPLITS for path in sorted((polnear / split / "text").glob("*.txt"))]
    if not paths:
        msg = f"no .txt files in {polnear}/{{dev,train}}/text"
        raise SystemExit(msg)
    return paths


def stream_texts(paths: Sequence[Path], count: int, chars: int | None) -> Iterator[str]:
    """Yield ``count`` texts read from ``paths`` in turn (cycling), one file read per text.

    Args:
        paths: the text files.
        count: how many texts to yield.
        chars: keep only each text's first ``chars`` characters; ``None`` keeps all.
    """
    for path in itertools.islice(itertools.cycle(paths), count):
        with open(path, encoding="utf-8", newline="") as file:
            text = file.read()
        yield text if chars is None else text[:chars]


@dataclass
class Checkpoint:
    """Memory after some documents (KiB): peak of the main process, tree now and at peak."""

    documents: int
    seconds: float
    words: int
    self_peak_kib: int
    tree_now_kib: int
    tree_peak_kib: int


@dataclass
class MemoryReport:
    """What :func:`measure_memory` saw."""

    documents: int
    chars: int | None
    n_process: int
    batch_size: int
    checkpoint: int
    baseline_kib: int
    checkpoints: list[Checkpoint] = field(default_factory=list)
    statements: int = 0
    failures: int = 0
    processes: int = 1

    def at(self, documents: int) -> Checkpoint:
        """Return the checkpoint after ``documents`` documents."""
        return next(point for point in self.checkpoints if point.documents == documents)

    def peak(self, point: Checkpoint) -> int:
        """Return the peak this report's verdict rests on (main only with one process)."""
        return point.self_peak_kib if self.n_process == 1 else point.tree_peak_kib

    @property
    def growth(self) -> float:
        """Return the peak after all documents over the peak after the checkpoint."""
        return self.peak(self.checkpoints[-1]) / self.peak(self.at(self.checkpoint))


def measure_memory(
    extractor: Any,
    paths: Sequence[Path],
    *,
    documents: int,
    chars: int | None,
    n_process: int,
    batch_size: int,
    checkpoint: int,
    interval: float,
) -> MemoryReport:
    """Stream ``documents`` texts through ``Extractor.pipe`` and record the memory peaks."""
    gc.collect()
    if not _reset_peak():
        _log("cannot reset the peak memory: the main peak counts everything before the stream")
    report = MemoryReport(
        documents=documents,
        chars=chars,
        n_process=n_process,
        batch_size=batch_size,
        checkpoint=checkpoint,
        baseline_kib=tree_rss_kib()[0],
    )
    marks = set(range(checkpoint, documents + 1, checkpoint)) | {documents}
    # Words of the documents read but not yet returned (spaCy reads ahead by batches).
    ahead: deque[int] = deque()
    words = 0

    def counted() -> Iterator[str]:
        for text in stream_texts(paths, documents, chars):
            ahead.append(len(text.split()))
            yield text

    sampler = _Sampler(interval)
    sampler.start()
    start = time.perf_counter()
    try:
        results = extractor.pipe(counted(), batch_size=batch_size, n_process=n_process)
        for number, result in enumerate(results, 1):
            statements = getattr(result, "statements", None)
            if statements is None:
                report.failures += 1
            else:
                report.statements += len(statements)
            del result, statements
            words += ahead.popleft()
            if number in marks:
                now = sampler.sample()
                point = Checkpoint(
                    documents=number,
                    seconds=time.perf_counter() - start,
                    words=words,
                    self_peak_kib=_peak_self_kib(),
                    tree_now_kib=now,
                    tree_peak_kib=sampler.peak_kib,
                )
                report.checkpoints.append(point)
                _log(
                    f"memory: {number:,} documents in {point.seconds:.0f} s; "
                    f"main peak {point.self_peak_kib / 1024:.0f} MiB, tree now "
                    f"{now / 1024:.0f} MiB, tree peak {point.tree_peak_kib / 1024:.0f} MiB"
                )
    finally:
        sampler.stop()
    report.processes = sampler.processes
    return report


# -- throughput -------------------------------------------------------------


@dataclass
class Run:
    """One timed pass: what ran, how long it took (wall and CPU), what it found."""

    kind: str  # "end to end" or "parse"
    n_process: int
    batch_size: int
    documents: int
    words: int
    seconds: float
    main_cpu: float
    worker_cpu: float
    items: int

    @property
    def rate(self) -> float:
        """Return words per second."""
        return self.words / self.seconds

    @property
    def cores(self) -> float:
        """Return the CPU seconds of main process and workers per wall-clock second."""
        return (self.main_cpu + self.worker_cpu) / self.seconds


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed_run(
    kind: str,
    body: Callable[[], int],
    *,
    n_process: int,
    batch_size: int,
    documents: int,
    words: int,
) -> Run:
    gc.collect()
    children = _children_cpu()
    cpu = time.process_time()
    start = time.perf_counter()
    items = body()
    seconds = time.perf_counter() - start
    return Run(
        kind=kind,
        n_process=n_process,
        batch_size=batch_size,
        documents=documents,
        words=words,
        seconds=seconds,
        main_cpu=time.process_time() - cpu,
        # spaCy joins its workers when the stream ends, so their CPU time is counted here.
        worker_cpu=_children_cpu() - children,
        items=items,
    )


def _run(extractor: Any, texts: Sequence[str], kind: str, n_process: int, batch_size: int) -> Run:
    nlp = extractor.nlp

    def end_to_end() -> int:
        found = 0
        for result in extractor.pipe(texts, batch_size=batch_size, n_process=n_process):
            found += len(getattr(result, "statements", ()))
        return found

    def parse() -> int:
        with nlp.select_pipes(disable=[WORKER]):
            return sum(1 for _ in nlp.pipe(texts, batch_size=batch_size, n_process=n_process))

    return _timed_run(
        kind,
        end_to_end if kind == "end to end" else parse,
        n_process=n_process,
        batch_size=batch_size,
        documents=len(texts),
        words=count_words(texts),
    )


def _describe(run: Run) -> str:
    return (
        f"{run.kind}, {run.n_process} process(es), batch {run.batch_size}: "
        f"{run.seconds:.1f} s, {run.rate:,.0f} words/s, main CPU {run.main_cpu:.1f} s, "
        f"worker CPU {run.worker_cpu:.1f} s, {run.cores:.2f} cores busy; load {_load_text(_load())}"
    )


@dataclass
class ThroughputReport:
    """The timed passes of :func:`measure_throughput`."""

    documents: int
    words: int
    batch_size: int
    runs: list[Run] = field(default_factory=list)
    tuning: list[Run] = field(default_factory=list)
    profile: str = ""

    def of(self, kind: str, n_process: int) -> list[Run]:
        """Return the main runs of one kind and process count, in order."""
        return [r for r in self.runs if r.kind == kind and r.n_process == n_process]

    def median_rate(self, kind: str, n_process: int) -> float:
        """Return the words per second at the median time of one kind and process count."""
        return self.words / statistics.median(r.seconds for r in self.of(kind, n_process))


def measure_throughput(
    extractor: Any,
    texts: Sequence[str],
    *,
    rounds: int,
    batch_size: int,
    tune_texts: Sequence[str],
    batch_sizes: Sequence[int],
    profile_texts: Sequence[str],
) -> ThroughputReport:
    """Time end to end and parse alone with one and two processes, alternating the order."""
    report = ThroughputReport(documents=len(texts), words=count_words(texts), batch_size=batch_size)
    warm = list(texts[:20])
    _log(f"warm-up on {len(warm)} documents")
    _run(extractor, warm, "end to end", 1, batch_size)
    _run(extractor, warm, "parse", 1, batch_size)
    for size in batch_sizes:
        run = _run(extractor, tune_texts, "end to end", 2, size)
        report.tuning.append(run)
        _log(f"batch size: {_describe(run)}")
    if profile_texts:
        report.profile = _profile_main(extractor, profile_texts, batch_size)
    plan = [(kind, n) for kind in ("end to end", "parse") for n in (1, 2)]
    for number in range(rounds):
        for kind, n_process in plan if number % 2 == 0 else reversed(plan):
            run = _run(extractor, texts, kind, n_process, batch_size)
            report.runs.append(run)
            _log(f"round {number + 1}/{rounds}: {_describe(run)}")
    return report


def _profile_main(extractor: Any, texts: Sequence[str], batch_size: int) -> str:
    """Profile the main process during a two-process ``Extractor.pipe``; return the top lines."""
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    found = sum(1 for _ in extractor.pipe(texts, batch_size=batch_size, n_process=2))
    profiler.disable()
    seconds = time.perf_counter() - start
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(12)
    lines = [line.rstrip() for line in out.getvalue().splitlines() if line.strip()]
    # Keep the total and the table; drop pstats' notes on sorting, and shorten paths.
    total = next((line.strip() for line in lines if "function calls" in line), "")
    header = next((i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls")), 0)
    table = [
        re.sub(r"\S*/(site-packages|src|python3\.[0-9]+)/", "", line) for line in lines[header:]
    ]
    _log(f"profiled {found} documents in {seconds:.1f} s (two processes)")
    return "\n".join([f"{found} documents, {seconds:.1f} s wall: {total}", *table])


# -- report -----------------------------------------------------------------


def _mib(kib: int) -> str:
    return f"{kib / 1024:,.0f}"


def _verdict(ok: bool) -> str:
    return "**met**" if ok else "**not met**"


def _render_memory(m: MemoryReport) -> list[str]:
    cut = "whole texts" if m.chars is None else f"each text cut to its first {m.chars:,} characters"
    first, last = m.at(m.checkpoint), m.checkpoints[-1]
    rows = [
        ["documents", "seconds", "words", "main peak (MiB)", "tree now (MiB)", "tree peak (MiB)"]
    ]
    rows += [
        [
            f"{p.documents:,}",
            f"{p.seconds:,.0f}",
            f"{p.words:,}",
            _mib(p.self_peak_kib),
            _mib(p.tree_now_kib),
            _mib(p.tree_peak_kib),
        ]
        for p in m.checkpoints
    ]
    which = "main process's peak, VmHWM" if m.n_process == 1 else "sampled process-tree RSS"
    above = (m.peak(last) - m.baseline_kib) / max(1, m.peak(first) - m.baseline_kib)
    return [
        "### Memory over a 10,000-document stream",
        "",
        f"{m.documents:,} PolNeAR documents (dev then train, cycled; {cut}) read lazily by a "
        f"generator and streamed through `Extractor.pipe` with {m.n_process} process(es), "
        f"batch size {m.batch_size}; each result is consumed and dropped. "
        f"Resident memory before the stream (model loaded): {_mib(m.baseline_kib)} MiB; "
        f"{m.processes} process(es) at most in the tree.",
        "",
        markdown_table(rows),
        "",
        f"- **Peak after {last.documents:,} / peak after {m.checkpoint:,} = {m.growth:.3f}** "
        f"({_mib(m.peak(last))} MiB / {_mib(m.peak(first))} MiB, {which}): target ≤ "
        f"{TARGET_MEMORY_GROWTH} {_verdict(m.growth <= TARGET_MEMORY_GROWTH)}.",
        f"- Growth above the pre-stream baseline: {_mib(m.peak(last) - m.baseline_kib)} MiB at "
        f"the end against {_mib(m.peak(first) - m.baseline_kib)} MiB after {m.checkpoint:,} "
        f"documents (× {above:.2f}).",
        f"- {m.statements:,} statements found, {m.failures:,} failures.",
        "- Columns: main peak is the main process's peak resident memory (VmHWM, reset "
        "through `/proc/self/clear_refs` just before the stream); tree is the summed VmRSS of "
        "the main process and its descendants (now, and the highest sample so far), which "
        "counts pages shared after a fork more than once.",
    ]


def _render_throughput(t: ThroughputReport) -> list[str]:
    rows = [
        [
            "measurement",
            "processes",
            "words/s (median)",
            "words/s per round",
            "s (median)",
            "main CPU s",
            "worker CPU s",
            "cores busy",
        ]
    ]
    for kind in ("end to end", "parse"):
        for n in (1, 2):
            runs = t.of(kind, n)
            name = "`Extractor.pipe`" if kind == "end to end" else "spaCy parse alone"
            rows.append(
                [
                    name,
                    str(n),
                    f"{t.median_rate(kind, n):,.0f}",
                    ", ".join(f"{r.rate:,.0f}" for r in runs),
                    f"{statistics.median(r.seconds for r in runs):.1f}",
                    ", ".join(f"{r.main_cpu:.0f}" for r in runs),
                    ", ".join(f"{r.worker_cpu:.0f}" for r in runs),
                    ", ".join(f"{r.cores:.2f}" for r in runs),
                ]
            )
    e1, e2 = t.median_rate("end to end", 1), t.median_rate("end to end", 2)
    p1, p2 = t.median_rate("parse", 1), t.median_rate("parse", 2)
    speedup, parse_speedup = e2 / e1, p2 / p1

    def cpu(kind: str, n: int) -> float:
        return statistics.median(r.main_cpu + r.worker_cpu for r in t.of(kind, n))

    # Two processes can at best halve the CPU seconds one needs, if nothing else runs.
    ceiling = 2 * cpu("end to end", 1) / cpu("end to end", 2)
    parse_ceiling = 2 * cpu("parse", 1) / cpu("parse", 2)
    best = max(e1, e2)
    lines = [
        "### One process against two",
        "",
        f"{t.documents:,} PolNeAR documents (dev then train, whole texts), {t.words:,} words; "
        f"batch size {t.batch_size}; {len(t.of('parse', 1))} rounds, the order of the four "
        "passes reversed every other round; the median is reported. The parse alone is the "
        f"same pipeline with `{WORKER}` disabled. Every two-process pass includes starting "
        "spaCy's workers.",
        "",
        markdown_table(rows),
        "",
        f"- **Speed-up with two processes, end to end: {speedup:.2f}** (target ≥ "
        f"{TARGET_SPEEDUP}) {_verdict(speedup >= TARGET_SPEEDUP)}; the parse alone speeds up "
        f"{parse_speedup:.2f}×.",
        f"- CPU seconds, all processes: {cpu('end to end', 1):.0f} end to end with one process "
        f"against {cpu('end to end', 2):.0f} with two ({cpu('parse', 1):.0f} against "
        f"{cpu('parse', 2):.0f} for the parse), so on two otherwise idle cores the speed-up "
        f"could reach at most {ceiling:.2f} end to end ({parse_ceiling:.2f} for the parse), "
        "before the workers' start-up and the last batch's wait.",
        f"- **End to end / parse: {e1 / p1:.3f} with one process, {e2 / p2:.3f} with two** "
        f"(target ≥ {TARGET_RATIO}): {_verdict(e1 / p1 >= TARGET_RATIO)} with one, "
        f"{_verdict(e2 / p2 >= TARGET_RATIO)} with two.",
        f"- **Against BBC Citron's {REFERENCE_WORDS_PER_SECOND:,} words/s**: "
        f"{e1 / REFERENCE_WORDS_PER_SECOND:.2f}× with one process, "
        f"{e2 / REFERENCE_WORDS_PER_SECOND:.2f}× with two (target ≥ {TARGET_OVER_REFERENCE}×) "
        f"{_verdict(best / REFERENCE_WORDS_PER_SECOND >= TARGET_OVER_REFERENCE)}.",
        "- Main CPU is the CPU time of the process that calls `pipe` (with two processes it "
        "feeds the workers and rebuilds every `Doc` and `Result` from bytes); worker CPU is "
        "that of spaCy's worker processes, counted when they exit; cores busy is their sum "
        "over the wall-clock time. With two processes on an otherwise idle 2-core machine it "
        "nears 2; near 1 means another program held a core.",
    ]
    if t.tuning:
        tune = t.tuning[0]
        lines += [
            "",
            f"Batch size, end to end with two processes, one pass each over the first "
            f"{tune.documents:,} of these documents ({tune.words:,} words):",
            "",
            markdown_table(
                [["batch size", "words/s", "s", "main CPU s", "worker CPU s", "cores busy"]]
                + [
                    [
                        str(r.batch_size),
                        f"{r.rate:,.0f}",
                        f"{r.seconds:.1f}",
                        f"{r.main_cpu:.1f}",
                        f"{r.worker_cpu:.1f}",
                        f"{r.cores:.2f}",
                    ]
                    for r in t.tuning
                ]
            ),
        ]
    if t.profile:
        lines += [
            "",
            "Where the main process spends its time in a two-process `Extractor.pipe` "
            "(cProfile, top functions by own time):",
            "",
            "```text",
            t.profile,
            "```",
        ]
    return lines


def render(
    memory: MemoryReport | None,
    throughput: ThroughputReport | None,
    machine: Sequence[tuple[str, str]],
    commands: Sequence[str],
    load_notes: Sequence[str],
) -> str:
    """Render the results, the machine and the command as markdown."""
    lines: list[str] = []
    if memory is not None:
        lines += [*_render_memory(memory), ""]
    if throughput is not None:
        lines += [*_render_throughput(throughput), ""]
    lines += [
        "Machine:",
        "",
        *(f"- {note}" for note in load_notes),
        *(f"- {name}: {value}" for name, value in machine),
        "",
        "Reproduce:",
        "",
        "```sh",
        *commands,
        "```",
    ]
    return "\n".join(lines) + "\n"


# -- command line -----------------------------------------------------------


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        msg = f"must be at least 1 (got {number})"
        raise argparse.ArgumentTypeError(msg)
    return number


def _sizes(value: str) -> list[int]:
    return [_positive(part) for part in value.split(",") if part.strip()]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.scale",
        description="Measure quoteattr's memory over a long stream and its two-process speed-up.",
    )
    add = parser.add_argument
    add("--corpus-root", type=Path, default=None, help="the corpora folder holding polnear/")
    add("--model", default=None, help="spaCy pipeline (default: quoteattr's)")
    add("--skip-memory", action="store_true", help="do not run the memory measurement")
    add("--skip-throughput", action="store_true", help="do not run the throughput measurement")
    add("--memory-docs", type=_positive, default=10_000, help="documents streamed (10000)")
    add("--checkpoint", type=_positive, default=1000, help="memory read every N documents")
    add(
        "--memory-chars",
        type=int,
        default=1500,
        help="cut each streamed text to its first N characters; 0 keeps whole texts (1500)",
    )
    add("--memory-n-process", type=_positive, default=1, help="processes for the stream (1)")
    add("--sample-interval", type=float, default=0.2, help="seconds between memory samples")
    add("--docs", type=_positive, default=1000, help="documents per throughput pass (1000)")
    add("--repeat", type=_positive, default=2, help="rounds of the four passes (2)")
    add("--batch-size", type=_positive, default=64, help="spaCy batch size (64)")
    add(
        "--batch-sizes",
        type=_sizes,
        default=[32, 64, 128],
        help="batch sizes to try first, comma-separated; empty to skip (32,64,128)",
    )
    add("--tune-docs", type=_positive, default=300, help="documents per batch-size pass (300)")
    add(
        "--profile-docs",
        type=int,
        default=0,
        help="profile the main process over N documents with two processes (0: no)",
    )
    add("--max-load", type=float, default=0.5, help="wait until the load average is this low")
    add("--wait", type=float, default=600, help="wait at most this many seconds (600)")
    add(
        "--results",
        type=Path,
        default=None,
        help="save each part's results to this JSON file, and report a skipped part from it",
    )
    add(
        "--output",
        type=Path,
        nargs="?",
        const=Path("docs/performance.md"),
        default=None,
        help="also write the results into this file's scale section (docs/performance.md)",
    )
    return parser


def _restore(path: Path | None) -> dict[str, Any]:
    """Return what an earlier run saved with ``--results``, parts rebuilt as reports."""
    if path is None or not path.exists():
        return {}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if "memory" in data:
        memory = dict(data["memory"])
        memory["checkpoints"] = [Checkpoint(**point) for point in memory["checkpoints"]]
        data["memory"] = MemoryReport(**memory)
    if "throughput" in data:
        throughput = dict(data["throughput"])
        for key in ("runs", "tuning"):
            throughput[key] = [Run(**run) for run in throughput[key]]
        data["throughput"] = ThroughputReport(**throughput)
    return data


def _save(path: Path, data: dict[str, Any]) -> None:
    plain = {
        key: asdict(value) if key in {"memory", "throughput"} else value
        for key, value in data.items()
    }
    path.write_text(json.dumps(plain, indent=1), encoding="utf-8")


def _command(args: argparse.Namespace) -> str:
    parts = ["python -m benchmarks.scale"]
    if args.skip_memory:
        parts.append("--skip-memory")
    else:
        parts += [
            f"--memory-docs {args.memory_docs}",
            f"--memory-chars {args.memory_chars}",
            f"--memory-n-process {args.memory_n_process}",
        ]
    if args.skip_throughput:
        parts.append("--skip-throughput")
    else:
        sizes = ",".join(map(str, args.batch_sizes))
        parts += [
            f"--docs {args.docs}",
            f"--repeat {args.repeat}",
            f"--batch-size {args.batch_size}",
            f"--batch-sizes {sizes}" if sizes else "--batch-sizes ''",
        ]
        if args.profile_docs:
            parts.append(f"--profile-docs {args.profile_docs}")
    if args.max_load != 0.5:
        parts.append(f"--max-load {args.max_load}")
    if args.results is not None:
        parts.append(f"--results {args.results}")
    if args.output is not None:
        parts.append(f"--output {args.output}")
    return " ".join(parts)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the measurements, print the markdown and optionally write it to a file."""
    args = _parser().parse_args(argv)
    polnear = find_polnear(args.corpus_root)
    paths = _paths(polnear)

    from quoteattr.api import Extractor

    extractor = Extractor(args.model)
    first, last, waited = wait_for_quiet(args.max_load, args.wait)
    load_note = (
        f"load average (1, 5, 15 min) at the start: {first}"
        + (f"; after waiting {waited:.0f} s: {last}" if waited else "")
        + (" (above 0.5: other jobs were running)" if float(last.split(",")[0]) > 0.5 else "")
    )
    _log(load_note)

    saved = _restore(args.results)
    command = _command(args)
    # The throughput first: it suffers most if other work starts later.
    if not args.skip_throughput:
        texts = load_texts(polnear, args.docs)
        saved["throughput"] = measure_throughput(
            extractor,
            texts,
            rounds=args.repeat,
            batch_size=args.batch_size,
            tune_texts=texts[: args.tune_docs],
            batch_sizes=args.batch_sizes,
            profile_texts=texts[: args.profile_docs],
        )
        saved["throughput_note"] = f"throughput: {load_note}, at the end: {_load_text(_load())}"
        saved["throughput_command"] = command
    if not args.skip_memory:
        saved["memory"] = measure_memory(
            extractor,
            paths,
            documents=args.memory_docs,
            chars=args.memory_chars or None,
            n_process=args.memory_n_process,
            batch_size=args.batch_size,
            checkpoint=min(args.checkpoint, args.memory_docs),
            interval=args.sample_interval,
        )
        saved["memory_note"] = f"memory: {load_note}, at the end: {_load_text(_load())}"
        saved["memory_command"] = command
    if args.results is not None:
        _save(args.results, saved)
    parts = [part for part in ("throughput", "memory") if part in saved]
    machine = [pair for pair in machine_description(extractor.nlp) if pair[0] != "textacy"]
    machine = [pair for pair in machine if not pair[0].startswith("load average")]
    body = render(
        saved.get("memory"),
        saved.get("throughput"),
        machine,
        list(dict.fromkeys(saved[f"{part}_command"] for part in parts)),
        [saved[f"{part}_note"] for part in parts],
    )
    print(body)
    if args.output is not None:
        refresh_section(args.output, SECTION, "## Scale: memory and two processes", body)
        _log(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
