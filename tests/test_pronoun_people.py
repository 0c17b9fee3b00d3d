"""Pronouns after cues: who the exchange is, who is a person, whose sex an honorific shows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from quoteattr.model import Kind, Span, Speaker, Statement
from quoteattr.resolve.dialogue import _with_article, people_by_use
from quoteattr.resolve.entities import EntityTable
from quoteattr.resolve.rules import _exchange, _only_agreeing

if TYPE_CHECKING:
    from spacy.language import Language

    from quoteattr.api import Extractor


def _span(text: str, fragment: str, start: int = 0) -> Span:
    begin = text.index(fragment, start)
    return Span.of(text, begin, begin + len(fragment))


def test_an_echo_of_an_attribution_does_not_end_the_exchange() -> None:
    """ "he cried, his face full of reproach" read as reported speech keeps the two talking."""
    text = "“Coming?” said Mrs. Morel.\n“Already?”\nhe cried, his face red.\n“Why?”\nhe said."
    quote = Statement(
        kind=Kind.DIRECT,
        content=(_span(text, "“Coming?”"),),
        cue=_span(text, "said"),
        speaker=Speaker.from_mention(_span(text, "Mrs. Morel")),
    )
    answer = Statement(
        kind=Kind.DIRECT,
        content=(_span(text, "“Already?”"),),
        cue=_span(text, "cried"),
        speaker=Speaker.from_mention(_span(text, "he")),
    )
    echo = Statement(
        kind=Kind.INDIRECT,
        content=(_span(text, "his face red"),),
        cue=_span(text, "cried"),
        speaker=Speaker.from_mention(_span(text, "he")),
    )
    last = Statement(
        kind=Kind.DIRECT,
        content=(_span(text, "“Why?”"),),
        cue=_span(text, "said", text.index("“Why?”")),
        speaker=Speaker.from_mention(_span(text, "he", text.index("“Why?”"))),
    )
    table = EntityTable(text)
    ordered = [quote, answer, echo, last]
    assert _exchange(table, ordered, [0, 1, 1], 3, {0, 1, 3}) == [1, 0]
    assert _exchange(table, ordered, [0, 1, 1], 3, {0, 1, 2, 3}) == []


def test_the_pronoun_of_the_other_sex_is_the_one_whose_sex_is_unknown() -> None:
    """A known woman talks with someone: "he" is that someone, whatever his name shows."""
    text = "Mrs. Newsome met Strether."
    table = EntityTable(text)
    woman = table.add(_span(text, "Mrs. Newsome"), "PERSON")
    other = table.add(_span(text, "Strether"), "PERSON")
    assert woman is not None
    assert other is not None
    assert table.clusters[other].gender is None
    assert _only_agreeing(table, [other, woman], "m") == other
    assert _only_agreeing(table, [other, woman], "f") is None


def _mistaken_doc(nlp: Language, words: list[str], names: list[int], label: str) -> Doc:
    doc = Doc(nlp.vocab, words=words)
    for position, token in enumerate(doc):
        token.pos_ = "PROPN" if position in names else ("PUNCT" if token.is_punct else "VERB")
        token.tag_ = "NNP" if position in names else token.pos_
    doc.set_ents([SpacySpan(doc, n, n + 1, label=label) for n in names])
    return doc


def test_a_name_the_dialogue_uses_as_a_person_is_one(nlp: Language) -> None:
    """ "Fergus", a work of art to the NER, is called out and named as a speaker: a person."""
    words = ["“", "Nonsense", ",", "Fergus", "!", "”", "said", "Fergus", "."]
    doc = _mistaken_doc(nlp, words, [3, 7], "WORK_OF_ART")
    text = doc.text
    quote = Statement(
        kind=Kind.DIRECT,
        content=(_span(text, "“ Nonsense , Fergus ! ”"),),
        cue=_span(text, "said"),
        speaker=Speaker.from_mention(_span(text, "Fergus", text.index("said"))),
    )
    assert people_by_use(doc, [quote]) == {"Fergus"}
    # Used once only, it stays what the NER says.
    alone = Statement(kind=Kind.DIRECT, content=quote.content, cue=quote.cue)
    assert people_by_use(doc, [alone]) == set()


def test_a_place_after_a_place_is_not_called_out(nlp: Language) -> None:
    """ "in Richmond, Virginia, …": set off by commas, but a place, not someone called."""
    words = ["“", "In", "Richmond", ",", "Virginia", ",", "we", "won", "”", "said", "Virginia"]
    doc = _mistaken_doc(nlp, words, [2, 4, 10], "GPE")
    text = doc.text
    quote = Statement(
        kind=Kind.DIRECT,
        content=(_span(text, "“ In Richmond , Virginia , we won ”"),),
        cue=_span(text, "said"),
        speaker=Speaker.from_mention(_span(text, "Virginia", text.index("said"))),
    )
    assert people_by_use(doc, [quote]) == set()


def test_a_surname_with_an_honorific_lends_a_gender_clear_signs_undo() -> None:
    """ "Mrs. Archer", his mother, does not make Newland Archer a woman."""
    text = "Newland Archer came in. Mrs. Archer smiled."
    table = EntityTable(text)
    index = table.add(_span(text, "Newland Archer"), "PERSON")
    assert table.add(_span(text, "Mrs. Archer"), "PERSON") == index
    assert index is not None
    cluster = table.clusters[index]
    assert cluster.gender == "f"
    assert cluster.borrowed
    cluster.signs["m"] = 4
    cluster.settle_gender()
    assert cluster.gender == "m"


def test_an_honorific_lends_its_gender_without_signs_against_it() -> None:
    text = "Lyle Archer came in. Mrs. Archer smiled."
    table = EntityTable(text)
    index = table.add(_span(text, "Lyle Archer"), "PERSON")
    table.add(_span(text, "Mrs. Archer"), "PERSON")
    assert index is not None
    table.clusters[index].signs["m"] = 1
    table.clusters[index].settle_gender()
    assert table.clusters[index].gender == "f"


def test_a_name_with_an_article_is_a_kind_not_a_person(nlp: Language) -> None:
    """ "the Argus who guarded the fruit" is no one of the story; "The Doctor" opening may be."""
    doc = nlp("The wall was high, and the Argus who guarded the fruit was watchful.")
    argus = next(t for t in doc if t.text == "Argus")
    assert _with_article(argus)
    doc = nlp("Montraville leaned on the gate.")
    assert not _with_article(doc[0])


def test_a_pronoun_chain_between_two_quotes_keeps_the_speaker(extractor: Extractor) -> None:
    """ "He mounted to the parapet." between his quotes: the same man speaks, no new turn."""
    text = (
        "Buck Mulligan shaved himself.\n"
        "“Come up, Kinch!” said Buck Mulligan.\n"
        "“I am coming,” said Stephen Dedalus.\n"
        "“Lend us your handkerchief,” said Buck Mulligan.\n"
        "He mounted to the parapet again and gazed over the bay.\n"
        "“God!” he said quietly.\n"
    )
    last = extractor.extract(text).statements[-1]
    assert last.speaker is not None
    assert last.speaker.name == "Buck Mulligan"
