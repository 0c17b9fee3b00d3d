"""Measure extraction quality against annotated corpora.

Read gold attributions (:func:`read_polnear`, :func:`read_litbank`,
:func:`read_brat`, :func:`read_seed`), score predictions against them
(:func:`score`, :func:`evaluate_corpus`) and render the report
(:func:`format_markdown`). The matching rules are documented in
:mod:`quoteattr.evaluate.scoring`. Nothing here imports spaCy.
"""

from __future__ import annotations

from quoteattr.evaluate.command import Extractor, add_arguments, evaluate_corpus, run
from quoteattr.evaluate.corpora import (
    CORPORA,
    GoldDocument,
    GoldStatement,
    default_corpora_root,
    kind_of,
    load_corpus,
    read_brat,
    read_litbank,
    read_polnear,
    read_seed,
)
from quoteattr.evaluate.report import format_markdown, format_text
from quoteattr.evaluate.scoring import (
    ALL,
    MODES,
    Accuracy,
    ModeScore,
    Report,
    Row,
    content_characters,
    names_match,
    score,
)

__all__ = [
    "ALL",
    "CORPORA",
    "MODES",
    "Accuracy",
    "Extractor",
    "GoldDocument",
    "GoldStatement",
    "ModeScore",
    "Report",
    "Row",
    "add_arguments",
    "content_characters",
    "default_corpora_root",
    "evaluate_corpus",
    "format_markdown",
    "format_text",
    "kind_of",
    "load_corpus",
    "names_match",
    "read_brat",
    "read_litbank",
    "read_polnear",
    "read_seed",
    "run",
    "score",
]
