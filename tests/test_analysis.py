"""Quote-mark pairing and paragraphs on plain strings."""

from __future__ import annotations

import pytest

from quoteattr.analysis import analyse, pair_quotes, paragraphs


def _quoted(text: str, depth: int = 0) -> list[str]:
    return [text[q.start : q.end] for q in pair_quotes(text) if q.depth == depth]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “hello there” today.", ["“hello there”"]),
        ('He said "hello there" today.', ['"hello there"']),
        ("„Guten Tag“, sagte er.", ["„Guten Tag“"]),
        ("Il a dit « bonjour » hier.", ["« bonjour »"]),
        ("``Yes,'' he said.", ["``Yes,''"]),
        ("He said ‘no way’ twice.", ["‘no way’"]),
        ("O'Brien's dog doesn't bark.", []),
        ("Davis' commentary was 'short' today.", ["'short'"]),
        ("the '90s were 'fun', she said", ["'fun'"]),
        ("“One” and “two”", ["“One”", "“two”"]),
    ],
)
def test_pairs(text: str, expected: list[str]) -> None:
    """Each style of quote mark pairs with its partner; apostrophes pair with nothing."""
    assert expected == _quoted(text)


def test_nested_quotes_have_depth() -> None:
    """A quote inside a quote is kept with depth 1."""
    text = "“He called it ‘a disaster’ yesterday,” she said."
    assert _quoted(text) == ["“He called it ‘a disaster’ yesterday,”"]
    assert _quoted(text, depth=1) == ["‘a disaster’"]


def test_multi_paragraph_quote_is_one() -> None:
    """The news convention (reopened, closed only at the end) gives one quote in pieces."""
    text = "“First paragraph.\n“Second paragraph.\n“Third one,” he said.\nNext."
    quotes = pair_quotes(text)
    assert len(quotes) == 1
    assert len(quotes[0].pieces) == 3
    assert quotes[0].closed


def test_quote_across_a_line_break_without_reopening() -> None:
    """Hard-wrapped text: the next line closes the open quote."""
    text = "“It is a long\nsentence,” he said."
    assert _quoted(text) == ["“It is a long\nsentence,”"]


@pytest.mark.parametrize(
    "text",
    ["“Unclosed at the end", "He said “oops.\nNext paragraph here.", '"', "“”“", "‘’‘’'''\"\"\""],
)
def test_unbalanced_marks_never_raise(text: str) -> None:
    """Unbalanced marks give unclosed or no quotes, never an exception."""
    for quote in pair_quotes(text):
        assert 0 <= quote.start <= quote.end <= len(text)


def test_unclosed_quote_ends_at_its_paragraph() -> None:
    """An unclosed double quote stops at the end of its paragraph and says so."""
    text = "He said “oops.\nNext paragraph here."
    (quote,) = pair_quotes(text)
    assert (quote.start, quote.end, quote.closed) == (8, 14, False)


def test_paragraphs() -> None:
    """Paragraphs are the non-blank stretches between line breaks."""
    text = "One.\n\n  Two.\nThree.\n\n"
    assert paragraphs(text) == ((0, 4), (8, 12), (13, 19))


def test_primary_style_is_single_when_no_doubles() -> None:
    """British style: single marks are the main quotes and doubles nest inside them."""
    text = "'We will win,' he said. 'They call it \"hopeless\",' she said."
    primary = analyse(text).primary
    expected = ["'We will win,'", "'They call it \"hopeless\",'"]
    assert expected == [text[q.start : q.end] for q in primary]


def test_american_style_prefers_double() -> None:
    """When double marks quote anything, they are the main quotes."""
    text = "“He called it ‘a mess’,” she said. Then ‘odd’ things."
    assert [text[q.start : q.end] for q in analyse(text).primary] == ["“He called it ‘a mess’,”"]


def test_many_marks_are_fast_and_safe() -> None:
    """A text of 100,000 quote marks pairs without error."""
    text = "“" * 50_000 + "”" * 50_000
    quotes = pair_quotes(text)
    assert all(0 <= q.start <= q.end <= len(text) for q in quotes)


def test_tokenised_quote_over_lines_without_marks() -> None:
    """One sentence a line, spaced marks: a quote runs on until its closing mark."""
    lines = [
        "The old man looked up from the fire , and spoke at last .",
        '" You mistake me , my dear .',
        "I have a high respect for your nerves , and I have said so .",
        'They are my old friends , " he said .',
        '" Indeed ? " she asked , and went back to her book .',
    ]
    text = "\n".join(lines)
    quotes = [text[q.start : q.end] for q in pair_quotes(text)]
    assert quotes == [
        '" You mistake me , my dear .\n' + lines[2] + '\nThey are my old friends , "',
        '" Indeed ? "',
    ]


def test_untokenised_quote_does_not_run_past_the_next_line() -> None:
    """In ordinary text an unclosed quote stops where the next line does not close it."""
    text = (
        "He said: “We will win.\n"
        "The vote is on Monday, and the count will take a day.\n"
        "Then the results come in,” she added."
    )
    (first, *_) = pair_quotes(text)
    assert not first.closed
    assert first.end == text.index("\n")


def test_tokenised_single_quotes() -> None:
    """Tokenised text quoting with single marks: clitics stay apostrophes, quotes span lines."""
    lines = [
        "Mr. Hale looked up from his book , sighed , and put it down on the table .",
        "The fire was low , the room was cold , and the clock struck nine .",
        "' I 'm not sure , ' he said , ' that the Lincoln 's plan will work .",
        "It never has . '",
        "' It will , ' said Margaret .",
    ]
    text = "\n".join(lines)
    analysis = analyse(text)
    assert analysis.single_style
    quotes = [text[q.start : q.end] for q in analysis.primary]
    assert quotes == [
        "' I 'm not sure , '",
        "' that the Lincoln 's plan will work .\nIt never has . '",
        "' It will , '",
    ]


def test_ordinary_text_is_not_single_style() -> None:
    """News in American style keeps double quotes as its main style."""
    text = "“It is ‘fine,’ he said,” she wrote. ‘Nothing’ else."
    assert not analyse(text).single_style


def test_analysis_knows_tokenised_text() -> None:
    """``Analysis.spaced`` is set for tokenised text only."""
    lines = [
        "The old man looked up from the fire , and spoke at last .",
        "She nodded , slowly , and went on with her work .",
        "The clock struck four , then five , then six .",
        '" Indeed ? " she asked , and went back to her book .',
    ]
    assert analyse("\n".join(lines)).spaced
    assert not analyse("He looked up, and spoke. She nodded, slowly, and went on.").spaced


_JOYCE = [
    "Stately, plump Buck Mulligan came from the stairhead, bearing a bowl of lather.",
    "—Come up, Kinch! Come up, you fearful jesuit!",
    "—Back to barracks! he said sternly. Are you coming?",
    "—Tell me, Mulligan, Stephen said quietly.",
    "—Yes, my love?",
    "He held the bowl aloft and intoned: —Introibo ad altare Dei.",
]


def test_dash_marked_dialogue() -> None:
    """A dash opening the line opens a quote, which stops at a dialogue tag."""
    text = "\n".join(_JOYCE)
    analysis = analyse(text)
    assert analysis.dash_style
    assert [text[q.start : q.end] for q in analysis.primary] == [
        "—Come up, Kinch! Come up, you fearful jesuit!",
        "—Back to barracks!",
        "Are you coming?",
        "—Tell me, Mulligan,",
        "—Yes, my love?",
        "—Introibo ad altare Dei.",
    ]


def test_tokenised_dash_turn_runs_over_lines() -> None:
    """Tokenised text: a turn runs on over speech lines, past a tag line, up to narration."""
    lines = [
        "Buck Mulligan wiped the razorblade neatly , and turned to the sea .",
        "— God !",
        "he said quietly .",
        "Is n't the sea what Algy calls it : a great sweet mother ?",
        "The snotgreen sea .",
        "Stephen stood up and walked over to the parapet .",
        "— Our mighty mother , Buck Mulligan said .",
        "— I was , Stephen said .",
        "— Thanks , old chap .",
        "— Yes , my love ?",
    ]
    text = "\n".join(lines)
    assert [text[q.start : q.end] for q in analyse(text).primary] == [
        "— God !",
        lines[3] + "\n" + lines[4],
        "— Our mighty mother ,",
        "— I was ,",
        "— Thanks , old chap .",
        "— Yes , my love ?",
    ]


@pytest.mark.parametrize(
    "lines",
    [
        [
            "WASHINGTON — The president said on Monday that the bill would pass.",
            "The vote — expected next week — is close, officials said.",
            "“We will win,” he said — and nobody doubted him.",
        ],
        [
            "The winners of this year's awards are:",
            "— Carol Lee of the Wall Street Journal, for White House coverage.",
            "— Matt Viser of the Boston Globe, for coverage under deadline.",
            "— Norah O'Donnell of CBS News, for broadcast journalism.",
            "— Terrence McCoy of The Washington Post, for enterprise reporting.",
            "— Lisa Song of InsideClimate News, for environmental reporting.",
        ],
        [
            "“I wish she were here again,” said Emma. “What a pity it is.”",
            "-- I wish she were here again!",
            "-- But where is the advantage of a house of her own?",
            "-- We shall be always meeting!",
            "-- And you have never any odd humours, my dear?",
            "-- Do you know what I mean?",
            "“Yes,” said he. “I do.” “Then come,” said she. “Now.”",
        ],
    ],
)
def test_dashes_without_dialogue_are_not_dash_style(lines: list[str]) -> None:
    """Datelines and asides, a bulleted list, or dashes beside quote marks: not dash dialogue."""
    assert not analyse("\n".join(lines)).dash_style


def test_tokenised_line_opening_mark_starts_a_new_quote() -> None:
    """One sentence a line: a mark opening a later line ends the open quote before it."""
    lines = [
        'She spoke as follows : " You watch out , Henry .',
        "Do n't go a-thinking you can lick the army .",
        '" I have knit you eight pair of socks , Henry .',
        'Send them back to me . "',
    ]
    text = "\n".join(lines)
    quotes = pair_quotes(text, style=(True, False))
    assert [text[q.start : q.end] for q in quotes] == [
        text[text.index('" You') : text.index("army .") + len("army .")],
        text[text.index('" I have') :],
    ]
    assert [q.closed for q in quotes] == [False, True]
