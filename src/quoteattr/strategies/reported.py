"""Reported (indirect) and mixed speech, read off the dependency parse.

Each cue in the lexicon is a candidate; the parse around it decides the
construction, and each construction is a rule of its own:

- ``verb-ccomp``: "X said (that) CLAUSE", "CLAUSE, X said", "Stressing that
  CLAUSE, X urged ..." (the complement clause is the content);
- ``verb-xcomp``: "X urged / called on / asked Y to ...", "X vowed to ..."
  (content from the addressee to the end of the infinitive);
- ``verb-gerund``: "X admitted / denied / proposed using Y" (the gerund
  phrase);
- ``verb-object``: "X denied / confirmed / announced the report" (a noun
  phrase as content, for verbs whose object is a claim);
- ``verb-prep``: "X spoke of Y", "X called for Y", "X pressed him on Y" (the
  preposition's object; a participle's own complement too: "…, accusing
  her of lying");
- ``verb-passive``: "the plan was praised by X";
- ``verb-colon``: "The governor added: WORDS" (the rest of the paragraph,
  or the next paragraph when the colon ends one, is the content);
- ``parenthetical``: "The goal, X said, cannot be reached", "As experts have
  pointed out, CLAUSE" (the content is the clause around the cue, in two
  fragments);
- ``according-to``: "According to X, CLAUSE";
- ``prep-source``: "In a CNN poll, CLAUSE", "In his view, CLAUSE" (cue class
  other for polls and reports, thought for views);
- ``noun-that`` / ``noun-infinitive``: "X's claim / warning that CLAUSE",
  "Obama's decision to restore relations";
- ``noun-prep`` / ``noun-object``: "X's support for Y", "X unveiled a
  proposal for Y", "X faced questions about Y" (a cue noun as a verb's
  object: its subject holds it, unless it undergoes it);
- ``noun-stance``: "X is a staunch opponent of Y", "X, a supporter of Y"
  (class thought);
- ``adjective``: "X is confident that CLAUSE", "X was critical of Y" (class
  thought);
- ``label-colon``: "PENCE: WORDS" (transcripts and headlines);
- ``verb-response``: "X responded with attacks on Y / by cutting Y";
- ``verb-action``, only with ``deeds=True``: "the Senate approved the
  budget" (a named actor's deed on an object, cue class other; calibration
  decides which verbs count). PolNeAR's scheme counts such stances taken by
  deed as attributions; most users asking who said what do not, so it is off
  by default.

A statement whose content holds quoted words is ``mixed``; one whose content
is all inside quote marks is ``direct`` (the quote strategy usually finds those
too, and the merge keeps one). Cues inside a quotation are skipped: a belief
reported inside someone's quote is part of their words, not a new statement.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

import attrs

from quoteattr.analysis import Analysis, kind_of
from quoteattr.lexicon.en import (
    CUE_NOUNS,
    HEADING_LABELS,
    NOUN_CLASSES,
    STANCE_ADJECTIVES,
    STANCE_NOUNS,
    XCOMP_CUES,
    cue_class,
    normal_lemma,
)
from quoteattr.model import CueClass, Span, Speaker, Statement
from quoteattr.strategies.base import analysis_of, register
from quoteattr.strategies.calibration import confidence_for
from quoteattr.strategies.syntax import (
    Tokens,
    addressee_of,
    cue_class_of,
    name_span,
    span_of,
    speaker_of,
    subtree_span,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["ReportedStrategy"]

NAME = "quoteattr.reported.v1"

_TRIM = " \t\n\r,;:—–-"
_EXPLETIVES = {"it", "there"}
# Outside quotes, "you" addresses the reader ("If you like this story"): not a source.
_READER = {"you", "ya", "y'all"}
_MIN_CONTENT_WORDS = 2
# The longest stretch a reported content can cover before its cue (characters).
_WINDOW = 5_000
# "PENCE: Well, look, ..." (transcripts), "Caddell: Voters Worried ..." (headlines).
_LABEL_RE = re.compile(
    r"[ \t]*[\"“]?((?:[A-Z][\w.'’-]*[ \t]+){0,3}[A-Z][\w.'’-]*)[ \t]*:[ \t]+(?=\S)"
)
_OBJECT_PREPOSITIONS = {
    "with",
    "by",
    "to",
    "of",
    "about",
    "for",
    "as",
    "against",
    "behind",
    "over",
    "from",
    "at",
}
_NAME_POS = {"PROPN", "NOUN"}
_PHRASE_RULES = {
    "adjective",
    "noun-stance",
    "verb-object",
    "verb-passive",
    "verb-prep",
    "verb-response",
    "verb-action",
    "noun-prep",
    "noun-object",
}
# Prepositions that introduce what a cue verb is about ("spoke of", "called for").
_CONTENT_PREPOSITIONS = {"about", "of", "on", "for", "against", "to"}
# Verbs of reply whose content is how the reply was made: "responded with
# attacks on Machado", "answered by citing the figures".
_RESPONSE_VERBS = {"respond", "reply", "answer", "retort", "counter"}
# Verbs whose subject undergoes the cue noun rather than voicing it: "X faced
# criticism for ...", "X has drawn questions about ...".
_UNDERGOING_VERBS = {
    "face",
    "draw",
    "receive",
    "attract",
    "field",
    "get",
    "earn",
    "weather",
    "escape",
}


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    for word in (" and", " but", " or"):
        if text[start:end].endswith(word):
            end -= len(word)
            while end > start and text[end - 1] in _TRIM:
                end -= 1
    if end > start and text[end - 1] == "." and end - start > 1 and text[end - 2] not in ".”\"’'":
        end -= 1
    return start, end


def _words(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())


@attrs.frozen
class ReportedStrategy:
    """Find reported and mixed speech: content, cue and speaker mention.

    Attributes:
        min_confidence: drop statements less likely than this to be right.
        deeds: also report stances taken by deed ("the Senate approved the
            budget", rule ``verb-action``, cue class other), as PolNeAR's
            annotation scheme counts them.
        name: the registered name stamped on each statement.
    """

    min_confidence: float = 0.35
    deeds: bool = False
    name: str = NAME

    def __call__(self, doc: Doc) -> Iterator[Statement]:
        """Yield the reported and mixed statements of ``doc``."""
        analysis = analysis_of(doc)
        # Weak candidates go first, so that they never hide a statement inside them.
        finder = _Finder(doc, analysis, deeds=self.deeds)
        found = [s for s in finder.run() if s.confidence >= self.min_confidence]
        for statement in _outermost(found):
            yield attrs.evolve(statement, strategy=self.name)


def _outermost(statements: list[Statement]) -> list[Statement]:
    """Drop statements whose cue lies inside another statement's content.

    "X said that Y believes Z": Y's belief is part of what X said; annotated
    corpora (and readers) count the outer statement only.
    """
    # Reported content stays inside one sentence: look back a bounded window.
    fragments = sorted(
        (fragment.start, fragment.end, index)
        for index, statement in enumerate(statements)
        for fragment in statement.content
    )
    starts = [start for start, _, _ in fragments]
    kept = []
    for statement in statements:
        cue = statement.cue
        nested = False
        if cue is not None:
            first = bisect.bisect_left(starts, cue.start - _WINDOW)
            last = bisect.bisect_right(starts, cue.start)
            for start, end, index in fragments[first:last]:
                other = statements[index]
                if (
                    other is not statement
                    and start <= cue.start
                    and cue.end <= end
                    and not _inside(other.cue, statement)
                ):
                    nested = True
                    break
        if not nested:
            kept.append(statement)
    return kept


def _inside(span: Span | None, statement: Statement) -> bool:
    return span is not None and any(fragment.contains(span) for fragment in statement.content)


class _Finder:
    def __init__(self, doc: Doc, analysis: Analysis, *, deeds: bool = False) -> None:
        self.doc = doc
        self.deeds = deeds
        self.text = analysis.text
        self.analysis = analysis
        quotes = [(q.inner_start, q.inner_end) for q in analysis.primary]
        self.quote_starts = [start for start, _ in quotes]
        self.quotes = quotes

    def _quoted(self, offset: int) -> bool:
        position = bisect.bisect_right(self.quote_starts, offset) - 1
        return position >= 0 and self.quotes[position][0] <= offset < self.quotes[position][1]

    def run(self) -> Iterator[Statement]:
        used: set[int] = set()
        for token in self.doc:
            if token.i in used or self._quoted(token.idx):
                continue
            found: Statement | None = None
            lower = token.lower_
            if (
                lower == "according"
                and token.i + 1 < len(self.doc)
                and self.doc[token.i + 1].lower_ == "to"
            ):
                found = self._according(token)
            elif token.pos_ in {"VERB", "AUX"}:
                klass = cue_class_of(token)
                if klass is not None:
                    found = self._verb(token, klass)
                elif token.pos_ == "VERB" and self.deeds:
                    found = self._action(token)
            elif lower == "in" and token.dep_ == "prep":
                found = self._in_source(token)
            elif _verb_read_as_noun(token):
                found = self._verb_as_noun(token)
            elif token.pos_ == "NOUN" and normal_lemma(token.lemma_) in CUE_NOUNS:
                found = self._noun(token)
            elif token.pos_ == "NOUN" and token.lemma_.lower() in STANCE_NOUNS:
                found = self._stance_noun(token)
            elif token.pos_ == "ADJ" and token.lower_ in STANCE_ADJECTIVES:
                found = self._adjective(token)
            if found is not None:
                used.add(token.i)
                yield found
        yield from self._labels()

    # -- building blocks -------------------------------------------------

    def _statement(
        self,
        content: list[tuple[int, int]],
        cue: _Cue,
        speaker: Span | None,
        *,
        addressee: Span | None = None,
    ) -> Statement | None:
        fragments = []
        if content:
            content = [*content[:-1], self._without_aside(self._across_split(content[-1]))]
        for raw_start, raw_end in content:
            start, end = _trim(self.text, raw_start, raw_end)
            if end > start:
                fragments.append(Span.of(self.text, start, end))
        words = sum(_words(self.text, f.start, f.end) for f in fragments)
        # A clause has a subject and a verb; an object may be a single name.
        if words < (1 if cue.rule in _PHRASE_RULES else _MIN_CONTENT_WORDS):
            return None
        if speaker is not None and any(speaker.overlaps(f) for f in fragments):
            speaker = None
        return Statement(
            kind=kind_of(self.text, fragments, self.analysis),
            content=tuple(fragments),
            cue=cue.span,
            speaker=Speaker.from_mention(speaker) if speaker is not None else None,
            confidence=confidence_for(cue.rule, cue.lemma, speaker is not None),
            rule=cue.rule,
            cue_class=cue.klass,
            addressee=addressee,
        )

    def _sentence_bounds(self, token: Token) -> tuple[int, int]:
        sent = token.sent
        return sent.start_char, sent.end_char

    def _speaker(self, cue: Token) -> Span | None:
        low, high = self._sentence_bounds(cue)
        speaker = speaker_of(self.text, cue, low, high)
        passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in cue.children)
        if (
            speaker is not None
            and speaker.text.lower() in _EXPLETIVES
            and (passive or cue.lemma_ in {"seem", "appear"})
        ):
            # "It was reported that …", "it seems that …": no speaker.
            speaker = None
        if speaker is None:
            # Passive: "it was reported by the Post that ..."
            for child in cue.children:
                if child.dep_ == "agent":
                    objects = [c for c in child.children if c.dep_ == "pobj"]
                    if objects:
                        return subtree_span(self.text, objects[0], low, high)
        return speaker

    def _across_split(self, extent: tuple[int, int]) -> tuple[int, int]:
        """Extend a content over a sentence break the parser put mid-sentence.

        "Clinton cited disparaging remarks | Trump had made about Machado": a
        sentence that ends on a word, with only a space before the next one,
        has not ended; the content runs on to the end of the next sentence.
        """
        start, end = extent
        last = self.doc.char_span(end - 1, end, alignment_mode="expand")
        if last is None or not len(last) or not last[-1].text[-1].isalnum():
            return extent
        token = last[-1]
        sentence = token.sent
        following = token.i + 1
        if (
            token.i != sentence.end - 1
            or following >= len(self.doc)
            or token.whitespace_ != " "
            or not self.doc[following].is_alpha
        ):
            return extent
        return start, self.doc[following].sent.end_char

    def _without_aside(self, extent: tuple[int, int]) -> tuple[int, int]:
        """Cut a content before the writer's aside it ends with.

        "he expects Clinton to recover from pneumonia, which forced her to
        leave early": a relative clause set off by a comma at the end of a
        content describes, in the writer's voice, what the speaker mentioned.
        """
        start, end = extent
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return extent
        for token in span:
            relative = token.left_edge.lower_ in _RELATIVES and token.pos_ in {"VERB", "AUX"}
            if not (token.dep_ in _ASIDES or relative) or token.head.i >= token.left_edge.i:
                continue
            comma = token.left_edge.i - 1
            closes = token.right_edge.idx + len(token.right_edge.text) >= end - 1
            if closes and comma > span.start and self.doc[comma].text == ",":
                return start, self.doc[comma].idx
        return extent

    def _over_colon(self, extent: tuple[int, int]) -> tuple[int, int]:
        """Extend a content that ends at a colon over what the colon introduces.

        "noted that three things are happening at once: home values are rising,
        ...": the list after the colon is part of what was said.
        """
        start, end = extent
        rest = self.text[end : end + 3]
        if not rest.lstrip(" ").startswith(":"):
            return extent
        colon = end + rest.index(":")
        mark = self.doc.char_span(colon, colon + 1, alignment_mode="expand")
        if mark is None or mark.end >= len(self.doc):
            return extent
        sentence = self.doc[mark.end].sent
        return start, max(end, sentence.end_char)

    def _after_colon(self, cue: Token) -> tuple[int, int] | None:
        """Return what a cue verb ending in a colon introduces ("The governor added: ...").

        The content runs to the end of the paragraph, or is the next paragraph
        when the colon ends its own.
        """
        following = cue.i + 1
        if following >= len(self.doc) or self.doc[following].text != ":":
            return None
        colon = self.doc[following].idx + 1
        paragraphs = self.analysis.paragraphs
        index = self.analysis.paragraph_of(colon)
        end = paragraphs[index][1]
        if not self.text[colon:end].strip() and index + 1 < len(paragraphs):
            colon, end = paragraphs[index + 1]
        return colon, end

    # -- rules -------------------------------------------------------------

    def _verb(self, token: Token, klass: CueClass) -> Statement | None:
        lemma = normal_lemma(token.lemma_)
        low, high = self._sentence_bounds(token)
        children = list(token.children)
        speaker = self._speaker(token)
        if speaker is not None and speaker.text.lower() in _READER:
            return None

        def cue(rule: str) -> _Cue:
            return _Cue(Span.from_spacy(token), lemma, klass, rule)

        clauses = [c for c in children if c.dep_ == "ccomp"] or [
            # "Trump said after the convention he would not ...": the parser often
            # attaches a complement clause with no "that" as an adverbial one.
            c
            for c in children
            if c.dep_ == "advcl"
            and c.i > token.i
            and any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)
            and not any(
                g.dep_ in {"mark", "advmod"} and g.lower_ != "that" for g in c.children if g.i < c.i
            )
        ]
        if clauses:
            addressee = addressee_of(self.text, token, low, high)
            start, end = self._over_colon(_clauses_extent(token, clauses))
            if start < token.idx and all(c.i > token.i for c in clauses):
                # "which Mr. Clarke says he is doing …": a relative word fronted out
                # of the clause leaves the speaker and the cue outside the content.
                start = token.idx + len(token.text)
            return self._statement([(start, end)], cue("verb-ccomp"), speaker, addressee=addressee)
        passive = self._passive(token, low, high)
        if passive is not None:
            subject, agent = passive
            return self._statement([_extent(subject)], cue("verb-passive"), agent)
        # "decline to appeal": the parser may hang the infinitive on as an adverbial.
        xcomps = [c for c in children if c.dep_ == "xcomp" or _infinitive_after(token, c)]
        if xcomps and lemma in XCOMP_CUES:
            xcomp = xcomps[0]
            objects = [c for c in children if c.dep_ in {"dobj", "dative"} and c.i < xcomp.i]
            # "called on both sides to return": the one called on is the object.
            objects += [
                found
                for c in children
                if c.dep_ == "prep"
                and c.lower_ in {"on", "upon"}
                and c.i < xcomp.i
                and (found := _preposition_object(c)) is not None
            ]
            addressee = subtree_span(self.text, objects[0], low, high) if objects else None
            start = _extent(objects[0])[0] if objects else _extent(xcomp)[0]
            if start < token.idx < _extent(xcomp)[1] and xcomp.i > token.i:
                # "which she plans to do": the fronted relative word, as for clauses.
                start = token.idx + len(token.text)
            content = [(start, _infinitives_end(token, xcomp))]
            return self._statement(content, cue("verb-xcomp"), speaker, addressee=addressee)
        if _borrowed_subject(token):
            # A gerund after a preposition ("criticized for promoting cures",
            # "began by emphasizing fairness") or an infinitive of purpose ("was
            # called to talk about …") reports a clause, not its object.
            return None
        gerunds = [c for c in xcomps if c.tag_ == "VBG" and c.i > token.i]
        if gerunds and speaker is not None:
            # "Trump has admitted using the tax code": a gerund complement of a
            # cue verb is what is admitted, denied or proposed.
            content = [_clause_extent(gerunds[0])]
            return self._statement(content, cue("verb-gerund"), speaker)
        clause = _clause_around(token)
        if clause is not None and speaker is not None and _aside(token):
            head_start, head_end = _extent(clause)
            cue_start, cue_end = _extent(token)
            around = [(head_start, cue_start), (cue_end, head_end)]
            return self._statement(
                [(s, e) for s, e in around if e > s], cue("parenthetical"), speaker
            )
        if speaker is None:
            return None
        introduced = self._after_colon(token)
        if introduced is not None:
            return self._statement([introduced], cue("verb-colon"), speaker)
        if lemma in _RESPONSE_VERBS:
            for child in children:
                if (
                    child.dep_ == "prep"
                    and child.i > token.i
                    and child.lower_ in {"by", "with"}
                    and _preposition_object(child) is not None
                ):
                    return self._statement([_extent(child)], cue("verb-response"), speaker)
        objects = [c for c in children if c.dep_ in {"dobj", "oprd"} and c.i > token.i]
        topic = _topic_of_someone(token, objects)
        if topic is not None:
            # "pressed him on his failure to release tax returns": him is who was
            # pressed; what about is the content.
            addressee = subtree_span(self.text, objects[0], low, high)
            content = [(_extent(topic)[0], _phrase_end(token, [topic]))]
            return self._statement(content, cue("verb-prep"), speaker, addressee=addressee)
        if objects:
            content = [(_extent(objects[0])[0], _phrase_end(token, objects))]
            return self._statement(content, cue("verb-object"), speaker)
        for child in children:
            if child.dep_ == "prep" and child.i > token.i and child.lower_ in _CONTENT_PREPOSITIONS:
                found = _preposition_object(child)
                if found is not None:
                    content = [(_extent(found)[0], _phrase_end(token, [found]))]
                    return self._statement(content, cue("verb-prep"), speaker)
        return None

    def _verb_as_noun(self, token: Token) -> Statement | None:
        """Return "Trump claims that …" when the parser read "claims" as a noun.

        The subject is then a compound on the "noun" and the complement hangs
        on it as a clause of some kind.
        """
        subject = [t for t in token.lefts if t.dep_ in {"compound", "nsubj", "amod", "det", "poss"}]
        # "Trump claims that …", or "…, the candidate's doctor maintains."
        clauses = [c for c in token.rights if c.dep_ in _CLAUSES_ON_NOUNS] or [
            c for c in token.lefts if c.dep_ == "ccomp"
        ]
        lemma = normal_lemma(token.lemma_)
        klass = cue_class(lemma)
        rule = "verb-xcomp" if clauses and clauses[0].dep_ == "xcomp" else "verb-ccomp"
        if not subject or not clauses or klass is None:
            return None
        if rule == "verb-xcomp" and lemma not in XCOMP_CUES:
            return None
        low, high = self._sentence_bounds(token)
        start, end = min(_extent(c)[0] for c in clauses), max(_extent(c)[1] for c in clauses)
        words = sorted({w.i: w for t in subject for w in t.subtree}.values(), key=lambda w: w.i)
        floor = end if end <= token.idx else low
        speaker = span_of(self.text, words, floor, token.idx)
        content = [(max(low, start), min(high, end))]
        cue = _Cue(Span.from_spacy(token), lemma, klass, rule)
        return self._statement(content, cue, speaker)

    def _action(self, token: Token) -> Statement | None:
        """Return what a named actor did to something: "Obama imposed sanctions on Russia".

        PolNeAR counts a stance taken by deed as an attribution; which verbs
        qualify is left to calibration, by lemma.
        """
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        if not subjects or not _actor(subjects[0]):
            return None
        objects = [c for c in token.children if c.dep_ == "dobj" and c.i > token.i]
        # "issued a note", "released a statement": the deed is a speech act whose
        # content lies elsewhere.
        if not objects or normal_lemma(objects[0].lemma_) in _DOCUMENTS:
            return None
        speaker = self._speaker(token)
        if speaker is None:
            return None
        lemma = normal_lemma(token.lemma_)
        cue = _Cue(Span.from_spacy(token), lemma, CueClass.OTHER, "verb-action")
        content = [(_extent(objects[0])[0], _phrase_end(token, objects))]
        return self._statement(content, cue, speaker)

    def _passive(self, token: Token, low: int, high: int) -> tuple[Token, Span] | None:
        """Return the subject and agent of "the plan was praised by X", if the cue has both."""
        subjects = [c for c in token.children if c.dep_ == "nsubjpass"]
        if not subjects or subjects[0].lower_ in _EXPLETIVES or subjects[0].pos_ == "PRON":
            return None
        for child in token.children:
            if child.dep_ == "agent" and child.i > token.i:
                objects = [c for c in child.children if c.dep_ == "pobj"]
                agent = subtree_span(self.text, objects[0], low, high) if objects else None
                if agent is not None:
                    return subjects[0], agent
        return None

    def _labels(self) -> Iterator[Statement]:
        """Yield "NAME: words" paragraphs (transcripts, headlines) as the named one's words."""
        tokens = Tokens(self.doc)
        for start, end in self.analysis.paragraphs:
            match = _LABEL_RE.match(self.text, start, end)
            if match is None or self._quoted(match.start(1) - 1):
                continue
            label = tokens.within(match.start(1), match.end(1))
            words = [t.lower_.strip(".") for t in label]
            if (
                not label
                # Names only: "The Latest:", "Stealth Over Health:" are headings.
                or not all(t.is_upper or (t.is_title and t.pos_ in _NAME_POS) for t in label)
                or any(w in HEADING_LABELS for w in words)
            ):
                continue
            colon = match.end(1) + self.text[match.end(1) : match.end()].index(":")
            cue = _Cue(Span.of(self.text, colon, colon + 1), ":", CueClass.SPEECH, "label-colon")
            speaker = Span.of(self.text, match.start(1), match.end(1))
            statement = self._statement([(match.end(), end)], cue, speaker)
            if statement is not None:
                yield statement

    def _adjective(self, token: Token) -> Statement | None:
        """Return a stance held by the subject: "X is confident that ...", "X was opposed to"."""
        head = token.head
        if token.dep_ not in {"acomp", "oprd"} or head.i == token.i:
            return None
        speaker = self._speaker(head)
        if speaker is None or speaker.text.lower() in _READER | _EXPLETIVES:
            return None
        cue = _Cue(Span.from_spacy(token), token.lower_, CueClass.THOUGHT, "adjective")
        for child in token.rights:
            if child.dep_ in {"ccomp", "xcomp"}:
                return self._statement([_clause_extent(child)], cue, speaker)
            # "critical of X" is a stance, "critical to success" is not.
            if child.dep_ == "prep" and child.lower_ in {"about", "of", "on"} | (
                {"to"} if token.lower_ == "opposed" else set()
            ):
                found = _preposition_object(child)
                if found is not None:
                    return self._statement([_extent(found)], cue, speaker)
        return None

    def _stance_noun(self, token: Token) -> Statement | None:
        """Return a stance someone is named by: "X is an opponent of Y", "X, a supporter of Y"."""
        head = token.head
        low, high = self._sentence_bounds(token)
        if token.dep_ == "attr" and head.i != token.i:
            speaker = self._speaker(head)
        elif token.dep_ == "appos" and head.pos_ in {"PROPN", "NOUN"}:
            speaker = name_span(self.text, head, low, high)
        else:
            return None
        if speaker is None or speaker.text.lower() in _READER | _EXPLETIVES:
            return None
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ in {"of", "for"}:
                found = _preposition_object(child)
                if found is not None:
                    lemma = token.lemma_.lower()
                    cue = _Cue(Span.from_spacy(token), lemma, CueClass.THOUGHT, "noun-stance")
                    return self._statement([_extent(found)], cue, speaker)
        return None

    def _according(self, token: Token) -> Statement | None:
        to = self.doc[token.i + 1]
        objects = [c for c in to.children if c.dep_ == "pobj"] or [
            c for c in token.children if c.dep_ == "pobj"
        ]
        if not objects:
            return None
        low, high = self._sentence_bounds(token)
        speaker = subtree_span(self.text, objects[0], low, high)
        phrase_end = max(_extent(objects[0])[1], to.idx + len(to.text))
        around = [(low, token.idx), (phrase_end, high)]
        span = Span.of(self.text, token.idx, to.idx + len(to.text))
        return self._statement(
            [(s, e) for s, e in around if _words(self.text, s, e) >= 1],
            _Cue(span, "according to", CueClass.SPEECH, "according-to"),
            speaker,
        )

    def _in_source(self, token: Token) -> Statement | None:
        """Return what a poll or a report says: "In a CNN poll, Clinton led by 5 points".

        The clause the "in" phrase opens is the content and the poll its
        source (cue class other: evidence); "in his view" is his (thought). A
        clause whose verb is a cue of its own ("In a statement, the ministry
        said …") is that verb's statement.
        """
        source = _preposition_object(token)
        clause = token.head
        if (
            source is None
            or source.lemma_.lower() not in _SOURCE_NOUNS
            or clause.pos_ not in {"VERB", "AUX"}
            or cue_class_of(clause) is not None
            or token.i > clause.i
        ):
            return None
        low, high = self._sentence_bounds(token)
        phrase_start, phrase_end = _extent(token)
        clause_start, clause_end = _clause_extent(clause)
        around = [(clause_start, phrase_start), (phrase_end, clause_end)]
        holder = next((c for c in source.children if c.dep_ == "poss"), source)
        speaker = subtree_span(self.text, holder, low, high)
        if holder is not source:
            speaker = _without_possessive(self.text, speaker)
        klass = _SOURCE_NOUNS[source.lemma_.lower()]
        cue = _Cue(Span.from_spacy(token), "in", klass, "prep-source")
        return self._statement(
            [(s, e) for s, e in around if _words(self.text, s, e) >= 1], cue, speaker
        )

    def _noun(self, noun: Token) -> Statement | None:
        low, high = self._sentence_bounds(noun)
        speaker = None
        for child in noun.children:
            if child.dep_ == "poss":
                speaker = _without_possessive(self.text, subtree_span(self.text, child, low, high))
            elif child.dep_ == "compound" and child.pos_ == "PROPN" and child.i < noun.i:
                speaker = subtree_span(self.text, child, low, high)
            elif child.dep_ == "prep" and child.lower_ in {"by", "from"}:
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    speaker = subtree_span(self.text, objects[0], low, high)
        if speaker is not None and speaker.text.lower() in _READER:
            return None
        lemma = normal_lemma(noun.lemma_)
        klass = NOUN_CLASSES.get(lemma, CueClass.SPEECH)
        span = Span.from_spacy(noun)
        clauses = [
            c
            for c in noun.children
            if c.dep_ in {"acl", "ccomp", "appos", "relcl"}
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ]
        if clauses:
            cue = _Cue(span, lemma, klass, "noun-that")
            return self._statement([_extent(clauses[0])], cue, speaker)
        # "Obama's decision to restore relations", "her pledge to cut taxes".
        infinitives = [
            c
            for c in noun.rights
            if c.dep_ in {"acl", "relcl"}
            and c.tag_ == "VB"
            and any(m.dep_ == "aux" and m.lower_ == "to" for m in c.children)
        ]
        if infinitives and speaker is not None:
            cue = _Cue(span, lemma, klass, "noun-infinitive")
            return self._statement([_clause_extent(infinitives[0])], cue, speaker)
        rule = "noun-prep"
        if speaker is None:
            verb = noun.head
            # A cue verb ("voiced support for Y") is a statement of its own.
            if noun.dep_ != "dobj" or verb.pos_ != "VERB" or cue_class_of(verb) is not None:
                return None
            # "X voiced support for Y", "X unveiled a proposal for Y": the subject
            # of the verb holds the noun; "X faced questions about Y" has no speaker.
            rule = "noun-object"
            if normal_lemma(verb.lemma_) not in _UNDERGOING_VERBS:
                speaker = self._speaker(verb)
                if speaker is None or speaker.text.lower() in _READER | _EXPLETIVES:
                    return None
        # "Trump's support for the wall", "his attack on the press".
        for child in noun.rights:
            if child.dep_ == "prep" and child.lower_ in _CONTENT_PREPOSITIONS:
                found = _preposition_object(child)
                if found is not None:
                    cue = _Cue(span, lemma, klass, rule)
                    return self._statement([_extent(found)], cue, speaker)
        return None


@attrs.frozen
class _Cue:
    """The cue of a statement being built: where, which lemma and class, which rule."""

    span: Span
    lemma: str
    klass: CueClass
    rule: str


def _topic_of_someone(cue: Token, objects: Sequence[Token]) -> Token | None:
    """Return what someone was pressed, asked or blamed about ("pressed him *on his taxes*").

    Only when the object is a personal pronoun: "him", "her", "them".
    """
    if not objects or objects[0].lower_ not in _PERSONAL_OBJECTS:
        return None
    for child in cue.rights:
        if child.dep_ == "prep" and child.lower_ in _TOPICS | {"over"} and child.i > objects[0].i:
            return _preposition_object(child)
    return None


def _infinitive_after(cue: Token, child: Token) -> bool:
    """Tell whether ``child`` is an infinitive right after ``cue`` ("decline *to appeal*")."""
    return (
        child.dep_ == "advcl"
        and child.tag_ == "VB"
        and child.i == cue.i + 2
        and child.doc[cue.i + 1].lower_ == "to"
    )


def _verb_read_as_noun(token: Token) -> bool:
    """Tell whether a sentence's root noun is a cue verb the parser misread ("Trump claims")."""
    return (
        token.dep_ == "ROOT"
        and token.pos_ in {"NOUN", "PROPN"}
        and token.lower_.endswith("s")
        and cue_class(normal_lemma(token.lemma_)) is not None
    )


def _clause_around(cue: Token) -> Token | None:
    """Return the head of the clause a parenthetical cue interrupts ("…, he said, …").

    The parser hangs "he told me" in "The difference now, he told me, is …" on
    the subject; the clause is then the subject's verb.
    """
    if cue.dep_ not in {"parataxis", "advcl"} or cue.head.i == cue.i:
        return None
    head = cue.head
    if head.pos_ not in {"VERB", "AUX"} and head.dep_ in {"nsubj", "nsubjpass"}:
        head = head.head
    return head if head.pos_ in {"VERB", "AUX"} else None


def _aside(cue: Token) -> bool:
    """Tell whether a cue verb hanging on a clause attributes it ("…, he said, …").

    "If you like this story, ..." and "When the diagnosis was confirmed, ..."
    are subordinate clauses, not attributions; "As experts have pointed out,
    ..." is one, unless it has an object or a topic of its own ("As he said
    this, ...", "As she talked about jobs, ..."), comes after the clause, or
    is the act of speaking itself ("As he spoke, ...").
    A participle with a complement of its own ("…, accusing her of lying")
    says that complement, not the clause it hangs on.
    """
    if cue.tag_ == "VBG" and any(c.dep_ in {"dobj", "prep", "dative"} for c in cue.children):
        return False
    openers = [c for c in cue.children if c.dep_ == "mark" or (c.tag_ == "WRB" and c.i < cue.i)]
    if not openers:
        return True
    return (
        all(c.lower_ == "as" for c in openers)
        # "…, as he finished, …" tells when, not whose words.
        and cue.i < cue.head.i
        and normal_lemma(cue.lemma_) not in _SPEAKING
        and not any(
            c.dep_ in {"dobj", "ccomp", "xcomp"} or (c.dep_ == "prep" and c.lower_ in _TOPICS)
            for c in cue.children
        )
    )


def _clause_extent(head: Token) -> tuple[int, int]:
    """Return the extent of a content clause, cut before a trailing attribution of its own.

    "he would review the defences and warned against hackers": the second cue
    starts a statement of its own; so do trailing participles after a comma
    ("…, arguing that …", "…, focusing on …").
    """
    start, end = _extent(head)
    for child in head.rights:
        verbal = child.pos_ in {"VERB", "AUX"}
        after_comma = child.i > 0 and child.doc[child.left_edge.i - 1].text == ","
        own_subject = any(g.dep_ in {"nsubj", "nsubjpass"} for g in child.children)
        if verbal and (
            # "… and warned against …" shares the speaker; "… but she knows …" is content.
            (child.dep_ == "conj" and cue_class_of(child) is not None and not own_subject)
            or (
                child.dep_ == "advcl"
                and child.tag_ == "VBG"
                and after_comma
                and cue_class_of(child) is not None
            )
        ):
            end = min(end, child.left_edge.idx)
            break
    return start, end


def _infinitives_end(cue: Token, xcomp: Token) -> int:
    """Return where an infinitive content ends, with the infinitives coordinated with it.

    "wants to triple the program, grow the Peace Corps and create a reserve":
    the parser hangs "grow" on "wants", but a bare verb after the infinitive
    continues it (the cue itself is finite, so the bare verb cannot be its conjunct).
    """
    end = _clause_extent(xcomp)[1]
    if cue.tag_ == "VB":
        return end
    for child in cue.rights:
        if (
            child.dep_ == "conj"
            and child.i > xcomp.i
            and child.tag_ == "VB"
            and not any(g.dep_ in {"nsubj", "nsubjpass", "aux"} for g in child.children)
        ):
            end = max(end, _clause_extent(child)[1])
    return end


def _borrowed_subject(verb: Token) -> bool:
    """Return whether a verb borrows its subject from the verb it depends on.

    A gerund after a preposition ("by saying") or an infinitive of purpose
    ("went on to explain") has no subject of its own.
    """
    if any(c.dep_ in {"nsubj", "nsubjpass", "csubj"} for c in verb.children):
        return False
    return verb.dep_ == "pcomp" or (verb.dep_ == "advcl" and verb.tag_ == "VB")


def _clauses_extent(cue: Token, clauses: Sequence[Token]) -> tuple[int, int]:
    """Return the extent of a cue's complement clauses taken together.

    The parser sometimes splits one complement in two ("explain how he believes
    cuts to spending left hands tied" as two clauses of "explain"); the clauses
    on the same side of the cue form one content.
    """
    biggest = max(clauses, key=lambda c: len(list(c.subtree)))
    side = [c for c in clauses if (c.i > cue.i) == (biggest.i > cue.i)]
    extents = [_clause_extent(c) for c in side]
    return min(s for s, _ in extents), max(e for _, e in extents)


def _phrase_end(cue: Token, objects: Sequence[Token]) -> int:
    """Return where an object content ends, with its complement.

    "called it a sham"; "focused on climate change as a signature issue". The
    object's own relative clause after a comma is dropped ("the reality of
    climate change, which makes him an outlier").
    """
    end = max(_extent(o)[1] for o in objects)
    for child in cue.rights:
        if child.dep_ in {"oprd", "xcomp"} or (
            child.dep_ == "prep" and child.lower_ in {"as", "for"} and child.i > objects[0].i
        ):
            end = max(end, _extent(child)[1])
    # The parser hangs the object's own modifiers on the verb ("show Clinton
    # with a lead", "reported different numbers to different agencies").
    for child in cue.rights:
        if (
            child.i > objects[0].i
            and (
                (child.dep_ == "prep" and child.lower_ in _OBJECT_PREPOSITIONS)
                or child.dep_ == "dative"
            )
            and child.idx <= end + 1
        ):
            end = max(end, _extent(child)[1])
    head = objects[0]
    for child in head.rights:
        if child.dep_ == "relcl" and child.doc[child.left_edge.i - 1].text == ",":
            end = min(end, child.left_edge.idx)
    return end


# The clauses a misread verb's complement hangs on it with ("Trump charges that …").
_CLAUSES_ON_NOUNS = {"ccomp", "acl", "relcl", "xcomp"}
_ASIDES = {"relcl", "appos"}
_RELATIVES = {"which", "who", "whom", "whose"}
_TOPICS = {"about", "of", "on"}
_PERSONAL_OBJECTS = {"him", "her", "them", "me", "us"}
# Cue verbs that tell the act of speaking, not its words ("as he spoke").
_SPEAKING = {"speak", "talk", "finish", "continue", "begin", "start", "go", "chat"}

# What an "in" phrase can cite as the source of a clause ("in a CNN poll", "in
# his view"), and the class of cue it makes: our own list.
_EVIDENCE = "poll survey study report average analysis estimate tally census audit review"
_OPINION = "view opinion assessment estimation judgment judgement"
_SOURCE_NOUNS = {
    **dict.fromkeys(_EVIDENCE.split(), CueClass.OTHER),
    **dict.fromkeys(_OPINION.split(), CueClass.THOUGHT),
    "word": CueClass.SPEECH,
}

_DOCUMENTS = CUE_NOUNS | {"note", "paper", "document", "video", "ad", "book", "order"}
_ACTOR_ENTITIES = {"PERSON", "ORG", "NORP", "GPE"}
_ACTOR_PRONOUNS = {"he", "she", "they", "we", "i"}


def _actor(subject: Token) -> bool:
    """Tell whether a subject names a person or a body that can take a stance."""
    if subject.pos_ == "PRON":
        return subject.lower_ in _ACTOR_PRONOUNS
    return subject.ent_type_ in _ACTOR_ENTITIES


def _without_possessive(text: str, span: Span | None) -> Span | None:
    """Return "Trump" for "Trump's": the speaker, not the possessive phrase."""
    if span is None:
        return None
    for suffix in ("'s", "’s", "'", "’"):
        if span.text.endswith(suffix) and len(span) > len(suffix):
            return Span.of(text, span.start, span.end - len(suffix))
    return span


def _preposition_object(preposition: Token) -> Token | None:
    """Return what a preposition governs ("of *the plan*", "by *cutting taxes*"), if anything."""
    return next((c for c in preposition.children if c.dep_ in {"pobj", "pcomp"}), None)


def _extent(token: Token) -> tuple[int, int]:
    """Return the character extent of a token's subtree."""
    left, right = token.left_edge, token.right_edge
    return left.idx, right.idx + len(right.text)


@register(NAME)
def _factory() -> ReportedStrategy:
    return ReportedStrategy()
