"""Measure quoteattr's throughput next to the spaCy parse it builds on.

Four measurements, in words per second (words are the whitespace-separated
tokens of the raw texts), on the PolNeAR dev and train texts:

(a) ``parse``: ``list(nlp.pipe(texts))`` with the pipeline object the
    extractor itself uses (``Extractor().nlp``);
(b) ``end to end``: ``list(Extractor.pipe(texts))``;
(c) ``extraction only``: ``Extractor.extract_doc`` over the docs (a) parsed;
(d) ``textacy``: ``textacy.extract.triples.direct_quotations`` over the same
    docs, counting the documents on which it raises.

(a) and (b) run interleaved after a short warm-up, in ABBA order (a b, b a,
a b, ...) so that a slow drift of the machine's speed falls on both alike;
each figure is the median over the rounds. (c) and (d) run once per round on
that round's freshly parsed docs: quoteattr caches its text analysis on the
``Doc``, so timing it twice on the same docs would flatter it.

Run ``python -m benchmarks.throughput --help`` for the options; with
``--output docs/performance.md`` the table and a description of the machine
replace the throughput section of that file (other sections are kept).
"""

from __future__ import annotations

import argparse
import datetime
import gc
import importlib.metadata
import itertools
import os
import platform
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quoteattr.worker import WORKER

__all__ = [
    "Measurements",
    "count_words",
    "find_polnear",
    "load_texts",
    "machine_description",
    "main",
    "refresh_section",
    "render",
]

_SPLITS = ("dev", "train")
# The project's target for (b)/(a): extraction may cost at most ~10% of the parse.
TARGET_RATIO = 0.9
SECTION = "throughput"


@dataclass
class Measurements:
    """Seconds per round for each measurement, and what was measured.

    Attributes:
        documents: how many documents each round processed.
        words: how many whitespace-separated words they hold.
        parse: seconds per round for (a), the spaCy parse alone.
        end_to_end: seconds per round for (b), ``Extractor.pipe``.
        extraction: seconds per round for (c), ``extract_doc`` on parsed docs.
        textacy: seconds per round for (d), textacy's ``direct_quotations``.
        textacy_failures: documents (of one round) on which textacy raised.
        textacy_errors: the first error message of each kind textacy raised.
        statements: statements quoteattr found in one round.
        textacy_triples: triples textacy found in one round.
    """

    documents: int
    words: int
    parse: list[float] = field(default_factory=list)
    end_to_end: list[float] = field(default_factory=list)
    extraction: list[float] = field(default_factory=list)
    textacy: list[float] = field(default_factory=list)
    textacy_failures: int = 0
    textacy_errors: dict[str, str] = field(default_factory=dict)
    statements: int = 0
    textacy_triples: int = 0

    def rate(self, seconds: Sequence[float]) -> float:
        """Return words per second at the median of ``seconds``."""
        return self.words / statistics.median(seconds)

    @property
    def ratio(self) -> float:
        """Return end-to-end throughput over parse throughput, (b)/(a)."""
        return statistics.median(self.parse) / statistics.median(self.end_to_end)

    @property
    def implied_ratio(self) -> float:
        """Return the (b)/(a) ratio implied by the extraction time: (a) / ((a) + (c)).

        It rests on (c), which takes seconds rather than minutes, so it is less
        exposed than (b)/(a) to other processes taking the CPU in the middle of
        one long (a) or (b) pass; on a quiet machine the two agree.
        """
        parse = statistics.median(self.parse)
        return parse / (parse + statistics.median(self.extraction))

    @property
    def extraction_share(self) -> float:
        """Return the extraction time as a fraction of the parse time, (c)/(a)."""
        return statistics.median(self.extraction) / statistics.median(self.parse)


def find_polnear(corpus_root: Path | None) -> Path:
    """Return the PolNeAR folder: ``<corpus_root>/polnear``, or ``corpus_root`` itself.

    Args:
        corpus_root: the corpora folder (holding ``polnear/``) or the PolNeAR
            folder; ``None`` asks :func:`quoteattr.evaluate.default_corpora_root`.

    Raises:
        SystemExit: if no PolNeAR texts are found there.
    """
    if corpus_root is None:
        from quoteattr.evaluate import default_corpora_root

        corpus_root = default_corpora_root()
        if corpus_root is None:
            msg = "cannot find the corpora; pass --corpus-root PATH (the folder holding polnear/)"
            raise SystemExit(msg)
    for candidate in (corpus_root / "polnear", corpus_root):
        if all((candidate / split / "text").is_dir() for split in _SPLITS):
            return candidate
    msg = (
        f"no PolNeAR texts under {corpus_root} (expected polnear/dev/text and "
        "polnear/train/text); pass --corpus-root PATH, the folder holding polnear/"
    )
    raise SystemExit(msg)


def load_texts(polnear: Path, count: int) -> list[str]:
    """Return ``count`` PolNeAR texts, dev then train, repeating the set if it is smaller.

    Args:
        polnear: the PolNeAR folder.
        count: how many documents to return.

    Raises:
        SystemExit: if the folder holds no texts.
    """
    paths = [path for split in _SPLITS for path in sorted((polnear / split / "text").glob("*.txt"))]
    if not paths:
        msg = f"no .txt files in {polnear}/{{dev,train}}/text"
        raise SystemExit(msg)
    texts = []
    # newline="" keeps "\r\n" as is: the corpus offsets count it as two characters.
    for path in paths[:count]:
        with open(path, encoding="utf-8", newline="") as file:
            texts.append(file.read())
    return list(itertools.islice(itertools.cycle(texts), count))


def count_words(texts: Iterable[str]) -> int:
    """Return how many whitespace-separated words ``texts`` hold."""
    return sum(len(text.split()) for text in texts)


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as file:
            for line in file:
                if line.startswith("model name"):
                    return line.partition(":")[2].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown"


def _memory() -> str:
    try:
        with open("/proc/meminfo", encoding="utf-8") as file:
            for line in file:
                if line.startswith("MemTotal:"):
                    kib = int(line.split()[1])
                    return f"{kib / 1024**2:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return "unknown"


def _load() -> str:
    try:
        return ", ".join(f"{load:.2f}" for load in os.getloadavg())
    except OSError:
        return "unknown"


def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def machine_description(nlp: Any) -> list[tuple[str, str]]:
    """Return (what, value) pairs describing the machine and the software measured.

    Args:
        nlp: the spaCy pipeline measured, for its name and version.
    """
    meta = getattr(nlp, "meta", {})
    model = f"{meta.get('lang', '?')}_{meta.get('name', '?')} {meta.get('version', '?')}"
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    cores = f"{os.cpu_count()} logical" + (f" ({usable} usable)" if usable is not None else "")
    return [
        ("date", datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")),
        ("CPU", _cpu_model()),
        ("cores", cores),
        ("RAM", _memory()),
        ("load average (1, 5, 15 min) at the end", _load()),
        ("OS", platform.platform()),
        ("Python", platform.python_version()),
        ("spaCy", _version("spacy")),
        ("thinc", _version("thinc")),
        ("numpy", _version("numpy")),
        ("model", f"{model}; components: {', '.join(getattr(nlp, 'pipe_names', []))}"),
        ("textacy", _version("textacy")),
        ("quoteattr", _version("quoteattr")),
    ]


def _timed(run: Callable[[], Any]) -> tuple[float, Any]:
    # Collect first so one measurement does not pay for the garbage of the last.
    gc.collect()
    start = time.perf_counter()
    value = run()
    return time.perf_counter() - start, value


def _extraction_round(extractor: Any, docs: Sequence[Any]) -> tuple[float, int]:
    seconds, results = _timed(lambda: [extractor.extract_doc(doc) for doc in docs])
    return seconds, sum(len(result.statements) for result in results)


def _textacy_round(docs: Sequence[Any], measurements: Measurements, first: bool) -> float:
    from textacy.extract.triples import direct_quotations

    failures = triples = 0
    start = time.perf_counter()
    for doc in docs:
        # textacy raises on messy text (an odd number of quote marks); we count it.
        try:
            triples += len(list(direct_quotations(doc)))
        except Exception as error:
            failures += 1
            if first:
                key = f"{type(error).__name__}: {re.sub(r'[0-9]+', 'N', str(error))}"
                measurements.textacy_errors.setdefault(key, str(error))
    seconds = time.perf_counter() - start
    if first:
        measurements.textacy_failures = failures
        measurements.textacy_triples = triples
    return seconds


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def measure(
    extractor: Any,
    texts: Sequence[str],
    *,
    rounds: int,
    batch_size: int,
    n_process: int,
    warmup: int,
) -> Measurements:
    """Run the four measurements over ``texts`` and return the seconds they took.

    Args:
        extractor: a :class:`quoteattr.Extractor`.
        texts: the documents.
        rounds: how many times to run each measurement.
        batch_size: documents spaCy processes at a time.
        n_process: worker processes for the parse, in (a) and (b) alike.
        warmup: how many documents to run through (a) and (b) first, untimed.
    """
    nlp = extractor.nlp
    measurements = Measurements(documents=len(texts), words=count_words(texts))
    if warmup:
        _log(f"warm-up on {min(warmup, len(texts))} documents")
        list(extractor.pipe(texts[:warmup], batch_size=batch_size, n_process=n_process))
        with nlp.select_pipes(disable=[WORKER]):
            list(nlp.pipe(texts[:warmup], batch_size=batch_size, n_process=n_process))

    def parse() -> list[Any]:
        # The same pipeline without quoteattr's last step, the extraction itself.
        with nlp.select_pipes(disable=[WORKER]):
            return list(nlp.pipe(texts, batch_size=batch_size, n_process=n_process))

    def end_to_end() -> list[Any]:
        return list(extractor.pipe(texts, batch_size=batch_size, n_process=n_process))

    for number in range(rounds):
        order = ("parse", "end_to_end") if number % 2 == 0 else ("end_to_end", "parse")
        for name in order:
            if name == "parse":
                seconds, docs = _timed(parse)
                measurements.parse.append(seconds)
                extraction, measurements.statements = _extraction_round(extractor, docs)
                measurements.extraction.append(extraction)
                measurements.textacy.append(_textacy_round(docs, measurements, number == 0))
                del docs
                _log(
                    f"round {number + 1}/{rounds}: (a) parse {seconds:.1f} s, "
                    f"(c) extraction {extraction:.1f} s, (d) textacy "
                    f"{measurements.textacy[-1]:.1f} s"
                )
            else:
                seconds, results = _timed(end_to_end)
                del results
                measurements.end_to_end.append(seconds)
                _log(f"round {number + 1}/{rounds}: (b) end to end {seconds:.1f} s")
    return measurements


def markdown_table(rows: Sequence[Sequence[str]]) -> str:
    """Return rows as a markdown table: first column left-aligned, the rest right-aligned."""
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]

    def line(cells: Sequence[str]) -> str:
        padded = [
            cell.ljust(width) if column == 0 else cell.rjust(width)
            for column, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ]
        return "| " + " | ".join(padded) + " |"

    rule = ["-" * (widths[0] + 2)] + ["-" * (width + 1) + ":" for width in widths[1:]]
    return "\n".join([line(rows[0]), "|" + "|".join(rule) + "|", *map(line, rows[1:])])


def render(
    measurements: Measurements,
    machine: Sequence[tuple[str, str]],
    command: str,
    batch_size: int,
    n_process: int,
) -> str:
    """Render the measurements, the machine and the command as markdown.

    Args:
        measurements: what :func:`measure` returned.
        machine: what :func:`machine_description` returned.
        command: the command line that produced the numbers.
        batch_size: the batch size used.
        n_process: the number of parse processes used.
    """
    m = measurements
    parse_rate = m.rate(m.parse)

    def row(name: str, seconds: Sequence[float]) -> list[str]:
        rate = m.rate(seconds)
        return [
            name,
            f"{rate:,.0f}",
            f"{rate / parse_rate:.3f}",
            f"{statistics.median(seconds):.2f}",
            ", ".join(f"{m.words / s:,.0f}" for s in seconds),
        ]

    rows = [
        ["measurement", "words/s (median)", "× parse", "s (median)", "words/s per round"],
        row("(a) spaCy parse alone (`nlp.pipe`)", m.parse),
        row("(b) quoteattr end to end (`Extractor.pipe`)", m.end_to_end),
        row("(c) quoteattr extraction only (`extract_doc`)", m.extraction),
        row("(d) textacy `direct_quotations`", m.textacy),
    ]
    verdict = "meets" if m.ratio >= TARGET_RATIO else "misses"
    errors = "; ".join(f"`{message.split(';')[0]}`" for message in m.textacy_errors.values())
    lines = [
        f"{m.documents:,} PolNeAR documents (dev then train, repeated to fill), "
        f"{m.words:,} words; batch size {batch_size}, {n_process} parse process(es); "
        f"median of {len(m.parse)} interleaved rounds after a warm-up.",
        "",
        markdown_table(rows),
        "",
        f"- **(b)/(a) = {m.ratio:.3f}**: {verdict} the target of ≥ {TARGET_RATIO}.",
        "- Per round, (b)/(a) = "
        + ", ".join(f"{a / b:.3f}" for a, b in zip(m.parse, m.end_to_end, strict=False))
        + f"; the ratio implied by (c), (a)/((a)+(c)), is {m.implied_ratio:.3f}. When "
        "the two disagree, other processes were competing for the CPU: trust the implied one.",
        f"- Extraction takes {100 * m.extraction_share:.1f}% of the parse time ((c)/(a) "
        "in seconds); quoteattr found "
        f"{m.statements:,} statements, textacy {m.textacy_triples:,} direct quotations.",
        f"- textacy raised on {m.textacy_failures:,} of {m.documents:,} documents"
        + (f" ({errors})." if errors else "."),
        "",
        "Machine:",
        "",
        *(f"- {name}: {value}" for name, value in machine),
        "",
        "Reproduce:",
        "",
        "```sh",
        command,
        "```",
    ]
    return "\n".join(lines) + "\n"


def _markers(name: str) -> tuple[str, str]:
    return f"<!-- benchmarks.{name}:start -->", f"<!-- benchmarks.{name}:end -->"


def refresh_section(path: Path, name: str, heading: str, body: str) -> None:
    """Write ``body`` into the section ``name`` of a markdown file, keeping the rest.

    The section lies between ``<!-- benchmarks.<name>:start -->`` and
    ``<!-- benchmarks.<name>:end -->``; it is appended (under ``heading``) when
    the file lacks it, and the file is created when missing.

    Args:
        path: the markdown file.
        name: the section's name.
        heading: the markdown heading put above a new section.
        body: the section's new content.
    """
    start, end = _markers(name)
    block = f"{start}\n{body.rstrip()}\n{end}"
    try:
        old = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        old = "# Performance\n"
    if start in old and end in old:
        before, _, rest = old.partition(start)
        _, _, after = rest.partition(end)
        new = before + block + after
    else:
        new = old.rstrip() + f"\n\n{heading}\n\n{block}\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(new, encoding="utf-8")


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        msg = f"must be at least 1 (got {number})"
        raise argparse.ArgumentTypeError(msg)
    return number


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.throughput",
        description="Measure quoteattr's throughput against the spaCy parse alone.",
    )
    parser.add_argument(
        "--corpus-root",
        type=Path,
        default=None,
        help="the corpora folder holding polnear/ (default: found like quoteattr evaluate)",
    )
    parser.add_argument(
        "--docs", type=_positive, default=1000, help="documents per round (default: 1000)"
    )
    parser.add_argument(
        "--repeat",
        type=_positive,
        default=2,
        help="interleaved rounds of each measurement; the median is reported (default: 2)",
    )
    parser.add_argument("--n-process", type=_positive, default=1, help="parse processes")
    parser.add_argument("--batch-size", type=_positive, default=64, help="spaCy batch size")
    parser.add_argument(
        "--warmup", type=int, default=20, help="documents run untimed first (default: 20)"
    )
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: quoteattr's)")
    parser.add_argument(
        "--output",
        type=Path,
        nargs="?",
        const=Path("docs/performance.md"),
        default=None,
        help="also write the results into this markdown file's throughput section "
        "(default when given without a path: docs/performance.md)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark, print the markdown and optionally write it to a file.

    Args:
        argv: the command-line arguments; ``None`` reads ``sys.argv``.

    Returns:
        The exit status.
    """
    args = _parser().parse_args(argv)
    polnear = find_polnear(args.corpus_root)
    texts = load_texts(polnear, args.docs)

    from quoteattr.api import Extractor

    extractor = Extractor(args.model)
    _log(f"{len(texts):,} documents, {count_words(texts):,} words; {extractor!r}")
    load_at_start = _load()
    measurements = measure(
        extractor,
        texts,
        rounds=args.repeat,
        batch_size=args.batch_size,
        n_process=args.n_process,
        warmup=args.warmup,
    )
    command = "python -m benchmarks.throughput " + " ".join(
        [
            f"--docs {args.docs}",
            f"--repeat {args.repeat}",
            f"--n-process {args.n_process}",
            f"--batch-size {args.batch_size}",
        ]
        + ([f"--output {args.output}"] if args.output else [])
    )
    machine = machine_description(extractor.nlp)
    # Other work on the machine slows both (a) and (b); the load shows how much there was.
    where = next(i for i, (name, _) in enumerate(machine) if name.startswith("load average"))
    machine.insert(where, ("load average (1, 5, 15 min) at the start", load_at_start))
    body = render(measurements, machine, command, args.batch_size, args.n_process)
    print(body)
    if args.output is not None:
        refresh_section(args.output, SECTION, "## Throughput", body)
        _log(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
