"""Speaker mentions of news statements: whose words a cue reports, on short invented sentences."""

from __future__ import annotations

import pytest

from quoteattr.api import Extractor
from quoteattr.strategies.syntax import speaker_of


def _mentions(extractor: Extractor, text: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (
            s.rule,
            s.cue.text if s.cue else None,
            s.speaker.mention.text if s.speaker and s.speaker.mention else None,
        )
        for s in extractor.extract(text).statements
    ]


def _speaker_of(extractor: Extractor, text: str, cue: str) -> str | None:
    doc = extractor.nlp(text)
    token = next(t for t in doc if t.text == cue)
    found = speaker_of(text, token, 0, len(text))
    return found.text if found is not None else None


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        # A gerund after a preposition: the subject of the verb it hangs on.
        ("The senator began by saying that the bill would fail.", "saying", "The senator"),
        (
            "After saying that the bill would fail, the senator left the room.",
            "saying",
            "the senator",
        ),
        (
            "The governor, despite admitting that the budget was late, defended his staff.",
            "admitting",
            "The governor",
        ),
        # An infinitive of purpose: the subject of its verb.
        ("The mayor went on to explain that the roads would close.", "explain", "The mayor"),
        # Verb + object + infinitive: the object.
        ("The senator forced the banker to admit that the bank had failed.", "admit", "the banker"),
        ("The report led the economist to warn that prices would rise.", "warn", "the economist"),
        # A participle after a reported clause: the reporter, not the clause's subject.
        (
            "The senator said he did not believe the figures, arguing that the count was wrong.",
            "arguing",
            "The senator",
        ),
        # A bare verb coordinated inside the reported clause is the clause's own.
        (
            "The mayor said that people should change the law rather than criticize him.",
            "criticize",
            "people",
        ),
        # An occasion is no speaker.
        (
            '"We will win," she said at a news conference announcing that the city would sue.',
            "announcing",
            "she",
        ),
        # A relative word fronted out of the content leaves the speaker outside it.
        ("The mine, which Mr. Clarke says he will keep open, lost money.", "says", "Mr. Clarke"),
        ("She needs revenue, which she plans to raise through a new tax.", "plans", "she"),
    ],
)
def test_speaker_mention(extractor: Extractor, text: str, cue: str, speaker: str) -> None:
    found = [m for m in _mentions(extractor, text) if m[1] == cue]
    assert found, _mentions(extractor, text)
    assert found[0][2] == speaker


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        # "for" + gerund after an object: the object.
        (
            "The committee criticized the senator for saying that the bill would fail.",
            "saying",
            "the senator",
        ),
        ("The panel held the aide in contempt for refusing to testify.", "refusing", "the aide"),
        # A finite verb the parser left without a subject: the noun right before it.
        (
            "In a meeting with the editorial board of the Washington Post Trump said that "
            "the alliance was obsolete.",
            "said",
            "Trump",
        ),
        ("It is a fraction of the $20 million experts say it costs to run.", "say", "experts"),
    ],
)
def test_speaker_of(extractor: Extractor, text: str, cue: str, speaker: str) -> None:
    assert _speaker_of(extractor, text, cue) == speaker


def test_footage_shows_its_speaker(extractor: Extractor) -> None:
    text = 'The ad uses footage of the senator asking, "Why am I not ahead?"'
    assert ("before-cue", "asking", "the senator") in _mentions(extractor, text)


def test_clause_after_a_quote_is_no_attribution(extractor: Extractor) -> None:
    text = 'She repeatedly says, "Don\'t do it," until shots are heard.'
    assert _mentions(extractor, text) == [("before-cue", "says", "She")]
    text = (
        "The spot ends with footage of the mayor saying during the debate, "
        "\u201cThat makes me smart,\u201d when his rival blasted him."
    )
    assert ("before-cue", "saying", "the mayor") in _mentions(extractor, text)


def test_a_thing_does_not_speak(extractor: Extractor) -> None:
    text = (
        "The mayor, opening the museum, said it would tell an American story, one of "
        "\u201csuffering and delight, of fear, but also of hope.\u201d"
    )
    assert ("before-cue", "tell", "The mayor") in _mentions(extractor, text)


def test_colon_takes_the_subject_of_the_last_verb(extractor: Extractor) -> None:
    text = (
        "She was upset, and drove so erratically that I had to change my answer: "
        "\u201cOf course I believe in it. I was just kidding.\u201d"
    )
    assert _mentions(extractor, text) == [("colon", ":", "I")]


def test_participle_phrase_before_a_subjectless_verb(extractor: Extractor) -> None:
    text = 'Protesters marching through the streets chanted "No justice, no peace!" all night.'
    assert _mentions(extractor, text) == [("before-cue", "chanted", "Protesters")]
