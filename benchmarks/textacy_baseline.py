"""textacy's ``direct_quotations`` as a quoteattr strategy, scored beside quoteattr.

:func:`textacy_statements` turns each ``DQTriple`` textacy finds (speaker
tokens, cue tokens, content span) into a :class:`~quoteattr.model.Statement`
of kind ``direct`` with character offsets, so quoteattr's scorer can judge
both systems by the same rules. textacy raises on documents it cannot handle
(an odd number of quotation marks, which is ordinary in news); such a document
yields no statements, and :func:`run_textacy` says why.

``python -m benchmarks.textacy_baseline`` parses the PolNeAR dev texts once,
runs textacy and quoteattr (``Extractor.extract_doc``) on the same docs, and
prints both reports as one markdown table; ``--output`` also writes it into
``docs/performance.md``.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from benchmarks.throughput import find_polnear, refresh_section
from quoteattr.model import Kind, Result, Span, Speaker, Statement
from quoteattr.worker import WORKER

__all__ = ["CONFIDENCE", "STRATEGY", "main", "run_textacy", "textacy_statements"]

#: The strategy name the statements carry.
STRATEGY = "textacy.direct_quotations"
#: textacy gives no score; every statement gets this confidence.
CONFIDENCE = 0.5
_RULE = "dq_triple"
SECTION = "textacy"


def _token_span(text: str, tokens: Sequence[Any]) -> Span:
    """Return the span from the first token's first character to the last token's last."""
    first, last = tokens[0], tokens[-1]
    return Span.of(text, first.idx, last.idx + len(last.text))


def _statement(text: str, triple: Any) -> Statement:
    speaker = _token_span(text, triple.speaker)
    content = triple.content
    return Statement(
        kind=Kind.DIRECT,
        content=(Span.of(text, content.start_char, content.end_char),),
        cue=_token_span(text, triple.cue),
        speaker=Speaker.from_mention(speaker),
        confidence=CONFIDENCE,
        strategy=STRATEGY,
        rule=_RULE,
    )


def run_textacy(doc: Any) -> tuple[list[Statement], Exception | None]:
    """Run textacy's ``direct_quotations`` on ``doc`` and convert what it finds.

    Args:
        doc: a parsed spaCy ``Doc``.

    Returns:
        The statements, and ``None``; or no statements and the error textacy
        raised (then any quotation it yielded before raising is dropped too).
    """
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    # textacy raises ValueError on an odd number of quote marks; any error here
    # is the baseline's failure on this document, to be counted, not a crash.
    except Exception as error:
        return [], error
    return [_statement(doc.text, triple) for triple in triples], None


def textacy_statements(doc: Any) -> list[Statement]:
    """Return textacy's direct quotations in ``doc`` as quoteattr statements.

    Each statement has kind ``direct``; its content is textacy's content span
    (quote marks included), its cue runs from the first to the last cue token
    and its speaker mention from the first to the last speaker token. A
    document on which textacy raises yields none (see :func:`run_textacy`).

    Args:
        doc: a parsed spaCy ``Doc``.

    Returns:
        The statements, in text order.
    """
    return run_textacy(doc)[0]


def _results(
    ids: Sequence[str], docs: Sequence[Any], extractor: Any
) -> tuple[dict[str, Result], dict[str, Result], dict[str, Exception]]:
    ours: dict[str, Result] = {}
    theirs: dict[str, Result] = {}
    failures: dict[str, Exception] = {}
    for doc_id, doc in zip(ids, docs, strict=True):
        ours[doc_id] = extractor.extract_doc(doc, id=doc_id)
        statements, error = run_textacy(doc)
        if error is not None:
            failures[doc_id] = error
        statements.sort(key=lambda statement: (statement.start, statement.end))
        theirs[doc_id] = Result(doc.text, statements, id=doc_id)
    return ours, theirs, failures


def _subset(results: Mapping[str, Result], keep: Sequence[str]) -> dict[str, Result]:
    return {doc_id: results[doc_id] for doc_id in keep}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.textacy_baseline",
        description="Score textacy's direct_quotations beside quoteattr on PolNeAR.",
    )
    parser.add_argument(
        "--corpus-root",
        type=Path,
        default=None,
        help="the corpora folder holding polnear/ (default: found like quoteattr evaluate)",
    )
    parser.add_argument("--split", choices=("dev", "train"), default="dev", help="PolNeAR split")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: quoteattr's)")
    parser.add_argument("--batch-size", type=int, default=64, help="spaCy batch size")
    parser.add_argument(
        "--output",
        type=Path,
        nargs="?",
        const=Path("docs/performance.md"),
        default=None,
        help="also write the tables into this markdown file's textacy section "
        "(default when given without a path: docs/performance.md)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Score textacy and quoteattr on one PolNeAR split and print both as markdown.

    Args:
        argv: the command-line arguments; ``None`` reads ``sys.argv``.

    Returns:
        The exit status.
    """
    args = _parser().parse_args(argv)
    from quoteattr.api import Extractor
    from quoteattr.evaluate import read_polnear, score
    from quoteattr.evaluate.report import format_markdown

    gold = read_polnear(find_polnear(args.corpus_root), args.split)
    extractor = Extractor(args.model)
    print(f"parsing {len(gold)} PolNeAR {args.split} documents", file=sys.stderr, flush=True)
    with extractor.nlp.select_pipes(disable=[WORKER]):
        docs = list(extractor.nlp.pipe([doc.text for doc in gold], batch_size=args.batch_size))
    ids = [doc.id for doc in gold]
    ours, theirs, failures = _results(ids, docs, extractor)

    clean = [doc for doc in gold if doc.id not in failures]
    clean_ids = [doc.id for doc in clean]
    gold_in_failed = sum(len(doc.statements) for doc in gold if doc.id in failures)
    kinds: dict[str, int] = {}
    for error in failures.values():
        kinds[type(error).__name__] = kinds.get(type(error).__name__, 0) + 1
    example = next(iter(failures.values()), None)
    lines = [
        f"PolNeAR {args.split}, {len(gold)} documents, parsed once by "
        f"{extractor.nlp.meta.get('lang')}_{extractor.nlp.meta.get('name')} "
        f"{extractor.nlp.meta.get('version')}; both systems read the same docs.",
        "",
        f"textacy raised on **{len(failures)} of {len(gold)} documents** "
        f"({', '.join(f'{n} {name}' for name, n in sorted(kinds.items())) or 'none'}), "
        f"which hold {gold_in_failed:,} of the gold statements; they count as documents "
        "where textacy found nothing."
        + (f' Example: "{str(example).split(";")[0]}".' if example is not None else ""),
        "",
        "### All documents",
        "",
        format_markdown(score(gold, ours), score(gold, theirs), "quoteattr", "textacy"),
        f"### The {len(clean)} documents textacy did not raise on",
        "",
        format_markdown(
            score(clean, _subset(ours, clean_ids)),
            score(clean, _subset(theirs, clean_ids)),
            "quoteattr",
            "textacy",
        ),
        "Columns: precision, recall and F1 (%) with exact, 50% and any-overlap "
        "content matching; speaker, cue and kind accuracy on the pairs matched with "
        "50% overlap (see `quoteattr.evaluate.scoring`). textacy only finds direct "
        "quotations, so its `direct` rows are the fair comparison.",
        "",
        f"Run on {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d}; reproduce with:",
        "",
        "```sh",
        f"python -m benchmarks.textacy_baseline --split {args.split}"
        + (f" --output {args.output}" if args.output else ""),
        "```",
    ]
    body = "\n".join(lines) + "\n"
    print(body)
    if args.output is not None:
        refresh_section(args.output, SECTION, "## Quality next to textacy", body)
        print(f"wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
