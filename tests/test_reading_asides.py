"""Reading narration around quotes: asides, headings, vocatives and clauses after a cue."""

from __future__ import annotations

from quoteattr.api import Extractor
from quoteattr.model import Result, Span
from quoteattr.resolve.entities import EntityTable


def _dialogue(result: Result) -> list[tuple[str | None, str | None]]:
    return [(s.rule, s.speaker.name if s.speaker else None) for s in result.statements]


def test_a_capitalised_he_after_a_full_stop_opens_a_new_sentence(extractor: Extractor) -> None:
    """Only "I" is written with a capital mid-sentence: "He started." is narration."""
    text = (
        "“And where is the school?” asked Tom Baker.\n"
        "“The school is over there.”\n"
        "He started joyfully.\n"
    )
    rule, _ = _dialogue(extractor.extract(text))[-1]
    assert rule != "after-cue"


def test_you_see_is_an_aside_to_the_reader(extractor: Extractor) -> None:
    text = (
        "“Do cats eat bats?” said Alice Brown to herself.\n"
        "and sometimes, “Do bats eat cats?”\n"
        "for, you see, as she could not answer either question, it did not matter.\n"
    )
    names = [name for _, name in _dialogue(extractor.extract(text))]
    assert "you" not in names


def test_a_chapter_heading_is_no_part_of_a_name() -> None:
    text = "CHAPTER I. Mary walked down the hill."
    table = EntityTable(text)
    index = table.add(Span.of(text, 0, 15), "PERSON")
    assert index is not None
    assert table.clusters[index].name == "Mary"


def test_a_function_word_opening_a_sentence_names_nobody() -> None:
    text = "Down, down, down. Would the fall never end?"
    assert EntityTable(text).add(Span.of(text, 0, 4), "PERSON") is None


def test_a_name_and_my_dear_calls_that_person(extractor: Extractor) -> None:
    text = (
        "“Dinah will miss me very much to-night!” said Alice Brown.\n"
        "Dinah was the cat.\n"
        "“I hope they remember her saucer of milk. Dinah my dear! "
        "I wish you were down here with me!”\n"
    )
    assert _dialogue(extractor.extract(text))[-1][1] == "Alice Brown"


def test_another_person_acting_after_the_cue_speaks_next(extractor: Extractor) -> None:
    text = (
        "Tom Baker and Mary Lane sat under the oak.\n"
        "“You were afraid,” said Mary Lane.\n"
        "“I do not believe you,” Tom Baker said; but Mary Lane tossed her head.\n"
        "“Who is afraid of the dark? I love the night.”\n"
    )
    assert _dialogue(extractor.extract(text))[-1] == ("narration", "Mary Lane")


def test_the_last_person_a_sentence_shows_acting_speaks(extractor: Extractor) -> None:
    text = (
        "“We shall have a fine Christmas,” said Meg March.\n"
        "Meg stopped talking, Amy got out of the chair, and Jo sat up by the fire.\n"
        "“The slippers are quite worn out.”\n"
    )
    assert _dialogue(extractor.extract(text))[-1] == ("narration", "Jo")


def test_a_cue_in_a_clause_of_time_is_not_the_quote_before_it(extractor: Extractor) -> None:
    """ "“…?” and seemed disappointed when she answered, “No.”": her cue is the answer's."""
    text = (
        "Mrs. Hall laid the table for the stranger.\n"
        "“To-morrow?” he said.\n"
        "“There is no speedier delivery?” and seemed quite disappointed when she answered, “No.”\n"
    )
    statements = extractor.extract(text).statements
    assert [s.speaker.name for s in statements if "speedier" in s.text and s.speaker] != [
        "Mrs. Hall"
    ]


def test_a_he_of_the_narration_is_never_the_narrator(extractor: Extractor) -> None:
    """A narrator who says "I" and whom the others call Ralph is not the "He" who nods."""
    text = (
        "Rolfe came up the hill at sunset.\n"
        "“I would your princess were alive,” I said presently.\n"
        "“So do I,” he answered softly.\n"
        "“If I did not think to meet her again, I could not smile, Ralph, as I do now.”\n"
        "“It is a strange thing,” I said, as I refilled my pipe.\n"
        "“Yet I came to persuade thee, Ralph!” he cried, with another laugh.\n"
        "“There was more passing than usual,” I said; "
        "“but I did not attend. What is the lodestar?”\n"
        "“The star that draws us all, woman.”\n"
        "“Humph! The maids have come, then?”\n"
        "He nodded.\n"
        "“There is a goodly ship down there.”\n"
    )
    assert _dialogue(extractor.extract(text))[-1][1] != "Ralph"
