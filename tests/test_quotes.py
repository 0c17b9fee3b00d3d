"""The direct-quote strategy, one construction per case, on short parsed texts."""

from __future__ import annotations

import pytest

from quoteattr.api import Extractor
from quoteattr.model import Kind, Statement
from quoteattr.strategies.quotes import QuoteStrategy


def _direct(extractor: Extractor, text: str) -> list[Statement]:
    return list(QuoteStrategy()(extractor.nlp(text)))


def _summary(statement: Statement) -> tuple[str, str | None, str | None]:
    speaker = (
        statement.speaker.mention.text if statement.speaker and statement.speaker.mention else None
    )
    return statement.rule, statement.cue.text if statement.cue else None, speaker


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We will win this race,” Smith said.", ("after-cue", "said", "Smith")),
        ("“We will win this race,” said Jane Smith.", ("after-cue", "said", "Jane Smith")),
        (
            "“We will win this race,” Smith, who leads the party, said on Monday.",
            ("after-cue", "said", "Smith"),
        ),
        ("“We will win this race,” she told reporters.", ("after-cue", "told", "she")),
        ("“Why would we lose?” the senator asked.", ("after-cue", "asked", "the senator")),
        ("Smith said: “We will win this race.”", ("before-cue", "said", "Smith")),
        ("Smith said in a statement, “We will win this race.”", ("before-cue", "said", "Smith")),
        ("Trump said “we will win this race.”", ("before-cue", "said", "Trump")),
        ("“We will win this race.” — John Smith", ("dash", "—", "John Smith")),
        (
            "According to Smith, “we will win this race.”",
            ("before-according-to", "According to", "Smith"),
        ),
        (
            "“We will win this race,” according to Smith.",
            ("after-according-to", "according to", "Smith"),
        ),
        ("Smith put it simply.\n“We will win this race.”", ("unattributed", None, None)),
        ("The mayor said:\n“We will win this race.”", ("before-paragraph", "said", "The mayor")),
        ("“Yes,” he said.", ("after-cue", "said", "he")),
    ],
)
def test_attribution(
    extractor: Extractor, text: str, expected: tuple[str, str | None, str | None]
) -> None:
    """Each common construction finds its cue and speaker mention."""
    (statement,) = _direct(extractor, text)
    assert expected == _summary(statement)
    assert statement.kind == Kind.DIRECT


@pytest.mark.parametrize(
    "text",
    [
        "He called the plan a “disaster” yesterday.",
        "She read “War and Peace” twice last summer.",
        "Lavrov urged diplomats to use the “art of diplomacy” to achieve the outcome.",
        "He said that “we will win this race.”",
        "Trump says voter fraud “would be one hell of a way to lose.”",
        "The word “hello” is short.",
        "",
    ],
)
def test_not_direct(extractor: Extractor, text: str) -> None:
    """Scare quotes, titles, single words and quotes inside reported speech are not direct."""
    assert _direct(extractor, text) == []


def test_interrupted_quote_is_one_statement(extractor: Extractor) -> None:
    """“A,” he said. “B.” gives one statement with two fragments."""
    text = "“We will win this race,” Smith said. “They will lose it badly.”"
    (statement,) = _direct(extractor, text)
    assert [fragment.text for fragment in statement.content] == [
        "“We will win this race,”",
        "“They will lose it badly.”",
    ]
    assert _summary(statement) == ("after-cue", "said", "Smith")


def test_interrupted_mid_sentence(extractor: Extractor) -> None:
    """“A,” he said, “b.” gives one statement with two fragments."""
    text = "“If we try hard,” Smith said, “we will win this race.”"
    (statement,) = _direct(extractor, text)
    assert len(statement.content) == 2


def test_second_cue_starts_a_new_statement(extractor: Extractor) -> None:
    """“A,” X said, adding, “B.”: the participle is a cue of its own."""
    text = "“We cannot afford this anymore,” Trump said, adding later, “NATO costs us a fortune.”"
    statements = _direct(extractor, text)
    assert [_summary(s) for s in statements] == [
        ("after-cue", "said", "Trump"),
        ("before-cue", "adding", "Trump"),
    ]


def test_continuation_inherits_the_speaker(extractor: Extractor) -> None:
    """A quote paragraph right after an attributed one continues that speaker's turn."""
    text = "“We will win this race,” Smith said.\n“They will lose it badly.”"
    first, second = _direct(extractor, text)
    assert _summary(second) == ("continuation", None, "Smith")
    assert second.confidence < first.confidence


@pytest.mark.parametrize(
    "text",
    [
        # A decade's full stop ends the attribution: "1970s." is no abbreviation.
        "“It was a fine deal,” said Pat Jones, a professor who has worked on such cases "
        "since the 1970s. “The company shed all of its liabilities.”",
        # A participle with a topic of its own does not start a statement of its own.
        "“This is in their heads,” said Jones, speaking of the health issue. "
        "“It is one of the things worrying them.”",
    ],
)
def test_quote_resumed_after_a_full_stop(extractor: Extractor, text: str) -> None:
    """“A,” said X. “B.”: an interrupted quote is one statement."""
    (statement,) = _direct(extractor, text)
    assert len(statement.content) == 2


def test_multi_paragraph_quote(extractor: Extractor) -> None:
    """The news convention for a quote over several paragraphs gives one statement."""
    text = (
        "Smith said:\n“We will win this race. Nobody doubts it.\n"
        "“They will lose it badly, and they know it.”\nThe end."
    )
    (statement,) = _direct(extractor, text)
    assert len(statement.content) == 2
    assert _summary(statement) == ("before-paragraph", "said", "Smith")


def test_unclosed_quote_does_not_swallow_the_text(extractor: Extractor) -> None:
    """An unclosed quote stays inside its paragraph."""
    text = "“We will win this race, Smith said.\nThe next paragraph is narration."
    statements = _direct(extractor, text)
    assert all(s.end <= text.index("\n") for s in statements)


def test_settings_are_fields(extractor: Extractor) -> None:
    """Unattributed quotes can be dropped by a setting."""
    text = "Smith put it simply.\n“We will win this race.”"
    assert list(QuoteStrategy(keep_unattributed=False)(extractor.nlp(text))) == []


# Tokenised narration (one sentence a line, spaced marks) so a text reads as LitBank-like.
_NARRATION = (
    "The rain had stopped at last , and the road was wet .\n"
    "She walked on , slowly , past the mill .\n"
    "He followed her , a few steps behind , saying nothing .\n"
    "The church clock struck four , then five .\n"
)


@pytest.mark.parametrize(
    "text",
    [
        _NARRATION + "“ Do sit down , ” replied his wife ; “ the tea is quite ready . ”\n",
        "“Do sit down,” replied his wife, “the tea is quite ready.”",
    ],
)
def test_quote_resumed_after_inverted_attribution(extractor: Extractor, text: str) -> None:
    """“A,” said X, “B.”: the second quote resumes the first, whatever the attribution holds."""
    (statement,) = _direct(extractor, text)
    assert len(statement.content) == 2
    assert _summary(statement)[2] == "his wife"


def test_inverted_unlisted_verb(extractor: Extractor) -> None:
    """“…,” confessed Tuppence: a verb not in the lexicon, then its subject."""
    text = _NARRATION + "“ I have forgotten his name now , ” confessed Tuppence .\n"
    (statement,) = _direct(extractor, text)
    assert _summary(statement) == ("after-verb", "confessed", "Tuppence")


def test_inverted_subject_with_adjectives_set_off_by_a_comma(extractor: Extractor) -> None:
    """“…,” broke in a tall, grey woman: the comma between adjectives does not end the subject."""
    text = (
        _NARRATION + "“ Surely they could walk to the station , ” broke in a tall , grey woman .\n"
    )
    (statement,) = _direct(extractor, text)
    assert _summary(statement) == ("after-verb", "broke", "a tall , grey woman")


def test_participle_after_cue_is_not_a_complement(extractor: Extractor) -> None:
    """“…?” he asked pointing northward: the participle does not start a new statement."""
    text = _NARRATION + "“ What is over there ? ” he asked pointing northward .\n"
    (statement,) = _direct(extractor, text)
    assert _summary(statement) == ("after-cue", "asked", "he")


def test_quote_opening_a_tokenised_line_is_speech(extractor: Extractor) -> None:
    """A quote that opens its line in tokenised text is kept whatever follows it."""
    line = "“ Because -- ” he hesitated , and his cheeks grew hot .\n"
    (statement,) = _direct(extractor, _NARRATION + line)
    assert statement.content[0].text == "“ Because -- ”"
    assert _direct(extractor, "“Because--” he hesitated, and his cheeks grew hot.\n") == []


def test_speaker_one_of_a_group(extractor: Extractor) -> None:
    """“…!” cried one of the women: a number and a partitive "of" make one mention."""
    text = _NARRATION + "“ Oh , how delicious ! ” cried one of the women .\n"
    (statement,) = _direct(extractor, text)
    assert _summary(statement) == ("after-cue", "cried", "one of the women")


def test_phrase_set_off_after_cue_is_not_a_complement(extractor: Extractor) -> None:
    """“…!” he demanded, a trifle irritably: the phrase after the comma is no new statement."""
    text = (
        _NARRATION
        + "“ I 'd like to know what 's the matter ! ” he demanded , a trifle irritably .\n"
    )
    (statement,) = _direct(extractor, text)
    assert _summary(statement) == ("after-cue", "demanded", "he")


def test_lower_case_after_question_goes_on(extractor: Extractor) -> None:
    """“But why?” he persisted: a lower-case word after "?" goes on with the sentence."""
    (statement,) = _direct(extractor, "“But why?” he persisted.")
    assert _summary(statement) == ("after-verb", "persisted", "he")


@pytest.mark.parametrize(
    "text",
    [
        _NARRATION + "“ Mercy on us ! ”\nexclaimed a man in the crowd , “ is there no virtue ? ”\n",
        "“The outbreak,” I returned, “will make a great occasion;” and everyone agreed with me.",
        "“My friend,” said he, addressing the old man, “told me I could be of service to you.”",
    ],
)
def test_quote_resumed_whatever_surrounds_it(extractor: Extractor, text: str) -> None:
    """“A,” said X, “B”: B resumes X's words after a tail line, narration or a participle."""
    statements = _direct(extractor, text)
    assert sum(len(s.content) for s in statements) == 2
    assert len({_summary(s)[2] for s in statements}) == 1


_DASH_DIALOGUE = (
    "— Come up , Kinch !\n— Yes , my love ?\n— How long is he going to stay ?\n"
    "— Back to barracks !\n— Where is his guncase ?\n"
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("— Thanks , old chap , he cried briskly .\n", ("after-cue", "cried", "he")),
        ("— Tell me , Mulligan , Stephen said quietly .\n", ("after-cue", "said", "Stephen")),
        (
            "— That fellow in the Ship , said Buck Mulligan , says you are mad .\n",
            ("after-cue", "said", "Buck Mulligan"),
        ),
    ],
)
def test_dash_quote_with_its_attribution(
    extractor: Extractor, line: str, expected: tuple[str, str, str]
) -> None:
    """Dash-marked dialogue: the quote stops at its dialogue tag, which attributes it."""
    statements = _direct(extractor, _NARRATION + _DASH_DIALOGUE + line)
    assert _summary(statements[-1]) == expected
    assert statements[-1].content[0].text.startswith("— ")


def test_adjacent_quotes_are_two_statements(extractor: Extractor) -> None:
    """Two quotes with nothing between them are two turns, not one interrupted quote."""
    text = "“I am only saying what mother --” “Be quiet!”"
    statements = _direct(extractor, text)
    assert [[text[f.start : f.end] for f in s.content] for s in statements] == [
        ["“I am only saying what mother --”"],
        ["“Be quiet!”"],
    ]


def test_pronoun_i_ends_a_sentence(extractor: Extractor) -> None:
    """A lone "I." after a verb is the pronoun, not an initial: a sentence ends there."""
    text = "“But the blots, Turkey,” intimated I. “True, sir, but behold these gray hairs!”"
    statements = _direct(extractor, text)
    assert any(
        text[s.start : s.end] == "“True, sir, but behold these gray hairs!”" for s in statements
    )


@pytest.mark.parametrize(
    "text",
    [
        "The captain broke out with a low oath, “Silence there, between decks!”",
        "He went on in these fearful terms: -- “You bring me the file tomorrow.”",
    ],
)
def test_quote_led_up_to_by_narration(extractor: Extractor, text: str) -> None:
    """A whole sentence in quotes after narration ending at a comma or colon is speech."""
    (statement,) = _direct(extractor, text)
    assert text[statement.start : statement.end].startswith("“")


@pytest.mark.parametrize(
    "text",
    [
        "Scott asked the crowd to welcome the governor - “my new best friend.”",
        "That is a problem because, “In the end, we vote for somebody.”",
    ],
)
def test_phrase_after_narration_is_not_speech(extractor: Extractor, text: str) -> None:
    """A lower-case phrase, or a clause a conjunction wants, is not a direct statement."""
    assert _direct(extractor, text) == []


def test_quote_led_up_to_with_its_own_tag(extractor: Extractor) -> None:
    """Narration ending at a semicolon, then a quote and its own attribution."""
    text = "She felt nervous about this; “for it might end, you know,” said Alice to herself."
    (statement,) = _direct(extractor, text)
    assert _summary(statement) == ("after-cue", "said", "Alice")


def test_interrupted_quote_with_a_tag_we_cannot_read(extractor: Extractor) -> None:
    """“A,” words without a known cue, “b”: the second half joins the first."""
    # Tokenised text, a sentence a line: a quote opening its line is speech.
    lines = [
        "The lamps were lit , and the street was quiet .",
        '" Must you go ? " inquired Gregory , with a slow and sad smile .',
        '" I tell you , " went on Syme with passion , " that every train is a victory . "',
        "Gregory wagged his heavy , red head .",
        "He laughed , and the rain came on .",
    ]
    text = "\n".join(lines)
    statements = _direct(extractor, text)
    assert [[text[f.start : f.end] for f in s.content] for s in statements][1] == [
        '" I tell you , "',
        '" that every train is a victory . "',
    ]


def test_as_someone_put_it(extractor: Extractor) -> None:
    """The idiom "as X put it" attributes the quote after it to X."""
    text = "As one tax lawyer recently put it, “Did he lower his taxes legally?”"
    (statement,) = _direct(extractor, text)
    assert _summary(statement) == ("before-cue", "put", "one tax lawyer")


def test_quote_ending_at_a_semicolon(extractor: Extractor) -> None:
    """A quote that breaks off at a semicolon is a clause of its own."""
    text = "Miss Watson would say, “Don't put your feet up, Huckleberry;” and we went on reading."
    (statement,) = _direct(extractor, text)
    assert _summary(statement) == ("before-cue", "say", "Miss Watson")


def test_a_question_with_its_own_attribution_after_unclosed_narration(
    extractor: Extractor,
) -> None:
    """ "His face brightened “You believe it?” he said": a question of its own, though the
    narration before it has no closing punctuation."""
    text = "His face brightened “You too believe it possible, Florence?” he said eagerly."
    assert [_summary(s) for s in _direct(extractor, text)] == [("after-cue", "said", "he")]
