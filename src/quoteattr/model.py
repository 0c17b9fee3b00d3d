"""The data model: spans, statements, speakers, entities and per-document results.

Every class here is a frozen, slotted attrs class holding plain data: character
offsets into the original text (end exclusive) and the text they cover. Nothing
here refers to spaCy, so results outlive the parse, pickle, compare equal and
serialise (see :mod:`quoteattr.serialize`). Importing this module never imports
spaCy.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import attrs

__all__ = [
    "CueClass",
    "Entity",
    "Failure",
    "Kind",
    "Result",
    "Span",
    "Speaker",
    "SpeakerRow",
    "Statement",
]


class Kind(str, enum.Enum):
    """How the content of a statement is rendered.

    ``direct``: all of the content is inside quotation marks; ``indirect``: none
    of it is (reported speech); ``mixed``: reported speech with quoted words in it.
    """

    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


class CueClass(str, enum.Enum):
    """What the cue reports: speech ("said"), thought ("believes") or other ("shows")."""

    SPEECH = "speech"
    THOUGHT = "thought"
    OTHER = "other"


def _check_span(instance: Span, _attribute: attrs.Attribute[int], _value: int) -> None:
    if instance.start < 0:
        msg = f"'start' must be >= 0 (got {instance.start})"
        raise ValueError(msg)
    if instance.end < instance.start:
        msg = f"'end' must be >= start (got {instance.end} < {instance.start})"
        raise ValueError(msg)


def _check_text(instance: Span, _attribute: attrs.Attribute[str], value: str) -> None:
    if len(value) != instance.end - instance.start:
        msg = (
            f"'text' must be end - start = {instance.end - instance.start} characters long "
            f"(got {len(value)}: {value[:40]!r})"
        )
        raise ValueError(msg)


@attrs.frozen(order=True)
class Span:
    """A stretch of the original text: ``text == original[start:end]``.

    Build one with :meth:`Span.of` from the original text so the invariant holds
    by construction.
    """

    start: int = attrs.field(validator=_check_span)
    end: int = attrs.field(validator=_check_span)
    text: str = attrs.field(validator=_check_text, repr=False, order=False)

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """Return the span of ``text`` from ``start`` to ``end``.

        Raises:
            ValueError: if the offsets fall outside ``text``.
        """
        if not 0 <= start <= end <= len(text):
            msg = f"offsets {start}:{end} fall outside a text of {len(text)} characters"
            raise ValueError(msg)
        return cls(start, end, text[start:end])

    @classmethod
    def from_spacy(cls, span: Any) -> Span:
        """Return the span covering a spaCy ``Span`` or ``Token`` (by its characters)."""
        # ``doc.text`` is rebuilt from the tokens on every access: read the
        # span's own text instead.
        if hasattr(span, "start_char"):
            return cls(span.start_char, span.end_char, span.text)
        text = span.text
        return cls(span.idx, span.idx + len(text), text)

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        """Return whether the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        """Return whether ``other`` lies wholly inside this span."""
        return self.start <= other.start and other.end <= self.end


def _spans(value: Iterable[Span]) -> tuple[Span, ...]:
    return tuple(value)


def _ids(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen
class Entity:
    """A person, organisation or place that the document mentions, with its mentions.

    Attributes:
        id: unique within one result ("E1", "E2", ...).
        name: the canonical name: the fullest form the text uses ("Sergey Lavrov").
        label: a spaCy-style entity label (PERSON, ORG, GPE, NORP, ...).
        mentions: every mention of the entity, in text order.
        titles: titles and roles the text gives it ("Russian Foreign Minister").
        affiliation: the organisation or place the text ties it to, if any.
    """

    id: str
    name: str
    label: str
    mentions: tuple[Span, ...] = attrs.field(default=(), converter=_spans)
    titles: tuple[Span, ...] = attrs.field(default=(), converter=_spans)
    affiliation: Span | None = None


@attrs.frozen
class Speaker:
    """Who made a statement: the mention in the text and, when resolved, the entity.

    Attributes:
        mention: the words naming the speaker where the statement is attributed
            ("he", "the Russian foreign minister"); ``None`` when inherited from
            an earlier statement with no mention of its own nearby.
        entity: the id of the :class:`Entity` the mention refers to, if resolved.
        name: a readable name: the entity's canonical name when resolved, else
            the mention's text.
        titles: titles and roles the text gives the speaker ("spokeswoman",
            "Russian Foreign Minister"): the entity's, or the mention's own for
            an unnamed speaker ("a White House spokesman").
        affiliation: the organisation or place the text ties the speaker to.
    """

    mention: Span | None = None
    entity: str | None = None
    name: str | None = None
    titles: tuple[Span, ...] = attrs.field(default=(), converter=_spans)
    affiliation: Span | None = None

    @classmethod
    def from_mention(cls, mention: Span) -> Speaker:
        """Return an unresolved speaker named by its mention."""
        return cls(mention=mention, entity=None, name=mention.text)


def _fragments(value: Iterable[Span]) -> tuple[Span, ...]:
    return tuple(sorted(value))


def _statements(value: Iterable[Statement]) -> tuple[Statement, ...]:
    return tuple(value)


def _entities(value: Iterable[Entity]) -> tuple[Entity, ...]:
    return tuple(value)


def _check_content(
    _instance: Statement, _attribute: attrs.Attribute[tuple[Span, ...]], value: tuple[Span, ...]
) -> None:
    if not value:
        msg = "'content' must hold at least one fragment (got none)"
        raise ValueError(msg)


def _check_confidence(
    _instance: Statement, _attribute: attrs.Attribute[float], value: float
) -> None:
    if not 0.0 <= value <= 1.0:
        msg = f"'confidence' must be within [0, 1] (got {value})"
        raise ValueError(msg)


@attrs.frozen
class Statement:
    """One piece of attributed speech: what was said, the cue, and who said it.

    Attributes:
        kind: direct, indirect or mixed (see :class:`Kind`).
        content: the fragments of what was said, in text order; a quote
            interrupted by "he said" has two.
        cue: the words that mark the attribution ("said", "according to"), if any.
        speaker: who said it, if known.
        confidence: how likely the statement is right, in [0, 1].
        strategy: the registered name of the strategy that found it.
        rule: which of the strategy's rules fired, for error analysis.
        cue_class: whether the cue reports speech, thought or something else.
        addressee: whom the statement was made to ("reporters"), if the text says.
        about: ids of the entities the content mentions (who or what was talked about).
    """

    kind: Kind = attrs.field(converter=Kind)
    content: tuple[Span, ...] = attrs.field(converter=_fragments, validator=_check_content)
    cue: Span | None = None
    speaker: Speaker | None = None
    confidence: float = attrs.field(default=0.5, validator=_check_confidence)
    strategy: str = ""
    rule: str = ""
    cue_class: CueClass = attrs.field(default=CueClass.SPEECH, converter=CueClass)
    addressee: Span | None = None
    about: tuple[str, ...] = attrs.field(default=(), converter=_ids)

    @property
    def start(self) -> int:
        """Return where the first content fragment starts."""
        return self.content[0].start

    @property
    def end(self) -> int:
        """Return where the last content fragment ends."""
        return self.content[-1].end

    @property
    def text(self) -> str:
        """Return the content fragments joined by a space (quote marks kept)."""
        return " ".join(fragment.text for fragment in self.content)

    def spans(self) -> Iterator[Span]:
        """Yield every span the statement holds: content, cue, speaker mention, addressee."""
        yield from self.content
        if self.cue is not None:
            yield self.cue
        if self.speaker is not None:
            if self.speaker.mention is not None:
                yield self.speaker.mention
            yield from self.speaker.titles
            if self.speaker.affiliation is not None:
                yield self.speaker.affiliation
        if self.addressee is not None:
            yield self.addressee


@attrs.frozen
class SpeakerRow:
    """One row of :meth:`Result.speakers`: a speaker and the statements attributed to it."""

    name: str
    entity: Entity | None
    statements: tuple[Statement, ...]


@attrs.frozen
class Result:
    """Everything found in one document.

    Attributes:
        text: the original text; every span indexes into it.
        statements: the statements, ordered by where their content starts.
        entities: the entities the speakers (and other mentions) resolve to.
        id: the caller's document id, if given.
    """

    text: str = attrs.field(repr=False)
    statements: tuple[Statement, ...] = attrs.field(default=(), converter=_statements)
    entities: tuple[Entity, ...] = attrs.field(default=(), converter=_entities)
    id: str | None = None

    def entity(self, entity_id: str) -> Entity:
        """Return the entity with the given id.

        Raises:
            KeyError: if no entity has that id.
        """
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        raise KeyError(entity_id)

    def by_speaker(self) -> dict[str, list[Statement]]:
        """Group statements by speaker name (entity name when resolved).

        Statements with no speaker are grouped under the empty string.
        """
        groups: dict[str, list[Statement]] = {}
        for statement in self.statements:
            name = statement.speaker.name if statement.speaker and statement.speaker.name else ""
            groups.setdefault(name, []).append(statement)
        return groups

    def speakers(self) -> list[SpeakerRow]:
        """Return one row per speaker, most statements first.

        Statements resolved to the same entity share a row even when their
        mentions differ ("Lavrov", "he", "the foreign minister").
        """
        by_key: dict[str, list[Statement]] = {}
        names: dict[str, str] = {}
        for statement in self.statements:
            speaker = statement.speaker
            if speaker is None or (speaker.entity is None and not speaker.name):
                key, name = "", ""
            elif speaker.entity is not None:
                key, name = "entity:" + speaker.entity, speaker.name or speaker.entity
            else:
                key = "name:" + (speaker.name or "").lower()
                name = speaker.name or ""
            by_key.setdefault(key, []).append(statement)
            names.setdefault(key, name)
        entities = {entity.id: entity for entity in self.entities}
        rows = [
            SpeakerRow(
                name=names[key],
                entity=entities.get(key[len("entity:") :]) if key.startswith("entity:") else None,
                statements=tuple(statements),
            )
            for key, statements in by_key.items()
        ]
        rows.sort(key=lambda row: (row.name == "", -len(row.statements), row.name))
        return rows

    def with_text(self, text: str) -> Result:
        """Return the same result over ``text``, a text of the same length.

        Used when the text was cleaned for the parser (lone surrogates replaced
        one for one): every span is rebuilt from the original text.

        Raises:
            ValueError: if ``text`` is not as long as the result's text.
        """
        if len(text) != len(self.text):
            msg = f"'text' must be {len(self.text)} characters long (got {len(text)})"
            raise ValueError(msg)

        def span(value: Span) -> Span:
            return Span.of(text, value.start, value.end)

        def maybe(value: Span | None) -> Span | None:
            return None if value is None else span(value)

        statements = [
            attrs.evolve(
                statement,
                content=[span(fragment) for fragment in statement.content],
                cue=maybe(statement.cue),
                addressee=maybe(statement.addressee),
                speaker=None
                if statement.speaker is None
                else attrs.evolve(
                    statement.speaker,
                    mention=maybe(statement.speaker.mention),
                    titles=[span(t) for t in statement.speaker.titles],
                    affiliation=maybe(statement.speaker.affiliation),
                ),
            )
            for statement in self.statements
        ]
        entities = [
            attrs.evolve(
                entity,
                mentions=[span(m) for m in entity.mentions],
                titles=[span(t) for t in entity.titles],
                affiliation=maybe(entity.affiliation),
            )
            for entity in self.entities
        ]
        return Result(text=text, statements=statements, entities=entities, id=self.id)

    def spans(self) -> Iterator[Span]:
        """Yield every span in the result, for checking offsets."""
        for statement in self.statements:
            yield from statement.spans()
        for entity in self.entities:
            yield from entity.mentions
            yield from entity.titles
            if entity.affiliation is not None:
                yield entity.affiliation


@attrs.frozen
class Failure:
    """A document that could not be processed, in place of its :class:`Result`.

    Attributes:
        id: the caller's document id, if known.
        error: the exception's type name.
        message: what went wrong.
    """

    id: str | None
    error: str
    message: str


def sort_statements(statements: Sequence[Statement]) -> tuple[Statement, ...]:
    """Return statements ordered by where their content starts, then ends."""
    return tuple(sorted(statements, key=lambda s: (s.start, s.end)))
