"""Naming people: pet forms, kin titles, sisters, married names, names given in answer."""

from __future__ import annotations

from quoteattr.api import Extractor
from quoteattr.lexicon.names import given_names_agree
from quoteattr.model import Span
from quoteattr.resolve.entities import EntityTable, name_words


def _table(text: str, names: list[tuple[str, str]], *, quoted: str = "") -> EntityTable:
    """Add each (name, label) at its next occurrence in ``text``, in order."""
    table = EntityTable(text)
    table.expect(name for name, _ in names)
    position = 0
    for name, label in names:
        start = text.index(name, position)
        position = start + len(name)
        inside = bool(quoted) and text.index(quoted) <= start < text.index(quoted) + len(quoted)
        table.add(Span.of(text, start, position), label, quoted=inside)
    return table


def _people(table: EntityTable) -> list[str]:
    return sorted(
        c.canonical() for c in table.clusters if c.label == "PERSON" and c.mentions and not c.merged
    )


def test_a_pet_form_is_its_given_name() -> None:
    """ "Carrie" is the Caroline met before; two pet forms, or two names, are not one.

    The narration calls her Carrie, so the entity is named so (see below).
    """
    assert given_names_agree("carrie", "caroline")
    assert given_names_agree("elizabeth", "lizzy")
    assert not given_names_agree("ned", "neddy")
    assert not given_names_agree("mary", "polly")
    text = "Caroline Meeber took the train. Carrie looked out. Carrie smiled."
    table = _table(
        text, [("Caroline Meeber", "PERSON"), ("Carrie", "PERSON"), ("Carrie", "PERSON")]
    )
    assert _people(table) == ["Carrie Meeber"]


def test_nobody_calls_a_lady_of_rank_by_a_pet_name() -> None:
    """ "Kitty" is not Lady Catherine."""
    text = "Lady Catherine came in. Kitty coughed."
    table = _table(text, [("Lady Catherine", "PERSON"), ("Kitty", "PERSON")])
    assert len(_people(table)) == 2


def test_a_kin_title_is_no_part_of_the_name() -> None:
    """ "Sister Carrie" is Carrie and "Uncle John" John; "Uncle" alone is a name."""
    assert name_words("Sister Carrie") == ("carrie",)
    assert name_words("Uncle John") == ("john",)
    assert name_words("Uncle") == ("uncle",)
    text = "Caroline sat down. Sister Carrie, they called her."
    table = _table(text, [("Caroline", "PERSON"), ("Sister Carrie", "PERSON")])
    assert _people(table) == ["Caroline"]


def test_the_given_name_is_the_one_the_narration_uses() -> None:
    """Thomas Beresford, whom the narration calls Tommy, is Tommy Beresford."""
    text = "Tommy walked in. “Thomas Beresford, at last,” she said. Tommy sat down."
    names = [("Tommy", "PERSON"), ("Thomas Beresford", "PERSON"), ("Tommy", "PERSON")]
    table = _table(text, names, quoted="Thomas Beresford, at last,")
    assert _people(table) == ["Tommy Beresford"]


def test_miss_and_a_surname_is_not_the_sister_called_by_her_given_name() -> None:
    """ "Miss Pinkerton" is the elder sister of "Miss Jemima Pinkerton", called "Miss Jemima"."""
    text = (
        "Miss Pinkerton wrote. Miss Jemima Pinkerton sighed. Miss Jemima wept. Miss Pinkerton read."
    )
    names = ["Miss Pinkerton", "Miss Jemima Pinkerton", "Miss Jemima", "Miss Pinkerton"]
    table = _table(text, [(name, "PERSON") for name in names])
    assert _people(table) == ["Jemima Pinkerton", "Miss Pinkerton"]


def test_a_woman_keeps_one_entity_under_her_married_name() -> None:
    """Beatrice O'Hara, who married Stephen Blaine, is Beatrice Blaine and Mrs. Blaine."""
    text = "Stephen Blaine met Beatrice O'Hara. Beatrice Blaine was a beauty. Mrs. Blaine smiled."
    names = ["Stephen Blaine", "Beatrice O'Hara", "Beatrice Blaine", "Mrs. Blaine"]
    table = _table(text, [(name, "PERSON") for name in names])
    assert _people(table) == ["Beatrice Blaine", "Stephen Blaine"]


def test_two_women_with_one_given_name_stay_apart_without_a_husband() -> None:
    """Mary Smith and Mary Jones are two women when no man bears either surname."""
    text = "Mary Smith met Mary Jones."
    table = _table(text, [("Mary Smith", "PERSON"), ("Mary Jones", "PERSON")])
    assert _people(table) == ["Mary Jones", "Mary Smith"]


def test_two_women_with_one_given_name_stay_apart_without_a_wife() -> None:
    """Sarah Sanders is no Sarah Palin married to Bernie Sanders: no "Mrs. Sanders"."""
    text = "Sarah Palin met Bernie Sanders. Sarah Sanders spoke."
    names = [("Sarah Palin", "PERSON"), ("Bernie Sanders", "PERSON"), ("Sarah Sanders", "PERSON")]
    table = _table(text, names)
    assert _people(table) == ["Bernie Sanders", "Sarah Palin", "Sarah Sanders"]


def test_a_given_name_labelled_as_a_group_still_names_the_person() -> None:
    """A known given name the NER took for an organisation ("Beatrice") joins its bearer."""
    text = "Beatrice O'Hara came home. Beatrice laughed."
    table = _table(text, [("Beatrice O'Hara", "PERSON"), ("Beatrice", "ORG")])
    assert len(table.clusters) == 1


def test_his_lady_is_his_wife(extractor: Extractor) -> None:
    """ "His lady" is the wife of the man the quote calls by name."""
    text = (
        "Mr. Bennet and Mrs. Bennet lived at Longbourn with their five daughters.\n"
        "“My dear Mr. Bennet,” said his lady to him one day, “have you heard that the hall is let?”"
    )
    (statement,) = extractor.extract(text).statements
    assert statement.speaker is not None
    assert statement.speaker.name == "Mrs. Bennet"


def test_a_stranger_is_named_by_the_answer_to_what_name(extractor: Extractor) -> None:
    """The gentleman who answers "What name?" with "Greyson" is Mr. Greyson throughout."""
    text = (
        "“How much?” asked a gentleman on his way to the office.\n"
        "“Ten cents,” said Dick.\n"
        "“Where shall I bring the change?” said the gentleman.\n"
        "“What name?” asked Dick.\n"
        "“Greyson, office on the second floor.”\n"
        "“I wonder whether he will come,” said Mr. Greyson to himself."
    )
    result = extractor.extract(text)
    named = {
        s.speaker.mention.text: s.speaker.name
        for s in result.statements
        if s.speaker is not None and s.speaker.mention is not None
    }
    assert named["the gentleman"] == "Greyson"
    assert "the gentleman" not in {e.name for e in result.entities}
