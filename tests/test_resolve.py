"""Speaker resolution: names, pronouns, descriptions, unnamed speakers, headlines."""

from __future__ import annotations

import pytest

from quoteattr.api import Extractor
from quoteattr.model import Result


def _speakers(result: Result) -> list[str | None]:
    return [s.speaker.name if s.speaker else None for s in result.statements]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Senator Jane Smith spoke on Monday. “We will win this race,” Smith said.",
            ["Jane Smith"],
        ),
        (
            "Mr. John Brown met Ms. Alice Green. “We will win this race,” she said.",
            ["Alice Green"],
        ),
        (
            "Russian Foreign Minister Sergey Lavrov arrived on Monday.\n"
            "“We welcome the talks between the two countries,” the foreign minister said.",
            ["Sergey Lavrov"],
        ),
        (
            "The Kremlin issued a note. It said that the talks would resume next week.",
            ["Kremlin"],
        ),
    ],
)
def test_speaker_resolves(extractor: Extractor, text: str, expected: list[str]) -> None:
    """Names, pronouns, descriptions and organisations resolve to the entity meant."""
    assert expected == _speakers(extractor.extract(text))


def test_shared_surname_stays_apart(extractor: Extractor) -> None:
    """Two people with one surname are two entities; the bare surname joins neither."""
    text = (
        "Hillary Clinton and Bill Clinton arrived together.\n“We will win this race,” Clinton said."
    )
    result = extractor.extract(text)
    people = sorted(e.name for e in result.entities if e.label == "PERSON")
    (statement,) = result.statements
    expected: tuple[list[str], str | None] = (["Bill Clinton", "Hillary Clinton"], None)
    assert expected == (people, statement.speaker.entity if statement.speaker else "missing")


def test_titles_and_affiliation(extractor: Extractor) -> None:
    """A pre-name title becomes the entity's title, its nationality the affiliation."""
    text = "“We will not give up the talks,” said Russian Foreign Minister Sergey Lavrov."
    (statement,) = extractor.extract(text).statements
    speaker = statement.speaker
    assert speaker is not None
    expected = ("Sergey Lavrov", ["Russian Foreign Minister"], "Russian")
    assert expected == (
        speaker.name,
        [t.text for t in speaker.titles],
        speaker.affiliation.text if speaker.affiliation else None,
    )


def test_unnamed_speaker_keeps_its_description(extractor: Extractor) -> None:
    """ "A White House spokesman" has no entity; its organisation is the affiliation."""
    text = "“The president will sign the bill on Friday,” a White House spokesman said."
    (statement,) = extractor.extract(text).statements
    speaker = statement.speaker
    assert speaker is not None
    expected = (None, "a White House spokesman", ["spokesman"], "White House")
    assert expected == (
        speaker.entity,
        speaker.name,
        [t.text for t in speaker.titles],
        speaker.affiliation.text.removeprefix("the ") if speaker.affiliation else None,
    )


def test_headline_does_not_name_an_entity(extractor: Extractor) -> None:
    """A title-cased headline's words are not glued onto the person's name."""
    text = (
        "Lawmakers Rip Donald Trump Over Taxes\n\n"
        "“He has to release his returns now,” Donald Trump's critics said. "
        "Donald Trump said he would not."
    )
    names = {e.name for e in extractor.extract(text).entities if e.label == "PERSON"}
    assert "Donald Trump" in names
    assert not any(name.startswith("Rip") for name in names)


def test_content_entities(extractor: Extractor) -> None:
    """A statement lists the entities its content mentions."""
    text = "Senator Jane Smith said that Russia and China would join the talks."
    (statement,) = extractor.extract(text).statements
    result_entities = {e.id: e.name for e in extractor.extract(text).entities}
    assert {"Russia", "China"} <= {result_entities[i] for i in statement.about}
