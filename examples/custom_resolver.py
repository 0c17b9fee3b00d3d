"""Plug in your own speaker resolution, e.g. a neural coreference model.

quoteattr's strategies find what was said and the speaker *mention*; the
resolver decides whom each mention refers to and builds the entities. Any
callable ``(doc, statements) -> Result`` is a resolver. This example wraps a
stand-in for a coreference model: ``FakeCoref`` maps each mention to the
cluster a model would have given (here, a fixed table), and the resolver turns
those clusters into quoteattr entities.

To use a real model, replace ``FakeCoref.clusters`` with the model's output
(character-offset clusters), keeping the rest.

Run it: ``python examples/custom_resolver.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from quoteattr import Entity, Extractor, Result, Span, Statement


@attrs.frozen
class FakeCoref:
    """A stand-in for a coreference model: clusters of (start, end) offsets by name."""

    names: tuple[tuple[str, str], ...]  # (surface form, canonical name)

    def clusters(self, text: str) -> dict[str, list[tuple[int, int]]]:
        found: dict[str, list[tuple[int, int]]] = {}
        for surface, canonical in self.names:
            start = text.find(surface)
            while start >= 0:
                found.setdefault(canonical, []).append((start, start + len(surface)))
                start = text.find(surface, start + 1)
        return found


@attrs.frozen
class CorefResolver:
    """Resolve speaker mentions with the clusters of a coreference model."""

    model: FakeCoref

    def __call__(self, doc: Any, statements: Sequence[Statement]) -> Result:
        text: str = doc.text
        clusters = self.model.clusters(text)
        entities = [
            Entity(
                id=f"C{number}",
                name=name,
                label="PERSON",
                mentions=[Span.of(text, start, end) for start, end in sorted(spans)],
            )
            for number, (name, spans) in enumerate(sorted(clusters.items()), start=1)
        ]
        resolved = []
        for statement in statements:
            speaker = statement.speaker
            mention = speaker.mention if speaker else None
            for entity in entities:
                if speaker and mention and any(m.overlaps(mention) for m in entity.mentions):
                    speaker = attrs.evolve(speaker, entity=entity.id, name=entity.name)
                    break
            resolved.append(attrs.evolve(statement, speaker=speaker))
        return Result(text=text, statements=resolved, entities=entities)


TEXT = "“We will win,” the senator said. “It is certain,” she told reporters."


def main() -> None:
    model = FakeCoref(names=(("the senator", "Jane Smith"), ("she", "Jane Smith")))
    extractor = Extractor(resolver=CorefResolver(model))
    for statement in extractor.extract(TEXT).statements:
        speaker = statement.speaker
        print(f"{speaker.name if speaker else '?'}: {statement.text}")


if __name__ == "__main__":
    main()
