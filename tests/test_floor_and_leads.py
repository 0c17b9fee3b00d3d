"""Agreement and nods answer; a pronoun is not whom its clause names; "him" never leads in."""

from __future__ import annotations

import pytest

from quoteattr.api import Extractor
from quoteattr.model import Result


def _speakers(result: Result) -> list[str | None]:
    return [s.speaker.name if s.speaker else None for s in result.statements]


@pytest.mark.parametrize("word", ["Precisely", "Exactly", "Quite so", "Of course", "True"])
def test_a_quote_of_agreement_answers_the_one_before(extractor: Extractor, word: str) -> None:
    """After "“…,” said Arthur.", a line opening "“Precisely. …”" is the other side's."""
    text = (
        "“Who sent the parcel?” asked Arthur Benton.\n"
        "“The grocer sent it,” said Mary Dawson.\n"
        "“The grocer must be rich,” said Arthur Benton.\n"
        f"“{word}. He owns half the street.”\n"
    )
    speakers = _speakers(extractor.extract(text))
    assert speakers[-2] == "Arthur Benton"
    assert speakers[-1] == "Mary Dawson"


def test_a_pronoun_is_not_whom_its_own_clause_names(extractor: Extractor) -> None:
    """A "he" that "drove his mule in behind Arthur Benton" is not Arthur Benton."""
    text = (
        "An old man came out of the dark and stopped by the fire.\n"
        "“I may head north,” said Arthur Benton.\n"
        "“One place is the same as another to me,” replied the old man.\n"
        "Then with gentle slaps he drove his mule in behind Arthur Benton.\n"
        "“Yes, I am old. I am lonely, too.”\n"
    )
    speakers = _speakers(extractor.extract(text))
    assert speakers[0] == "Arthur Benton"
    assert speakers[-1] is not None
    assert speakers[-1] != "Arthur Benton"
    assert "old man" in speakers[-1].lower()


def test_an_object_pronoun_does_not_lead_in_with_a_colon(extractor: Extractor) -> None:
    """A lead-in "… said, with more kindness than expected of him:" is not spoken by "him"."""
    text = (
        "Arthur Benton came into the room. The nurse sat by the fire.\n"
        "She rose and, going to the window, said, with more kindness than "
        "might have been expected of him: “You must not talk about leaving yet.”\n"
    )
    result = extractor.extract(text)
    quote = next(s for s in result.statements if "leaving" in s.text)
    assert quote.speaker is not None
    assert quote.speaker.mention is not None
    assert quote.speaker.mention.text.lower() != "him"
    assert quote.speaker.name != "Arthur Benton"


def test_a_nod_after_a_question_is_no_cue_of_it(extractor: Extractor) -> None:
    """A "He nodded." after "“…?”" is the one asked answering, not the question's cue."""
    text = (
        "“Where have you been?” asked Mary Dawson.\n"
        "“At the harbour,” said Arthur Benton.\n"
        "“The ship has come in, then?”\n"
        "He nodded.\n"
    )
    question = extractor.extract(text).statements[-1]
    assert "ship" in question.text
    assert question.cue is None or question.cue.text != "nodded"
