"""The built-in, rule-based resolver: name clustering and speaker resolution.

Entities come from the pipeline's named entities (PERSON, ORG, GPE, NORP, ...)
and from speaker mentions that name someone the NER missed. People are
clustered by name ("Sergey Lavrov", "Lavrov", "Mr Lavrov" are one entity;
two people who share a surname stay two). A speaker mention then resolves:

- a name: to the entity whose mention it overlaps or whose name it shortens;
- a personal pronoun (he, she): to the nearest person before it whose gender,
  where the text shows it, agrees; "it", "they" to the nearest organisation;
- anything else stays unresolved: the mention is kept and no name invented.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from quoteattr.lexicon.en import HONORIFICS
from quoteattr.model import Entity, Result, Span, Statement, sort_statements
from quoteattr.strategies.base import analysis_of

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["RuleResolver"]

_PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_GROUP_PRONOUNS = {"it", "they", "them", "its"}
_LABELS = ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC")
_MALE_HONORIFICS = {"mr", "mr.", "sir", "lord", "monsieur", "herr"}
_FEMALE_HONORIFICS = {"mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "madam", "madame"}


@attrs.define
class _Cluster:
    label: str
    name: str
    words: tuple[str, ...]
    mentions: list[Span]
    gender: str | None = None


def _clean(text: str, mention: Span) -> Span | None:
    """Return the mention without a leading "the" or a trailing possessive."""
    start, end = mention.start, mention.end
    lowered = text[start:end].lower()
    if lowered.startswith("the "):
        start += 4
    while end > start and text[end - 1] in ".,;:'’\"”":
        end -= 1
    for suffix in ("'s", "’s"):
        if text[start:end].endswith(suffix):
            end -= len(suffix)
    return Span.of(text, start, end) if end > start else None


def _name_words(name: str) -> tuple[str, ...]:
    words = [w.strip(".,").lower() for w in name.split()]
    return tuple(w for w in words if w and w not in HONORIFICS and w + "." not in HONORIFICS)


def _gender_of(name: str) -> str | None:
    first = name.split(maxsplit=1)[0].lower() if name.split() else ""
    if first in _MALE_HONORIFICS:
        return "m"
    if first in _FEMALE_HONORIFICS:
        return "f"
    return None


class _Entities:
    """Cluster named mentions into entities, in text order."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.clusters: list[_Cluster] = []
        self.by_offset: list[tuple[int, int, int]] = []  # (start, end, cluster index)

    def add(self, mention: Span, label: str) -> int | None:
        cleaned = _clean(self.text, mention)
        if cleaned is None:
            return None
        words = _name_words(cleaned.text)
        if not words:
            return None
        index = self._match(words, label)
        if index is None:
            self.clusters.append(_Cluster(label, cleaned.text, words, []))
            index = len(self.clusters) - 1
        cluster = self.clusters[index]
        if len(words) > len(cluster.words):
            cluster.words, cluster.name = (
                words,
                " ".join(w for w in cleaned.text.split() if w.strip(".,").lower() in words),
            )
        cluster.gender = cluster.gender or _gender_of(cleaned.text)
        cluster.mentions.append(cleaned)
        bisect.insort(self.by_offset, (cleaned.start, cleaned.end, index))
        return index

    def _match(self, words: tuple[str, ...], label: str) -> int | None:
        candidates = []
        for index in range(len(self.clusters) - 1, -1, -1):
            cluster = self.clusters[index]
            if cluster.label != label and not {cluster.label, label} <= {"GPE", "ORG", "NORP"}:
                continue
            if cluster.words == words:
                return index
            if label == "PERSON" and cluster.label == "PERSON":
                shorter, longer = sorted((words, cluster.words), key=len)
                suffix = longer[-len(shorter) :] == shorter
                if len(shorter) < len(longer) and (
                    suffix or (len(shorter) == 1 and shorter[0] in longer)
                ):
                    candidates.append(index)
        # A surname shared by two people in the text resolves to neither.
        distinct = {self.clusters[i].words for i in candidates}
        return candidates[0] if len(distinct) == 1 else None

    def at(self, mention: Span) -> int | None:
        """Return the cluster whose mention overlaps ``mention`` most."""
        best, best_overlap = None, 0
        position = bisect.bisect_left(self.by_offset, (mention.start - 200, 0, 0))
        for start, end, index in self.by_offset[position:]:
            if start >= mention.end:
                break
            overlap = min(end, mention.end) - max(start, mention.start)
            if overlap > best_overlap:
                best, best_overlap = index, overlap
        return best

    def before(self, offset: int, labels: set[str], gender: str | None) -> int | None:
        """Return the nearest cluster with a mention before ``offset`` that agrees."""
        end = bisect.bisect_left(self.by_offset, (offset, 0, 0))
        for position in range(end - 1, -1, -1):
            start, _, index = self.by_offset[position]
            cluster = self.clusters[index]
            if start >= offset or cluster.label not in labels:
                continue
            if gender and cluster.gender and cluster.gender != gender:
                continue
            return index
        return None


@attrs.frozen
class RuleResolver:
    """Resolve speaker mentions to entities with name and pronoun rules.

    Attributes:
        labels: the entity labels kept as entities.
    """

    labels: tuple[str, ...] = _LABELS

    def __call__(self, doc: Doc, statements: Sequence[Statement]) -> Result:
        """Return the result of ``doc``: resolved statements and their entities."""
        text = analysis_of(doc).text
        entities = _Entities(text)
        for ent in doc.ents:
            if ent.label_ in self.labels:
                entities.add(Span.from_spacy(ent), ent.label_)
        resolved = []
        for statement in sort_statements(statements):
            resolved.append(self._resolve(text, entities, statement))
        used = {index: f"E{index + 1}" for index in range(len(entities.clusters))}
        final = []
        for statement, index in resolved:
            if index is not None and statement.speaker is not None:
                speaker = attrs.evolve(
                    statement.speaker, entity=used[index], name=entities.clusters[index].name
                )
                final.append(attrs.evolve(statement, speaker=speaker))
            else:
                final.append(statement)
        result_entities = tuple(
            Entity(
                id=used[index],
                name=cluster.name,
                label=cluster.label,
                mentions=tuple(sorted(set(cluster.mentions))),
            )
            for index, cluster in enumerate(entities.clusters)
        )
        return Result(text=text, statements=tuple(final), entities=result_entities)

    def _resolve(
        self, text: str, entities: _Entities, statement: Statement
    ) -> tuple[Statement, int | None]:
        speaker = statement.speaker
        if speaker is None or speaker.mention is None:
            return statement, None
        mention = speaker.mention
        lowered = mention.text.lower()
        if lowered in _PERSON_PRONOUNS:
            index = entities.before(mention.start, {"PERSON"}, _PERSON_PRONOUNS[lowered])
            if index is not None:
                cluster = entities.clusters[index]
                cluster.gender = cluster.gender or _PERSON_PRONOUNS[lowered]
            return statement, index
        if lowered in _GROUP_PRONOUNS:
            return statement, entities.before(mention.start, {"ORG", "GPE", "NORP"}, None)
        index = entities.at(mention)
        if index is None:
            index = self._new_name(entities, mention)
        return statement, index

    def _new_name(self, entities: _Entities, mention: Span) -> int | None:
        """Add a speaker the NER missed, if the mention is a name ("Caddell", "The Post")."""
        words = mention.text.split()
        if not words or len(words) > 4 or not all(w[:1].isupper() for w in words):
            return None
        label = "ORG" if words[0].lower() == "the" else "PERSON"
        return entities.add(mention, label)
