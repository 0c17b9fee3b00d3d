"""The reported-speech strategy, one construction per case, on short parsed sentences."""

from __future__ import annotations

import pytest

from quoteattr.api import Extractor
from quoteattr.model import CueClass, Kind, Statement
from quoteattr.strategies.reported import ReportedStrategy


def _reported(extractor: Extractor, text: str) -> list[Statement]:
    return list(ReportedStrategy(min_confidence=0.0)(extractor.nlp(text)))


def _summary(statement: Statement) -> tuple[str, str, str | None, str | None]:
    speaker = (
        statement.speaker.mention.text if statement.speaker and statement.speaker.mention else None
    )
    cue = statement.cue.text if statement.cue else None
    return statement.rule, statement.text, cue, speaker


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lavrov said that Russia welcomes the results of the talks.",
            ("verb-ccomp", "that Russia welcomes the results of the talks", "said", "Lavrov"),
        ),
        (
            "Trump has admitted using the tax code to avoid taxes.",
            ("verb-gerund", "using the tax code to avoid taxes", "admitted", "Trump"),
        ),
        (
            "Clinton said the plan would fail and warned that taxes would rise.",
            ("verb-ccomp", "that taxes would rise", "warned", "Clinton"),
        ),
        (
            "Lavrov said Russia welcomes the results of the talks.",
            ("verb-ccomp", "Russia welcomes the results of the talks", "said", "Lavrov"),
        ),
        (
            "The goal cannot be reached while sanctions remain, Lavrov said.",
            ("verb-ccomp", "The goal cannot be reached while sanctions remain", "said", "Lavrov"),
        ),
        (
            "The goal cannot be reached while sanctions remain, said the minister.",
            (
                "verb-ccomp",
                "The goal cannot be reached while sanctions remain",
                "said",
                "the minister",
            ),
        ),
        (
            "She told reporters that the deal was dead.",
            ("verb-ccomp", "that the deal was dead", "told", "She"),
        ),
        (
            "The senator urged his colleagues to reject the bill.",
            ("verb-xcomp", "his colleagues to reject the bill", "urged", "The senator"),
        ),
        (
            "The president vowed to veto the bill.",
            ("verb-xcomp", "to veto the bill", "vowed", "The president"),
        ),
        (
            "The ministry denied the report.",
            ("verb-object", "the report", "denied", "The ministry"),
        ),
        (
            "According to the ministry, the talks will resume next week.",
            ("according-to", "the talks will resume next week", "According to", "the ministry"),
        ),
        (
            "Trump's claim that the election was rigged drew criticism.",
            ("noun-that", "that the election was rigged", "claim", "Trump"),
        ),
        (
            "The new tax plan was praised by the governor on Monday.",
            ("verb-passive", "The new tax plan", "praised", "the governor"),
        ),
        (
            "The senator is confident that the bill will pass.",
            ("adjective", "that the bill will pass", "confident", "The senator"),
        ),
        (
            "The governor was critical of the new tax plan.",
            ("adjective", "the new tax plan", "critical", "The governor"),
        ),
        (
            "The governor added:\n\nThe budget will pass next week, and the schools will be paid.",
            (
                "verb-colon",
                "The budget will pass next week, and the schools will be paid",
                "added",
                "The governor",
            ),
        ),
        (
            "Analysts noted that three things are happening at once: home values are rising, "
            "wages are flat and rents are up.",
            (
                "verb-ccomp",
                "that three things are happening at once: home values are rising, "
                "wages are flat and rents are up",
                "noted",
                "Analysts",
            ),
        ),
        (
            "The senator tweeted in the morning that the bill would pass.",
            ("verb-ccomp", "that the bill would pass", "tweeted", "The senator"),
        ),
        (
            "Partial transcript follows.\n\nWALLACE: Will you be at the debate tomorrow?",
            ("label-colon", "Will you be at the debate tomorrow?", ":", "WALLACE"),
        ),
        (
            "The mayor responded with attacks on the council.",
            ("verb-response", "with attacks on the council", "responded", "The mayor"),
        ),
        (
            "The governor responded by cutting the budget of the agency.",
            (
                "verb-response",
                "by cutting the budget of the agency",
                "responded",
                "The governor",
            ),
        ),
        (
            "The senator unveiled a proposal for stricter gun laws.",
            ("noun-object", "stricter gun laws", "proposal", "The senator"),
        ),
        (
            "The governor has faced questions about his ties to the lobbyists.",
            ("noun-object", "his ties to the lobbyists", "questions", None),
        ),
        (
            "She wants to triple the size of the program, grow the Peace Corps and create a "
            "new reserve.",
            (
                "verb-xcomp",
                "to triple the size of the program, grow the Peace Corps and create a new reserve",
                "wants",
                "She",
            ),
        ),
        (
            # The parser ends a sentence after "remarks"; the content runs on.
            "At the debate, the mayor mentioned disparaging remarks Smith had made about "
            "Jones as examples of his disrespect for women.",
            (
                "verb-object",
                "disparaging remarks Smith had made about Jones as examples of his "
                "disrespect for women",
                "mentioned",
                "the mayor",
            ),
        ),
        (
            # The parser hangs the infinitive on as an adverbial clause.
            "The government could reverse the rules or decline to appeal to the Supreme Court.",
            ("verb-xcomp", "to appeal to the Supreme Court", "decline", "The government"),
        ),
        (
            "In the latest CNN poll, Clinton led Trump by 5 points among likely voters.",
            (
                "prep-source",
                "Clinton led Trump by 5 points among likely voters",
                "In",
                "the latest CNN poll",
            ),
        ),
        (
            "The host pressed him on his failure to release tax returns.",
            ("verb-prep", "his failure to release tax returns", "pressed", "The host"),
        ),
        (
            "In his view, the plan is a failure.",
            ("prep-source", "the plan is a failure", "In", "his"),
        ),
        (
            "Mr. Schultz likened the network to the BBC in an interview.",
            ("verb-object", "the network to the BBC", "likened", "Mr. Schultz"),
        ),
        (
            "The ministry's spokesman said that the talks would resume in March.",
            (
                "verb-ccomp",
                "that the talks would resume in March",
                "said",
                "The ministry's spokesman",
            ),
        ),
        (
            "In a statement, the ministry said that the talks would resume in March.",
            ("verb-ccomp", "that the talks would resume in March", "said", "the ministry"),
        ),
        (
            "Lavrov called on both sides to return to the negotiating table.",
            ("verb-xcomp", "both sides to return to the negotiating table", "called", "Lavrov"),
        ),
        (
            "The company announced that it would close two plants.",
            ("verb-ccomp", "that it would close two plants", "announced", "The company"),
        ),
        (
            "The senator insisted that the bill would pass.",
            ("verb-ccomp", "that the bill would pass", "insisted", "The senator"),
        ),
        (
            "Lavrov stressed that sanctions would not work.",
            ("verb-ccomp", "that sanctions would not work", "stressed", "Lavrov"),
        ),
        (
            "The agency's warning that the storm would strengthen came late.",
            ("noun-that", "that the storm would strengthen", "warning", "The agency"),
        ),
        (
            "The minister warned diplomats to avoid any provocation.",
            ("verb-xcomp", "diplomats to avoid any provocation", "warned", "The minister"),
        ),
        (
            "Mr. Ban focused on climate change as a signature issue after assuming his post.",
            ("verb-prep", "climate change as a signature issue", "focused", "Mr. Ban"),
        ),
        (
            "President Obama's decision to restore relations with the country received support.",
            (
                "noun-infinitive",
                "to restore relations with the country",
                "decision",
                "President Obama",
            ),
        ),
        (
            "The mayor's reluctance to hand over security powers angered the council.",
            ("noun-infinitive", "to hand over security powers", "reluctance", "The mayor"),
        ),
        (
            "The senator was frank about the need to raise taxes.",
            ("adjective", "the need to raise taxes", "frank", "The senator"),
        ),
        (
            "The governor is a staunch opponent of the death penalty.",
            ("noun-stance", "the death penalty", "opponent", "The governor"),
        ),
        (
            "Adelson, a fierce supporter of the new bill, gave money.",
            ("noun-stance", "the new bill", "supporter", "Adelson"),
        ),
        (
            # The writer's aside at the end of a content is not what was said.
            "The doctor said he expects Clinton to recover from pneumonia, which forced "
            "her to leave the memorial early.",
            (
                "verb-ccomp",
                "he expects Clinton to recover from pneumonia",
                "said",
                "The doctor",
            ),
        ),
    ],
)
def test_construction(
    extractor: Extractor, text: str, expected: tuple[str, str, str | None, str | None]
) -> None:
    """Each construction gives its content, cue and speaker mention."""
    statements = _reported(extractor, text)
    assert expected in [_summary(s) for s in statements]


def test_participial_cue(extractor: Extractor) -> None:
    """A participle cue takes its speaker from the clause it modifies."""
    text = "Stressing that it is impossible to act in one move, the minister urged calm."
    summaries = [_summary(s) for s in _reported(extractor, text)]
    assert (
        "verb-ccomp",
        "that it is impossible to act in one move",
        "Stressing",
        "the minister",
    ) in summaries


def test_interrupted_by_the_cue(extractor: Extractor) -> None:
    """“The goal, Lavrov said, cannot be reached”: one statement in two fragments."""
    text = "The goal, Lavrov said, cannot be reached while sanctions remain."
    statements = [s for s in _reported(extractor, text) if s.cue and s.cue.text == "said"]
    assert len(statements) == 1
    assert [fragment.text for fragment in statements[0].content] == [
        "The goal",
        "cannot be reached while sanctions remain",
    ]


def test_mixed_kind(extractor: Extractor) -> None:
    """Reported speech with quoted words in it is one mixed statement."""
    text = "The minister urged diplomats to use the “art of diplomacy” to reach a deal."
    (statement,) = _reported(extractor, text)
    assert statement.kind == Kind.MIXED
    assert (statement.addressee.text if statement.addressee else None) == "diplomats"


def test_thought_is_marked(extractor: Extractor) -> None:
    """A belief is reported with cue class thought."""
    (statement,) = _reported(extractor, "Moscow believes it should stay out of the talks.")
    assert (
        statement.cue_class,
        statement.speaker.mention.text if statement.speaker and statement.speaker.mention else None,
    ) == (CueClass.THOUGHT, "Moscow")


def test_nested_cue_is_part_of_the_outer_statement(extractor: Extractor) -> None:
    """“X said that Y believes Z” is one statement by X."""
    statements = _reported(extractor, "Smith said that Jones believes the plan will fail.")
    assert [
        (s.cue.text if s.cue else None, s.speaker.name if s.speaker else None) for s in statements
    ] == [("said", "Smith")]


def test_cues_inside_quotes_are_skipped(extractor: Extractor) -> None:
    """A cue inside a direct quotation is part of the quoted words."""
    text = "“I think that we will win the race easily,” Smith said."
    assert all(s.cue is not None and s.cue.text == "said" for s in _reported(extractor, text))


@pytest.mark.parametrize(
    "text",
    [
        "If you like this story, share it with a friend!",
        "When the diagnosis was confirmed, Clinton went home.",
        "As Clinton talked about bringing communities together, Trump highlighted his plan.",
        "“Oh, Mr. Fortescue,” exclaimed Mrs. Hilbery, as he finished, “I had just written.”",
    ],
)
def test_subordinate_clause_is_no_parenthetical(extractor: Extractor, text: str) -> None:
    """“If you like this story, share it” is not attributed speech."""
    assert [s for s in _reported(extractor, text) if s.rule == "parenthetical"] == []


def test_participle_says_its_own_complement(extractor: Extractor) -> None:
    """“…, accusing her of X”: the participle's complement is the content, not the clause."""
    text = "Trump has used the ad against Clinton, accusing her of being asleep during the attack."
    summaries = [_summary(s)[:3] for s in _reported(extractor, text)]
    assert ("verb-prep", "being asleep during the attack", "accusing") in summaries
    assert not any(rule == "parenthetical" for rule, _, _ in summaries)


def test_parenthetical_hung_on_the_subject(extractor: Extractor) -> None:
    """“The difference now, he told me, is …”: the parser hangs the cue on the subject."""
    text = "The difference now, he told me on Friday, is that he anchors a news program."
    summaries = [_summary(s) for s in _reported(extractor, text)]
    assert summaries[0][0] == "parenthetical"
    assert summaries[0][1].startswith("The difference now")
    assert summaries[0][2:] == ("told", "he")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "But Trump claims that he should be the exception.",
            ("verb-ccomp", "that he should be the exception", "claims", "Trump"),
        ),
        (
            "Secrecy is not a stranger when it comes to her health, the candidate's former "
            "doctor maintains.",
            (
                "verb-ccomp",
                "Secrecy is not a stranger when it comes to her health",
                "maintains",
                "the candidate's former doctor",
            ),
        ),
    ],
)
def test_cue_verb_the_parser_read_as_a_noun(
    extractor: Extractor, text: str, expected: tuple[str, str, str, str]
) -> None:
    """“Trump claims that …” with “claims” tagged as a noun is still a cue."""
    assert expected in [_summary(s) for s in _reported(extractor, text)]


def test_as_clause_attributes_the_main_clause(extractor: Extractor) -> None:
    """“As experts have pointed out, CLAUSE”: the main clause is what they said."""
    text = "As many tax experts have pointed out, Mr. Trump is free to disclose his returns."
    summaries = [_summary(s) for s in _reported(extractor, text)]
    assert (
        "parenthetical",
        "Mr. Trump is free to disclose his returns",
        "pointed",
        "many tax experts",
    ) in summaries


def test_headings_are_no_labels(extractor: Extractor) -> None:
    """Paragraphs headed "UPDATE:" or "The Latest:" are nobody's words."""
    text = "UPDATE: The vote was delayed.\n\nThe Latest: Senators left the capital early."
    assert [s for s in _reported(extractor, text) if s.rule == "label-colon"] == []


def test_stance_needs_its_sense(extractor: Extractor) -> None:
    """An adjective in another sense ("critical to his success") is no stance."""
    text = "The way the governor spoke was critical to his success."
    assert [s for s in _reported(extractor, text) if s.rule == "adjective"] == []


@pytest.mark.parametrize(
    ("text", "addressee"),
    [
        ("She told reporters that the deal was dead.", "reporters"),
        ("The minister said to reporters that the deal was dead.", "reporters"),
        (
            "“We will not give up,” Lavrov said following talks with his counterpart.",
            "his counterpart",
        ),
        (
            "Lavrov said after talks with his Chinese counterpart that the sanctions must end.",
            "his Chinese counterpart",
        ),
        ("The minister said that the deal was dead.", None),
        ("The minister said in Paris that the deal was dead.", None),
        ("Lavrov called on both sides to return to the negotiating table.", "both sides"),
        ("The host pressed him on his failure to release tax returns.", "him"),
    ],
)
def test_addressee(extractor: Extractor, text: str, addressee: str | None) -> None:
    """The addressee is the told object, a "to" phrase or the other side of talks."""
    statements = extractor.extract(text).statements
    assert len(statements) == 1
    found = statements[0].addressee
    assert (found.text if found else None) == addressee


def test_deeds_only_when_asked(extractor: Extractor) -> None:
    """A stance taken by deed is a statement only with ``deeds=True`` (PolNeAR's scheme)."""
    doc = extractor.nlp("The Senate approved the new budget on Tuesday.")
    asked = [_summary(s) for s in ReportedStrategy(min_confidence=0.0, deeds=True)(doc)]
    assert ("verb-action", "the new budget", "approved", "The Senate") in asked
    assert [s.rule for s in ReportedStrategy(min_confidence=0.0)(doc)] == []
