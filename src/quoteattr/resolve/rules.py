"""The built-in, rule-based resolver: who each speaker mention refers to.

A speaker mention resolves, in this order:

1. a name: to the entity whose mention it overlaps or whose name it shortens
   ("Lavrov" for "Sergey Lavrov"; see :mod:`quoteattr.resolve.entities`);
2. a personal pronoun (he, she; him, her): to the nearest person before it
   whose gender agrees where the text shows it (honorifics, first names, the
   pronouns already resolved to them): the person named as the subject of the
   narration since the last quote ("Marilla's lips twitched. “…,” she said."),
   else the one the quote just before called by name ("“…, Fergus?” replied
   he"), else the one of the exchange's last two speakers whose known sex
   alone agrees (a woman and a man talking: "he" is the man), else the
   previous statement's speaker when it agrees and nobody
   agreeing was named since, else the nearest, else (when none is named,
   or the nearest is known only by a description) the person a description
   introduced or named last ("a man started up … he said" is "a man");
   people named inside the
   quotes before it are passed over, and the one its own quote calls by name
   ("“Have a troche, Kronborg,” he said") or its own cue speaks to ("said
   he to Temple", "she told Amory", "said he, addressing the old man")
   gives way to the nearest other person who agrees; a "he" or "she" that
   is itself the subject of the narration before a bare quote ("He paused.
   “…”") goes on meaning the person the pronoun chain means, unless the
   narration names another person of that sex; "it" and "they" to the nearest organisation, place or
   group;
3. a description ("the Russian foreign minister", "the minister"): a close
   relative of someone ("his wife", "her father") to the person of the
   relative's gender who shares the surname of the one "his" or "her" stands
   for; else to the nearest person before it with a title headed by the same
   noun that holds every word of the description ("the doctor" for "Dr.
   Archie"; "the campaign" is not the "campaign chairman"); else, for "the"
   and common words only ("the senator"), to the one person whose title has
   that head, or the one sharing most words with it; a name before a word
   for a document is whose words it carries ("a Quinnipiac University poll",
   "a Donald Trump tweet"), not so before a person ("a New York judge");
   a person's name and "campaign" or "administration" ("the Trump
   campaign") are an organisation of their own, and "the campaign" after a
   sentence about a named person is that person's, or nobody's; a "the"
   role of news ("the Republican nominee", "the Vermont senator") right
   after a sentence whose subject is a named person is that person, when
   nothing the text shows (sex, party, another's title) contradicts it;
   "his" or "her" and common words guess that way too ("his step-son" for
   "her only son, Ogden"); with none, a short definite or first-person
   description whose noun shows a gender is the one the quote before called
   by name, when their sex agrees; else "the" and a plain noun of sex, age or
   family ("the mother", "the girl") that the text introduced nobody by is
   whom "she" or "he" would stand for; "the man" is the one "a man"
   introduced, and "a voice" the person the text introduces with it ("cried a
   terrible voice, as a man started up"); else it ("the parson", "the old
   woman", "my aunt") becomes a person of its own, so that a later "he" or
   "she" can stand for it ("his uncle" does not: it is often someone already
   named);
4. an unnamed speaker with an affiliation ("a White House spokesman"): no
   entity, but the description as its title and the organisation as its
   affiliation;
5. anything else keeps its mention and no entity: a name is never invented.

A direct quote with no attribution of its own is then read as dialogue by
:mod:`quoteattr.resolve.dialogue` (continuation, turn-taking, narration; a
first-person narrator named by the other speakers' vocatives). Each statement
also lists the entities its content mentions (``Statement.about``).
"""

from __future__ import annotations

import bisect
import functools
from collections import deque
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

import attrs

from quoteattr.lexicon.en import CUE_NOUNS, DOCUMENT_NOUNS
from quoteattr.lexicon.names import CALLINGS, FAMILY_NOUNS, PERSON_NOUNS, gender_of_noun
from quoteattr.model import Entity, Kind, Result, Span, Speaker, Statement, sort_statements
from quoteattr.resolve.descriptions import (
    DEFINITE,
    GROUP_NOUNS,
    antecedent,
    body_described,
    definite_person,
    description_before,
    description_gender,
    description_words,
    family_of,
    group_of_person,
    head_noun,
    introduced,
    introduced_as,
    introduction,
    issuer_of,
    known_kind,
    named_by_answer,
    named_next,
    ordered_words,
    person_gender,
    person_sex,
    plain_definite,
    possessed_person,
    role_of_subject,
    subject_before,
    subject_name,
    voice_of,
)
from quoteattr.resolve.dialogue import (
    PERSON_PRONOUNS,
    Dialogue,
    Turn,
    addressee,
    breaks,
    name_the_narrator,
    named_subjects,
    narration_subject,
    people_by_use,
    pronoun_subject,
    statement_end,
    without_echoes,
)
from quoteattr.resolve.entities import (
    SEARCH_CHARS,
    EntityTable,
    harvest_titles,
    honorific_gender,
    narrated_gender,
)
from quoteattr.strategies.base import analysis_of
from quoteattr.strategies.syntax import Tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = ["RuleResolver"]

_GROUP_PRONOUNS = {"it", "they", "them", "its", "their"}
_SINGULAR = {"it", "its"}
_FIRST_PERSON = {"i", "we", "me", "us"}
_LABELS = ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC")
_GROUP_LABELS = {"ORG", "GPE", "NORP"}
# A paragraph this short that does not end like a sentence is a headline.
_HEADLINE_WORDS = 20
_CLOSING = ".!?…:;\"”’')»"
# Verbs that say a quote answers the one before ("he replied"), so another speaks it.
_REPLIES = {"reply", "answer", "return", "rejoin", "retort", "respond"}
# Verbs that say the speaker of a quote goes on ("he added"), so nobody answers.
_GOES_ON = {"add", "continue", "resume", "pursue", "go"}
_RELATIVE_PRONOUNS = {"who", "that", "which"}
# Participles that name whom a quote is spoken to: "said he, addressing the old man".
_ADDRESSING = {"address", "turn"}
# What carries someone's words, so that a name before it is whose ("a CNN poll").
_CARRIERS = CUE_NOUNS | DOCUMENT_NOUNS
# How many quotes back, each at most so many lines from the next, an exchange runs.
_EXCHANGE_QUOTES = 6
_EXCHANGE_LINES = 2
# How many statements back the people of a scene are looked for (see ``_recent``).
_RECENT_QUOTES = 8
# Verbs of speech that say the last speaker goes on ("continued the old man").
_GOING_ON = {"continue", "resume", "pursue"}
# Nouns that name someone by the part they play beside another person of the
# scene ("his companion", "her visitor"); our own list.
_KIN_NOUNS = {"cousin"}
_PARTY_NOUNS = {"companion", "interlocutor", "visitor", "guest", "caller", "comrade", *_KIN_NOUNS}
_PARTY_DETERMINERS = {"the", "his", "her", "that", "this"}
# Nouns that name someone new to the scene ("this newcomer"), nobody met before; our own list.
_NEW_NOUNS = {"newcomer", "stranger", "intruder"}


# Dependencies that open a clause of its own inside another (spaCy's English labels).
_OTHER_CLAUSES = frozenset(
    {"ccomp", "advcl", "relcl", "acl", "conj", "parataxis", "xcomp", "csubj"}
)


@attrs.frozen
class _Scene:
    """What a reader knows when they meet one statement's speaker mention."""

    doc: Doc
    table: EntityTable
    statement: Statement
    #: The entity the last statement's speaker resolved to.
    previous: int | None
    #: What is being said, or was just said: whom it names is not "he" or "she".
    said: Sequence[Span]
    #: Where the narration since the last quote starts, if a quote came before.
    narration: int | None
    #: Whom the quote just before called by name.
    called: int | None
    #: The exchange's last two speakers.
    pair: Sequence[int]
    #: Whether the mention is the subject of the narration before the quote (``narration``).
    subject: bool = False
    #: Per gender, where the narration names a person as its subject (see ``named_subjects``).
    subjects: Mapping[str, Sequence[tuple[int, int]]] = attrs.field(factory=dict)
    #: Per gender, where the last speaker of that gender was met, and who it is.
    spoken: Mapping[str, tuple[int, int]] = attrs.field(factory=dict)
    #: Per person with no surname, the surnames of those who called them by name.
    callers: Mapping[int, set[str]] = attrs.field(factory=dict)
    #: The document's tokens by offset, to read the statement's vocatives.
    tokens: Tokens | None = None
    #: The people who spoke the statements just before, most recent first (see ``_recent``).
    recent: Sequence[int] = ()
    #: Per gender, where the last speaker of that gender was met, by any mention, and who it is.
    floor: Mapping[str, tuple[int, int]] = attrs.field(factory=dict)

    @property
    def mention(self) -> Span | None:
        """Return the speaker mention being resolved."""
        speaker = self.statement.speaker
        return speaker.mention if speaker is not None else None


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
        quotes = sorted(
            (fragment.start, fragment.end)
            for statement in statements
            if statement.kind is Kind.DIRECT
            for fragment in statement.content
        )
        people = people_by_use(doc, statements)
        labels = {ent.start: "PERSON" if ent.text in people else ent.label_ for ent in doc.ents}
        table.expect(
            _with_honorific(doc, ent, "PERSON").text
            for ent in doc.ents
            if labels[ent.start] == "PERSON"
        )
        for ent in doc.ents:
            label = labels[ent.start]
            if label not in self.labels:
                continue
            in_headline = any(start <= ent.start_char < end for start, end in headlines)
            index = table.add(
                _with_honorific(doc, ent, label),
                label,
                headline=in_headline,
                quoted=_inside(quotes, ent.start_char),
            )
            if index is not None and _acting(ent):
                table.clusters[index].acts = True
            if index is not None and label == "PERSON":
                titles, affiliation = harvest_titles(doc, text, ent)
                cluster = table.clusters[index]
                cluster.titles.extend(t for t in titles if t not in cluster.titles)
                cluster.affiliation = cluster.affiliation or affiliation
                for gender, weight in narrated_gender(ent).items():
                    cluster.signs[gender] = cluster.signs.get(gender, 0) + weight
        for cluster in table.clusters:
            cluster.settle_gender()
        ordered = sort_statements(statements)
        subjects = named_subjects(doc, table, ordered)
        resolved = self._resolve_all(doc, table, ordered, subjects)
        turns = [
            Turn(index, statement.speaker, statement.rule)
            for index, statement in zip(resolved, ordered, strict=True)
        ]
        # The dialogue is read without the echoes of direct quotes' attributions;
        # its passes change the shared turns in place.
        kept = without_echoes(ordered)
        exchange = [ordered[n] for n in kept]
        passes = Dialogue(functools.partial(self._resolve_alone, subjects=subjects))
        passes.converse(doc, table, exchange, [turns[n] for n in kept])
        passes.reconsider(doc, table, exchange, [turns[n] for n in kept])
        _taken_up(table, turns)
        name_the_narrator(doc, table, ordered, turns)
        named_by_answer(table, ordered, turns)
        chosen = [turn.index for turn in turns]
        # A name seen only in a headline ("Rip Donald") is no entity unless a
        # statement is attributed to it.
        kept = [
            index
            for index, cluster in enumerate(table.clusters)
            if (not cluster.provisional or index in chosen) and not cluster.merged
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
        self,
        doc: Doc,
        table: EntityTable,
        ordered: Sequence[Statement],
        subjects: Mapping[str, Sequence[tuple[int, int]]],
    ) -> list[int | None]:
        """Return the entity each statement's speaker mention resolves to, in order."""
        chosen: list[int | None] = []
        quoted: deque[Statement] = deque()
        previous: int | None = None
        spoken: dict[str, tuple[int, int]] = {}
        floor: dict[str, tuple[int, int]] = {}
        callers: dict[int, set[str]] = {}
        tokens = Tokens(doc)
        kept = set(without_echoes(ordered))
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
            narration = statement_end(quoted[-1]) if quoted else None
            # The one addressed in the quote before answers, unless its speaker goes on.
            called = None
            if not _cue_has(doc, statement, _GOES_ON):
                called = _called_before(table, tokens, ordered, chosen, number)
            scene = _Scene(
                doc,
                table,
                statement,
                previous=previous,
                said=said,
                narration=narration,
                called=called,
                pair=_exchange(table, ordered, chosen, number, kept),
                subjects=subjects,
                spoken=spoken,
                callers=callers,
                tokens=tokens,
                recent=_recent(ordered, chosen, number),
                floor=floor,
            )
            index = self._resolve(scene)
            shared = _shared_mention(ordered, chosen, number)
            if shared is not None:
                # "“…,” he said. … “…”": a quote that goes on under the same
                # attribution is the same person's.
                index = shared
            elif index is not None and (
                index == _replied_to(doc, table.text, ordered, chosen, number)
                or index == _self_addressed(table, tokens, statement)
                or index in _told(doc, table, statement)
            ):
                index = _other_person(table, statement, index, said, previous)
            chosen.append(index)
            if index is not None:
                table.clusters[index].acts = True
            if statement.kind is Kind.DIRECT:
                quoted.append(statement)
            if index is not None:
                previous = index
                _remember_speaker(table, spoken, statement, index)
                _keep_floor(table, floor, statement, index)
                _remember_caller(table, tokens, callers, statement, index)
        return chosen

    def _resolve_alone(
        self,
        doc: Doc,
        table: EntityTable,
        statement: Statement,
        previous: int | None,
        said: Sequence[Span],
        *,
        narration: int | None = None,
        subjects: Mapping[str, Sequence[tuple[int, int]]],
    ) -> int | None:
        """Resolve a speaker mention the dialogue passes meet, outside any exchange.

        A mention that is the subject of the narration before a quote comes
        with where that narration starts (``narration``).
        """
        scene = _Scene(
            doc,
            table,
            statement,
            previous,
            said,
            narration,
            called=None,
            pair=(),
            subject=narration is not None,
            subjects=subjects,
        )
        return self._resolve(scene)

    def _resolve(self, scene: _Scene) -> int | None:
        doc, table, previous = scene.doc, scene.table, scene.previous
        speaker = scene.statement.speaker
        if speaker is None or speaker.mention is None:
            return None
        mention = speaker.mention
        lowered = mention.text.lower()
        if lowered in PERSON_PRONOUNS:
            return self._pronoun(scene, PERSON_PRONOUNS[lowered])
        if lowered in _GROUP_PRONOUNS:
            # "It" is one body, not a people ("Republican", "Democrats").
            labels = _GROUP_LABELS - {"NORP"} if lowered in _SINGULAR else _GROUP_LABELS
            if previous is not None and table.clusters[previous].label in labels:
                return previous
            return table.before(mention.start, labels, skip=_modifiers(doc, mention.start))
        if lowered in _FIRST_PERSON:
            return None
        if lowered in _RELATIVE_PRONOUNS:
            # "Marc Morial, who leads the league, said": the one "who" stands for.
            standing_for = antecedent(doc, mention)
            return table.at(standing_for) if standing_for is not None else None
        named = _named(doc, table, mention)
        if named is not None:
            return named
        owned = possessed_person(doc, mention)
        if owned is not None:
            return self._owned(scene, *owned)
        index = table.at(mention)
        if mention.text[:1].islower() or lowered.split()[0] in {*DEFINITE, "a", "an"}:
            kin = self._family(scene, mention)
            if kin is not None:
                return kin
            # A description ("the Russian foreign minister") names someone by a
            # title; a name inside it ("Russian") is only its modifier.
            words = description_words(mention.text)
            head = head_noun(doc, mention)
            guess = plain_definite(mention.text)
            described = table.described(words, mention.start, head, guess=guess) if words else None
            if described is not None:
                table.join(described, mention)
                return described
            if index is not None and head in _CARRIERS:
                # "a Quinnipiac University poll", "a Donald Trump tweet": whose words
                # the document carries; "a New York judge" is not New York.
                return index
            if head in _CARRIERS:
                # "The Security Council issued a statement … The statement noted"
                issuer = issuer_of(doc, table, mention, head)
                if issuer is not None:
                    return issuer
            group = group_of_person(doc, table, mention, head)
            if group is not None:
                return group
            if head in GROUP_NOUNS and lowered.split() == ["the", head]:
                return self._group_of_subject(scene, head)
            body = body_described(table, mention, head)
            if body is not None:
                table.join(body, mention)
                return body
            later = named_next(doc, table, mention, head)
            if later is not None:
                return later
            role = role_of_subject(doc, table, mention, head, scene.said)
            if role is not None and _replying_to(scene, role):
                # "“Snake, …?” inquired Jim. / “…,” replied the leader.": the one
                # replied to does not answer; whom the quote before called by name does.
                role = scene.called if scene.called != role else None
            if role is not None:
                table.entitle(role, mention)
                return role
            return self._new_person(scene, words, head)
        if index is not None:
            return index
        found = table.add_missed_name(mention) if _proper(doc, mention) else None
        if found is None:
            # A surname two people share ("Cruz"): the one meant, if the text shows it.
            found = table.bearer(mention.text, prefer=previous)
            if found is not None:
                table.join(found, mention)
        return found

    def _family(self, scene: _Scene, mention: Span) -> int | None:
        """Return the relative "his wife" or "her mother" stands for, who shares a surname.

        The possessor is the one the quote calls by name ("“My dear Mr.
        Bennet,” said his lady"), else whom "his" or "her" stands for, else
        the one the quote before called by name ("“…, Lizzy.” / “…,” said her
        mother"), else the person the same words stood for last (see
        ``_described_alike``). The relative found takes the description as a mention.
        """
        table = scene.table
        relative = family_of(scene.doc, mention)
        if relative is None:
            return None
        possessor, gender = relative
        kin = _kin(scene, _addressed(scene, possessor), gender)
        if kin is None:
            owner = self._pronoun(attrs.evolve(scene, called=None, pair=()), possessor)
            kin = _kin(scene, owner, gender)
        if kin is None and scene.called is not None:
            called = table.clusters[scene.called]
            if called.label == "PERSON" and called.gender in {None, possessor}:
                kin = _kin(scene, scene.called, gender)
        if kin is None:
            kin = _described_alike(table, mention)
        if kin is not None:
            table.join(kin, mention)
        return kin

    def _owned(self, scene: _Scene, owner: Span, noun: str) -> int | None:
        """Return whom "Pagliano's lawyer" or "Keith Scott's wife" stands for: not the owner.

        A relative of the close family is the one of that sex who shares the
        owner's surname; anyone else, the person who bears the description as
        a title ("Pagliano's lawyer, John Doe," met before); else nobody.
        """
        table, mention = scene.table, scene.mention
        if mention is None:
            return None
        index = table.at(owner)
        gender = gender_of_noun(noun) if noun in FAMILY_NOUNS else None
        found = None
        if index is not None and gender is not None and table.clusters[index].label == "PERSON":
            found = table.relative(index, gender, mention.start)
        if found is None:
            found = table.described(description_words(mention.text), mention.start, noun)
        if found is None or found == index:
            return None
        table.join(found, mention)
        return found

    def _group_of_subject(self, scene: _Scene, head: str) -> int | None:
        """Return the group "the campaign" or "the administration" stands for.

        "Hillary Clinton plans … The campaign says": after a sentence about a
        person, hers and nobody else's, if the text named it ("the Clinton
        campaign"); else the nearest group with that noun in its name.
        """
        doc, table, mention = scene.doc, scene.table, scene.mention
        if mention is None:
            return None
        tokens = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        name = subject_name(doc, tokens[0], scene.said) if tokens else None
        if tokens is None or name is None or name[0].ent_type_ != "PERSON":
            return body_described(table, mention, head)
        owner = subject_before(doc, table, tokens[0], scene.said)
        return table.organisation(head, mention.start, owner) if owner is not None else None

    def _new_person(self, scene: _Scene, words: set[str], head: str | None) -> int | None:
        """Return whom a definite description no title matches stands for ("the mother").

        A voice is the person the text introduces with it (see ``voice_of``);
        after "continued", the last speaker (see ``_goes_on``); another word
        for the calling of someone who just spoke, that person (see
        ``_same_calling``); else the one the quote before called by name,
        when the description's noun agrees in gender ("“Indeed, Mrs. Blaine,
        …” / “…,” breathed the beautiful lady"); else, for "the", the one an
        indefinite description with its noun introduced ("a man … said the
        man", see ``introduction``); else, for "the" and a plain noun of nobody
        introduced, the person "he" or "she" would stand for ("Mrs. Morel did
        her work. … “…,” replied the mother"); else a person of its own (see
        ``_description_gender``). The person found takes the description as a title.
        """
        doc, table, called = scene.doc, scene.table, scene.called
        mention = scene.mention
        voice = voice_of(doc, table, mention, head) if mention is not None else None
        if voice is not None:
            return voice
        tag = scene.statement.kind is Kind.DIRECT
        gender = description_gender(doc, mention, words, scene.said, tag=tag) if mention else None
        if mention is None:
            return None
        party = _goes_on(scene, gender)
        if party is None:
            party = _same_calling(scene, head, gender)
        if party is not None:
            table.entitle(party, mention)
            return party
        party = _other_party(scene, words, head, gender)
        if party is not None:
            # "Her cousin" says how one stands to another, not a title of theirs;
            # "the visitor" goes on naming the visitor.
            if head not in _KIN_NOUNS and words != {"other"}:
                table.entitle(party, mention)
            return party
        party = _pointed_at(scene, head, gender)
        if party is not None:
            table.entitle(party, mention)
            return party
        if gender is None:
            known = _called_by_calling(scene, head)
            if known is not None:
                table.entitle(known, mention)
            return known
        known = called if called is not None and table.clusters[called].gender == gender else None
        if known is None and mention.text.lower().startswith("the "):
            # "A man started up … said the man": the one "a man" introduced.
            tokens = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            known = introduction(doc, table, tokens.root, scene.said) if tokens else None
            if known is not None:
                table.join(known, mention)
                return known
        if known is None and known_kind(mention, head) and not introduced(doc, mention, head):
            known = self._pronoun(scene, gender)
            known = None if known is None or table.clusters[known].unnamed else known
        if known is None and known_kind(mention, head):
            known = _only_of_sex(scene, gender)
        if known is not None:
            table.entitle(known, mention)
            return known
        return table.describe(mention, ordered_words(mention, words), gender)

    def _pronoun(self, scene: _Scene, gender: str) -> int | None:
        """Return the person a "he" or "she" (or "his", "her") before a statement stands for.

        The subject of the narration since the last quote comes first (when
        that subject is "he" or "she", whom the pronoun chain goes on
        meaning, see ``_chained``), else the person the quote just before
        called by name (``called``), when they agree, else the one of the
        exchange's two speakers (``pair``) whose sex alone agrees, else the
        nearest person (see ``_person_before``); when that is nobody, or
        someone known only by a description, the person known by a description
        met last (see ``description_before``: "a man started up … he said" is
        "a man"); the person found takes the pronoun's gender.
        """
        doc, table, called, said = scene.doc, scene.table, scene.called, scene.said
        mention = scene.mention
        if mention is None:
            return None
        index = None
        if scene.narration is not None:
            end = min(mention.start, scene.statement.start)
            index = narration_subject(
                doc,
                table,
                scene.narration,
                end,
                gender,
                describe=lambda noun: _unknown(scene, noun, gender),
            )
            if index is None:
                index = _chained(scene, gender, scene.narration, end)
        if index is None and called is not None:
            index = called if table.clusters[called].gender in {None, gender} else None
        if index is None:
            index = _only_agreeing(table, scene.pair, gender)
        if index is None:
            index = self._person_before(table, mention.start, gender, scene.previous, said)
            if index is None or table.clusters[index].unnamed:
                # Of the people known only by a description, the one met last.
                own = _other_spoke(scene, gender)
                described = description_before(doc, table, mention.start, gender, said, own=own)
                index = _last_met(table, index, described, mention.start)
        if index is not None and index in _named_beside(doc, table, mention):
            # "he drove his burro in behind Cameron": a subject pronoun is not a
            # person its own clause names; the last speaker who agrees is meant.
            index = next(
                (
                    other
                    for other in (scene.previous, *scene.pair, *scene.recent)
                    if other is not None
                    and other != index
                    and table.clusters[other].label == "PERSON"
                    and table.clusters[other].gender in {None, gender}
                ),
                # A cue's own clause ("said he to Mr. Hale") is left to ``_told``.
                None if scene.subject else index,
            )
        if index is None:
            index = _holds_floor(scene, gender)
        if index is not None:
            cluster = table.clusters[index]
            cluster.gender = cluster.gender or gender
        return index

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


def _named_beside(doc: Doc, table: EntityTable, mention: Span) -> set[int]:
    """Return the people named in the clause a subject pronoun is the subject of.

    Its own clause only: not the clauses inside it ("he said that Cameron
    lied" may mean Cameron), not those joined to it.
    """
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or len(span) != 1 or span[0].dep_ != "nsubj":
        return set()
    verb = span[0].head
    found: set[int] = set()
    stack = [c for c in verb.children if c.i != span[0].i]
    while stack:
        token = stack.pop()
        if token.dep_ in _OTHER_CLAUSES or token.is_quote:
            continue
        if token.pos_ == "PROPN":
            index = table.at(Span.from_spacy(token))
            if index is not None:
                found.add(index)
        stack.extend(token.children)
    return found


def _taken_up(table: EntityTable, turns: Sequence[Turn]) -> None:
    """Give a turn left unresolved the person its mention later became a mention of.

    "“How much?” asked a gentleman. … “…,” said the gentleman.": an indefinite
    description resolves to nobody when met, but a later description that
    takes it up makes it the mention of a person, who spoke the first quote too.
    """
    for turn in turns:
        if turn.index is not None or turn.speaker is None or turn.speaker.mention is None:
            continue
        mention = turn.speaker.mention
        position = bisect.bisect_left(table.by_offset, (mention.start, mention.end, 0))
        if position < len(table.by_offset) and table.by_offset[position][:2] == (
            mention.start,
            mention.end,
        ):
            cluster = table.clusters[table.by_offset[position][2]]
            if cluster.label == "PERSON" and not cluster.merged:
                turn.index = table.by_offset[position][2]


def _unknown(scene: _Scene, noun: Token, gender: str) -> int | None:
    """Return the person a definite description no one bears yet names, if of ``gender``.

    "The surgeon leaned over the body. “…,” he said": "the" (or "my", "our")
    and a singular noun that names a person of that sex (see ``person_sex``),
    which the speaker's own pronoun may show when the last speaker was of the
    other sex (see ``_other_spoke``).
    """
    if noun.tag_ != "NN" or not any(
        c.dep_ in {"det", "poss"} and c.lower_ in DEFINITE for c in noun.lefts
    ):
        return None
    until = None if _other_spoke(scene, gender) or scene.mention is None else scene.mention.start
    # "My father's face brightened. “…,” he said": the narrator's own kin is one
    # person all through, never someone named before.
    own_kin = noun.lower_ in FAMILY_NOUNS and any(
        c.dep_ == "poss" and c.lower_ in {"my", "our"} for c in noun.lefts
    )
    if (person_gender(noun) is not None and not own_kin) or person_sex(
        noun, scene.said, until
    ) != gender:
        # "The lad" may be someone named before (see ``_new_person``).
        return None
    return definite_person(scene.doc, scene.table, noun, gender, scene.said)


def _goes_on(scene: _Scene, gender: str | None) -> int | None:
    """Return the last speaker when a description "continued" what they said.

    "“…,” continued the prostrate man": a verb of going on ("continue",
    "resume") says the last speaker speaks again, so a description no one
    bears yet, of their sex, is a new word for them.
    """
    statement, previous = scene.statement, scene.previous
    if statement.cue is None or previous is None or statement.kind is not Kind.DIRECT:
        return None
    cue = scene.doc.char_span(statement.cue.start, statement.cue.end, alignment_mode="expand")
    if cue is None or cue.root.lemma_.lower() not in _GOING_ON:
        return None
    cluster = scene.table.clusters[previous]
    if cluster.label != "PERSON" or cluster.gender not in {None, gender}:
        return None
    return previous


def _same_calling(scene: _Scene, head: str | None, gender: str | None) -> int | None:
    """Return the one person of the scene another word for a calling names.

    "“…,” said the parson. … The clergyman explained": a definite
    description whose noun names the calling a description of someone who
    spoke just before (see ``_recent``) names in other words (see
    ``CALLINGS``) is that person, when only one such person spoke.
    """
    mention = scene.mention
    if mention is None or head is None or mention.text.lower().split()[0] not in DEFINITE:
        return None
    group = next((group for group in CALLINGS if head in group), None)
    if group is None:
        return None
    found = set()
    for index in scene.recent:
        cluster = scene.table.clusters[index]
        if cluster.label != "PERSON" or cluster.gender not in {None, gender}:
            continue
        words = {
            w.lower() for span in (*cluster.mentions, *cluster.titles) for w in span.text.split()
        }
        if group & (words | set(cluster.words)):
            found.add(index)
    return found.pop() if len(found) == 1 else None


def _other_spoke(scene: _Scene, gender: str) -> bool:
    """Return whether the last speaker was a person of the other sex than ``gender``.

    A pronoun of the last speaker's sex may go on meaning them ("The doctor came
    forwards. “…,” she moaned."); one of the other sex means someone else, whom
    the narration may have just described ("The surgeon leaned over. “…,” he said").
    """
    if scene.previous is None:
        return False
    return scene.table.clusters[scene.previous].gender not in {None, gender}


def _last_met(table: EntityTable, one: int | None, other: int | None, offset: int) -> int | None:
    """Return whichever of two people was mentioned last before ``offset``."""
    if one is None or other is None:
        return other if one is None else one

    def last(index: int) -> int:
        starts = [m.start for m in table.clusters[index].mentions if m.start < offset]
        return max(starts, default=-1)

    return other if last(other) > last(one) else one


def _remember_speaker(
    table: EntityTable, spoken: dict[str, tuple[int, int]], statement: Statement, index: int
) -> None:
    """Note a statement's resolved speaker as the last person of their gender met."""
    gender = table.clusters[index].gender
    mention = statement.speaker.mention if statement.speaker is not None else None
    if mention is None or mention.text.lower() in PERSON_PRONOUNS:
        return
    if gender is not None and table.clusters[index].label == "PERSON":
        spoken[gender] = (mention.start, index)


def _keep_floor(
    table: EntityTable, floor: dict[str, tuple[int, int]], statement: Statement, index: int
) -> None:
    """Note a statement's resolved speaker as the last person of their gender who spoke."""
    gender = table.clusters[index].gender
    speaker = statement.speaker
    if speaker is None or speaker.mention is None or gender is None:
        return
    if table.clusters[index].label == "PERSON":
        floor[gender] = (speaker.mention.start, index)


def _holds_floor(scene: _Scene, gender: str) -> int | None:
    """Return the last speaker of ``gender``, whom a "he" or "she" no one nearer stands for means.

    "“…,” he observed. … (pages about him, by "he" alone) … “…,” he went
    on.": however long the narration, while it names no other person of
    that sex, the pronoun goes on meaning the last one who spoke.
    """
    mention = scene.mention
    if mention is None or gender not in scene.floor:
        return None
    start, index = scene.floor[gender]
    if start >= mention.start:
        return None
    other = scene.table.before(mention.start, {"PERSON"}, gender, limit=mention.start - start)
    return index if other in {None, index} else None


def _remember_caller(
    table: EntityTable,
    tokens: Tokens,
    callers: dict[int, set[str]],
    statement: Statement,
    index: int,
) -> None:
    """Note the surname of a speaker who calls a person of no surname by name ("…, Kitty.")."""
    if statement.kind is not Kind.DIRECT or table.clusters[index].label != "PERSON":
        return
    surname = table.surname(index)
    called = addressee(table, tokens, statement, index)
    if surname is not None and called is not None and table.surname(called) is None:
        callers.setdefault(called, set()).add(surname)


def _described_alike(table: EntityTable, mention: Span) -> int | None:
    """Return the person the same family description stood for last ("said her mother").

    When nothing shows whose relative is meant, the story goes on meaning
    the one it called so before: "her mother" of its heroine.
    """
    wanted = mention.text.lower()
    before = bisect.bisect_left(table.by_offset, (mention.start, -1, -1))
    for start, end, index in reversed(table.by_offset[:before]):
        cluster = table.clusters[index]
        if table.text[start:end].lower() == wanted and cluster.label == "PERSON":
            return None if cluster.merged else index
    return None


def _kin(scene: _Scene, owner: int | None, gender: str) -> int | None:
    """Return the relative of ``gender`` of person ``owner``: who shares their surname.

    For a person the text gives no surname, their family's is found from
    those who call them by name (see ``_of_callers_family``).
    """
    if owner is None or scene.mention is None:
        return None
    kin = scene.table.relative(owner, gender, scene.mention.start)
    return kin if kin is not None else _of_callers_family(scene, owner, gender)


def _addressed(scene: _Scene, gender: str) -> int | None:
    """Return the person a direct quote calls by name, if their sex is not the other."""
    statement, table = scene.statement, scene.table
    if scene.tokens is None or statement.kind is not Kind.DIRECT:
        return None
    index = addressee(table, scene.tokens, statement, None)
    if index is None or table.clusters[index].gender not in {None, gender}:
        return None
    return index


def _of_callers_family(scene: _Scene, owner: int, gender: str) -> int | None:
    """Return the relative of ``gender`` of a person the text gives no surname ("her mother").

    When everyone with a surname who calls them by name shares one ("“…,
    Kitty.”" said by Mrs. Bennet), it is the family's: the person of
    ``gender`` with that surname is meant, the caller included.
    """
    table, mention = scene.table, scene.mention
    surnames = scene.callers.get(owner, set())
    if mention is None or len(surnames) != 1 or table.surname(owner) is not None:
        return None
    return table.of_family(next(iter(surnames)), gender, mention.start, owner)


def _chained(scene: _Scene, gender: str, start: int, end: int) -> int | None:
    """Return whom a "he" or "she" subject of the narration before a quote goes on meaning.

    "Mrs. Hall went in. She rapped. She went to the fire. “…,” she said.": a
    pronoun subject last in the narration stands for the person the
    narration last named as a main clause's subject, in that gender.
    """
    if scene.subject and scene.mention is not None:
        # The pronoun is itself the narration's last subject ("He paused. “…”").
        end = scene.mention.end
    if pronoun_subject(scene.doc, start, end, gender) is None:
        return None
    named = scene.subjects.get(gender, ())
    position = bisect.bisect_left(named, (start, -1))
    last = [named[position - 1]] if position else []
    if gender in scene.spoken:
        last.append(scene.spoken[gender])
    if not last or end - max(last)[0] > SEARCH_CHARS:
        return None
    found = max(last)[1]
    if not scene.subject:
        return found
    # A "he" or "she" that is the narration's subject may mean another person
    # of that sex the narration names ("that of Mrs. Bennet perhaps surpassing
    # the rest; … she began").
    other = scene.table.before(end, {"PERSON"}, gender, limit=end - start, skip=scene.said)
    if other is not None and other != found and scene.table.clusters[other].gender == gender:
        return None
    return found


def _exchange(
    table: EntityTable,
    ordered: Sequence[Statement],
    chosen: Sequence[int | None],
    number: int,
    kept: AbstractSet[int],
) -> list[int]:
    """Return the last two people who spoke in the exchange of direct quotes before ``number``.

    The exchange runs back from the quote before, over direct quotes a few
    lines apart at most (see ``_EXCHANGE_LINES``), to the second speaker met;
    the echoes of their attributions ("“…?” he cried, his face full of
    reproach"; statements not ``kept``, see ``without_echoes``) do not break it.
    """
    statement = ordered[number]
    people: list[int] = []
    following = statement.start
    for earlier in range(number - 1, max(-1, number - _EXCHANGE_QUOTES), -1):
        last = ordered[earlier]
        if earlier not in kept:
            continue
        if last.kind is not Kind.DIRECT:
            break
        if breaks(table.text, statement_end(last), following) > _EXCHANGE_LINES:
            break
        index = chosen[earlier]
        if index is not None and index not in people:
            people.append(index)
            if len(people) == 2:
                break
        following = last.start
    return people


def _shared_mention(
    ordered: Sequence[Statement], chosen: Sequence[int | None], number: int
) -> int | None:
    """Return whom the statement before resolved to, when both have the same speaker mention."""
    if not number or chosen[number - 1] is None:
        return None
    speaker, last = ordered[number].speaker, ordered[number - 1].speaker
    if speaker is None or last is None or speaker.mention is None or last.mention is None:
        return None
    if (speaker.mention.start, speaker.mention.end) != (last.mention.start, last.mention.end):
        return None
    return chosen[number - 1]


def _other_party(
    scene: _Scene, words: set[str], head: str | None, gender: str | None
) -> int | None:
    """Return whom "the other", "his companion" or "her visitor" stands for: the other speaker.

    Such a noun names someone by the part they play beside another person
    of the scene ("“I never take a partner,” replied Cameron. “…,” said the
    other."): the one of the people who spoke just before (see ``_recent``)
    who is not the last speaker, and whose sex does not disagree.
    """
    mention = scene.mention
    if mention is None or scene.previous is None:
        return None
    if words != {"other"} and (head not in _PARTY_NOUNS or len(words) != 1):
        return None
    if mention.text.lower().split()[0] not in _PARTY_DETERMINERS:
        return None
    called = _addressed(scene, gender) if gender is not None else None
    if called is None and scene.tokens is not None and scene.statement.kind is Kind.DIRECT:
        called = addressee(scene.table, scene.tokens, scene.statement, None)
    for index in scene.recent:
        cluster = scene.table.clusters[index]
        if index in {scene.previous, called} or cluster.label != "PERSON":
            continue
        return index if gender is None or cluster.gender in {None, gender} else None
    return None


def _pointed_at(scene: _Scene, head: str | None, gender: str | None) -> int | None:
    """Return whom "that gentleman" stands for: the person named last, not the last speaker.

    "“…, and so does Good; don't you, Good?” / “Rather,” said that
    gentleman.": a demonstrative and a noun of a person point at the one
    the text named just before, in the narration or the quote before, whose
    sex does not disagree; the last speaker would be "he" or "she".
    """
    mention, table = scene.mention, scene.table
    if mention is None or mention.text.lower().split()[0] not in {"that", "this"}:
        return None
    if head in _NEW_NOUNS or (head not in PERSON_NOUNS and gender_of_noun(head or "") is None):
        return None
    skip = list(table.clusters[scene.previous].mentions) if scene.previous is not None else []
    found = table.before(mention.start, {"PERSON"}, gender, limit=SEARCH_CHARS // 3, skip=skip)
    return found if found is not None and not table.clusters[found].unnamed else None


def _called_by_calling(scene: _Scene, head: str | None) -> int | None:
    """Return whom "the painter" answering a quote that called a name stands for.

    "“…, Basil,” he murmured. / “What is that?” said the painter.": a noun
    that names a person by a calling and shows no sex (see ``PERSON_NOUNS``)
    is the named person the quote just before called by name, who answers.
    """
    called = scene.called
    if called is None or head not in PERSON_NOUNS:
        return None
    cluster = scene.table.clusters[called]
    return called if cluster.label == "PERSON" and not cluster.unnamed else None


def _only_of_sex(scene: _Scene, gender: str) -> int | None:
    """Return whom "the old woman" stands for when only one of the scene's speakers is a woman.

    "“…,” said the nurse. … “…?” said the surgeon. / “…,” replied the old
    woman.": a plain noun of one sex is the one person of that sex among
    those who spoke just before (see ``_recent``).
    """
    table, mention = scene.table, scene.mention
    if mention is None:
        return None
    tokens = scene.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if tokens is None or tokens.root.tag_ != "NN":
        return None
    found = [
        index
        for index in scene.recent
        if table.clusters[index].label == "PERSON" and table.clusters[index].gender == gender
    ]
    if len(found) != 1 or (scene.pair and found[0] == scene.pair[0]):
        return None
    # "The thin gentleman" is the one "a thin, elderly gentleman" introduced.
    first = introduced_as(scene.doc, mention)
    if first is not None and table.at(Span.from_spacy(first)) != found[0]:
        return None
    return found[0]


def _recent(ordered: Sequence[Statement], chosen: Sequence[int | None], number: int) -> list[int]:
    """Return the people who spoke the statements before ``number``, most recent first.

    Only the last few statements (see ``_RECENT_QUOTES``), within a pronoun's
    reach of it, count: the people of the scene the reader has in mind.
    """
    start = ordered[number].start
    people: list[int] = []
    for earlier in range(number - 1, max(-1, number - 1 - _RECENT_QUOTES), -1):
        if ordered[earlier].start < start - SEARCH_CHARS:
            break
        index = chosen[earlier]
        if index is not None and index not in people:
            people.append(index)
    return people


def _only_agreeing(table: EntityTable, pair: Sequence[int], gender: str) -> int | None:
    """Return the one of an exchange's two people whose known sex agrees with a pronoun.

    "“…?” said Mrs. Morel. / “…,” he cried.": with a woman and a man talking,
    "he" is the man, whoever else the narration names in passing. When one
    of the two is known to be of the other sex and the other's sex is not
    known, the pronoun stands for the other ("“…,” said Mrs. Newsome. / “…,”
    he replied." is the one she talks to, whatever his name shows).
    """
    if len(pair) != 2:
        return None
    genders = [table.clusters[index].gender for index in pair]
    if genders[0] == genders[1]:
        return None
    if None in genders:
        other = {"m": "f", "f": "m"}[gender]
        if other not in genders or table.clusters[pair[genders.index(None)]].label != "PERSON":
            return None
        return pair[genders.index(None)]
    if gender not in genders:
        return None
    return pair[genders.index(gender)]


def _replied_to(
    doc: Doc,
    text: str,
    ordered: Sequence[Statement],
    chosen: Sequence[int | None],
    number: int,
) -> int | None:
    """Return whose quote a pronoun speaker replies to ("“…?” … “…,” he answered").

    The statement must be a direct quote with a verb of reply in its cue and
    a "he" or "she" as its speaker, right after another direct quote (a line
    or two before at most) whose speaker is known.
    """
    statement = ordered[number]
    speaker = statement.speaker
    if not number or speaker is None or speaker.mention is None:
        return None
    if statement.kind is not Kind.DIRECT or speaker.mention.text.lower() not in {"he", "she"}:
        return None
    last = ordered[number - 1]
    if last.kind is not Kind.DIRECT or breaks(text, statement_end(last), statement.start) > 2:
        return None
    if not _cue_has(doc, statement, _REPLIES):
        return None
    return chosen[number - 1]


def _replying_to(scene: _Scene, index: int) -> bool:
    """Return whether a direct quote's cue replies ("replied", "answered") to person ``index``.

    That is the last speaker of the exchange before the quote.
    """
    statement = scene.statement
    if statement.kind is not Kind.DIRECT or not scene.pair or scene.pair[0] != index:
        return False
    return _cue_has(scene.doc, statement, _REPLIES)


def _self_addressed(table: EntityTable, tokens: Tokens, statement: Statement) -> int | None:
    """Return whom a quote cued by a pronoun calls by name ("“Have a troche, Kronborg,” he said").

    Nobody calls themselves by name, so that person is not whom "he" or "she"
    stands for.
    """
    speaker = statement.speaker
    if speaker is None or speaker.mention is None or statement.kind is Kind.INDIRECT:
        return None
    if speaker.mention.text.lower() not in {"he", "she"}:
        return None
    return addressee(table, tokens, statement, None)


def _told(doc: Doc, table: EntityTable, statement: Statement) -> set[int]:
    """Return whom a quote's own cue says it is spoken to ("said he to Temple", "she told Amory").

    The one spoken to is not whom the cue's "he" or "she" stands for: the
    person the cue verb takes as object, or by "to", or whom a participle of
    address hung on it takes ("said he, addressing the old man").
    """
    speaker, cue = statement.speaker, statement.cue
    if speaker is None or speaker.mention is None or cue is None:
        return set()
    if speaker.mention.text.lower() not in {"he", "she"}:
        return set()
    tokens = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if tokens is None:
        return set()
    found: set[int] = set()
    for verb in tokens:
        if verb.pos_ != "VERB":
            continue
        objects = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
        for child in verb.children:
            if child.dep_ in {"prep", "dative"} and child.lower_ == "to":
                objects.extend(c for c in child.children if c.dep_ == "pobj")
            if child.dep_ in {"advcl", "xcomp"} and child.lemma_.lower() in _ADDRESSING:
                # "addressing the old man", "turning to Tom"
                objects.extend(c for c in child.children if c.dep_ == "dobj")
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ == "to":
                        objects.extend(c for c in prep.children if c.dep_ == "pobj")
        for word in objects:
            index = table.at(Span.from_spacy(word))
            if index is not None:
                found.add(index)
    return found


def _cue_has(doc: Doc, statement: Statement, lemmas: set[str]) -> bool:
    """Return whether a statement's cue holds a word with one of ``lemmas``."""
    cue = statement.cue
    if cue is None:
        return False
    tokens = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    return tokens is not None and any(t.lemma_.lower() in lemmas for t in tokens)


def _called_before(
    table: EntityTable,
    tokens: Tokens,
    ordered: Sequence[Statement],
    chosen: Sequence[int | None],
    number: int,
) -> int | None:
    """Return whom the direct quote just before a direct quote called by name ("“…, Fergus?”").

    The one addressed answers, so the quote before must be a line or two
    away at most (see :func:`~quoteattr.resolve.dialogue.addressee`).
    """
    statement = ordered[number]
    if not number or statement.kind is not Kind.DIRECT:
        return None
    last = ordered[number - 1]
    if last.kind is not Kind.DIRECT or breaks(table.text, statement_end(last), statement.start) > 2:
        return None
    return addressee(table, tokens, last, chosen[number - 1])


def _other_person(
    table: EntityTable,
    statement: Statement,
    index: int,
    said: Sequence[Span],
    previous: int | None = None,
) -> int:
    """Return the person before a reply who agrees with its pronoun and is not ``index``.

    The one replied to does not answer themselves: the last speaker
    (``previous``) speaks, when that is someone else of the pronoun's sex,
    else the nearest such person; with nobody else in reach the reply keeps
    ``index``.
    """
    mention = statement.speaker.mention if statement.speaker is not None else None
    if mention is None:
        return index
    gender = PERSON_PRONOUNS[mention.text.lower()]
    if previous is not None and previous != index:
        cluster = table.clusters[previous]
        if cluster.label == "PERSON" and cluster.gender == gender:
            return previous
    skip = [*said, *table.clusters[index].mentions]
    other = table.before(mention.start, {"PERSON"}, gender, skip=skip)
    return index if other is None else other


def _inside(spans: Sequence[tuple[int, int]], offset: int) -> bool:
    """Return whether ``offset`` falls inside one of the sorted, disjoint ``spans``."""
    position = bisect.bisect_right(spans, offset, key=lambda span: span[0]) - 1
    return position >= 0 and offset < spans[position][1]


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


def _named(doc: Doc, table: EntityTable, mention: Span) -> int | None:
    """Return the entity a mention's head word or its apposition names, if any.

    "Patrick McGinley, a law professor at West Virginia University" is
    McGinley, not the university; "Russia's foreign minister, Sergey Lavrov"
    is Lavrov, not Russia.
    """
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    for token in (root, *(c for c in root.children if c.dep_ == "appos")):
        if token.pos_ != "PROPN":
            continue
        index = table.at(Span.from_spacy(token))
        if index is not None:
            return index
    if root.pos_ == "PROPN":
        # A name the NER missed here, ahead of any name inside its apposition
        # ("Ivanka Trump, the Republican nominee's daughter" is not "Republican").
        first = root
        while first.i > span.start and (left := doc[first.i - 1]).head.i == root.i:
            if left.dep_ != "compound" or left.pos_ != "PROPN":
                break
            first = left
        return table.add_missed_name(Span.from_spacy(doc[first.i : root.i + 1]))
    return None


def _modifiers(doc: Doc, offset: int) -> list[Span]:
    """Return the names before ``offset`` that only qualify a noun ("the GOP candidate").

    "The GOP candidate proposes … The benefit, it says": a name used as a
    modifier of a common noun is not what "it" or "they" stands for.
    """
    window = doc.char_span(max(0, offset - SEARCH_CHARS), offset, alignment_mode="contract")
    if window is None:
        return []
    return [
        Span.from_spacy(ent)
        for ent in window.ents
        if ent.root.dep_ in {"compound", "amod"} and ent.root.head.pos_ == "NOUN"
    ]


def _acting(ent: SpacySpan) -> bool:
    """Return whether a name is the subject of its clause, or part or owner of it.

    "Jo smiled", "Jo's eyes shone", "my friend, John Rolfe, was without",
    "Jo and Meg went out".
    """
    who = ent.root
    while who.dep_ in {"poss", "appos", "conj"} and who.head.i != who.i:
        who = who.head
    return who.dep_ in {"nsubj", "nsubjpass"}


def _with_honorific(doc: Doc, ent: SpacySpan, label: str) -> Span:
    """Return a person's name with the honorific the NER left out ("Mrs." of "Mrs. Bennet")."""
    if label == "PERSON" and ent.start > 0:
        before = doc[ent.start - 1]
        honorific = before if before.text != "." or ent.start < 2 else doc[ent.start - 2]
        if honorific_gender(honorific.text.rstrip(".")) is not None:
            return Span.from_spacy(doc[honorific.i : ent.end])
    return Span.from_spacy(ent)


def _proper(doc: Doc, mention: Span) -> bool:
    """Return whether a capitalised mention is a name, not a common noun opening a sentence."""
    tokens = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return tokens is None or any(t.pos_ == "PROPN" for t in tokens)


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
