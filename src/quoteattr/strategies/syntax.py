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
    """Return the subject of a cue verb, looking through participles ("X left, saying")."""
    verb = cue
    for _ in range(3):
        for child in verb.children:
            if child.dep_ in _SUBJECTS and low <= child.idx < high:
                return mention_span(text, child, low, high)
        if verb.tag_ != "VBG" and verb.dep_ not in {"xcomp", "conj"}:
            return None
        head = verb.head
        if head.i == verb.i or not low <= head.idx < high:
            return None
        if verb.dep_ == "acl" and head.pos_ in {"PROPN", "NOUN", "PRON"}:
            # "footage of Clinton asking, “…”": the participle modifies its speaker.
            return name_span(text, head, low, high)
        if verb.dep_ not in {"advcl", "xcomp", "conj", "ccomp"}:
            return None
        if (
            verb.dep_ == "conj"
            and cue_class_of(verb) is not None
            and head.dep_ == "ccomp"
            and head.head.i < head.i
            and cue_class_of(head.head) is not None
        ):
            # "Clinton said the plan would fail and warned that …": the parser joins
            # the second cue to the content clause, whose extent leaves it out; it
            # shares the subject of the first cue (when the clause follows it).
            head = head.head
        verb = head
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
