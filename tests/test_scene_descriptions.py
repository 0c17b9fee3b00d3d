"""Descriptions that stand for someone of the scene: "the other", "the painter", "the old woman"."""

from __future__ import annotations

from quoteattr.api import Extractor
from quoteattr.model import Result


def _speakers(result: Result) -> list[str | None]:
    return [s.speaker.name if s.speaker else None for s in result.statements]


def test_the_other_is_the_other_speaker(extractor: Extractor) -> None:
    text = (
        "Down the trail came a man with a mule.\n"
        "“Good evening,” said the man.\n"
        "“Good evening,” replied Walter Brand.\n"
        "“I never ride with anybody,” said Brand.\n"
        "“There is room for two,” said the other, quietly.\n"
    )
    speakers = _speakers(extractor.extract(text))
    assert speakers[-1] == speakers[0] != speakers[-2]


def test_her_visitor_is_the_one_she_served(extractor: Extractor) -> None:
    text = (
        "A man came in from the snow and sat by the fire.\n"
        "“Bring me some tea,” said the man.\n"
        "Mrs. Ogilvie brought the tray into the parlour.\n"
        "“Your tea is ready, sir,” said Mrs. Ogilvie.\n"
        "“Leave it on the table,” said her visitor.\n"
    )
    speakers = _speakers(extractor.extract(text))
    assert speakers[-1] == speakers[0] != "Mrs. Ogilvie"


def test_a_calling_answers_the_name_called(extractor: Extractor) -> None:
    text = (
        "Lord Arthur Penrose walked across the studio towards Edward Hale.\n"
        "“I must be going soon, Edward,” said Lord Arthur.\n"
        "“What is the hurry?” said the painter, without looking up.\n"
    )
    assert _speakers(extractor.extract(text))[-1] == "Edward Hale"


def test_a_calling_is_nobody_named_without_a_name_called(extractor: Extractor) -> None:
    text = (
        "Lord Arthur Penrose walked across the studio towards Edward Hale.\n"
        "“I must be going soon,” said Lord Arthur.\n"
        "“What is the hurry?” said the painter, without looking up.\n"
    )
    assert _speakers(extractor.extract(text))[-1] not in {"Arthur Penrose", "Edward Hale"}


def test_the_one_woman_of_the_scene(extractor: Extractor) -> None:
    text = (
        "The nurse sat by the bed.\n"
        "“Poor dear,” said the nurse, and she drew the curtain.\n"
        "“Where did she come from?” asked Dr. Thomas Crane, putting on his gloves.\n"
        "“She was brought here last night,” replied the old woman.\n"
    )
    speakers = _speakers(extractor.extract(text))
    assert speakers[-1] == speakers[0]


def test_a_woman_described_so_before_is_not_the_one_of_the_scene(extractor: Extractor) -> None:
    text = (
        "A thin, elderly woman sat down by the window of the inn.\n"
        + "The rain fell on the roofs of the town all that evening.\n" * 60
        + "Mrs. Julia Harker poured the tea for her husband.\n"
        "“It is a long way to the coast,” said Mrs. Harker.\n"
        "“It is,” said Mr. Harker.\n"
        "“Not so far,” said the thin woman.\n"
    )
    assert _speakers(extractor.extract(text))[-1] == "the thin woman"


def test_that_gentleman_is_the_one_just_named(extractor: Extractor) -> None:
    text = (
        "Sir Giles Ormond and Captain Peter Vance sat by the fire.\n"
        "“Vance is coming with me,” said Sir Giles. “Are you not, Vance?”\n"
        "“Rather,” said that gentleman.\n"
    )
    assert _speakers(extractor.extract(text))[-1] == "Vance"


def test_her_cousin_is_the_other_of_two(extractor: Extractor) -> None:
    text = (
        "Emily Hale came into the library. Robert Ward followed her.\n"
        "“Will you sit down?” said Robert.\n"
        "“I will stand,” said Emily.\n"
        "“As you please,” said her cousin.\n"
    )
    assert _speakers(extractor.extract(text))[-1] == "Robert Ward"
