"""Cutting long texts into pieces the parser can take, between paragraphs.

A piece ends at a paragraph break that no quotation spans, so a multi-
paragraph quote stays in one piece; a paragraph longer than the limit is cut
after a sentence-ending mark, or at any space as a last resort. The pieces are
parsed one by one and joined back into one ``Doc`` (``Doc.from_docs``), so
offsets never need mapping: the joined text is the original.
"""

from __future__ import annotations

import re

from quoteattr.analysis import analyse

__all__ = ["DEFAULT_MAX_CHARS", "cut_points"]

# Long enough for almost every news article to be parsed whole; short enough
# that the parser's memory stays small (spaCy's own limit is 1,000,000).
DEFAULT_MAX_CHARS = 100_000

_SENTENCE_END_RE = re.compile(r"[.!?…][\"”’')\]]*\s+")


def cut_points(text: str, max_chars: int) -> list[tuple[int, int]]:
    """Return ``(start, end)`` pieces covering ``text`` in order, each at most ``max_chars``.

    Args:
        text: the whole text.
        max_chars: the longest piece allowed (at least 1).

    Returns:
        Consecutive pieces: the first starts at 0, each starts where the last
        ended, the last ends at ``len(text)``.
    """
    if len(text) <= max_chars:
        return [(0, len(text))]
    analysis = analyse(text)
    inside = [(q.start, q.end) for q in analysis.quotes if q.depth == 0]
    breaks = [start for start, _ in analysis.paragraphs[1:]]
    safe = [b for b in breaks if not any(s < b < e for s, e in inside)]
    pieces: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > max_chars:
        limit = start + max_chars
        candidates = [b for b in safe if start < b <= limit] or [
            b for b in breaks if start < b <= limit
        ]
        end = candidates[-1] if candidates else _inside_paragraph(text, start, limit)
        pieces.append((start, end))
        start = end
    pieces.append((start, len(text)))
    return pieces


def _inside_paragraph(text: str, start: int, limit: int) -> int:
    """Return a cut after a sentence end, or a space, or at the limit itself."""
    last = None
    for match in _SENTENCE_END_RE.finditer(text, start, limit):
        last = match.end()
    if last is not None and last > start:
        return last
    space = text.rfind(" ", start + 1, limit)
    return space + 1 if space > start else limit
