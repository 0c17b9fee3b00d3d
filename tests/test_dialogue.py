"""The dialogue passes' building blocks, on hand-made statements (no parse)."""

from __future__ import annotations

from quoteattr.model import Kind, Span, Speaker, Statement
from quoteattr.resolve.dialogue import Turn, statement_end, without_echoes

TEXT = "“Go!” he cried, his eyes on the door. She said the door was locked."


def span(fragment: str) -> Span:
    """Return the span of ``fragment`` in ``TEXT``."""
    start = TEXT.index(fragment)
    return Span.of(TEXT, start, start + len(fragment))


QUOTE = Statement(
    kind=Kind.DIRECT,
    content=(span("“Go!”"),),
    cue=span("cried"),
    speaker=Speaker.from_mention(span("he")),
    rule="after-cue",
)
ECHO = Statement(
    kind=Kind.INDIRECT,
    content=(span("his eyes on the door"),),
    cue=span("cried"),
    rule="verb-ccomp",
)
REPORTED = Statement(
    kind=Kind.INDIRECT,
    content=(span("the door was locked"),),
    cue=span("said"),
    speaker=Speaker.from_mention(span("She")),
    rule="verb-ccomp",
)


def test_statement_end_includes_the_attribution() -> None:
    """A quote ends after its cue and speaker, not at its closing mark."""
    assert statement_end(QUOTE) == span("cried").end


def test_echoes_of_a_quotes_attribution_are_no_turns() -> None:
    """Reported speech on a direct quote's own cue is left out of the exchange."""
    assert without_echoes([QUOTE, ECHO, REPORTED]) == [0, 2]


def test_turn_takes_another_speaker() -> None:
    """A turn takes another's entity and speaker, and the rule that gave them."""
    given = Turn(3, QUOTE.speaker, "after-cue")
    assert Turn(None, None, "unattributed").key is None
    turn = Turn(None, None, "unattributed")
    turn.take(given, "turn-taking")
    assert (turn.index, turn.speaker, turn.rule, turn.key) == (3, QUOTE.speaker, "turn-taking", 3)


def test_turn_key_falls_back_to_the_mention() -> None:
    """An unresolved speaker is known in the exchange by its words."""
    assert Turn(None, QUOTE.speaker, "after-cue").key == "he"
