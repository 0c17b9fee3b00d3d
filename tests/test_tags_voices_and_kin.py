"""A name's tag on the line after a quote, voices, dash-marked turns and "her mother" again."""

from __future__ import annotations

from quoteattr.api import Extractor
from quoteattr.model import Result


def _speakers(result: Result) -> list[str | None]:
    return [s.speaker.name if s.speaker else None for s in result.statements]


def test_a_name_and_said_on_the_line_after_a_quote_is_its_tag(extractor: Extractor) -> None:
    text = (
        "Tom Hale and Ned Price stood at the window .\n"
        "“ Our old house ! ”\n"
        "Ned Price said .\n"
        "Tom turned away from the window .\n"
    )
    statement = extractor.extract(text).statements[0]
    assert statement.rule == "after-cue"
    assert statement.speaker is not None
    assert statement.speaker.name == "Ned Price"


def test_a_name_and_a_gesture_after_a_quote_is_no_tag(extractor: Extractor) -> None:
    text = "Tom Hale and Mary Price stood at the window .\n“ Is it you ? ”\nMary Price nodded .\n"
    assert extractor.extract(text).statements[0].rule != "after-cue"


def test_a_voice_going_on_before_a_quote_is_its_owners(extractor: Extractor) -> None:
    text = (
        "Tom Hale and Mary Price stood at the window .\n"
        "“ It is late , ” said Mary Price .\n"
        "She went to the door .\n"
        "Tom Hale ’s deep voice went on .\n"
        "“ We shall go down now . ”\n"
    )
    assert _speakers(extractor.extract(text))[-1] == "Tom Hale"


def test_words_after_the_tag_of_a_dash_turn_are_its_speakers(extractor: Extractor) -> None:
    """Without a dash of their own they go on the turn, even after a question."""
    text = (
        "Tom Hale came up the stairs with a lamp .\n"
        "Ned Price sat by the window .\n"
        "— Are you awake , Ned ?\n"
        "Tom said .\n"
        "— I am ,\n"
        "Ned said .\n"
        "— It is late , Ned , is it not ?\n"
        "he said kindly .\n"
        "You have slept all day .\n"
        "— I have not !\n"
        "Ned said .\n"
        "— Come down to breakfast !\n"
        "Tom said .\n"
    )
    result = extractor.extract(text)
    going_on = next(s for s in result.statements if s.text.startswith("You have"))
    assert going_on.speaker is not None
    assert going_on.speaker.name == "Tom Hale"


def test_her_mother_again_is_whom_her_mother_stood_for(extractor: Extractor) -> None:
    """With nothing to show whose mother, "her mother" is the one so called before."""
    text = (
        "Mrs. Price sat by the fire with her daughters Jane and Kitty .\n"
        "“ It will rain , Jane , ” said Mr. Price .\n"
        "“ Never mind the rain , ” said her mother .\n"
        "“ When is the ball , Jane ? ”\n"
        "“ To-morrow . ”\n"
        "“ So it is , ” cried her mother .\n"
    )
    assert _speakers(extractor.extract(text))[-1] == "Mrs. Price"
