"""A third-party strategy: speaker turns in interview transcripts.

Transcripts print each turn as ``NAME: words``, with no quote marks and no
reporting verb, so no built-in rule sees them. This file shows all it takes to
teach quoteattr a new construction:

1. write a callable that takes a spaCy ``Doc`` and yields ``Statement`` objects
   whose speaker is only a *mention* (resolution to entities comes for free);
2. run it beside the built-ins: ``Extractor(strategies=[...])``;
3. to make it available by name to every user of your package, register it
   under the ``quoteattr.strategies`` entry-point group in your own
   ``pyproject.toml``::

       [project.entry-points."quoteattr.strategies"]
       "transcripts.turns.v1" = "transcripts:TranscriptTurns"

Run it: ``python examples/custom_strategy.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import attrs

from quoteattr import Extractor, Kind, Span, Speaker, Statement

# A turn: a line that starts with a capitalised name (one to three words) and a colon.
_TURN = re.compile(
    r"^(?P<name>[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,2}):[ \t]+(?P<words>\S.*)$", re.MULTILINE
)


@attrs.frozen
class TranscriptTurns:
    """Yield one direct statement per ``NAME: words`` line of a transcript."""

    name: str = "examples.transcript_turns.v1"

    def __call__(self, doc: Any) -> Iterator[Statement]:
        text: str = doc.text
        for match in _TURN.finditer(text):
            words_start, words_end = match.span("words")
            yield Statement(
                kind=Kind.DIRECT,
                content=(Span.of(text, words_start, words_end),),
                cue=Span.of(text, match.end("name"), match.end("name") + 1),
                speaker=Speaker.from_mention(Span.of(text, *match.span("name"))),
                confidence=0.8,
                strategy=self.name,
                rule="transcript-turn",
            )


TRANSCRIPT = """Partial transcript of the interview:
WALLACE: Will you accept the result of the election?
TRUMP: I will look at it at the time.
Later, Trump told reporters, "I will totally accept the results."
"""


def main() -> None:
    extractor = Extractor(strategies=["quoteattr.quotes.v1", TranscriptTurns()])
    result = extractor.extract(TRANSCRIPT)
    for statement in result.statements:
        speaker = statement.speaker.name if statement.speaker else "?"
        print(f"{speaker:>8} [{statement.strategy}]: {statement.text}")


if __name__ == "__main__":
    main()
