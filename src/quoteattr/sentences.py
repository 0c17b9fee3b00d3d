"""Sentence-boundary fixes applied before the parser.

en_core_web_sm's parser decides sentence boundaries itself and often runs a
sentence across a paragraph break ("2:45 p.m." + blank line + "Connecticut's tax
commissioner says ..."), which makes a timestamp or a headline look like the
speaker. Presetting ``is_sent_start`` on the first token of every paragraph
fixes that; the parser keeps every preset boundary and decides the rest.
Measured on PolNeAR dev: docs/quality.md, "Parse fixes".
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["PARAGRAPHS", "paragraph_starts"]

PARAGRAPHS = "quoteattr_paragraphs"


@Language.component(PARAGRAPHS)
def paragraph_starts(doc: Doc) -> Doc:
    """Mark the first token after each line break as a sentence start."""
    for token in doc[1:]:
        if token.is_space:
            continue
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
    return doc
