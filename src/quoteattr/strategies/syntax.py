"""Syntax helpers shared by the strategies: token lookup, subjects, spans, sentence edges.

Everything here reads a parsed spaCy ``Doc`` and returns plain offsets or
:class:`~quoteattr.model.Span` objects; the strategies decide what they mean.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from quoteattr.lexicon.en import ACCORDING_TO, HONORIFICS, cue_class
from quoteattr.model import CueClass, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
# What follows a speaker's noun without being part of the mention.
_NOT_MENTION = frozenset({"relcl", "acl", "advmod", "advcl"})
_ADDRESSEE_DEPS = {"dobj", "dative", "iobj"}
_NOMINAL = {"PROPN", "PRON", "NOUN"}
# Cue verbs whose "to" phrase is the addressee ("said to reporters"), not a goal.
_TO_ADDRESSEE = frozenset({"say", "speak", "talk", "write", "explain", "complain", "admit"})
# Encounters a statement is made at: "said after talks with his counterpart".
_MEETINGS = frozenset(
    {"talk", "talks", "meeting", "call", "conversation", "interview", "discussion", "phone"}
)
# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    {w.rstrip(".") for w in HONORIFICS}
    | {"st", "jr", "sr", "inc", "co", "corp", "ltd", "no", "vs", "etc", "u.s", "u.n", "u.k"}
    | {"jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "ft", "mt"}
    | {"sens", "reps", "govs", "d", "r", "i", "a.m", "p.m", "e.g", "i.e", "approx"}
)
# Tokenised text sets an opening mark off by a space: ". " Yes".
_BOUNDARY_RE = re.compile(r"[.!?…]+[\"”’')\]]*\s+(?=(?:``|[\"“‘'(\[]{0,2})[^\S\n]?[A-Z0-9])")


class Tokens:
    """Find the tokens of a character range quickly."""

    def __init__(self, doc: Doc) -> None:
        from spacy.attrs import IDX

        self.doc = doc
        # One array read instead of a Token object per token.
        self.starts: list[int] = doc.to_array(IDX).tolist() if len(doc) else []

    def within(self, start: int, end: int) -> list[Token]:
        """Return the non-space tokens lying wholly inside ``[start, end)``."""
        first = bisect.bisect_left(self.starts, start)
        last = bisect.bisect_left(self.starts, end)
        return [
            token
            for token in self.doc[first:last]
            if token.idx + len(token.text) <= end and not token.is_space
        ]


def sentence_start(text: str, low: int, position: int) -> int:
    """Return where the sentence holding ``position`` starts, not before ``low``."""
    start = low
    # The look-ahead needs to see the quote mark at ``position``.
    for match in _BOUNDARY_RE.finditer(text, low, min(len(text), position + 4)):
        if match.end() <= position and not is_abbreviation(text, match.start()):
            start = match.end()
    return start


def sentence_end(text: str, position: int, high: int) -> int:
    """Return where the sentence running from ``position`` ends, not after ``high``."""
    for match in _BOUNDARY_RE.finditer(text, position, min(len(text), high + 4)):
        if match.start() < high and not is_abbreviation(text, match.start()):
            return match.start() + len(match.group().rstrip())
    return high


def is_abbreviation(text: str, dot: int) -> bool:
    """Return whether the full stop at ``dot`` ends an abbreviation ("Mr.", "U.S.", "J.")."""
    if text[dot] != ".":
        return False
    word_start = dot
    while word_start > 0 and (text[word_start - 1].isalnum() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:dot].lower()
    if text[word_start:dot] == "I" and _after_lowercase_word(text, word_start):
        # "said I." ends a sentence: the pronoun, not an initial ("John I. Smith").
        return False
    # Initials ("G.K.", "J.") and listed abbreviations ("Mr.", "U.S.").
    initials = all(len(part) == 1 for part in word.split(".") if part)
    return word in _ABBREVIATIONS or (bool(word) and initials)


def _after_lowercase_word(text: str, position: int) -> bool:
    """Return whether the word before ``position`` (across spaces) is in lower case."""
    end = position
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    return end < position and end > 0 and text[end - 1].isalpha() and text[end - 1].islower()


def span_of(text: str, tokens: Sequence[Token], low: int, high: int) -> Span | None:
    """Return the span from the first to the last token, clipped to [low, high), trimmed."""
    if not tokens:
        return None
    start = max(low, tokens[0].idx)
    end = min(high, tokens[-1].idx + len(tokens[-1].text))
    while start < end and (text[start].isspace() or text[start] in ",;:—–-\"“”'’"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ',;:—–-"“”‘('):
        end -= 1
    if end <= start:
        return None
    return Span.of(text, start, end)


def subtree_span(text: str, token: Token, low: int, high: int) -> Span | None:
    """Return the span of a token's subtree inside ``[low, high)``, around the token itself."""
    subtree = [t for t in token.subtree if low <= t.idx and t.idx + len(t.text) <= high]
    if not subtree:
        return None
    # Keep the contiguous stretch around the head: a subtree clipped by the
    # region may have holes (a quote inside an apposition).
    ordered = sorted(subtree, key=lambda t: t.i)
    head_position = next((n for n, t in enumerate(ordered) if t.i == token.i), 0)
    first = last = head_position
    while first > 0 and ordered[first - 1].i == ordered[first].i - 1:
        first -= 1
    while last < len(ordered) - 1 and ordered[last + 1].i == ordered[last].i + 1:
        last += 1
    return span_of(text, ordered[first : last + 1], low, high)


def cue_class_of(token: Token) -> CueClass | None:
    """Return the cue class of a verb token, or ``None`` if it is not a cue verb."""
    if token.pos_ not in {"VERB", "AUX"} and token.tag_ not in {"VBD", "VBZ", "VBP", "VB", "VBG"}:
        return None
    return cue_class(token.lemma_)


def according_to(tokens: Sequence[Token]) -> tuple[int, int] | None:
    """Return where "according to" (or a synonym) starts and ends in ``tokens``, if it does."""
    words = [t.lower_ for t in tokens]
    for phrase in ACCORDING_TO:
        for n in range(len(words) - len(phrase) + 1):
            if tuple(words[n : n + len(phrase)]) == phrase:
                return n, n + len(phrase)
    return None


def speaker_of(text: str, cue: Token, low: int, high: int) -> Span | None:
    """Return the subject of a cue verb, looking through participles ("X left, saying").

    A gerund after a preposition is its verb's subject's ("X began by saying",
    "after saying …, X"), or the object's after "for" ("criticized X for
    saying"); an infinitive with an object before it is the object's ("forced
    X to admit"); a participle after a reported clause is the reporter's ("X
    said Y lied, adding …").
    """
    verb = cue
    for step in range(4):
        subject = _subject(verb, low, high)
        if subject is not None:
            return mention_span(text, subject, low, high)
        if step == 0:
            shown = _shown_speaker(text, verb, low, high) or _stray_subject(text, verb, low, high)
            if shown is not None:
                return shown
        head = verb.head
        if head.i == verb.i or not low <= head.idx < high:
            return None
        if verb.dep_ == "pcomp" and verb.tag_ == "VBG":
            found = _gerund_controller(head)
            if found is None:
                return None
            if found.pos_ not in {"VERB", "AUX"}:
                return mention_span(text, found, low, high)
            verb = found
            continue
        infinitive = verb.tag_ == "VB" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
        )
        if infinitive and verb.dep_ == "xcomp" and head.lemma_ in _OBJECT_CONTROL:
            # "forced Stumpf to admit", "led the journalist to fear": the object.
            objects = [c for c in head.children if c.dep_ == "dobj" and c.i < verb.i]
            if objects and objects[0].pos_ in _NOMINAL and low <= objects[0].idx < high:
                return mention_span(text, objects[0], low, high)
        if (
            verb.tag_ != "VBG"
            and verb.dep_ not in {"xcomp", "conj"}
            and not (infinitive and verb.dep_ == "advcl")
        ):
            return None
        if verb.dep_ == "acl" and head.pos_ in {"PROPN", "NOUN", "PRON"}:
            occasion = head.head
            if (
                head.dep_ == "pobj"
                and occasion.lower_ in {"at", "during"}
                and occasion.head.pos_ in {"VERB", "AUX"}
                and low <= occasion.head.idx < high
            ):
                # "she said at a news conference announcing that …": the occasion
                # is no speaker; whoever spoke at it is.
                verb = occasion.head
                continue
            # "footage of Clinton asking, “…”": the participle modifies its speaker.
            return name_span(text, head, low, high)
        if verb.dep_ not in {"advcl", "xcomp", "conj", "ccomp"}:
            return None
        if (
            verb.dep_ == "conj"
            and verb.tag_ != "VB"
            and cue_class_of(verb) is not None
            and _reported(head)
        ):
            # "Clinton said the plan would fail and warned that …": the parser joins
            # the second cue to the content clause, whose extent leaves it out; it
            # shares the subject of the first cue (when the clause follows it). A
            # bare verb ("should change the laws rather than criticize him") is
            # the clause's own.
            head = head.head
        elif (
            verb.dep_ == "advcl"
            and verb.tag_ == "VBG"
            and verb.left_edge.i > 0
            and verb.doc[verb.left_edge.i - 1].text == ","
            and _reported(head)
        ):
            # "Perdue said he didn't believe it, arguing that …": a participle set
            # off after a reported clause goes with the verb that reports it.
            head = head.head
        verb = head
    return None


# Verbs whose object is the subject of the infinitive after it ("forced Stumpf to
# admit", "urged voters to reject"): the verb + object + to-infinitive pattern of
# causing, asking and allowing (Quirk et al. 1985, A Comprehensive Grammar of the
# English Language, 16.63). Not "use X to denounce" (purpose) nor "promise X to".
_OBJECT_CONTROL = frozenset(
    {
        "advise", "allow", "ask", "beg", "cause", "challenge", "command", "compel",
        "convince", "dare", "drive", "enable", "encourage", "force", "get", "implore",
        "incite", "induce", "inspire", "instruct", "invite", "lead", "motivate",
        "order", "permit", "persuade", "prompt", "press", "pressure", "push",
        "remind", "request", "spur", "teach", "tell", "tempt", "urge", "warn",
    }
)  # fmt: skip
# Prepositions after which a gerund's subject is the subject of the verb they
# attach to ("began by saying", "after saying", "despite admitting").
_GERUND_PREPOSITIONS = frozenset(
    {"by", "after", "before", "while", "despite", "in", "on", "upon", "without", "for", "about"}
)


def _subject(verb: Token, low: int, high: int) -> Token | None:
    """Return a verb's subject in ``[low, high)``: of several, the nearest before it."""
    subjects = [
        child for child in verb.children if child.dep_ in _SUBJECTS and low <= child.idx < high
    ]
    # A dash the parser took for a subject ("public ― Trump boasted") yields to a word.
    subjects = [c for c in subjects if any(ch.isalnum() for ch in c.text)] or subjects
    before = [child for child in subjects if child.i < verb.i]
    if before:
        return before[-1]
    return subjects[0] if subjects else None


def _gerund_controller(preposition: Token) -> Token | None:
    """Return whose gerund follows ``preposition``: its verb, or the verb's object.

    "X began by saying": the verb "began", whose subject says. "criticized X for
    saying", "held X in contempt for refusing": the object X.
    """
    verb = preposition.head
    if (
        preposition.dep_ not in {"prep", "conj"}
        or preposition.lower_ not in _GERUND_PREPOSITIONS
        or verb.pos_ not in {"VERB", "AUX"}
        or verb.i == preposition.i
    ):
        return None
    if preposition.lower_ == "for":
        objects = [c for c in verb.children if c.dep_ in {"dobj", "dative"} and c.i < preposition.i]
        if objects:
            return objects[0] if objects[0].pos_ in _NOMINAL else None
    return verb


def _reported(clause: Token) -> bool:
    """Return whether ``clause`` is what a cue verb before it reports ("said [the plan failed]")."""
    reporter = clause.head
    # The parser reads a content clause as adverbial ("tweeted that Machado was
    # …"); one with its "that" is still the content, not "after she attacked".
    that = any(c.dep_ in {"mark", "advmod"} and c.lower_ == "that" for c in clause.lefts)
    return (
        (clause.dep_ == "ccomp" or (clause.dep_ == "advcl" and that))
        and reporter.i < clause.i
        and cue_class_of(reporter) is not None
        and clause.left_edge.i > reporter.i
    )


def _stray_subject(text: str, verb: Token, low: int, high: int) -> Span | None:
    """Return the subject of a finite verb the parser left without one.

    "the board of the Washington Post Trump said that …", "the $20 million
    experts say it costs": the noun right before the verb, taken into the
    phrase before it, is its subject; so is a name hung on it as "dep".
    """
    if verb.tag_ not in {"VBD", "VBZ", "VBP"} or verb.dep_ in {"conj", "relcl", "acl"}:
        return None
    if any(c.dep_ in {"expl", "aux", "auxpass"} or c.dep_ in _SUBJECTS for c in verb.children):
        return None
    strays = [c for c in verb.lefts if c.dep_ == "dep" and c.pos_ in {"PROPN", "PRON"}]
    if strays and low <= strays[-1].idx < high:
        return span_of(text, [strays[-1]], low, high)
    if verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    if (
        before.pos_ not in {"PROPN", "NOUN"}
        or before.dep_ not in {"pobj", "compound", "dobj"}
        or before.head.i == verb.i
        or not low <= before.idx < high
    ):
        return None
    # "Protesters marching through the streets chanted": the noun before the
    # verb ends a participle's phrase; the noun the participle describes speaks.
    token = before
    for _ in range(6):
        if token.dep_ == "acl" and token.head.pos_ in _NOMINAL and low <= token.head.idx < high:
            return mention_span(text, token.head, low, high)
        if token.tag_ == "VBG" and token.i < verb.i:
            # Read as the main verb ("Protesters marching … chanted"): its subject.
            subject = _subject(token, low, high)
            return mention_span(text, subject, low, high) if subject is not None else None
        if token.dep_ not in {"pobj", "prep", "compound", "dobj"} or token.head.i == token.i:
            break
        token = token.head
    return span_of(text, [before], low, high)


# What shows someone speaking: "footage of Clinton asking", "a video of him saying".
_RECORDINGS = frozenset(
    {"footage", "video", "clip", "tape", "recording", "audio", "film", "image", "photo"}
)


def _shown_speaker(text: str, verb: Token, low: int, high: int) -> Span | None:
    """Return who is shown speaking in "footage of Clinton asking": the noun before it."""
    if verb.tag_ != "VBG" or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    if (
        before.pos_ in _NOMINAL
        and before.dep_ == "pobj"
        and before.head.lower_ == "of"
        and before.head.head.lemma_.lower() in _RECORDINGS
        and low <= before.idx < high
    ):
        return name_span(text, before, low, high)
    return None


def mention_span(text: str, head: Token, low: int, high: int) -> Span | None:
    """Return a speaker mention: the noun phrase without the clauses and adverbs after it.

    "Mr. Pett, who was touchy on the subject," is "Mr. Pett"; "the gentleman
    quizzically" is "the gentleman". Appositions stay ("Lavrov, Russia's
    foreign minister"): they say who the speaker is.
    """
    end = high
    for child in head.rights:
        if child.dep_ in _NOT_MENTION:
            end = min(end, child.left_edge.idx)
            break
    return subtree_span(text, head, low, end)


def name_span(text: str, head: Token, low: int, high: int) -> Span | None:
    """Return a noun with its compounds and determiners, without its clauses."""
    tokens = [t for t in head.lefts if t.dep_ in {"compound", "det", "amod", "poss"}]
    tokens = [*tokens, head]
    tokens = [t for t in tokens if low <= t.idx and t.idx + len(t.text) <= high]
    return span_of(text, sorted(tokens, key=lambda t: t.i), low, high)


def addressee_of(text: str, cue: Token, low: int, high: int) -> Span | None:
    """Return whom a cue verb's words were for, inside ``[low, high)``.

    The verb's object ("told reporters"), a "to" phrase ("said to reporters",
    "wrote to the senator"), or the other side of a meeting the cue is
    placed at ("said after talks with his counterpart", "said in a call
    with Merkel").
    """
    for child in cue.children:
        if child.dep_ in _ADDRESSEE_DEPS and low <= child.idx < high and child.pos_ in _NOMINAL:
            return subtree_span(text, child, low, high)
    for child in cue.children:
        if child.dep_ != "prep" or not low <= child.idx < high:
            continue
        if child.lower_ == "to" and cue.lemma_ in _TO_ADDRESSEE:
            found = _object_of(text, child, low, high)
            if found is not None:
                return found
        for meeting in child.children:
            if meeting.dep_ in {"pobj", "dobj"} and meeting.lemma_.lower() in _MEETINGS:
                for prep in meeting.children:
                    if prep.dep_ == "prep" and prep.lower_ == "with":
                        return _object_of(text, prep, low, high)
    return None


def _object_of(text: str, prep: Token, low: int, high: int) -> Span | None:
    for child in prep.children:
        if child.dep_ == "pobj" and child.pos_ in _NOMINAL and low <= child.idx < high:
            return subtree_span(text, child, low, high)
    return None


def nominal_run(tokens: Sequence[Token]) -> list[Token]:
    """Return the leading run of tokens that can form a name or noun phrase.

    A quantity with no noun of its own goes on through a partitive "of"
    ("one of the women", "each of them", "the eldest of the girls").
    """
    run: list[Token] = []
    for token in tokens:
        if token.pos_ in {"PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM"} or _partitive(run, token):
            run.append(token)
        else:
            break
    return run if any(t.pos_ in _NOMINAL for t in run) else []


def _partitive(run: Sequence[Token], token: Token) -> bool:
    """Return whether ``token`` is the "of" after a quantity with no noun ("one of")."""
    return (
        token.lower_ == "of"
        and bool(run)
        and run[-1].pos_ in {"NUM", "DET", "ADJ"}
        and not any(t.pos_ in _NOMINAL for t in run)
    )
