"""Invariants on every output: spans index into the text, runs are deterministic, nothing raises."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quoteattr.api import Extractor
from quoteattr.model import Result

if TYPE_CHECKING:
    from spacy.language import Language

QUOTE_MARKS = "“”\"'‘’«»„`"

# Pieces that make quote-like texts: marks of every kind, the punctuation that
# closes and introduces quotes, and the words attribution rules look for.
_PIECES = st.sampled_from(
    [
        *QUOTE_MARKS,
        *"abcXYZ .,:—\n",
        "``",
        "''",
        " said",
        " says",
        " told reporters",
        " he",
        " she",
        " Smith",
        " Jane Smith",
        " according to",
        " We will win",
        ".\n\n",
    ]
)
QUOTE_TEXTS = st.lists(_PIECES, max_size=60).map("".join)


def bad_spans(result: Result) -> list[tuple[int, int, str]]:
    """Return every span of ``result`` outside the text or disagreeing with it."""
    return [
        (span.start, span.end, span.text)
        for span in result.spans()
        if not 0 <= span.start <= span.end <= len(result.text)
        or result.text[span.start : span.end] != span.text
    ]


def _check(result: Result, text: str) -> None:
    expected: tuple[str, list[tuple[int, int, str]]] = (text, [])
    assert expected == (result.text, bad_spans(result))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=QUOTE_TEXTS)
def test_spans_index_into_generated_text(extractor: Extractor, text: str) -> None:
    """Every span of a result over quote-heavy text obeys text[start:end] == span.text."""
    _check(extractor.extract(text), text)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=QUOTE_TEXTS)
def test_extraction_is_deterministic(extractor: Extractor, text: str) -> None:
    """The same text gives an equal result every time."""
    assert extractor.extract(text) == extractor.extract(text)


def test_seed_story_spans(extractor: Extractor, lavrov_text: str) -> None:
    """Every span found in the seed story indexes into it."""
    result = extractor.extract(lavrov_text)
    assert result.statements, "the seed story should yield statements"
    _check(result, lavrov_text)


def test_seed_story_is_deterministic(extractor: Extractor, lavrov_text: str) -> None:
    """Extracting the seed story twice, and by pipe, gives equal results."""
    first = extractor.extract(lavrov_text)
    expected = [first, first]
    assert expected == [extractor.extract(lavrov_text), *extractor.pipe([lavrov_text])]


def _polnear_dev_texts(corpora: Path) -> list[str]:
    folder = corpora / "polnear" / "dev" / "text"
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        pytest.skip(f"{folder} has no texts")
    texts = []
    for path in paths:
        # newline="": the corpus offsets count characters exactly as stored.
        with path.open(encoding="utf-8", newline="") as handle:
            texts.append(handle.read())
    return texts


def _all_bad(
    texts: Iterable[str], results: Iterable[Result]
) -> dict[int, list[tuple[int, int, str]]]:
    found = {}
    for number, (text, result) in enumerate(zip(texts, results, strict=True)):
        bad = bad_spans(result)
        if result.text != text:
            bad.append((-1, -1, "result.text differs from the input"))
        if bad:
            found[number] = bad
    return found


@pytest.mark.corpus
@pytest.mark.slow
def test_polnear_dev_spans(extractor: Extractor, shared_corpora: Path) -> None:
    """Every span found in the 84 PolNeAR dev documents indexes into its document."""
    texts = _polnear_dev_texts(shared_corpora)
    expected: tuple[int, dict[int, list[tuple[int, int, str]]]] = (84, {})
    assert expected == (len(texts), _all_bad(texts, extractor.pipe(texts)))


MESSY = [
    pytest.param("", id="empty"),
    pytest.param("   \n\t  ", id="whitespace"),
    # Spaced: spaCy's tokenizer is quadratic on one 10,000-character run of
    # punctuation (about 10 s here), which would dominate the suite.
    pytest.param(" ".join((QUOTE_MARKS * 1000)[:10_000]), id="10000-quote-marks"),
    pytest.param(
        "\n".join(f"He said {m}this is not closed. Then “more, ” she said." for m in QUOTE_MARKS),
        id="unbalanced-each",
    ),
    pytest.param("“It was open,” he said. “And it stays open, he added.", id="unclosed-second"),
    pytest.param("” backwards “ he said ” and “ again", id="reversed"),
    pytest.param("''“‘«„``" * 20, id="openers-only"),
    pytest.param("”’»''" * 20 + " said Smith.", id="closers-only"),
    pytest.param("“" + "a " * 2000 + "said Smith.", id="never-closed-long"),
    pytest.param(
        "a\x00b\x01c \x07 “Hi there, all of you,”\x1b said\x7f Smith.\x0c", id="control-chars"
    ),
    pytest.param("«مرحبا بكم جميعا» قال أحمد. “שלום לכולם,” אמר דוד.", id="rtl"),
    pytest.param("\u202e“We will win this race,” Smith said.\u202c\u200f", id="bidi-controls"),
    pytest.param("😀 “We will win 🏆 this race,” 👍 said Smith 🇺🇸.", id="emoji"),
    pytest.param('<p>“We will <b>win</b> this race,” <a href="x">Smith</a> said.</p>', id="html"),
    pytest.param("\ufeff“We will win this race,” Smith said.", id="bom"),
    pytest.param(
        "# Title\n\n> “We will *win* this race,” **Smith** said.\n\n- item `code` [link](http://x)\n",
        id="markdown",
    ),
    pytest.param(
        "« Nous allons gagner », a dit Dupont. „Wir gewinnen“, sagte er.", id="non-english"
    ),
    pytest.param("“We will win this race,”\r\nSmith said.\r\n\r\n“Yes.”\r", id="crlf"),
    pytest.param(
        "“We will win this race,” Smith said.\u2028“Sure,” Jones said.\u2029",
        id="unicode-line-separators",
    ),
    pytest.param("e\u0301 “Cafe\u0301 talk is cheap,” said Zoe\u0308.", id="combining-marks"),
    pytest.param("\u3000「我們會贏」，他說。“We will win this race,”\u3000Smith said.", id="cjk"),
    pytest.param("\ud800", id="lone-surrogate"),
    pytest.param("“We will \udc80win this race,” Smith said.", id="surrogate-inside-quote"),
]


@pytest.mark.parametrize("text", MESSY)
def test_messy_text_never_raises(extractor: Extractor, text: str) -> None:
    """Messy text gives a result whose spans index into it, never an exception."""
    _check(extractor.extract(text), text)


def test_messy_texts_through_pipe(extractor: Extractor) -> None:
    """The same messy texts (surrogates aside) survive pipe, results in input order."""
    texts = [
        str(param.values[0])
        for param in MESSY
        if not param.marks and len(str(param.values[0])) < 1000
    ]
    results = list(extractor.pipe(texts, batch_size=4))
    expected: dict[int, list[tuple[int, int, str]]] = {}
    assert expected == _all_bad(texts, results)


@pytest.mark.slow
def test_hundred_thousand_quote_marks(extractor: Extractor) -> None:
    """A text of 100,000 quote marks with no space comes back as a result."""
    text = "“" * 50_000 + "”" * 50_000
    _check(extractor.extract(text), text)


@pytest.mark.slow
def test_five_megabytes(extractor: Extractor) -> None:
    """A 5 MB text is parsed in pieces and its quotes at both ends are found whole."""
    first, last = "“We will win this race,” Smith said.\n", "“And we did,” Smith said."
    text = first + ("x" * 1_000 + "\n") * 5_000 + last
    result = extractor.extract(text)
    _check(result, text)
    expected = ["“We will win this race,”", "“And we did,”"]
    assert expected == [statement.text for statement in result.statements]


def test_quote_across_a_cut_stays_whole(nlp: Language) -> None:
    """A long text cut into pieces keeps a multi-paragraph quote in one piece."""
    paragraph = "The council met again on Monday to discuss the budget for next year.\n"
    quote = "“We will win this race.\n“We will win it again next year,” Smith said.\n"
    text = paragraph * 30 + quote + paragraph * 30
    small = Extractor(nlp=nlp, max_chars=len(paragraph) * 31)
    result = small.extract(text)
    _check(result, text)
    (statement,) = [s for s in result.statements if s.kind.value == "direct"]
    expected = ("“We will win this race.", "Smith")
    assert expected == (
        statement.content[0].text,
        statement.speaker.mention.text if statement.speaker and statement.speaker.mention else None,
    )
