"""Tags a reader sees: an inverted phrasal verb, and a bare tag set off before the next quote."""

from __future__ import annotations

from quoteattr.api import Extractor
from quoteattr.model import Result


def _speakers(result: Result) -> list[str | None]:
    return [s.speaker.name if s.speaker else None for s in result.statements]


def test_an_inverted_phrasal_verb_names_its_speaker(extractor: Extractor) -> None:
    text = (
        "“ Certainly , ” said the colonel .\n"
        "“ Come here , my boy , ” went on Uncle Walter , with a broad smile .\n"
        "“ We shall sail for the islands next week . ”\n"
    )
    assert _speakers(extractor.extract(text))[-2:] == ["Uncle Walter", "Uncle Walter"]


def test_a_bare_tag_on_the_next_line_belongs_to_the_outcry(extractor: Extractor) -> None:
    text = (
        "“ I have nobody to leave behind me here , ” said Peter Blake .\n"
        "“ Oh ! ”\n"
        "I said , “ I guessed that you would say so before long . ”\n"
    )
    statements = extractor.extract(text).statements
    outcry = next(s for s in statements if "Oh" in s.content[0].text)
    assert outcry.speaker is not None
    assert outcry.speaker.mention is not None
    assert outcry.speaker.mention.text == "I"


def test_a_name_and_cue_running_into_a_cited_phrase_is_no_tag(extractor: Extractor) -> None:
    text = (
        "The mayor spoke on Monday :\n"
        "“ We will open the new bridge in June . ”\n"
        "Reporters claimed “ delays ” would push the work into the autumn .\n"
    )
    statements = extractor.extract(text).statements
    bridge = next(s for s in statements if "bridge" in s.content[0].text)
    assert bridge.speaker is None or bridge.speaker.name != "Reporters"
