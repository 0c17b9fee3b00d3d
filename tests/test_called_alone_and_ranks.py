"""A name said alone calls that person; a title of rank says its bearer's sex; "my father"."""

from __future__ import annotations

from quoteattr.api import Extractor
from quoteattr.resolve.entities import _gender_of


def test_a_name_alone_with_no_question_before_calls_that_person(extractor: Extractor) -> None:
    text = (
        "Tom Smith lay in bed. His mother came in and looked at him.\n"
        "“Tom.”\n"
        "“Oh, yes.”\n"
        "“Get up at once,” said Mrs. Smith.\n"
    )
    result = extractor.extract(text)
    names = [s.speaker.name if s.speaker else None for s in result.statements]
    assert names == ["Mrs. Smith", "Tom Smith", "Mrs. Smith"]


def test_a_name_alone_after_a_question_answers_it(extractor: Extractor) -> None:
    text = (
        "“Who came to the door?” asked Mrs. Smith.\n"
        "“Harris.”\n"
        "“What did he want?” asked Mrs. Smith.\n"
    )
    result = extractor.extract(text)
    asked = [s for s in result.statements if "?" in s.text]
    assert all(s.speaker is not None and s.speaker.name == "Mrs. Smith" for s in asked)


def test_a_title_of_rank_says_the_bearers_sex() -> None:
    assert _gender_of("Count Dracula") == "m"
    assert _gender_of("Duchess Anne") == "f"
    assert _gender_of("Count") is None


def test_the_narrators_own_kin_is_whom_a_pronoun_after_them_means(extractor: Extractor) -> None:
    text = (
        "I was sent down to the workshop, where old Bob Jones was scolding his boy.\n"
        "“Get out of here, Jim,” said old Bob Jones.\n"
        "My father's face would always brighten when Bob's name was mentioned.\n"
        "“I tell you,” he would say to me, “he was an able man.”\n"
    )
    result = extractor.extract(text)
    last = result.statements[-1].speaker
    assert last is not None
    assert last.name is not None
    assert last.name.lower() == "my father"
