"""Turns a reader follows: replies to a name called, going on, broken-off quotes, callings."""

from __future__ import annotations

from quoteattr.api import Extractor
from quoteattr.model import Result


def _speakers(result: Result) -> list[str | None]:
    return [s.speaker.name if s.speaker else None for s in result.statements]


def test_a_name_called_after_and_is_answered(extractor: Extractor) -> None:
    text = (
        "“Alice has made the tea,” said Mrs. Pryor.\n"
        "“Walter met us on the road,” said Alice.\n"
        "“That is a good girl! — and Walter, where have you been all day?”\n"
        "“Fishing.”\n"
    )
    assert _speakers(extractor.extract(text))[-1] == "Walter"


def test_he_replying_to_a_name_called_is_that_person(extractor: Extractor) -> None:
    text = (
        "We sat down at the table after the long day.\n"
        "“It is time you found some work, Walter,” said I, as soon as a pause in his story"
        " allowed me to get in a word.\n"
        "“What can I do?” replied he.\n"
        "“Walter has been fishing,” said Mrs. Pryor.\n"
    )
    result = extractor.extract(text)
    reply = next(s for s in result.statements if s.text.startswith("“What"))
    assert reply.speaker is not None
    assert reply.speaker.name == "Walter"


def test_the_narrator_is_not_whom_they_call(extractor: Extractor) -> None:
    text = (
        "I came home late that evening.\n"
        "“Come in, Walter,” said Mrs. Pryor.\n"
        "“Sit here by the fire, Walter,” said Alice.\n"
        "“You are late again, Walter,” said I, sitting down.\n"
        "“I know,” said Walter.\n"
    )
    assert _speakers(extractor.extract(text))[2] != "Walter"


def test_mamma_calls_the_mother(extractor: Extractor) -> None:
    text = (
        "“Is it not strange?” said Walter Pryor.\n"
        "“Very strange,” said my mother.\n"
        "“Is it not, mamma?”\n"
    )
    assert _speakers(extractor.extract(text))[-1] != "my mother"


def test_continued_the_description_is_the_last_speaker(extractor: Extractor) -> None:
    text = (
        "“Who are you to order me about?” said Tom Gale.\n"
        "“I am the heir of the whole valley,” said Walter Pryor, and he lay down upon the grass.\n"
        "Tom Gale looked at him for a long time.\n"
        "“All of it is mine,” continued the prostrate man.\n"
    )
    assert _speakers(extractor.extract(text))[-1] == "Walter Pryor"


def test_a_quote_broken_off_is_cut_short_by_the_other(extractor: Extractor) -> None:
    text = (
        "“Where were you?” asked Mrs. Pryor.\n"
        "“Down by the river,” said Walter Pryor.\n"
        "“Well, under the old bridge there lies --” “It is no bridge now.”\n"
    )
    speakers = _speakers(extractor.extract(text))
    assert speakers[-2] == "Walter Pryor"
    assert speakers[-1] == "Mrs. Pryor"


def test_a_name_before_a_dash_pointing_back_is_not_called() -> None:
    from quoteattr.resolve.dialogue import _set_off

    class _Word:
        def __init__(self, text: str, pos: str) -> None:
            self.text, self.lower_, self.pos_ = text, text.lower(), pos
            self.ent_type_ = "PERSON" if pos == "PROPN" else ""

    words = [_Word("Walter", "PROPN"), _Word("--", "PUNCT"), _Word("that", "PRON")]
    assert not _set_off(words, 0)  # type: ignore[arg-type]
    words[2] = _Word("come", "VERB")
    assert _set_off(words, 0)  # type: ignore[arg-type]


def test_another_word_for_a_calling_is_the_same_person(extractor: Extractor) -> None:
    text = (
        "A parson rode up the lane on a grey mare.\n"
        "“Good evening,” said Walter Pryor.\n"
        "“Good evening to you,” said the parson.\n"
        "The clergyman explained that he had been hunting old records.\n"
        "“I found your name in them,” said he.\n"
    )
    speakers = _speakers(extractor.extract(text))
    assert speakers[-1] == speakers[2] is not None
    assert speakers[-1] != "The clergyman"
