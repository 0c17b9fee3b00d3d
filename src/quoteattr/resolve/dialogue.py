"""Reading dialogue: who speaks a quote that carries no attribution of its own.

The resolver (:mod:`quoteattr.resolve.rules`) first resolves each statement's
own speaker mention; :class:`Dialogue` then reads the layout of the direct
quotes around each unattributed one, and :func:`name_the_narrator` names a
first-person narrator. Between two direct quotes in a row:

- the previous quote's own attribution ("said the parson.") and nothing more:
  the same speaker goes on (``continuation``), unless that quote asked
  someone a question (not one muttered to oneself or cried out: "“How
  could you?” she cried."), or the next opens with assent ("“Very well,
  …”"), and a line break follows: then the one the attribution speaks to
  ("she whispered to the nurse"), else the other side, answers;
- nothing but a closing mark and a line break (or a space, after a quote
  broken off with a dash: "“after dinner --” “You'll all meet me here?”"):
  the turn passes to the one the previous quote called by name ("“…,
  Fergus?”"), else to the other
  side of the exchange (``turn-taking``): the latest other speaker, reported
  speech ("Jane asked where …") included, else whom the last speaker called
  by name; with neither it stays unknown, never the last speaker's; runs of
  such bare turns alternate;
- a line of narration ("The doctor bent down."): its subject, when it is a
  person, speaks next (``narration``); when it is about no one ("There was
  a noise and she turned."), its later clause's subject; when it hears
  someone speak ("He heard her speak.", "He heard Emma's voice."), the one
  heard speaks; a "he" or "she" no rule resolves is the last speaker of
  that sex.

Whoever a turn goes to, it passes to the exchange's other side when the quote
calls that person by name or by a word of their title ("“Yes, mother.”"
after "her mother said."), or when the next line's quote names them as its
speaker: a writer names a speaker again when the turn comes back to them.

A run of such turns is read from both ends: of its two alternating orders,
the one that agrees best with the quote before it, the attributed quote right
after it (which is not the last turn's speaker's) and the names its quotes
call out (a first-person narrator's name included) is taken.

A quote still unknown takes the subject of a verb of speech opening the next
line (``reported-after``), else the person the narration before it is about
(reported speech in that narration is part of it: "Philip did not know what
she meant." / "“Why not?”").
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Protocol

import attrs

from quoteattr.lexicon.en import SPEECH_VERBS
from quoteattr.lexicon.names import KIN_TITLES, PERSON_NOUNS, gender_of_noun
from quoteattr.model import CueClass, Kind, Span, Speaker, Statement
from quoteattr.resolve.entities import SEARCH_CHARS, EntityTable, honorific_gender
from quoteattr.strategies.syntax import Tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as Span_

__all__ = [
    "PERSON_PRONOUNS",
    "Dialogue",
    "Resolve",
    "Turn",
    "addressee",
    "breaks",
    "given_name",
    "name_the_narrator",
    "named_subjects",
    "narration_subject",
    "people_by_use",
    "pronoun_subject",
    "statement_end",
    "without_echoes",
]


class Resolve(Protocol):
    """Resolves one statement's speaker mention to an entity index, or None."""

    def __call__(
        self,
        doc: Doc,
        table: EntityTable,
        statement: Statement,
        previous: int | None,
        said: Sequence[Span],
        /,
        *,
        narration: int | None = None,
    ) -> int | None:
        """Resolve ``statement``'s speaker mention.

        ``previous`` is the previous speaker's entity, ``said`` the spans whose
        names to pass over, ``narration`` where the narration the mention is
        the subject of starts, if it is.
        """
        ...


PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
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
# How many tokens before a quote are read for the question it answers (see ``_answers``).
_ANSWER_REACH = 6
# The verbs that give a name: "I called myself Pip", "I was named Robert".
_NAMING_VERBS = {"call", "name"}
# What may come before a name called out: a comma or dash, or "dear" ("My dear Rose,").
_VOCATIVE_START = {",", "--", "—", "dear"}
_VOCATIVE_END = {",", ".", "!", "?", ";", "--", "—"}
_SENTENCE_ENDS = {".", "!", "?"}
# What children call their parents, as the word for the parent ("“Isn't it
# strange, mamma?”" calls "my mother"); our own list.
_PARENT_WORDS = {
    "mamma": "mother",
    "mama": "mother",
    "ma": "mother",
    "mammy": "mother",
    "mummy": "mother",
    "mum": "mother",
    "papa": "father",
    "pa": "father",
    "daddy": "father",
    "dad": "father",
}
_DASHES = {"--", "—"}
# The marks that open a turn of dash-marked dialogue (as ``analysis`` finds them).
_TURN_DASHES = {"—", "―", "–", "-"}
# Words that point back to a name a dash sets off: a name put before its clause, not called.
_POINTING_BACK = {"that", "this", "who"}
# Conjunctions that may open the clause a name is called out in ("— and Fergus, …").
_VOCATIVE_JOINS = {"and", "but"}
# A quote asking whom one speaks to ("What name?", "May I have your name?"), and
# the name an answer opens with ("Greyson, -- office on second floor.", "My name is Tom.").
_ASKS_NAME = re.compile(r"\b(?:what|your)\s+name\b", re.IGNORECASE)
_GIVES_NAME = re.compile(
    r"\W*(?i:(?:my\s+name\s+is|my\s+name\s*[’']s|i\s+am|i\s*[’']m)\s+)?"
    r"((?:[A-Z][\w’']*\.?\s+)?[A-Z][\w’'-]*)"
)
_UNCUED = {"unattributed", "continuation"}
# Words of assent that open an answer to someone else ("“Very well, run upstairs.”"),
# not a speaker's own next sentence; our own list ("No" often goes on refusing:
# "“No,” he said. “No, I won't.”").
_ASSENTS = (
    ("yes",),
    ("very", "well"),
    ("all", "right"),
    ("precisely",),
    ("exactly",),
    ("quite", "so"),
    ("just", "so"),
    ("certainly",),
    ("of", "course"),
    ("indeed",),
    ("true",),
)
_ASSENT_CHARS = 20
# How strongly the text says who speaks a turn with no attribution, as log odds
# measured on LitBank: after a quote's attribution line the same speaker goes on
# (177 times in 213) unless it asked a question (then 16 in 43); a bare quote
# on the line after another is someone else's (about 5 in 6); a bare quote right
# before one with its own attribution is not that speaker's (151 in 161); and
# nobody calls themselves by name.
_GOES_ON = 1.6
_ASKED = 0.5
_PASSES = 1.5
_NAMED_AGAIN = 2.7
_CALLED = 3.0
# Whom a speaker may speak to when no one else hears: "he muttered to himself".
_REFLEXIVES = {"himself", "herself", "myself", "yourself"}
# Verbs that report a question as an outcry, which asks nobody ("“How could
# you?” she cried."; our own list): after one on LitBank the speaker goes on
# (4 times in 5), after "asked" the other side answers (11 in 13).
_EXCLAIMING = {"cry", "exclaim"}
# The most words a question asking back about the quote before may have.
_ECHO_WORDS = 6
# Subjects that stand for no one: "There was a noise", "It was late".
_EXPLETIVES = {"there", "it"}
# Verbs of hearing, and what is heard of a speaker: "He heard her voice."
_HEARING = {"hear", "overhear"}
_VOICES = {"voice", "tone"}
# Verbs whose object is the one who feels ("His cough annoyed the doctor"):
# a sample of the "amuse" verbs of Levin (1993), English Verb Classes and
# Alternations, class 31.1.
_FELT_BY_OBJECT = {
    "amuse",
    "annoy",
    "anger",
    "astonish",
    "bore",
    "bother",
    "disgust",
    "displease",
    "embarrass",
    "frighten",
    "irritate",
    "please",
    "puzzle",
    "startle",
    "surprise",
    "trouble",
    "vex",
    "worry",
}
# A name the NER calls a place more often than this is one, even as the subject
# of narration (a character's name is now and then taken for a place).
_PLACE_MENTIONS = 8
# The labels the NER gives a character's name by mistake, and how often the
# dialogue must use such a name as a person's to make it one (``people_by_use``).
_MISTAKEN = {"ORG", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "PRODUCT"}
_USES_AS_PERSON = 2
_PLACES = {"GPE", "LOC"}


@attrs.define
class Turn:
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

    def take(self, other: Turn, rule: str | None = None) -> None:
        """Give this statement to ``other``'s speaker."""
        self.index, self.speaker = other.index, other.speaker
        if rule is not None:
            self.rule = rule


@attrs.frozen
class Dialogue:
    """The dialogue passes, resolving the speakers they meet with ``resolve``.

    Attributes:
        resolve: the resolver's rule for one speaker mention.
    """

    resolve: Resolve

    def converse(
        self,
        doc: Doc,
        table: EntityTable,
        ordered: Sequence[Statement],
        turns: Sequence[Turn],
    ) -> None:
        """Give quotes with no attribution of their own a speaker from the dialogue.

        Between two direct quotes in a row (at most a line or two apart, or
        a few lines of narration; reported statements that only echo a
        quote's attribution are not turns, see ``without_echoes``):

        - nothing but a line break: the turn passes, so the quote goes to the
          person the quote just heard called by name, else to the last
          speaker of the exchange who is not the one just heard (rule
          ``turn-taking``; see ``_other_turn``); with nobody to pass to it
          stays unknown, even when the quote strategy continued the speaker
          of a quote led in ("X said: “A.”" / "“B.”");
        - the previous quote's own attribution ("said the parson.") and
          nothing more: the same speaker goes on (``continuation``), unless
          the quote asked someone a question (see ``_asks_another``) or
          the next opens with assent, and a line break follows: then the
          other side answers (``turn-taking``, see ``_answerer``);
        - narration ("The doctor bent down."): the subject of its last
          sentence, when it is a person, speaks next (``narration``), or the
          one that sentence hears speak (see ``_heard``).

        A turn given to someone it calls by name, or whom the quote on the next
        line names as its speaker, goes to the other side (see ``_redirect``).

        A direct quote still unknown then takes its speaker from the narration
        around it (see ``_introduce``).

        A run of bare turns left unknown reading forwards is then read from
        both ends, the turns alternating (see ``_alternate``); and each run
        of turns without attribution takes, of its two alternating orders,
        the one the quotes before and after it and its vocatives agree with
        best (see ``_settle``). Words going on a dash-marked turn after its
        tag stay its speaker's (see ``_same_dash_turn``).
        """
        text, tokens = table.text, Tokens(doc)
        heard = {
            speaker.mention.text.lower().split()[-1]
            for speaker in (turn.speaker for turn in turns)
            if speaker is not None and speaker.mention is not None and speaker.mention.text
        }
        # Who "I" is, when the text names the narrator: nobody calls themselves by name.
        narrator = _narrator_named(doc, table, ordered, turns)
        links: dict[int, str] = {}
        for number in range(1, len(ordered)):
            statement = ordered[number]
            if _bare_turn(text, ordered[number - 1], statement):
                links[number] = "bare"
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
                # From the end of the attribution: a title's full stop ("said
                # Mr. Pett") ends no sentence.
                gap_start = max(
                    gap_start, _sentence_end(text, statement_end(last), statement.start)
                )
            gap = text[gap_start : statement.start]
            lines = _NARRATION_LINES if gap.strip(_QUOTE_MARKS + "\n") else _TURN_LINES
            if text.count("\n", gap_start, statement.start) > lines:
                continue
            if gap.strip():
                found = self._narrator(
                    doc,
                    table,
                    statement,
                    gap_start,
                    heard,
                    earlier=_earlier(turns, number),
                    narrator=narrator,
                )
                if found is not None:
                    turns[number].speaker, turns[number].index = found
                    turns[number].rule = "narration"
            elif tail:
                links[number] = "dash" if _same_dash_turn(text, last, statement) else "tail"
                self._goes_on(table, tokens, ordered, turns, number, dash=links[number] == "dash")
            elif "\n" in gap or _broken_off(text, last):
                # A quote on a line of its own, or one right after a quote
                # broken off ("“Well then; after dinner --” “You'll all meet
                # me here?”"): the other side breaks in.
                called = _caller(table, tokens, ordered, turns, number)
                other = self._other_turn(table, tokens, ordered, turns, number)
                if called is not None:
                    turns[number].take(called, "turn-taking")
                elif other is not None:
                    turns[number].take(other, "turn-taking")
                elif turns[number].rule == "continuation":
                    turns[number].take(Turn(None, None, "unattributed"), "unattributed")
            self._redirect(table, tokens, ordered, turns, number, narrator=narrator)
        for number, statement in enumerate(ordered):
            if turns[number].rule == "unattributed" and statement.kind is Kind.DIRECT:
                introduced = self._introduce(
                    doc, table, ordered, number, heard=heard, earlier=_earlier(turns, number)
                )
                if introduced is not None:
                    turns[number].speaker, turns[number].index, turns[number].rule = introduced
        for run in _runs(sorted(n for n, link in links.items() if link == "bare")):
            self._alternate(table, tokens, ordered, turns, run)
        for number in range(len(ordered) - 1):
            if links.get(number + 1) == "bare":
                _answered_by_name(table, tokens, ordered, turns, number)
        self._settle(_Evidence(table, tokens, ordered, turns, links, narrator))

    def _settle(self, evidence: _Evidence) -> None:
        """Read each run of turns without attribution from both its ends.

        A run is a run of quotes without attribution, each on a line of its
        own right after the one before, after its anchor: the quote before
        it, with a speaker of its own, when the first follows it on the next
        line (or the line after its attribution). The quote right after the
        run, when it opens the next line with an attribution of its own,
        ends it. The run's turns alternate between two people, and of the
        two orders the one that agrees best with the evidence is taken (see
        ``_Evidence.agreement``), so an anchor after the run counts as much
        as one before it.
        """
        ordered, turns, links = evidence.ordered, evidence.turns, evidence.links
        number = 0
        while number < len(ordered):
            if (
                not self._free(ordered, turns, number)
                or links.get(number) == "dash"
                or (number in links and self._free(ordered, turns, number - 1))
            ):
                number += 1
                continue
            anchor = number - 1 if number in links else None
            run = [number]
            while run[-1] + 1 < len(ordered) and self._free(ordered, turns, run[-1] + 1):
                if links.get(run[-1] + 1) != "bare":
                    break
                run.append(run[-1] + 1)
            number = run[-1] + 1
            after = number if links.get(number) == "bare" else None
            if after is not None and (ordered[after].rule in _UNCUED or turns[after].key is None):
                after = None
            self._order_run(evidence, (anchor, after), run)

    def _free(self, ordered: Sequence[Statement], turns: Sequence[Turn], number: int) -> bool:
        """Return whether a direct quote has no attribution and no narration to name its speaker."""
        return (
            ordered[number].kind is Kind.DIRECT
            and ordered[number].rule in _UNCUED
            and turns[number].rule in {"continuation", "turn-taking", "unattributed"}
        )

    def _order_run(
        self, evidence: _Evidence, ends: tuple[int | None, int | None], run: Sequence[int]
    ) -> None:
        """Give a run of turns the order of its two speakers that the evidence favours.

        ``ends`` are the run's anchor and the attributed quote right after
        it, when there are. The two people are the anchor's speaker and the
        other side: the one other speaker the run or the quote after it
        already shows, else the exchange's before the anchor (see
        ``_other_than_turn``); with no anchor, the two the run and the quote
        after show. With more than two people in the run, it is left as it is.
        """
        anchor, after = ends
        turns, links = evidence.turns, evidence.links
        around = [*run, *([after] if after is not None else [])]
        shown: dict[int | str, Turn] = {}
        for number in around:
            key = turns[number].key
            if key is not None and key not in shown:
                shown[key] = _copy(turns[number])
        if anchor is not None:
            first = _copy(turns[anchor])
            if first.key is None:
                return
            shown.pop(first.key, None)
            if not shown:
                found = self._other_than_turn(
                    evidence.table,
                    evidence.tokens,
                    evidence.ordered,
                    turns,
                    anchor + 1,
                    last=first.key,
                )
                if found is None:
                    return
                shown[found.key or ""] = _copy(found)
            if len(shown) != 1:
                return
            people = (first, *shown.values())
        elif len(shown) == 2:
            people = tuple(shown.values())
        else:
            return
        current = tuple(turns[number].key for number in run)
        orders = [(people[0], people[1]), (people[1], people[0])]
        # Of two orders as good, the one the turns already have stays.
        orders.sort(key=lambda order: current != tuple(order[n % 2].key for n in range(len(run))))
        chosen = max(orders, key=lambda order: evidence.agreement(order, anchor, run, after))
        for position, number in enumerate(run):
            turn = chosen[position % 2]
            if turns[number].key != turn.key:
                goes_on = (
                    anchor is not None
                    and position == 0
                    and links[number] == "tail"
                    and turn.key == turns[anchor].key
                )
                turns[number].take(turn, "continuation" if goes_on else "turn-taking")

    def reconsider(
        self,
        doc: Doc,
        table: EntityTable,
        ordered: Sequence[Statement],
        turns: Sequence[Turn],
    ) -> None:
        """Give a "he" or "she" who would answer themselves the other side of the exchange.

        Pronouns are resolved before the dialogue fills in the turns without
        a cue. A quote opening the line after another quote (its line of
        attribution at most between them), cued by a pronoun that only the
        nearest person resolved (no subject of narration between, a name or
        a "he" or "she" of the pronoun's sex), is a new turn: when it went to
        the previous turn's speaker, the exchange's other participant who
        agrees in gender speaks it.
        """
        text, tokens = table.text, Tokens(doc)
        for number in range(1, len(ordered)):
            statement, last = ordered[number], ordered[number - 1]
            speaker = statement.speaker
            if speaker is None or speaker.mention is None:
                continue
            if turns[number].index is None:
                self._reply_to_call(table, tokens, ordered, turns, number)
                continue
            if turns[number].speaker is not speaker:
                # A turn the dialogue gave a speaker keeps it.
                continue
            gender = PERSON_PRONOUNS.get(speaker.mention.text.lower())
            if gender is None or statement.kind is not Kind.DIRECT or last.kind is not Kind.DIRECT:
                continue
            if turns[number].index != turns[number - 1].index:
                continue
            if last.speaker is not None and last.speaker.mention == speaker.mention:
                # The quote goes on under the attribution of the one before.
                continue
            end = min(speaker.mention.start, statement.start)
            if not _opens_turn(text, statement_end(last), statement.start):
                continue
            if narration_subject(doc, table, statement_end(last), end, gender) is not None:
                continue
            if pronoun_subject(doc, statement_end(last), end, gender) is not None:
                # "He mounted to the parapet. — God! he said": the pronoun chain
                # of the narration between says who it is.
                continue
            source = self._other_side(ordered, turns, number)
            other = turns[source].index if source is not None else None
            if other is None:
                continue
            cluster = table.clusters[other]
            if cluster.label == "PERSON" and cluster.gender in {None, gender}:
                turns[number].index = other

    def _reply_to_call(
        self,
        table: EntityTable,
        tokens: Tokens,
        ordered: Sequence[Statement],
        turns: Sequence[Turn],
        number: int,
    ) -> None:
        """Give a "he" or "she" nothing resolved the person the quote before called by name.

        "“…, Fergus,” said I." / "“What can I do?” replied he": whom one
        addresses answers, when that person agrees with the pronoun in sex. A
        quote going on under the same attribution shares its speaker.
        """
        statement = ordered[number]
        speaker = statement.speaker
        if speaker is None or speaker.mention is None or statement.kind is not Kind.DIRECT:
            return
        gender = PERSON_PRONOUNS.get(speaker.mention.text.lower())
        if gender is None or turns[number].speaker is not speaker:
            return
        # Reported speech the attribution's narration holds is passed over.
        before = number - 1
        while before > 0 and ordered[before].kind is Kind.INDIRECT:
            before -= 1
        last = ordered[before]
        if last.kind is not Kind.DIRECT:
            return
        if last.speaker is not None and last.speaker.mention == speaker.mention:
            turns[number].index = turns[before].index
            return
        if not _opens_turn(table.text, statement_end(last), statement.start):
            return
        index = addressee(table, tokens, last, turns[before].index)
        if index is not None and table.clusters[index].gender in {None, gender}:
            turns[number].index = index

    def _alternate(
        self,
        table: EntityTable,
        tokens: Tokens,
        ordered: Sequence[Statement],
        turns: Sequence[Turn],
        run: range,
    ) -> None:
        """Give the unknown turns of a run of bare quote lines the speakers of their parity.

        Turns alternate (A, B, A, B …), so a turn left unknown reading forwards
        takes the speaker of the nearest known turn an even number of lines
        away, before or after it; with none, the one the known turn right after
        it calls by name ("“TOMMY, old thing!”" / "“Tuppence, old bean!”": a
        reply calls the one it answers), else the other side of the nearest
        known turn an odd number of lines away, when the exchange shows who
        that is.
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
            if source is not None:
                turns[number].take(turns[source], "turn-taking")
                continue
            nearest = min(known, key=lambda n: abs(n - number))
            other = None
            if nearest == number + 1:
                other = _called(table, tokens, ordered[nearest], turns[nearest])
            if other is None:
                other = self._other_turn(table, tokens, ordered, turns, nearest + 1)
            if other is not None:
                turns[number].take(other, "turn-taking")

    def _other_turn(
        self,
        table: EntityTable,
        tokens: Tokens,
        ordered: Sequence[Statement],
        turns: Sequence[Turn],
        number: int,
    ) -> Turn | None:
        """Return a turn for the exchange's other side before ``number``, if it shows one.

        That is the latest earlier speaker of the exchange but the last one;
        with none, the person the last speaker called by name in the exchange
        ("“You TOM!”" / "“Nothing.”"): whom one addresses answers.
        """
        last = turns[number - 1].key
        if last is None:
            return None
        return self._other_than_turn(table, tokens, ordered, turns, number, last=last)

    def _other_than_turn(
        self,
        table: EntityTable,
        tokens: Tokens,
        ordered: Sequence[Statement],
        turns: Sequence[Turn],
        number: int,
        *,
        last: int | str,
    ) -> Turn | None:
        """Return a turn for the exchange's side before ``number`` that is not ``last``.

        That is the latest earlier speaker of the exchange but ``last``; with
        none, the person ``last`` called by name in the exchange.
        """
        source = self._other_than(ordered, turns, number, last)
        if source is not None:
            return turns[source]
        for earlier in range(number - 1, max(-1, number - _EXCHANGE), -1):
            if ordered[earlier].kind is not Kind.DIRECT or turns[earlier].key != last:
                continue
            called = _called(table, tokens, ordered[earlier], turns[earlier])
            if called is not None and called.key != last:
                return called
        return None

    def _other_side(
        self,
        ordered: Sequence[Statement],
        turns: Sequence[Turn],
        number: int,
    ) -> int | None:
        """Return the latest earlier turn of the exchange by someone other than the last speaker."""
        last = turns[number - 1].key
        if last is None:
            return None
        return self._other_than(ordered, turns, number - 1, last)

    def _redirect(
        self,
        table: EntityTable,
        tokens: Tokens,
        ordered: Sequence[Statement],
        turns: Sequence[Turn],
        number: int,
        *,
        narrator: int | None,
    ) -> None:
        """Give a turn its exchange's other side when the text shows it is not its speaker's.

        Nobody calls themselves by name ("“Trafalgar, mother.”"), and a writer
        names a speaker again when the turn comes back to them ("“A,” said X." /
        "“B.”" / "“C,” said X."): in both, the latest earlier turn of the
        exchange by someone else speaks it (``turn-taking``).
        """
        chosen = turns[number].key
        if chosen is None:
            return
        index, statement = turns[number].index, ordered[number]
        if index is None and chosen == "i":
            index = narrator
        by_name = index is not None and (
            index == _named_next(table.text, ordered, turns, number)
            or _calls(table, tokens, statement, index)
        )
        if not by_name and not _calls_by_title(table, tokens, statement, turns[number]):
            return
        other = self._other_than_turn(table, tokens, ordered, turns, number, last=chosen)
        if other is not None:
            turns[number].take(other, "turn-taking")

    def _other_than(
        self,
        ordered: Sequence[Statement],
        turns: Sequence[Turn],
        number: int,
        key: int | str,
    ) -> int | None:
        """Return the latest turn of the exchange before ``number`` by someone but ``key``."""
        for earlier in range(number - 1, max(-1, number - _EXCHANGE), -1):
            if ordered[earlier].kind is not Kind.DIRECT and not _reports_speech(
                ordered[earlier], turns[earlier]
            ):
                continue
            found = turns[earlier].key
            if found is not None and found != key:
                return earlier
        return None

    def _goes_on(
        self,
        table: EntityTable,
        tokens: Tokens,
        ordered: Sequence[Statement],
        turns: Sequence[Turn],
        number: int,
        *,
        dash: bool = False,
    ) -> None:
        """Give a quote right after the attribution of the one before its speaker.

        The same speaker goes on, unless the attribution's sentence turns to
        someone else (see ``_turned_to``), or the quote answers (see
        ``_answerer``): "“Is he dead?” I asked." and a quote on a line of its
        own. The words after the tag of a dash-marked turn (``dash``, see
        ``_same_dash_turn``) are always that speaker's.
        """
        answer = None
        if not dash:
            turned = self._turned_to(
                tokens.doc, table, ordered[number], ordered[number - 1], turns[number - 1]
            )
            if turned is not None:
                turns[number].take(turned, "narration")
                return
            answer = self._answerer(table, tokens, ordered, turns, number)
        source = answer or (turns[number - 1] if turns[number - 1].speaker else None)
        if source is not None:
            turns[number].take(source, "turn-taking" if answer else "continuation")

    def _turned_to(
        self, doc: Doc, table: EntityTable, statement: Statement, last: Statement, turn: Turn
    ) -> Turn | None:
        """Return a turn for another person the attribution's sentence goes on to show acting.

        "“I don't believe you,” he asserted; but she tossed her head." /
        "“Who's afraid?”": a clause joined to the verb of speech whose subject
        is someone else (a name, or a "he" or "she" not the speaker's) turns
        the narration to them, and they speak next.
        """
        cue = last.cue
        if cue is None or turn.index is None:
            return None
        verb = doc.char_span(cue.start, cue.end, alignment_mode="expand")
        if verb is None or not len(verb):
            return None
        said = turn.speaker.mention.text.lower() if turn.speaker and turn.speaker.mention else ""
        for clause in verb[0].conjuncts:
            if clause.i < verb[0].i or clause.idx >= statement.start:
                continue
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subject is None or subject.lower_ == said:
                continue
            if subject.pos_ != "PROPN" and subject.lower_ not in PERSON_PRONOUNS:
                continue
            speaker, index = self._spoken_by(
                doc, table, statement, subject, cue.end, narration=True
            )
            if index is not None and index != turn.index:
                return Turn(index, speaker, "narration")
        return None

    def _answerer(
        self,
        table: EntityTable,
        tokens: Tokens,
        ordered: Sequence[Statement],
        turns: Sequence[Turn],
        number: int,
    ) -> Turn | None:
        """Return a turn for whoever answers a question asked just before.

        A quote on a line of its own after a question and its attribution, or
        opening with a word of assent ("“Very well, …”", see ``_ASSENTS``), is
        an answer: by the one the attribution says the question was put to
        ("“…?” she whispered to the nurse."), else by the exchange's other
        side, when it shows who that is.
        """
        last, text = ordered[number - 1], table.text
        if "\n" not in text[last.end : ordered[number].start]:
            return None
        if not (
            _asks_another(text, tokens, last)
            or _echoes(text, tokens, last, ordered[number])
            or _assents(text, ordered[number])
        ):
            return None
        spoken_to = self._spoken_to(tokens.doc, table, last)
        if spoken_to is not None and spoken_to.key != turns[number - 1].key:
            return spoken_to
        return self._other_turn(table, tokens, ordered, turns, number)

    def _spoken_to(self, doc: Doc, table: EntityTable, statement: Statement) -> Turn | None:
        """Return a turn for whom a quote's cue says it is spoken to ("she whispered to the nurse").

        The person is the object of "to" after the cue's verb of speech: a
        name, or a noun that names a person ("the nurse", see ``PERSON_NOUNS``).
        """
        cue = statement.cue
        tokens = doc.char_span(cue.start, cue.end, alignment_mode="expand") if cue else None
        if tokens is None:
            return None
        for verb in tokens:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in SPEECH_VERBS:
                continue
            for person in (
                word
                for to in verb.children
                if to.dep_ in {"prep", "dative"} and to.lower_ == "to"
                for word in to.children
                if word.dep_ == "pobj"
            ):
                noun = person.lemma_.lower()
                if person.pos_ == "PROPN" or (
                    person.pos_ == "NOUN"
                    and (noun in PERSON_NOUNS or gender_of_noun(noun) is not None)
                ):
                    speaker, index = self._spoken_by(
                        doc, table, statement, person, person.left_edge.idx
                    )
                    return Turn(index, speaker, "turn-taking")
        return None

    def _narrator(
        self,
        doc: Doc,
        table: EntityTable,
        statement: Statement,
        start: int,
        heard: set[str],
        *,
        earlier: Sequence[int | None] = (),
        narrator: int | None = None,
    ) -> tuple[Speaker, int | None] | None:
        """Return the person a line of narration before a quote is about, as its speaker.

        A voice is its owner's ("His voice went on."). A "he" or "she" no
        rule resolves there ("He looked us round again.")
        is the last of the ``earlier`` speakers of that sex: the narration goes
        on about the one who just spoke. It is never the ``narrator``, who
        tells of themselves as "I".
        """
        tokens = doc.char_span(start, statement.start, alignment_mode="contract")
        if tokens is None:
            return None
        if not len(tokens):
            return None
        root = tokens[-1].sent.root
        subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None or subject.lower_ in _EXPLETIVES:
            subject = _acting_subject(tokens[-1].sent, start, statement.start)
        if subject is None or not start <= subject.idx < statement.start:
            return None
        subject = _heard(root) or _last_actor(root, statement.start) or subject
        if subject.lemma_.lower() in _VOICES:
            # "Buck Mulligan's gay voice went on.", "His voice shook.": its owner speaks.
            subject = _possessor(subject)
        lowered = subject.lower_
        # "I stepped forward.": a narrator in the first person speaks too.
        if subject.pos_ == "PRON" and lowered not in PERSON_PRONOUNS and lowered != "i":
            return None
        if subject.pos_ == "NOUN" and not _may_speak(subject, heard):
            return None
        if subject.pos_ not in {"PRON", "PROPN", "NOUN"}:
            return None
        speaker, index = self._spoken_by(doc, table, statement, subject, start, narration=True)
        gender = PERSON_PRONOUNS.get(lowered)
        if gender is not None and index is not None and index == narrator:
            index = None
        if index is None and gender is not None:
            index = next(
                (
                    i
                    for i in reversed(earlier)
                    if i is not None
                    and i != narrator
                    and table.clusters[i].label == "PERSON"
                    and table.clusters[i].gender == gender
                ),
                None,
            )
        return speaker, index

    def _introduce(
        self,
        doc: Doc,
        table: EntityTable,
        ordered: Sequence[Statement],
        number: int,
        *,
        heard: set[str],
        earlier: Sequence[int | None] = (),
    ) -> tuple[Speaker, int | None, str] | None:
        """Return the speaker, entity and rule the narration around an unknown quote shows.

        A verb of speech opening the line after it ("Mrs. Hale gasped.") names
        its speaker (``reported-after``); else the line of narration before
        it, when its subject is a known person (``narration``), as at the
        start of a scene, where no quote comes just before; else the person
        the sentence right after it names as its subject (``narration-after``,
        see ``_actor_after``).
        """
        statement = ordered[number]
        found = self._reporter(doc, table, ordered, number)
        if found is not None:
            return (*found, "reported-after")
        start = _line_before(table.text, ordered, number)
        found = self._narrator(doc, table, statement, start, heard, earlier=earlier)
        if found is not None and found[1] is not None:
            return (*found, "narration")
        found = self._actor_after(doc, table, ordered, number)
        if found is not None:
            return (*found, "narration-after")
        return None

    def _actor_after(
        self, doc: Doc, table: EntityTable, ordered: Sequence[Statement], number: int
    ) -> tuple[Speaker, int | None] | None:
        """Return the person named as the subject of the sentence right after a quote.

        "“Well, Watson, what do you make of it?” Holmes was sitting with his
        back to me.": with no narration before it to say who spoke, a quote
        is the words of the one the narration then turns to, when that
        sentence opens right after it and names them.
        """
        statement = ordered[number]
        end = max(f.end for f in statement.content)
        stop = ordered[number + 1].start if number + 1 < len(ordered) else len(table.text)
        tokens = doc.char_span(end, stop, alignment_mode="contract")
        words = [t for t in tokens if not (t.is_punct or t.is_space)] if tokens else []
        if not words or breaks(table.text, end, words[0].idx) > 1:
            return None
        root = words[0].sent.root
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ != "PROPN" or not end <= subject.idx < stop:
            return None
        speaker, index = self._spoken_by(doc, table, statement, subject, end)
        return (speaker, index) if index is not None else None

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
        if not words or breaks(table.text, end, words[0].idx) > 1:
            return None
        root = words[0].sent.root
        if root.lemma_.lower() not in SPEECH_VERBS or root.idx >= stop:
            return None
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ not in {"PROPN", "NOUN"} or subject.idx < end:
            return None
        speaker, index = self._spoken_by(doc, table, statement, subject, end)
        return (speaker, index) if index is not None else None

    def _spoken_by(
        self,
        doc: Doc,
        table: EntityTable,
        statement: Statement,
        subject: Token,
        floor: int,
        *,
        narration: bool = False,
    ) -> tuple[Speaker, int | None]:
        """Return a narration subject as the quote's speaker, and the entity it resolves to.

        The mention is the subject with its determiner and modifiers, not its
        clauses, and starts no earlier than ``floor``; with ``narration``, the
        narration before the quote starts at ``floor`` and a "he" or "she"
        goes on meaning whom it meant there (see ``RuleResolver._pronoun``).
        """
        first = max(floor, min([subject.idx, *(t.idx for t in subject.lefts)]))
        speaker = Speaker.from_mention(Span.of(table.text, first, subject.idx + len(subject.text)))
        probe = attrs.evolve(statement, speaker=speaker)
        start = floor if narration else None
        return speaker, self.resolve(
            doc, table, probe, None, list(statement.content), narration=start
        )


def addressee(
    table: EntityTable, tokens: Tokens, statement: Statement, speaker: int | None
) -> int | None:
    """Return the person a quote addresses by name ("“…, Fergus?”"), who answers it.

    The last person named in its vocatives counts, unless that is its own
    ``speaker``.
    """
    called = [
        index
        for fragment in statement.content
        for index in _vocatives(table, tokens.within(fragment.start, fragment.end))
        if index != speaker
    ]
    return called[-1] if called else None


def _named_next(
    text: str, ordered: Sequence[Statement], turns: Sequence[Turn], number: int
) -> int | None:
    """Return the person the quote right after ``number`` names as its speaker, if any.

    Only a quote on the next line or the one after, with nothing else
    between, counts, and only a name or description: a pronoun stands for
    whoever the reader already thinks is speaking.
    """
    if number + 1 >= len(ordered):
        return None
    after, turn = ordered[number + 1], turns[number + 1]
    if after.kind is not Kind.DIRECT or turn.rule in _UNCUED or turn.speaker is not after.speaker:
        return None
    mention = after.speaker.mention if after.speaker is not None else None
    if mention is None or mention.text.lower() in PERSON_PRONOUNS or mention.text.lower() == "i":
        return None
    gap = text[statement_end(ordered[number]) : after.start]
    if gap.strip() or gap.count("\n") > _TURN_LINES:
        return None
    return turn.index


def _calls(table: EntityTable, tokens: Tokens, statement: Statement, index: int | None) -> bool:
    """Return whether a quote calls the person ``index`` by name, so is not theirs.

    A name met only once still counts when it is that person's ("Dinah was the
    cat." / "“… Dinah my dear!”").
    """
    if index is None:
        return False
    cluster = table.clusters[index]
    # Only a name of one word: a surname alone may be a kinsman's ("Mrs. McChesney").
    named = cluster.words if cluster.label == "PERSON" and len(cluster.words) == 1 else ()
    for fragment in statement.content:
        within = tokens.within(fragment.start, fragment.end)
        if index in _vocatives(table, within):
            return True
        words = [t for t in within if not t.is_quote]
        if sum(not t.is_punct for t in words) > 1 and any(
            word.lower_ in named and _set_off(words, position)
            for position, word in enumerate(words)
        ):
            return True
    return False


def _calls_by_title(table: EntityTable, tokens: Tokens, statement: Statement, turn: Turn) -> bool:
    """Return whether a quote calls its speaker by a word of their title ("“Yes, uncle.”").

    A common noun set off as a name is ("“Trafalgar, mother.”"), when the
    speaker's mention or name holds it ("her mother", "Uncle John"), calls
    that speaker, so the quote is someone else's.
    """
    words: set[str] = set()
    if turn.speaker is not None and turn.speaker.mention is not None:
        words.update(turn.speaker.mention.text.lower().split())
    if turn.index is not None:
        words.update(table.clusters[turn.index].canonical().lower().split())
    return any(
        word in words
        for fragment in statement.content
        for word in _called_nouns(tokens.within(fragment.start, fragment.end))
    )


def _called_nouns(tokens: Sequence[Token]) -> Iterator[str]:
    """Yield the common nouns a quote calls out, set off like a name ("“No, mother.”")."""
    words = [t for t in tokens if not t.is_quote]
    if sum(not t.is_punct for t in words) < 2:
        return
    for position, token in enumerate(words):
        # The tagger often takes "mamma" for an adjective or a name.
        if (token.tag_ != "NN" and token.lower_ not in _PARENT_WORDS) or not token.is_lower:
            continue
        before = words[position - 1].lower_ if position else ","
        after = words[position + 1].text if position + 1 < len(words) else "."
        if before in _VOCATIVE_START and after in _VOCATIVE_END:
            yield _PARENT_WORDS.get(token.lower_, token.lower_)


def _earlier(turns: Sequence[Turn], number: int) -> list[int | None]:
    """Return the people of the exchange's turns before ``number``, in order."""
    return [turn.index for turn in turns[max(0, number - _EXCHANGE) : number]]


def given_name(asked: Statement, answer: Statement) -> str | None:
    """Return the name a quote gives in answer to a question asking for one, if it does.

    "“Yes, sir. What name?” / “Greyson, -- office on second floor.”": the name
    an answer opens with is the one asked for, not someone the answer calls.
    """
    question = " ".join(fragment.text for fragment in asked.content)
    if not question.rstrip(" \"”’'").endswith("?") or not _ASKS_NAME.search(question):
        return None
    found = _GIVES_NAME.match(" ".join(fragment.text for fragment in answer.content))
    return found.group(1) if found is not None else None


def _caller(
    table: EntityTable,
    tokens: Tokens,
    ordered: Sequence[Statement],
    turns: Sequence[Turn],
    number: int,
) -> Turn | None:
    """Return a turn for the person the quote before ``number`` addresses, if any.

    A name given in answer to "What name?" calls nobody (see ``given_name``).
    A speaker who goes on after calling someone by name ("“Have a troche,
    Kronborg,” he said. “Sent me for samples.”") still speaks to them.
    """
    last = ordered[number - 1]
    asked = ordered[number - 2] if number > 1 else None
    if asked is not None and asked.kind is Kind.DIRECT and given_name(asked, last):
        return None
    called = _called(table, tokens, last, turns[number - 1])
    if (
        called is None
        and asked is not None
        and asked.kind is Kind.DIRECT
        and turns[number - 1].rule == "continuation"
        and turns[number - 2].key is not None
        and turns[number - 2].key == turns[number - 1].key
    ):
        called = _called(table, tokens, asked, turns[number - 2])
    return called


def _answered_by_name(
    table: EntityTable,
    tokens: Tokens,
    ordered: Sequence[Statement],
    turns: Sequence[Turn],
    number: int,
) -> None:
    """Give a quote without attribution to the one the answer on the next line calls by name.

    "“You naughty boy, you will be scolded.”" / "“Hullo, Martha!” he said.":
    the answer, with a speaker of its own, speaks to the one who just spoke,
    so a speaker the narration only guessed at gives way to the name called.
    A quote that calls someone by name itself keeps its speaker: its answer
    may turn to a third ("“How good of you, Mr. Hale!”" / "“Now, Tom,
    …,” said Mr. Hale."), and so does one after a turn of the person
    called: the answer calls back to them.
    """
    statement, answer = ordered[number], ordered[number + 1]
    if statement.rule not in _UNCUED or turns[number].rule not in {
        "narration",
        "turn-taking",
        "unattributed",
    }:
        return
    reply = turns[number + 1]
    if answer.rule in _UNCUED or reply.rule != answer.rule or reply.key is None:
        return
    if addressee(table, tokens, statement, None) is not None:
        return  # it calls someone itself, so its answer may turn to another
    called = _called(table, tokens, answer, reply)
    if called is None or called.index == turns[number].index or called.key == reply.key:
        return
    if number > 0 and turns[number - 1].key == called.key:
        return  # the one called had the turn just before: the answer calls back to them
    turns[number].take(called, "turn-taking")


def _called(table: EntityTable, tokens: Tokens, last: Statement, turn: Turn) -> Turn | None:
    """Return a turn for the person the quote ``last`` (spoken in ``turn``) addresses."""
    index = addressee(table, tokens, last, turn.index)
    if index is None:
        return None
    mention = table.clusters[index].mentions[0]
    return Turn(index, Speaker.from_mention(mention), turn.rule)


def _broken_off(text: str, statement: Statement) -> bool:
    """Return whether a quote ends with a dash ("“Under the church there lie --”")."""
    end = max(f.end for f in statement.content)
    return text[max(0, end - 8) : end].rstrip(_QUOTE_MARKS).endswith(tuple(_DASHES))


def _line_before(text: str, ordered: Sequence[Statement], number: int) -> int:
    """Return where the line of narration before statement ``number`` starts.

    It starts no earlier than the end of the direct quote before; reported
    speech on that line ("He laughed for the first time.") is narration. Only
    the statements within reach of a pronoun are looked at.
    """
    statement = ordered[number]
    line = text.rfind("\n", 0, statement.start)
    if line >= 0 and not text[line : statement.start].strip():
        line = text.rfind("\n", 0, line)
    start = line + 1
    for earlier in range(number - 1, -1, -1):
        if ordered[earlier].kind is not Kind.INDIRECT:
            return max(start, statement_end(ordered[earlier]))
        if ordered[earlier].start < max(start, statement.start - SEARCH_CHARS):
            break
    return start


def _opens_turn(text: str, last: int, start: int) -> bool:
    """Return whether a quote at ``start`` opens a line a line or two after ``last``."""
    line = text.rfind("\n", last, start)
    return line >= 0 and not text[line:start].strip() and breaks(text, last, start) <= _TURN_LINES


def breaks(text: str, start: int, end: int) -> int:
    """Return how many line breaks the text between ``start`` and ``end`` holds."""
    return text.count("\n", start, end)


def statement_end(statement: Statement) -> int:
    """Return where a statement ends, its attribution included."""
    end = statement.end
    if statement.cue is not None:
        end = max(end, statement.cue.end)
    if statement.speaker is not None and statement.speaker.mention is not None:
        end = max(end, statement.speaker.mention.end)
    return end


def narration_subject(
    doc: Doc,
    table: EntityTable,
    start: int,
    end: int,
    gender: str,
    *,
    describe: Callable[[Token], int | None] | None = None,
) -> int | None:
    """Return the person named as the subject of the narration between two statements.

    The subjects are read from the last back, those of main clauses only when
    there are any ("He was glad, because Mr. Fortescue was there." is not
    about Mr. Fortescue), passing over pronouns ("He went
    to the door." stands for someone named further back): the first named
    person who is a subject, or whose possession is ("Marilla's lips
    twitched.", "The mind of Montraville was hushed."), and agrees in gender
    is the one meant, unless the text barely shows them (see
    ``Cluster.barely_shown``). A name the NER missed becomes a person.
    The subject of what someone is said to have said ("Matthews said
    Pence's speech would help") is what is told, not who acts. A description
    no known person bears ("The surgeon leaned over.") is whom ``describe``
    finds for it, if given.
    """
    if end <= start:
        return None
    tokens = doc.char_span(start, end, alignment_mode="contract")
    if tokens is None:
        return None
    subjects = [t for t in tokens if t.dep_ in {"nsubj", "nsubjpass"} and not _told(t)]
    main = [t for t in subjects if _in_main_clause(t)]
    for token in reversed(main or subjects):
        if token.lower_ in PERSON_PRONOUNS:
            continue
        feeling = _feeling(table, token, gender, describe)
        if feeling is not None:
            return feeling
        who = _possessor(token)
        if who.pos_ == "NOUN":
            index = _described(table, who)
            if index is None and describe is not None:
                index = describe(who)
            if index is not None and table.clusters[index].gender in {None, gender}:
                return index
            continue
        if who.pos_ != "PROPN" or _with_article(who):
            continue
        mention = Span.from_spacy(who)
        index = table.at(mention)
        place = index is not None and table.clusters[index].label != "PERSON"
        if place:
            # A character's name the NER took for a place once ("of Montraville").
            index = table.person_named(who.text)
        if index is None and not (place and _often_a_place(table, mention)):
            # A character the NER missed ("Marilla’s lips twitched."); not a
            # name the NER keeps calling a place ("for Mexico to respond").
            index = table.add_missed_name(mention)
        if index is None:
            continue
        cluster = table.clusters[index]
        if cluster.label == "PERSON" and cluster.gender in {None, gender}:
            return index
    return None


def _feeling(
    table: EntityTable,
    subject: Token,
    gender: str,
    describe: Callable[[Token], int | None] | None,
) -> int | None:
    """Return the person a thing makes feel something, as the one the narration is about.

    "His nervous cough annoyed the doctor. “…,” he thought.": when the
    subject is no person and its verb is one whose object feels (see
    ``_FELT_BY_OBJECT``), the object, named or described, who agrees in gender.
    """
    verb = subject.head
    if verb.lemma_.lower() not in _FELT_BY_OBJECT or subject.pos_ not in {"NOUN", "PRON"}:
        return None
    if subject.pos_ == "NOUN" and gender_of_noun(subject.lower_) is not None:
        return None
    if subject.lower_ in PERSON_PRONOUNS or subject.lower_ in {"i", "we", "you", "they"}:
        return None
    felt = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if felt is None:
        return None
    index = None
    if felt.pos_ == "PROPN":
        index = table.at(Span.from_spacy(felt))
    elif felt.pos_ == "NOUN":
        index = _described(table, felt)
        if index is None and describe is not None:
            index = describe(felt)
    if index is None:
        return None
    cluster = table.clusters[index]
    return index if cluster.label == "PERSON" and cluster.gender in {None, gender} else None


def _with_article(name: Token) -> bool:
    """Return whether a name comes right after an article, as a kind ("the Argus's who …").

    Not when the two open the sentence: "The Doctor" there may be a title.
    """
    return name.i > name.sent.start + 1 and any(
        c.dep_ == "det" and c.lower_ in {"the", "a", "an"} and c.i == name.i - 1
        for c in name.children
    )


def pronoun_subject(doc: Doc, start: int, end: int, gender: str) -> int | None:
    """Return where the narration between two offsets last makes "he" or "she" its subject.

    Only the last subject counts, of a main clause when there is one: "He
    went to the door. He turned." gives the second "He", for ``gender``'s
    pronoun; a name or another subject last gives nothing.
    """
    if end <= start:
        return None
    tokens = doc.char_span(start, end, alignment_mode="contract")
    if tokens is None:
        return None
    subjects = [t for t in tokens if t.dep_ in {"nsubj", "nsubjpass"} and not _told(t)]
    main = [t for t in subjects if _in_main_clause(t)]
    if not main and not subjects:
        return None
    last = (main or subjects)[-1]
    return last.idx if PERSON_PRONOUNS.get(last.lower_) == gender else None


def named_subjects(
    doc: Doc, table: EntityTable, ordered: Sequence[Statement]
) -> dict[str, list[tuple[int, int]]]:
    """Return, per gender, where the narration names a person as a main clause's subject.

    Each entry is (offset, entity), in text order: the person "he" or "she"
    goes on meaning while the narration's subjects are pronouns ("Mrs. Hall
    went in. She rapped. She went to the fire."). Subjects inside the
    statements' words are not the narration's; people of no known gender
    are left out.
    """
    spans = sorted((f.start, f.end) for statement in ordered for f in statement.content)
    found: dict[str, list[tuple[int, int]]] = {"m": [], "f": []}
    position = 0
    for token in doc:
        if token.dep_ not in {"nsubj", "nsubjpass"} or token.pos_ != "PROPN":
            continue
        while position < len(spans) and spans[position][1] <= token.idx:
            position += 1
        if position < len(spans) and spans[position][0] <= token.idx:
            continue
        if not _in_main_clause(token) or _told(token):
            continue
        index = table.at(Span.from_spacy(token))
        if index is None or table.clusters[index].label != "PERSON":
            continue
        gender = table.clusters[index].gender
        if gender in found:
            found[gender].append((token.idx, index))
    return found


def _in_main_clause(subject: Token) -> bool:
    """Return whether a subject is its sentence's, not a subordinate clause's."""
    clause = subject.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    return clause.dep_ == "ROOT"


def _told(subject: Token) -> bool:
    """Return whether a subject is inside the words a speech verb reports ("said Pence's …")."""
    clause = subject.head
    return clause.dep_ == "ccomp" and clause.head.lemma_.lower() in SPEECH_VERBS


def _often_a_place(table: EntityTable, mention: Span) -> bool:
    """Return whether the NER names ``mention``'s place or group cluster more than twice."""
    index = table.at(mention)
    return index is not None and len(table.clusters[index].mentions) > _PLACE_MENTIONS


def _described(table: EntityTable, noun: Token) -> int | None:
    """Return the known person a definite description stands for ("The doctor came back.").

    Only "the" and a singular noun, with its adjectives, count.
    """
    if noun.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.lefts):
        return None
    words = {c.lower_ for c in noun.lefts if c.dep_ in {"amod", "compound"}} | {noun.lower_}
    return table.described(words, noun.idx, noun.lemma_.lower())


def _heard(verb: Token) -> Token | None:
    """Return whom a verb of hearing says is heard speaking ("He heard her speak."), if anyone.

    "He heard her speak", "heard John calling": the subject of a verb of
    speech it governs; "heard Henrietta's voice", "the voice of John": the
    voice's owner. The one heard, not the hearer, speaks the quote that follows.
    """
    if verb.lemma_.lower() not in _HEARING:
        return None
    for child in verb.children:
        if child.dep_ in {"ccomp", "xcomp"} and child.lemma_.lower() in SPEECH_VERBS:
            heard = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if heard is not None:
                return heard
        if child.dep_ == "dobj" and child.lemma_.lower() in _VOICES:
            owner = _possessor(child)
            if owner is not child:
                return owner
    return None


def _last_actor(root: Token, end: int) -> Token | None:
    """Return the named subject of the last clause joined to a sentence's main one, if any.

    "Meg lighted the lamp, Amy got out of the chair, and Jo sat up.": the
    narration ends on the last one it shows acting, who speaks next.
    """
    found = None
    for clause in root.conjuncts:
        if clause.i < root.i or clause.idx >= end:
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.pos_ == "PROPN":
            found = subject
    return found


def _possessor(subject: Token) -> Token:
    """Return whose a subject is ("Marilla’s lips", "the mind of Montraville"), else itself."""
    for child in subject.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ == "of":
            owner = next((c for c in child.children if c.dep_ == "pobj"), None)
            if owner is not None and owner.pos_ == "PROPN" and subject.pos_ == "NOUN":
                return owner
    return subject


def _acting_subject(sentence: Span_, start: int, end: int) -> Token | None:
    """Return the last person a sentence with no person as its subject shows acting.

    "There was a noise behind her and she turned.", "It was so sudden that I
    looked up.": a sentence about no one in its main clause is about the
    one its later clause makes the subject, a name or a personal pronoun.
    """
    found = None
    for token in sentence:
        if not start <= token.idx < end or token.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        if token.pos_ == "PROPN" or token.lower_ in PERSON_PRONOUNS or token.lower_ == "i":
            found = token
    return found


def _reports_speech(statement: Statement, turn: Turn) -> bool:
    """Return whether reported speech is a turn of the exchange ("I asked him if …").

    Its cue must be a verb of speech, and its speaker a known entity or the
    narrator ("I").
    """
    return statement.cue_class is CueClass.SPEECH and (turn.index is not None or turn.key == "i")


def _same_dash_turn(text: str, last: Statement, statement: Statement) -> bool:
    """Return whether a quote goes on a dash-marked turn after its tag.

    Where a dash opens each turn ("— Is it? / he said kindly. / God knows …"),
    words after the tag that open with no dash are the same speaker's.
    """
    opening = text[statement.start : statement.start + 2].lstrip()
    return text[last.start : last.start + 2].lstrip()[:1] in _TURN_DASHES and (
        opening[:1] not in _TURN_DASHES | set(_QUOTE_MARKS)
    )


def _may_speak(noun: Token, heard: set[str]) -> bool:
    """Return whether a common noun can stand for a speaker of the dialogue.

    It can when a speaker was already called by it ("said the doctor"), or
    when it names one person of a known sex ("The girl", not "The girls").
    """
    lemma = noun.lemma_.lower()
    return lemma in heard or (noun.tag_ != "NNS" and gender_of_noun(lemma) is not None)


def name_the_narrator(
    doc: Doc,
    table: EntityTable,
    ordered: Sequence[Statement],
    turns: Sequence[Turn],
) -> None:
    """Resolve a first-person narrator ("“…,” I said") to the name others call them by.

    The name is the one the narration gives the narrator ("my name is Pip",
    "I called myself Pip"), else the person most often addressed in the other
    speakers' quotes (a vocative set off by commas or the quote's edge:
    "“Come here, Pip.”"), named at least twice; with no such name "I" stays
    unresolved.
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
    index = _narrator_named(doc, table, ordered, turns)
    if index is None:
        return
    for number in narrated:
        turns[number].index = index


def _narrator_named(
    doc: Doc,
    table: EntityTable,
    ordered: Sequence[Statement],
    turns: Sequence[Turn],
) -> int | None:
    """Return whom a narrator in the first person is, if the text names them.

    See ``name_the_narrator``; with no "I" among the speakers, nobody.
    """
    if not any(turn.key == "i" for turn in turns):
        return None
    index = _self_named(doc, table, ordered)
    return index if index is not None else _most_addressed(doc, table, ordered, turns)


def _most_addressed(
    doc: Doc,
    table: EntityTable,
    ordered: Sequence[Statement],
    turns: Sequence[Turn],
) -> int | None:
    """Return the person the quotes not the narrator's call by name at least twice, if any.

    A quote given to "I" only as the same speaker going on (``continuation``)
    counts: one who calls the narrator by name is someone else ("“Seven!” I
    answered. “… I fancy, Watson.”").
    """
    tokens = Tokens(doc)
    addressed: Counter[int] = Counter()
    # Whom the narrator calls by name ("“…, Fergus,” said I.") is someone else.
    others: set[int] = set()
    for statement, turn in zip(ordered, turns, strict=True):
        if statement.kind is Kind.INDIRECT:
            continue
        mine = (
            turn.speaker is not None
            and turn.speaker.mention is not None
            and turn.speaker.mention.text.lower() == "i"
            and turn.rule not in _UNCUED
        )
        for fragment in statement.content:
            called = _vocatives(table, tokens.within(fragment.start, fragment.end))
            (others if mine else addressed).update(called)
    for index, times in addressed.most_common():
        if index not in others:
            return index if times >= _MIN_VOCATIVES else None
    return None


def _self_named(doc: Doc, table: EntityTable, ordered: Sequence[Statement]) -> int | None:
    """Return the person the narration names as "I" most often, if any.

    "My name is Pip", "I called myself Pip", "call me Ishmael", "I was named
    Robert": a name the narrator gives themselves outside the quotes.
    """
    quoted = sorted(
        (fragment.start, fragment.end)
        for statement in ordered
        if statement.kind is Kind.DIRECT
        for fragment in statement.content
    )
    named: Counter[int] = Counter()
    for token in doc:
        if token.pos_ != "PROPN" or not _names_the_narrator(token):
            continue
        position = bisect.bisect_right(quoted, token.idx, key=lambda fragment: fragment[0])
        if position and quoted[position - 1][1] > token.idx:
            continue  # "“Call me Tom,” he said.": a speaker's own name
        first = next((c for c in token.lefts if c.dep_ == "compound"), token)  # "John Smith"
        mention = Span.from_spacy(doc[first.i : token.i + 1])
        index = table.at(mention)
        if index is None:
            index = table.add_missed_name(mention)
        if index is not None and table.clusters[index].label == "PERSON":
            named[index] += 1
    return named.most_common(1)[0][0] if named else None


def _names_the_narrator(name: Token) -> bool:
    """Return whether a proper noun is the name given to "I" ("I called myself Pip").

    A name with an article is a kind ("I called myself an Elphberg"), not one person.
    """
    if any(child.dep_ == "det" for child in name.children):
        return False
    head = name.head
    children = {(child.dep_, child.lower_) for child in head.children}
    if name.dep_ == "oprd" and head.lemma_ in _NAMING_VERBS:
        return bool(children & {("dobj", "me"), ("dobj", "myself"), ("nsubjpass", "i")})
    if name.dep_ == "attr" and head.lemma_ == "be":
        return any(
            child.dep_ == "nsubj"
            and child.lower_ == "name"
            and any(c.dep_ == "poss" and c.lower_ == "my" for c in child.children)
            for child in head.children
        )
    return False


def _vocatives(table: EntityTable, tokens: Sequence[Token]) -> Iterator[int]:
    """Yield the people addressed in a quote's tokens: names set off by commas or its edges."""
    words = [t for t in tokens if not t.is_quote]
    if (
        sum(not t.is_punct for t in words) < 2
        and words
        and words[-1].text == "."
        and _answers(tokens)
    ):
        # A name alone and a full stop answers a question ("“Bingley.”"); it calls nobody.
        # Said with no question before it ("“Amory.”"), it calls that person.
        return
    for position, token in enumerate(words):
        if token.pos_ == "NOUN" and token.text.istitle() and _set_off(words, position, noun=True):
            # A character's name the parser took for a common noun
            # ("“Tuppence, old bean!”"): a known person's name only.
            index = table.person_named(token.text)
            if index is not None and not table.clusters[index].barely_shown():
                yield index
        elif _set_off(words, position):
            # The NER often misses a name called out in a quote ("Nonsense, Fergus!").
            index = table.at(Span.from_spacy(token))
            if index is None or token.ent_type_ != "PERSON":
                index = table.person_named(token.text)
            if index is None and _bare_name(words, position):
                index = _man_of_surname(table, token.text)
            if index is None:
                continue
            cluster = table.clusters[index]
            if cluster.label == "PERSON" and not cluster.barely_shown():
                yield index


def _answers(tokens: Sequence[Token]) -> bool:
    """Return whether a quote's tokens come right after a question ("“What is his name?” “…”").

    Only the few tokens just before the quote are read: quote marks and line
    breaks are passed over, and the first other token must be a question mark.
    """
    if not tokens:
        return False
    doc, position = tokens[0].doc, tokens[0].i - 1
    while position >= 0 and position > tokens[0].i - _ANSWER_REACH:
        token = doc[position]
        if not (token.is_space or token.is_quote):
            return token.text == "?"
        position -= 1
    return False


def _bare_name(words: Sequence[Token], position: int) -> bool:
    """Return whether the name called out at ``position`` is one word, with no title before it."""
    if not position:
        return True
    before = words[position - 1]
    return before.pos_ != "PROPN" and honorific_gender(before.text.rstrip(".")) is None


def _man_of_surname(table: EntityTable, word: str) -> int | None:
    """Return the one man of a family a bare surname called out means ("Have a troche, Kronborg").

    A surname alone, without a title, is how men are called by name; when
    several people share it, the one man among them who is not barely shown
    is meant.
    """
    lowered = word.lower()
    men = {
        index
        for index, cluster in enumerate(table.clusters)
        if cluster.label == "PERSON"
        and len(cluster.words) > 1
        and cluster.words[-1] == lowered
        and cluster.gender == "m"
        and not cluster.barely_shown()
    }
    return men.pop() if len(men) == 1 else None


def _set_off(words: Sequence[Token], position: int, *, noun: bool = False) -> bool:
    """Return whether the name ending at ``position`` of a quote's words is called out.

    A name set off by commas, dashes, the quote's edges or the end of the
    sentence before: "Nonsense, Fergus!", "My dear Mr. Bennet, …", "Margaret
    dear, …", "… at tea-time. Dinah my dear!". With ``noun``, the word may be
    one the parser read as a common noun.
    """
    token = words[position]
    if token.pos_ != "PROPN" and not (noun and token.pos_ == "NOUN"):
        return False
    if position + 1 < len(words) and words[position + 1].pos_ == "PROPN":
        return False  # the name's last word stands for it ("Aunt Juley")
    opening = position
    while (
        opening
        and words[opening - 1].pos_ == "PROPN"
        and (
            words[opening - 1].ent_type_ == words[opening].ent_type_
            or words[opening - 1].lower_ in KIN_TITLES
        )
    ):
        # Not "Poor" in "“Poor Miss Taylor!”", a name's word only.
        opening -= 1
    if opening and honorific_gender(words[opening - 1].text.rstrip(".")) is not None:
        opening -= 1  # "My dear Mr. Bennet,"
    while opening and words[opening - 1].is_space:
        opening -= 1  # a line break: the text sets a sentence a line
    before = words[opening - 1].lower_ if opening else ","
    if before in _SENTENCE_ENDS:
        before = ","  # "… at tea-time. Dinah my dear!": a name opening its sentence
    if before in _VOCATIVE_JOINS and (opening < 2 or words[opening - 2].is_punct):
        # "— and Fergus, what have you been doing?": a conjunction opening the clause.
        before = ","
    after = words[position + 1].lower_ if position + 1 < len(words) else "."
    if after == "dear" and position + 2 < len(words):
        after = words[position + 2].text  # "Margaret dear,"
    elif (
        after == "my" and position + 3 < len(words) and words[position + 2].pos_ in {"ADJ", "NOUN"}
    ):
        after = words[position + 3].text  # "Dinah my dear!"
    if (
        after in _DASHES
        and position + 2 < len(words)
        and words[position + 2].lower_ in _POINTING_BACK
    ):
        return False  # "Sir John -- that's who I am": the name is what "that" points back to
    return before in _VOCATIVE_START and after in _VOCATIVE_END


def people_by_use(doc: Doc, statements: Sequence[Statement]) -> set[str]:
    """Return the one-word names the NER took for things that the text uses as people's.

    The NER now and then labels a character's name a group, a place or a
    work ("Fergus" as WORK_OF_ART, "Montraville" as ORG). A name is a
    person's when, twice at least, a direct quote names it as its speaker
    ("said Montraville") or calls it out ("“…, Fergus?”"; not a place after
    another, as in "Richmond, Virginia,"). Words the text also writes in
    lower case ("Vanity") and names in capitals ("NATO") are left out.
    """
    names = {
        ent.text
        for ent in doc.ents
        if ent.label_ in _MISTAKEN
        and len(ent) == 1
        and ent.text[:1].isupper()
        and not ent.text.isupper()
        and ent[0].tag_ != "NNPS"
    }
    if not names:
        return set()
    tokens = Tokens(doc)
    found: Counter[str] = Counter()
    for statement in statements:
        if statement.kind is not Kind.DIRECT:
            continue
        speaker = statement.speaker
        if speaker is not None and speaker.mention is not None:
            found[speaker.mention.text] += 1
        for fragment in statement.content:
            words = [t for t in tokens.within(fragment.start, fragment.end) if not t.is_quote]
            for position, token in enumerate(words):
                if token.ent_type_ not in _MISTAKEN or not _set_off(words, position):
                    continue
                if position < 2 or words[position - 2].ent_type_ not in _PLACES:
                    found[token.text] += 1
    used = {name for name in names if found[name] >= _USES_AS_PERSON}
    if not used:
        return set()
    lower = {t.lower_ for t in doc if t.is_lower}
    return {name for name in used if name.lower() not in lower}


def without_echoes(ordered: Sequence[Statement]) -> list[int]:
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


def _to_oneself(text: str, tokens: Tokens, statement: Statement) -> bool:
    """Return whether a quote's attribution says it was said to the speaker themselves.

    "“…?” he muttered to himself", "she asked herself": a reflexive pronoun
    the cue verb governs, directly or through "to".
    """
    cue = statement.cue
    if cue is None:
        return False
    line_end = text.find("\n", cue.end)
    end = _sentence_end(text, cue.end, line_end if line_end >= 0 else len(text))
    for token in tokens.within(cue.start, end):
        if token.lower_ not in _REFLEXIVES:
            continue
        head = token.head
        if head.lower_ == "to" and head.dep_ == "prep":
            head = head.head
        if head.idx == cue.start:
            return True
    return False


def _asks_another(text: str, tokens: Tokens, statement: Statement) -> bool:
    """Return whether a quote asks someone else a question, who may answer it.

    "“Is the girl mad?” he muttered to himself.", "“How can you?” she cried.":
    nobody is asked; the speaker goes on.
    """
    return (
        _asks(text, statement)
        and not _to_oneself(text, tokens, statement)
        and not _exclaims(tokens, statement)
    )


def _echoes(text: str, tokens: Tokens, last: Statement, statement: Statement) -> bool:
    """Return whether a quote asks back about the words of the quote before it.

    "“… you would disappoint his cherished hope!”" / "“Is it his cherished
    hope?”": a short question whose words of substance (two at least) all
    come from the quote before is the other side's.
    """
    if not _asks(text, statement):
        return False
    words = [
        token
        for fragment in statement.content
        for token in tokens.within(fragment.start, fragment.end)
        if token.is_alpha
    ]
    kept = {token.lower_ for token in words if not token.is_stop}
    if len(words) > _ECHO_WORDS or len(kept) < 2:
        return False
    before = {
        token.lower_
        for fragment in last.content
        for token in tokens.within(fragment.start, fragment.end)
    }
    return kept <= before


def _exclaims(tokens: Tokens, statement: Statement) -> bool:
    """Return whether a quote's cue verb says it was exclaimed ("she cried"), not asked."""
    cue = statement.cue
    if cue is None:
        return False
    return any(token.lemma_ in _EXCLAIMING for token in tokens.within(cue.start, cue.end))


def _asks(text: str, statement: Statement) -> bool:
    """Return whether a quote ends with a question mark, inside its closing marks."""
    content = statement.content[-1]
    return text[content.start : content.end].rstrip(_QUOTE_MARKS).endswith("?")


def _assents(text: str, statement: Statement) -> bool:
    """Return whether a quote opens with a word of assent ("“Very well, …”"): an answer."""
    content = statement.content[0]
    opening = text[content.start : content.start + _ASSENT_CHARS].lower()
    words = "".join(c if c.isalpha() else " " for c in opening).split()
    return any(words[: len(assent)] == list(assent) for assent in _ASSENTS)


@attrs.frozen
class _Evidence:
    """What the text around a run of turns says about who speaks them."""

    table: EntityTable
    tokens: Tokens
    ordered: Sequence[Statement]
    turns: Sequence[Turn]
    links: dict[int, str]
    narrator: int | None

    def agreement(
        self, order: tuple[Turn, Turn], anchor: int | None, run: Sequence[int], after: int | None
    ) -> float:
        """Return how well the run's turns, given alternately to ``order``, agree with the text.

        The sum of log odds (see ``_GOES_ON`` and the others): after the
        anchor's attribution line its speaker goes on, unless the anchor
        asked a question; after a bare quote line the turn passes; the
        quote right before the one after the run is not that one's speaker;
        and no quote calls its own speaker by name or title.
        """
        text, ordered = self.table.text, self.ordered
        score = 0.0
        if anchor is not None:
            same = order[0].key == self.turns[anchor].key
            if self.links[run[0]] == "tail":
                asked = (
                    _asks_another(text, self.tokens, ordered[anchor])
                    or _echoes(text, self.tokens, ordered[anchor], ordered[run[0]])
                    or _assents(text, ordered[run[0]])
                ) and "\n" in text[statement_end(ordered[anchor]) : ordered[run[0]].start]
                score += (-_ASKED if asked else _GOES_ON) if same else 0.0
            elif same:
                score -= _PASSES
        for position, number in enumerate(run):
            turn = order[position % 2]
            index = self.narrator if turn.index is None and turn.key == "i" else turn.index
            if _calls(self.table, self.tokens, ordered[number], index) or _calls_by_title(
                self.table, self.tokens, ordered[number], turn
            ):
                score -= _CALLED
        if after is not None and order[(len(run) - 1) % 2].key == self.turns[after].key:
            score -= _NAMED_AGAIN
        return score


def _copy(turn: Turn) -> Turn:
    """Return a copy of a turn, which the passes may change after."""
    return Turn(turn.index, turn.speaker, turn.rule)


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
