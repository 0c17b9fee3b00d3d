"""The built-in, rule-based resolver: who each speaker mention refers to.

A speaker mention resolves, in this order:

1. a name: to the entity whose mention it overlaps or whose name it shortens
   ("Lavrov" for "Sergey Lavrov"; see :mod:`quoteattr.resolve.entities`);
2. a personal pronoun (he, she; him, her): to the nearest person before it
   whose gender agrees where the text shows it (honorifics, first names, the
   pronouns already resolved to them): the person named as the subject of the
   narration since the last quote ("Marilla's lips twitched. “…,” she said."),
   else the previous statement's speaker when it agrees and nobody agreeing
   was named since, else the nearest; people named inside the quotes before
   it are passed over; "it" and "they" to the nearest organisation, place
   or group;
3. a description ("the Russian foreign minister", "the minister"): to the
   nearest person before it whose titles hold every word of the description;
   with none, a short definite or first-person description whose noun shows
   a gender ("the parson", "the old woman", "my aunt") becomes a person of
   its own, so that a later "he" or "she" can stand for it ("his uncle" does
   not: it is often someone already named);
4. an unnamed speaker with an affiliation ("a White House spokesman"): no
   entity, but the description as its title and the organisation as its
   affiliation;
5. anything else keeps its mention and no entity: a name is never invented.

A direct quote with no attribution of its own that follows another direct
quote is read as dialogue (see ``RuleResolver._converse``): after the other
quote's attribution the same speaker goes on (``continuation``); after a bare
closing mark and a line break the turn passes to the other side of the
exchange (``turn-taking``); after a line of narration its subject speaks
(``narration``). A quote still unknown goes to the subject of a verb of
speech opening the next line ("Mrs. Hale gasped.", ``reported-after``), else
to the person the line of narration before it is about. After the dialogue
is read, "he" opening the next turn goes to the other side when the layout
says the turn passed, and the speaker of a reply ("he answered") is never the
one replied to. A first-person narrator ("“…,” I said") takes the name the
other speakers call them by, if they call them by one at least twice. Each
statement also lists the entities its content mentions (``Statement.about``).
"""

from __future__ import annotations

import re
from collections import Counter, deque
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

import attrs

from quoteattr.lexicon.en import SPEECH_VERBS
from quoteattr.lexicon.names import gender_of_first_name, gender_of_noun
from quoteattr.model import Entity, Kind, Result, Span, Speaker, Statement, sort_statements
from quoteattr.resolve.entities import (
    SEARCH_CHARS,
    EntityTable,
    harvest_titles,
    honorific_gender,
)
from quoteattr.strategies.base import analysis_of
from quoteattr.strategies.syntax import Tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = ["RuleResolver"]

_PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_GROUP_PRONOUNS = {"it", "they", "them", "its", "their"}
_FIRST_PERSON = {"i", "we", "me", "us"}
_LABELS = ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC")
_GROUP_LABELS = {"ORG", "GPE", "NORP"}
_DETERMINERS = {"the", "a", "an", "this", "that", "its", "his", "her", "their", "our"}
# A paragraph this short that does not end like a sentence is a headline.
_HEADLINE_WORDS = 20
_CLOSING = ".!?…:;\"”’')»"
# What may follow a quote's last word inside its content: closing marks and spaces.
_QUOTE_MARKS = "\"”’'» "
# How many line breaks may separate two turns of an exchange (a line of narration).
_TURN_LINES = 2
# How many line breaks a passage of narration between two quotes may hold (a
# few short paragraphs, or three sentences where each has a line of its own).
_NARRATION_LINES = 4
# How many quotes back an exchange is searched for the other side.
_EXCHANGE = 6
# How often a name must be called out in others' quotes to name the narrator.
_MIN_VOCATIVES = 2
_VOCATIVE_END = {",", ".", "!", "?", ";", "--", "—"}
_UNCUED = {"unattributed", "continuation"}
# Verbs that say a quote answers the one before ("he replied"), so another speaks it.
_REPLIES = {"reply", "answer", "return", "rejoin", "retort", "respond"}
# The most words a description may have to stand for a person ("the man with the basket").
_DESCRIPTION_WORDS = 4
# Words in a description that say nothing about which person it is.
_VAGUE = {"former", "then", "new", "top", "senior", "current", "longtime", "veteran"}
# The determiners that open a description of someone known ("the parson", "my father").
_DEFINITE = ("the", "my", "our")


@attrs.define
class _Turn:
    """Whom one statement is given to while the resolver works on it.

    Attributes:
        index: the entity's cluster in the table, if resolved.
        speaker: the speaker (its mention may be another statement's).
        rule: the rule that gave it, the strategy's unless a dialogue pass did.
    """

    index: int | None
    speaker: Speaker | None
    rule: str

    @property
    def key(self) -> int | str | None:
        """Return what identifies the speaker in an exchange: the entity, else the mention."""
        if self.index is not None:
            return self.index
        if self.speaker is None or self.speaker.mention is None:
            return None
        return self.speaker.mention.text.lower()

    def take(self, other: _Turn, rule: str | None = None) -> None:
        """Give this statement to ``other``'s speaker."""
        self.index, self.speaker = other.index, other.speaker
        if rule is not None:
            self.rule = rule


@attrs.frozen
class RuleResolver:
    """Resolve speaker mentions to entities with name, pronoun and description rules.

    Attributes:
        labels: the entity labels kept as entities.
    """

    labels: tuple[str, ...] = _LABELS

    def __call__(self, doc: Doc, statements: Sequence[Statement]) -> Result:
        """Return the result of ``doc``: resolved statements and their entities."""
        analysis = analysis_of(doc)
        text = analysis.text
        headlines = _headlines(text, analysis.paragraphs)
        table = EntityTable(text)
        for ent in doc.ents:
            if ent.label_ not in self.labels:
                continue
            in_headline = any(start <= ent.start_char < end for start, end in headlines)
            index = table.add(_with_honorific(doc, ent), ent.label_, headline=in_headline)
            if index is not None and ent.label_ == "PERSON":
                titles, affiliation = harvest_titles(doc, text, ent)
                cluster = table.clusters[index]
                cluster.titles.extend(t for t in titles if t not in cluster.titles)
                cluster.affiliation = cluster.affiliation or affiliation
        ordered = sort_statements(statements)
        resolved = self._resolve_all(doc, table, ordered)
        turns = [
            _Turn(index, statement.speaker, statement.rule)
            for index, statement in zip(resolved, ordered, strict=True)
        ]
        # The dialogue is read without the echoes of direct quotes' attributions;
        # its passes change the shared turns in place.
        kept = _without_echoes(ordered)
        dialogue = [ordered[n] for n in kept]
        self._converse(doc, table, dialogue, [turns[n] for n in kept])
        self._reconsider(doc, table, dialogue, [turns[n] for n in kept])
        _name_the_narrator(doc, table, ordered, turns)
        chosen = [turn.index for turn in turns]
        # A name seen only in a headline ("Rip Donald") is no entity unless a
        # statement is attributed to it.
        kept = [
            index
            for index, cluster in enumerate(table.clusters)
            if not cluster.provisional or index in chosen
        ]
        ids = {index: f"E{number}" for number, index in enumerate(kept, start=1)}
        entities = {
            index: Entity(
                id=ids[index],
                name=table.clusters[index].canonical(),
                label=table.clusters[index].label,
                mentions=tuple(sorted(table.clusters[index].mentions)),
                titles=tuple(sorted(table.clusters[index].titles)),
                affiliation=table.clusters[index].affiliation,
            )
            for index in kept
        }
        final = []
        for number, (statement, index) in enumerate(zip(ordered, chosen, strict=True)):
            about = tuple(ids[i] for i in table.within(statement.content) if i in ids)
            speaker = turns[number].speaker
            if speaker is None and index is not None:
                speaker = Speaker()
            if speaker is not None and index is not None:
                entity = entities[index]
                speaker = attrs.evolve(
                    speaker,
                    entity=entity.id,
                    name=entity.name,
                    titles=entity.titles,
                    affiliation=entity.affiliation,
                )
            elif speaker is not None and speaker.mention is not None:
                speaker = _unnamed(doc, text, speaker)
            final.append(
                attrs.evolve(statement, speaker=speaker, about=about, rule=turns[number].rule)
            )
        return Result(text=text, statements=tuple(final), entities=tuple(entities.values()))

    def _resolve_all(
        self, doc: Doc, table: EntityTable, ordered: Sequence[Statement]
    ) -> list[int | None]:
        """Return the entity each statement's speaker mention resolves to, in order."""
        chosen: list[int | None] = []
        quoted: deque[Statement] = deque()
        previous: int | None = None
        for number, statement in enumerate(ordered):
            # People named inside what is being said, or what was just said,
            # are not who "he" or "she" stands for as its speaker.
            said = list(statement.content)
            if number:
                said.extend(ordered[number - 1].content)
            # Nor are people named in the quotes of the dialogue before it.
            while quoted and quoted[0].end <= statement.start - SEARCH_CHARS:
                quoted.popleft()
            said.extend(fragment for quote in quoted for fragment in quote.content)
            # Narration runs back to the last quote (reported speech is part of it).
            narration = _statement_end(quoted[-1]) if quoted else None
            index = self._resolve(doc, table, statement, previous, said, narration=narration)
            if index is not None and index == _replied_to(doc, ordered, chosen, number):
                index = _other_person(table, statement, index, said)
            chosen.append(index)
            if statement.kind is Kind.DIRECT:
                quoted.append(statement)
            if index is not None:
                previous = index
        return chosen

    def _resolve(
        self,
        doc: Doc,
        table: EntityTable,
        statement: Statement,
        previous: int | None,
        said: Sequence[Span],
        *,
        narration: int | None = None,
    ) -> int | None:
        speaker = statement.speaker
        if speaker is None or speaker.mention is None:
            return None
        mention = speaker.mention
        lowered = mention.text.lower()
        if lowered in _PERSON_PRONOUNS:
            gender = _PERSON_PRONOUNS[lowered]
            index = None
            if narration is not None:
                end = min(mention.start, statement.start)
                index = _narration_subject(doc, table, narration, end, gender)
            if index is None:
                index = self._person_before(table, mention.start, gender, previous, said)
            if index is not None:
                cluster = table.clusters[index]
                cluster.gender = cluster.gender or gender
            return index
        if lowered in _GROUP_PRONOUNS:
            if previous is not None and table.clusters[previous].label in _GROUP_LABELS:
                return previous
            return table.before(mention.start, _GROUP_LABELS)
        if lowered in _FIRST_PERSON:
            return None
        index = table.at(mention)
        if mention.text[:1].islower() or lowered.split()[0] in {*_DEFINITE, "a", "an"}:
            # A description ("the Russian foreign minister") names someone by a
            # title; a name inside it ("Russian") is only its modifier, unless
            # the name is most of the mention ("the Kremlin").
            words = _description_words(mention.text)
            described = table.described(words, mention.start) if words else None
            if described is not None:
                table.join(described, mention)
                return described
            if index is not None and _covers_most(table, index, mention):
                return index
            return _new_description(doc, table, mention, words)
        if index is not None:
            return index
        found = _new_name(table, mention) if _proper(doc, mention) else None
        if found is None:
            # A surname two people share ("Cruz"): the one meant, if the text shows it.
            found = table.bearer(mention.text, prefer=previous)
            if found is not None:
                table.join(found, mention)
        return found

    def _converse(
        self,
        doc: Doc,
        table: EntityTable,
        ordered: Sequence[Statement],
        turns: Sequence[_Turn],
    ) -> None:
        """Give quotes with no attribution of their own a speaker from the dialogue.

        Between two direct quotes in a row (at most a line or two apart, or
        a few lines of narration; reported statements that only echo a
        quote's attribution are not turns, see ``_without_echoes``):

        - nothing but a line break: the turn passes, so the quote goes to the
          last speaker of the exchange who is not the one just heard
          (rule ``turn-taking``); with nobody to pass to it stays unknown;
        - the previous quote's own attribution ("said the parson.") and
          nothing more: the same speaker goes on (``continuation``), unless
          the quote asked a question and a line break follows: then the
          other side answers (``turn-taking``);
        - narration ("The doctor bent down."): the subject of its last
          sentence, when it is a person, speaks next (``narration``).

        A direct quote still unknown then takes its speaker from the narration
        around it (see ``_introduce``).

        A run of bare turns left unknown reading forwards is then read from
        both ends, the turns alternating (see ``_alternate``).
        """
        text = table.text
        heard = {
            speaker.mention.text.lower().split()[-1]
            for speaker in (turn.speaker for turn in turns)
            if speaker is not None and speaker.mention is not None and speaker.mention.text
        }
        bare: list[int] = []
        for number in range(1, len(ordered)):
            statement = ordered[number]
            if _bare_turn(text, ordered[number - 1], statement):
                bare.append(number)
            if statement.kind is not Kind.DIRECT or turns[number].rule not in _UNCUED:
                continue
            last = ordered[number - 1]
            if last.kind is not Kind.DIRECT:
                continue
            gap_start = max(f.end for f in last.content)
            if gap_start > statement.start:
                continue
            tail = last.cue is not None and gap_start <= last.cue.start < statement.start
            if tail and last.cue is not None:
                gap_start = max(gap_start, _sentence_end(text, last.cue.end, statement.start))
            gap = text[gap_start : statement.start]
            lines = _NARRATION_LINES if gap.strip(_QUOTE_MARKS + "\n") else _TURN_LINES
            if text.count("\n", gap_start, statement.start) > lines:
                continue
            if gap.strip():
                found = self._narrator(doc, table, statement, gap_start, heard)
                if found is not None:
                    turns[number].speaker, turns[number].index = found
                    turns[number].rule = "narration"
            elif tail and (answer := self._answerer(text, ordered, turns, number)) is not None:
                # "“Is he dead?” I asked." and a quote on a line of its own: the answer.
                turns[number].take(turns[answer], "turn-taking")
            elif tail:
                if turns[number - 1].speaker is not None:
                    turns[number].take(turns[number - 1], "continuation")
            elif "\n" in gap:
                source = self._other_side(ordered, turns, number)
                if source is not None:
                    turns[number].take(turns[source], "turn-taking")
        for number, statement in enumerate(ordered):
            if turns[number].rule == "unattributed" and statement.kind is Kind.DIRECT:
                introduced = self._introduce(doc, table, ordered, number, heard=heard)
                if introduced is not None:
                    turns[number].speaker, turns[number].index, turns[number].rule = introduced
        for run in _runs(bare):
            self._alternate(ordered, turns, run)

    def _reconsider(
        self,
        doc: Doc,
        table: EntityTable,
        ordered: Sequence[Statement],
        turns: Sequence[_Turn],
    ) -> None:
        """Give a "he" or "she" who would answer themselves the other side of the exchange.

        Pronouns are resolved before the dialogue fills in the turns without
        a cue. A quote opening the line after another quote (its line of
        attribution at most between them), cued by a
        pronoun that only the nearest person resolved (no subject of
        narration between), is a new turn: when it went to the previous
        turn's speaker, the exchange's other participant who agrees in
        gender speaks it.
        """
        text = table.text
        for number in range(1, len(ordered)):
            statement, last = ordered[number], ordered[number - 1]
            speaker = statement.speaker
            if speaker is None or speaker.mention is None or turns[number].index is None:
                continue
            if turns[number].speaker is not speaker:
                # A turn the dialogue gave a speaker keeps it.
                continue
            gender = _PERSON_PRONOUNS.get(speaker.mention.text.lower())
            if gender is None or statement.kind is not Kind.DIRECT or last.kind is not Kind.DIRECT:
                continue
            if turns[number].index != turns[number - 1].index:
                continue
            end = min(speaker.mention.start, statement.start)
            if not _opens_turn(text, _statement_end(last), statement.start):
                continue
            if _narration_subject(doc, table, _statement_end(last), end, gender) is not None:
                continue
            source = self._other_side(ordered, turns, number)
            other = turns[source].index if source is not None else None
            if other is None:
                continue
            cluster = table.clusters[other]
            if cluster.label == "PERSON" and cluster.gender in {None, gender}:
                turns[number].index = other

    def _alternate(
        self,
        ordered: Sequence[Statement],
        turns: Sequence[_Turn],
        run: range,
    ) -> None:
        """Give the unknown turns of a run of bare quote lines the speakers of their parity.

        Turns alternate (A, B, A, B …), so a turn left unknown reading forwards
        takes the speaker of the nearest known turn an even number of lines
        away, before or after it; with none, the other side of the nearest known
        turn an odd number of lines away, when the exchange shows who that is.
        """
        known = [n for n in run if turns[n].key is not None]
        if not known:
            return
        for number in run:
            if turns[number].key is not None:
                continue
            source = min(
                (n for n in known if (n - number) % 2 == 0),
                key=lambda n: abs(n - number),
                default=None,
            )
            if source is None:
                nearest = min(known, key=lambda n: abs(n - number))
                source = self._other_side(ordered, turns, nearest + 1)
            if source is not None:
                turns[number].take(turns[source], "turn-taking")

    def _other_side(
        self,
        ordered: Sequence[Statement],
        turns: Sequence[_Turn],
        number: int,
    ) -> int | None:
        """Return the latest earlier turn of the exchange by someone other than the last speaker."""
        last = turns[number - 1].key
        if last is None:
            return None
        for earlier in range(number - 2, max(-1, number - _EXCHANGE), -1):
            if ordered[earlier].kind is not Kind.DIRECT:
                return None
            key = turns[earlier].key
            if key is not None and key != last:
                return earlier
        return None

    def _answerer(
        self,
        text: str,
        ordered: Sequence[Statement],
        turns: Sequence[_Turn],
        number: int,
    ) -> int | None:
        """Return the earlier turn whose speaker answers a question asked just before.

        A quote on a line of its own after a question and its attribution is
        the other side's answer, when the exchange shows who that is.
        """
        last = ordered[number - 1]
        if "\n" not in text[last.end : ordered[number].start] or not _asks(text, last):
            return None
        return self._other_side(ordered, turns, number)

    def _narrator(
        self, doc: Doc, table: EntityTable, statement: Statement, start: int, heard: set[str]
    ) -> tuple[Speaker, int | None] | None:
        """Return the person a line of narration before a quote is about, as its speaker."""
        tokens = doc.char_span(start, statement.start, alignment_mode="contract")
        if tokens is None:
            return None
        if not len(tokens):
            return None
        root = tokens[-1].sent.root
        subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None or not start <= subject.idx < statement.start:
            return None
        lowered = subject.lower_
        # "I stepped forward.": a narrator in the first person speaks too.
        if subject.pos_ == "PRON" and lowered not in _PERSON_PRONOUNS and lowered != "i":
            return None
        if subject.pos_ == "NOUN" and not _may_speak(subject, heard):
            return None
        if subject.pos_ not in {"PRON", "PROPN", "NOUN"}:
            return None
        # The subject with its determiner and modifiers, not its clauses.
        first = max(start, min([subject.idx, *(t.idx for t in subject.lefts)]))
        mention = Span.of(table.text, first, subject.idx + len(subject.text))
        speaker = Speaker.from_mention(mention)
        probe = attrs.evolve(statement, speaker=speaker)
        index = self._resolve(doc, table, probe, None, list(statement.content))
        return speaker, index

    def _introduce(
        self,
        doc: Doc,
        table: EntityTable,
        ordered: Sequence[Statement],
        number: int,
        *,
        heard: set[str],
    ) -> tuple[Speaker, int | None, str] | None:
        """Return the speaker, entity and rule the narration around an unknown quote shows.

        A verb of speech opening the line after it ("Mrs. Hale gasped.") names
        its speaker (``reported-after``); else the line of narration before
        it, when its subject is a known person (``narration``), as at the
        start of a scene, where no quote comes just before.
        """
        statement = ordered[number]
        found = self._reporter(doc, table, ordered, number)
        if found is not None:
            return (*found, "reported-after")
        start = _line_before(table.text, ordered[number - 1] if number else None, statement)
        found = self._narrator(doc, table, statement, start, heard)
        if found is not None and found[1] is not None:
            return (*found, "narration")
        return None

    def _reporter(
        self, doc: Doc, table: EntityTable, ordered: Sequence[Statement], number: int
    ) -> tuple[Speaker, int | None] | None:
        """Return who the sentence right after a quote says spoke it ("Mrs. Lennox gasped.").

        The sentence must open the narration after the quote, on the next line
        at most, with a verb of speech whose subject is a name or a person
        known by a description.
        """
        statement = ordered[number]
        end = max(f.end for f in statement.content)
        stop = ordered[number + 1].start if number + 1 < len(ordered) else len(table.text)
        tokens = doc.char_span(end, stop, alignment_mode="contract")
        if tokens is None or not len(tokens):
            return None
        words = [t for t in tokens if not (t.is_punct or t.is_space)]
        if not words or _breaks(table.text, end, words[0].idx) > 1:
            return None
        root = words[0].sent.root
        if root.lemma_.lower() not in SPEECH_VERBS or root.idx >= stop:
            return None
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ not in {"PROPN", "NOUN"} or subject.idx < end:
            return None
        first = max(end, min([subject.idx, *(t.idx for t in subject.lefts)]))
        mention = Span.of(table.text, first, subject.idx + len(subject.text))
        speaker = Speaker.from_mention(mention)
        probe = attrs.evolve(statement, speaker=speaker)
        index = self._resolve(doc, table, probe, None, list(statement.content))
        return (speaker, index) if index is not None else None

    def _person_before(
        self,
        table: EntityTable,
        offset: int,
        gender: str,
        previous: int | None,
        skip: Sequence[Span],
    ) -> int | None:
        if previous is not None:
            cluster = table.clusters[previous]
            agrees = cluster.gender is None or cluster.gender == gender
            recent = table.before(offset, {"PERSON"}, gender, skip=skip)
            # The last speaker keeps the floor unless another person who agrees
            # was named since, outside what was said.
            if cluster.label == "PERSON" and agrees and recent in {None, previous}:
                return previous
        return table.before(offset, {"PERSON"}, gender, skip=skip)


def _replied_to(
    doc: Doc, ordered: Sequence[Statement], chosen: Sequence[int | None], number: int
) -> int | None:
    """Return whose quote a pronoun speaker replies to ("“…?” … “…,” he answered").

    The statement must be a direct quote with a verb of reply in its cue and
    a "he" or "she" as its speaker, right after another direct quote (a line
    or two before at most) whose speaker is known.
    """
    statement = ordered[number]
    speaker, cue = statement.speaker, statement.cue
    if not number or speaker is None or speaker.mention is None or cue is None:
        return None
    if statement.kind is not Kind.DIRECT or speaker.mention.text.lower() not in {"he", "she"}:
        return None
    last = ordered[number - 1]
    if last.kind is not Kind.DIRECT or _breaks(doc.text, _statement_end(last), statement.start) > 2:
        return None
    tokens = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if tokens is None or not any(t.lemma_.lower() in _REPLIES for t in tokens):
        return None
    return chosen[number - 1]


def _other_person(
    table: EntityTable, statement: Statement, index: int, said: Sequence[Span]
) -> int:
    """Return the nearest person before a reply who agrees with its pronoun and is not ``index``.

    The one replied to does not answer themselves; with nobody else in reach
    the reply keeps ``index``.
    """
    mention = statement.speaker.mention if statement.speaker is not None else None
    if mention is None:
        return index
    gender = _PERSON_PRONOUNS[mention.text.lower()]
    skip = [*said, *table.clusters[index].mentions]
    other = table.before(mention.start, {"PERSON"}, gender, skip=skip)
    return index if other is None else other


def _line_before(text: str, last: Statement | None, statement: Statement) -> int:
    """Return where the line of narration before a quote starts, not before the last statement."""
    floor = _statement_end(last) if last is not None else 0
    line = text.rfind("\n", floor, statement.start)
    if line >= 0 and not text[line : statement.start].strip():
        line = text.rfind("\n", floor, line)
    return max(floor, line + 1)


def _opens_turn(text: str, last: int, start: int) -> bool:
    """Return whether a quote at ``start`` opens a line a line or two after ``last``."""
    line = text.rfind("\n", last, start)
    return line >= 0 and not text[line:start].strip() and _breaks(text, last, start) <= _TURN_LINES


def _breaks(text: str, start: int, end: int) -> int:
    """Return how many line breaks the text between ``start`` and ``end`` holds."""
    return text.count("\n", start, end)


def _statement_end(statement: Statement) -> int:
    """Return where a statement ends, its attribution included."""
    end = statement.end
    if statement.cue is not None:
        end = max(end, statement.cue.end)
    if statement.speaker is not None and statement.speaker.mention is not None:
        end = max(end, statement.speaker.mention.end)
    return end


def _narration_subject(
    doc: Doc, table: EntityTable, start: int, end: int, gender: str
) -> int | None:
    """Return the person named as the subject of the narration between two statements.

    The subjects are read from the last back, passing over pronouns ("He went
    to the door." stands for someone named further back): the first named
    person who is a subject, or whose possession is ("Marilla's lips
    twitched."), and agrees in gender is the one meant. A name the NER missed
    becomes a person.
    """
    if end <= start:
        return None
    tokens = doc.char_span(start, end, alignment_mode="contract")
    if tokens is None:
        return None
    for token in reversed(tokens):
        if token.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        if token.lower_ in _PERSON_PRONOUNS:
            continue
        who = next((c for c in token.children if c.dep_ == "poss"), token)
        if who.pos_ != "PROPN":
            continue
        mention = Span.from_spacy(who)
        index = table.at(mention)
        if index is None:
            # A character the NER missed ("Marilla’s lips twitched.").
            index = _new_name(table, mention)
        if index is None:
            continue
        cluster = table.clusters[index]
        if cluster.label == "PERSON" and cluster.gender in {None, gender}:
            return index
    return None


def _may_speak(noun: Token, heard: set[str]) -> bool:
    """Return whether a common noun can stand for a speaker of the dialogue.

    It can when a speaker was already called by it ("said the doctor"), or
    when it names one person of a known sex ("The girl", not "The girls").
    """
    lemma = noun.lemma_.lower()
    return lemma in heard or (noun.tag_ != "NNS" and gender_of_noun(lemma) is not None)


def _headlines(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the paragraphs that read as headlines: short, and title-cased or unpunctuated."""
    found = []
    for start, end in paragraphs:
        line = text[start:end].rstrip()
        words = line.split()
        if not line or len(words) > _HEADLINE_WORDS:
            continue
        long_words = [w for w in words if sum(c.isalpha() for c in w) >= 4]
        capitalised = sum(1 for w in long_words if w.lstrip("‘'\"“(")[:1].isupper())
        title_case = len(long_words) >= 2 and capitalised >= 0.7 * len(long_words)
        if title_case or line[-1] not in _CLOSING:
            found.append((start, end))
    return found


def _name_the_narrator(
    doc: Doc,
    table: EntityTable,
    ordered: Sequence[Statement],
    turns: Sequence[_Turn],
) -> None:
    """Resolve a first-person narrator ("“…,” I said") to the name others call them by.

    The name is the person most often addressed in the other speakers' quotes
    (a vocative set off by commas or the quote's edge: "“Come here, Pip.”"),
    named at least twice; with no such name "I" stays unresolved.
    """
    narrated = [
        number
        for number, speaker in enumerate(turn.speaker for turn in turns)
        if speaker is not None
        and speaker.mention is not None
        and speaker.mention.text.lower() == "i"
        and turns[number].index is None
    ]
    if not narrated:
        return
    tokens = Tokens(doc)
    addressed: Counter[int] = Counter()
    for statement, speaker in zip(ordered, (turn.speaker for turn in turns), strict=True):
        if statement.kind is Kind.INDIRECT or (
            speaker is not None
            and speaker.mention is not None
            and speaker.mention.text.lower() == "i"
        ):
            continue
        for fragment in statement.content:
            addressed.update(_vocatives(table, tokens.within(fragment.start, fragment.end)))
    if not addressed:
        return
    index, times = addressed.most_common(1)[0]
    if times < _MIN_VOCATIVES:
        return
    for number in narrated:
        turns[number].index = index


def _vocatives(table: EntityTable, tokens: Sequence[Token]) -> Iterator[int]:
    """Yield the people addressed in a quote's tokens: names set off by commas or its edges."""
    words = [t for t in tokens if not t.is_quote]
    for position, token in enumerate(words):
        if token.pos_ != "PROPN" or token.ent_type_ != "PERSON":
            continue
        before = words[position - 1].text if position else ","
        after = words[position + 1].text if position + 1 < len(words) else "."
        if before in {",", "--", "—"} and after in _VOCATIVE_END:
            index = table.at(Span.from_spacy(token))
            if index is not None and table.clusters[index].label == "PERSON":
                yield index


def _without_echoes(ordered: Sequence[Statement]) -> list[int]:
    """Return the positions of the statements, less the echoes of direct quotes' attributions.

    The tail of a quote ("“Go!” he cried, his eyes on the door") also reads
    as reported speech with the quote's own cue; between two quotes it would
    hide the exchange.
    """
    cues = {s.cue for s in ordered if s.kind is Kind.DIRECT and s.cue is not None}
    return [
        number
        for number, statement in enumerate(ordered)
        if statement.kind is not Kind.INDIRECT or statement.cue not in cues
    ]


def _asks(text: str, statement: Statement) -> bool:
    """Return whether a quote ends with a question mark, inside its closing marks."""
    content = statement.content[-1]
    return text[content.start : content.end].rstrip(_QUOTE_MARKS).endswith("?")


def _bare_turn(text: str, last: Statement, statement: Statement) -> bool:
    """Return whether two direct quotes are turns on lines of their own, with nothing between."""
    if last.kind is not Kind.DIRECT or statement.kind is not Kind.DIRECT:
        return False
    end = max(f.end for f in last.content)
    if last.cue is not None and end <= last.cue.start:
        return False
    gap = text[end : statement.start]
    return end <= statement.start and not gap.strip() and 0 < gap.count("\n") <= _TURN_LINES


def _runs(bare: Sequence[int]) -> Iterator[range]:
    """Yield the runs of turns joined by bare line breaks, each with the turn before it."""
    start = previous = None
    for number in bare:
        if start is None or previous is None or number != previous + 1:
            if start is not None and previous is not None:
                yield range(start, previous + 1)
            start = number - 1
        previous = number
    if start is not None and previous is not None:
        yield range(start, previous + 1)


def _sentence_end(text: str, start: int, end: int) -> int:
    """Return the end of the sentence running from ``start``: after its full stop, or ``end``."""
    for position in range(start, end):
        if text[position] in ".!?" and (position + 1 == end or text[position + 1].isspace()):
            return position + 1
    return end


def _covers_most(table: EntityTable, index: int, mention: Span) -> bool:
    cluster = table.clusters[index]
    overlap = max(
        (min(m.end, mention.end) - max(m.start, mention.start) for m in cluster.mentions),
        default=0,
    )
    return overlap * 2 >= len(mention.text.replace("the ", "", 1))


def _description_words(text: str) -> set[str]:
    words = [w.strip(".,'’s").lower() for w in text.split()]
    return {w for w in words if w and w not in _DETERMINERS and w not in _VAGUE}


def _new_description(doc: Doc, table: EntityTable, mention: Span, words: set[str]) -> int | None:
    """Add a person met by a definite description ("the old man", "my father"), if it is one.

    Only a short description headed by a noun counts, not one with a clause or
    a phrase after its noun ("the features of the old man").
    """
    if mention.text.lower().split()[0] not in _DEFINITE or not words:
        return None
    tokens = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if tokens is None or len(tokens) > _DESCRIPTION_WORDS:
        return None
    head = tokens.root
    if head.pos_ != "NOUN" or head.i != tokens[-1].i:
        return None
    ordered = tuple(w.strip(".,'’s").lower() for w in mention.text.split())
    gender = gender_of_noun(head.lemma_)
    if gender is None:
        return None
    return table.describe(mention, tuple(w for w in ordered if w in words), gender)


def _with_honorific(doc: Doc, ent: SpacySpan) -> Span:
    """Return a person's name with the honorific the NER left out ("Mrs." of "Mrs. Bennet")."""
    if ent.label_ == "PERSON" and ent.start > 0:
        before = doc[ent.start - 1]
        honorific = before if before.text != "." or ent.start < 2 else doc[ent.start - 2]
        if honorific_gender(honorific.text.rstrip(".")) is not None:
            return Span.of(doc.text, honorific.idx, ent.end_char)
    return Span.from_spacy(ent)


def _proper(doc: Doc, mention: Span) -> bool:
    """Return whether a capitalised mention is a name, not a common noun opening a sentence."""
    tokens = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return tokens is None or any(t.pos_ == "PROPN" for t in tokens)


def _new_name(table: EntityTable, mention: Span) -> int | None:
    """Add a speaker the NER missed, if the mention is a name ("Caddell", "The Post")."""
    words = mention.text.split()
    if not words or len(words) > 4 or not all(w[:1].isupper() for w in words):
        return None
    if len(words) == 1 and _common_word(table.text, words[0]):
        return None
    label = "ORG" if words[0].lower() == "the" else "PERSON"
    return table.add(mention, label)


def _common_word(text: str, word: str) -> bool:
    """Return whether a capitalised word is a common noun the text also writes in lower case.

    "Heaven knows" and "Ancestry is" open sentences with words the text uses
    as nouns elsewhere ("her ancestry"); a first name the lexicon knows is
    still a name.
    """
    lowered = word.lower()
    if gender_of_first_name(lowered) is not None:
        return False
    return re.search(rf"\b{re.escape(lowered)}\b", text) is not None


def _unnamed(doc: Doc, text: str, speaker: Speaker) -> Speaker:
    """Give an unnamed speaker ("a White House spokesman") its title and affiliation."""
    mention = speaker.mention
    if mention is None:
        return speaker
    tokens = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if tokens is None or not any(t.pos_ == "NOUN" for t in tokens):
        return speaker
    affiliation = None
    for ent in tokens.ents:
        if ent.label_ in _GROUP_LABELS:
            affiliation = Span.from_spacy(ent)
            break
    head = tokens.root
    title = Span.from_spacy(head) if head.pos_ == "NOUN" else None
    titles = (title,) if title is not None else ()
    return attrs.evolve(speaker, titles=titles, affiliation=affiliation)
