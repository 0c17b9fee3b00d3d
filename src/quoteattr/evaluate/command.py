"""The ``evaluate`` subcommand: arguments and the function that runs it.

The command line proper (``quoteattr.cli``) owns the parser and knows how to
build an extractor and read serialised results; it passes those in, so this
module never imports spaCy or the serialiser.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from quoteattr.errors import CorpusFormatError
from quoteattr.evaluate.corpora import CORPORA, GoldDocument, default_corpora_root, load_corpus
from quoteattr.evaluate.report import format_calibration, format_markdown, format_text
from quoteattr.evaluate.scoring import ALL, Report, score
from quoteattr.model import Kind, Result

__all__ = ["Extractor", "add_arguments", "evaluate_corpus", "read_predictions", "run"]

_NO_CORPORA = (
    "error: cannot find the annotated corpora; pass --root PATH or set QUOTEATTR_CORPORA "
    "to the folder holding polnear/ and litbank-quotations/"
)


class Extractor(Protocol):
    """Anything with a ``pipe`` method turning texts into results, in order."""

    def pipe(self, texts: Iterable[str]) -> Iterator[Result]:
        """Yield one result per text, in order."""
        ...


def evaluate_corpus(
    docs: Sequence[GoldDocument], extract: Callable[[Sequence[str]], Iterable[Result]]
) -> Report:
    """Run an extractor over the gold documents' texts and score what it finds.

    Args:
        docs: the gold documents.
        extract: a function from the texts, in order, to one result per text
            in the same order, e.g. ``lambda texts: extractor.pipe(texts)``.

    Returns:
        The report.

    Raises:
        ValueError: if ``extract`` returns more or fewer results than texts.

    """
    results = list(extract([doc.text for doc in docs]))
    if len(results) != len(docs):
        msg = (
            f"the extractor returned {len(results)} results for {len(docs)} texts; "
            "return one result per text, in order"
        )
        raise ValueError(msg)
    return score(docs, {doc.id: result for doc, result in zip(docs, results, strict=True)})


def read_predictions(
    path: Path,
    docs: Sequence[GoldDocument],
    load_result: Callable[[dict[str, Any], str], Result],
) -> dict[str, Result]:
    """Read predictions from a JSONL file: one serialised result a line, with its ``id``.

    Lines whose ``id`` is no gold document's are skipped.

    Args:
        path: the JSONL file.
        docs: the gold documents, whose texts the results are loaded against.
        load_result: turns one line's object and the document's text into a result.

    Returns:
        The results by document id.

    Raises:
        CorpusFormatError: if the file is unreadable or a line is not a JSON
            object with an ``id``.

    """
    texts = {doc.id: doc.text for doc in docs}
    results: dict[str, Result] = {}
    try:
        with open(path, encoding="utf-8") as file:
            lines = file.read().splitlines()
    except (OSError, UnicodeDecodeError) as error:
        msg = f"cannot read predictions file {path}: {error}"
        raise CorpusFormatError(msg) from error
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            msg = f"{path}:{number}: not a JSON object ({error})"
            raise CorpusFormatError(msg) from error
        if not isinstance(data, dict) or "id" not in data:
            msg = f"{path}:{number}: expected a JSON object with an 'id'"
            raise CorpusFormatError(msg)
        doc_id = str(data["id"])
        if doc_id in texts:
            results[doc_id] = load_result(data, texts[doc_id])
    return results


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``evaluate`` subcommand's arguments to a parser.

    Args:
        parser: the (sub)parser to extend.

    """
    parser.add_argument(
        "--corpus", choices=CORPORA, default="polnear", help="the gold corpus (default: polnear)"
    )
    parser.add_argument("--split", default="dev", help="the PolNeAR split (default: dev)")
    parser.add_argument(
        "--root",
        type=Path,
        default=None,
        help="the folder holding the corpora (default: $QUOTEATTR_CORPORA or ../shared/corpora)",
    )
    parser.add_argument(
        "--limit", type=int, default=None, metavar="N", help="score only the first N documents"
    )
    parser.add_argument(
        "--predictions",
        type=Path,
        default=None,
        metavar="FILE.jsonl",
        help="score these saved results (one JSON result with its 'id' a line) instead of "
        "running the extractor",
    )
    parser.add_argument(
        "--format", choices=("text", "json", "markdown"), default="text", help="output format"
    )
    parser.add_argument(
        "--kind",
        action="append",
        choices=(ALL, *(kind.value for kind in Kind)),
        default=None,
        help="show only this row (repeatable; default: all rows)",
    )


def _render(report: Report, args: argparse.Namespace) -> str:
    kinds: list[str] | None = args.kind
    if args.format == "json":
        data = report.to_dict()
        if kinds:
            data["modes"] = {
                mode: {kind: row for kind, row in rows.items() if kind in kinds}
                for mode, rows in data["modes"].items()
            }
        return json.dumps(data, indent=2, ensure_ascii=False)
    if args.format == "markdown":
        rendered: str = format_markdown(report, kinds=kinds)
    else:
        rendered = format_text(report, kinds=kinds)
    if report.calibration and any(b.predicted for b in report.calibration):
        rendered += "\n\nCalibration (predictions by confidence):\n\n" + format_calibration(report)
    return rendered


def run(
    args: argparse.Namespace,
    make_extractor: Callable[[], Extractor],
    load_result: Callable[[dict[str, Any], str], Result] | None = None,
) -> int:
    """Load the gold corpus, get predictions, score them and print the report.

    Args:
        args: the parsed arguments (see :func:`add_arguments`).
        make_extractor: builds the extractor; called only when no
            ``--predictions`` file is given.
        load_result: turns one serialised result and its text into a
            :class:`~quoteattr.model.Result`; needed for ``--predictions``.

    Returns:
        The exit status: 0 on success, 2 when the corpora or the predictions
        cannot be read.

    """
    root: Path | None = args.root if args.root is not None else default_corpora_root()
    if root is None or not Path(root).is_dir():
        print(_NO_CORPORA, file=sys.stderr)
        return 2
    try:
        docs = load_corpus(args.corpus, Path(root), args.split)
    except CorpusFormatError as error:
        print(f"error: {error}\n{_NO_CORPORA}", file=sys.stderr)
        return 2
    if args.limit is not None:
        docs = docs[: max(args.limit, 0)]
    if args.predictions is not None:
        if load_result is None:
            print("error: --predictions is not supported here", file=sys.stderr)
            return 2
        try:
            predicted: Mapping[str, Result] = read_predictions(args.predictions, docs, load_result)
            report = score(docs, predicted)
        except CorpusFormatError as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
    else:
        extractor = make_extractor()
        report = evaluate_corpus(docs, extractor.pipe)
    print(_render(report, args))
    return 0
