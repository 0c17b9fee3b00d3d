"""Who answers: the one a question was put to, a quote of assent, and a reply's description."""

from __future__ import annotations

from quoteattr.api import Extractor
from quoteattr.model import Result


def _speakers(result: Result) -> list[str | None]:
    return [s.speaker.name if s.speaker else None for s in result.statements]


def test_the_one_a_question_was_put_to_answers(extractor: Extractor) -> None:
    """After "“…?” she whispered to the nurse.", the nurse answers, not the last other speaker."""
    text = (
        "Mrs. Hale lay in the bed by the window.\n"
        "“Is the doctor coming back tonight?” said Mrs. Hale.\n"
        "“Not tonight, madam,” said Mr. Thornton.\n"
        "The nurse brought a glass of water to the bed.\n"
        "“Is the child asleep?” she whispered to the nurse.\n"
        "“Fast asleep.”\n"
    )
    speakers = _speakers(extractor.extract(text))
    assert speakers[-2] == "Mrs. Hale"
    assert speakers[-1] not in {"Mrs. Hale", "Mr. Thornton"}
    assert speakers[-1] is not None
    assert "nurse" in speakers[-1].lower()


def test_a_quote_of_assent_answers_the_one_before(extractor: Extractor) -> None:
    """After "“…,” he answered.", a line "“Very well, …”" is another's: none assents to oneself."""
    text = (
        "“Go and say good-bye to your aunt,” said Mary Dawson.\n"
        "“I do not want to say good-bye,” said Tom Dawson.\n"
        "“Very well, then run upstairs and get your hat.”\n"
    )
    speakers = _speakers(extractor.extract(text))
    assert speakers == ["Mary Dawson", "Tom Dawson", "Mary Dawson"]


def test_a_refusal_goes_on(extractor: Extractor) -> None:
    """A refusal is no assent: after "“…,” he said.", a line "“No, I won't.”" goes on."""
    text = (
        "“Go and say good-bye to your aunt,” said Mary Dawson.\n"
        "“I do not want to say good-bye,” said Tom Dawson.\n"
        "“No, I will not go.”\n"
    )
    speakers = _speakers(extractor.extract(text))
    assert speakers == ["Mary Dawson", "Tom Dawson", "Tom Dawson"]


def test_a_role_replying_is_not_the_one_replied_to(extractor: Extractor) -> None:
    """After "“Snake, …?” inquired Jim.", "replied the leader" is the one called, not Jim."""
    text = (
        "Snake Anson stood by the door of the cabin.\n"
        "“Fire feels good,” said Bill Hardy.\n"
        "“Snake, what is this deal with the rancher?” inquired Jim Wilson.\n"
        "“You will learn when I do,” replied the leader.\n"
    )
    speakers = _speakers(extractor.extract(text))
    assert speakers[-1] != "Jim Wilson"
    assert speakers[-1] is not None
    assert "Snake" in speakers[-1]
