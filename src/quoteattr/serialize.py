"""JSON and JSONL for results, kept outside the data classes.

The format is documented in ``docs/schema.md``; ``SCHEMA_VERSION`` changes only
with an incompatible change. Loading what :func:`to_dict` wrote gives an equal
:class:`~quoteattr.model.Result`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from quoteattr.errors import CorpusFormatError
from quoteattr.model import CueClass, Entity, Failure, Kind, Result, Span, Speaker, Statement

__all__ = ["SCHEMA_VERSION", "failure_to_dict", "from_dict", "from_json", "to_dict", "to_json"]

SCHEMA_VERSION = 1


def _span(span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": span.text}


def _speaker(speaker: Speaker | None) -> dict[str, Any] | None:
    if speaker is None:
        return None
    return {
        "mention": _span(speaker.mention),
        "entity": speaker.entity,
        "name": speaker.name,
        "titles": [_span(t) for t in speaker.titles],
        "affiliation": _span(speaker.affiliation),
    }


def statement_to_dict(statement: Statement) -> dict[str, Any]:
    """Return the JSON-ready form of one statement."""
    return {
        "kind": statement.kind.value,
        "content": [_span(fragment) for fragment in statement.content],
        "cue": _span(statement.cue),
        "speaker": _speaker(statement.speaker),
        "addressee": _span(statement.addressee),
        "about": list(statement.about),
        "cue_class": statement.cue_class.value,
        "confidence": statement.confidence,
        "strategy": statement.strategy,
        "rule": statement.rule,
    }


def to_dict(result: Result, *, include_text: bool = False) -> dict[str, Any]:
    """Return the JSON-ready form of a result (see ``docs/schema.md``).

    Args:
        result: what :func:`quoteattr.extract` returned.
        include_text: also write the whole text (needed to load it back alone).
    """
    data: dict[str, Any] = {
        "schema": SCHEMA_VERSION,
        "id": result.id,
        "statements": [statement_to_dict(s) for s in result.statements],
        "entities": [
            {
                "id": entity.id,
                "name": entity.name,
                "label": entity.label,
                "mentions": [_span(m) for m in entity.mentions],
                "titles": [_span(t) for t in entity.titles],
                "affiliation": _span(entity.affiliation),
            }
            for entity in result.entities
        ],
    }
    if include_text:
        data["text"] = result.text
    return data


def failure_to_dict(failure: Failure) -> dict[str, Any]:
    """Return the JSON-ready form of a document that failed: ``{id, error, message}``."""
    return {"id": failure.id, "error": failure.error, "message": failure.message}


def to_json(result: Result, *, include_text: bool = False, indent: int | None = None) -> str:
    """Return a result as a JSON string."""
    return json.dumps(to_dict(result, include_text=include_text), ensure_ascii=False, indent=indent)


def _offset(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"an offset must be an integer (got {value!r})"
        raise CorpusFormatError(msg)
    return value


def _string(value: Any, field: str) -> str:
    if not isinstance(value, str):
        msg = f"{field!r} must be a string (got {value!r})"
        raise CorpusFormatError(msg)
    return value


def _object(value: Any, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        msg = f"{what} must be a JSON object (got {type(value).__name__})"
        raise CorpusFormatError(msg)
    return value


def _load_span(data: Any, text: str) -> Span | None:
    if data is None:
        return None
    data = _object(data, "a span")
    start, end = _offset(data["start"]), _offset(data["end"])
    span = Span.of(text, start, end)
    if "text" in data and data["text"] != span.text:
        msg = f"span {start}:{end} says {data['text']!r} but the text there is {span.text!r}"
        raise CorpusFormatError(msg)
    return span


def _required_span(data: Any, text: str) -> Span:
    span = _load_span(data, text)
    if span is None:
        msg = "a content fragment is null"
        raise CorpusFormatError(msg)
    return span


def from_dict(data: Mapping[str, Any], text: str | None = None) -> Result:
    """Return the result that :func:`to_dict` wrote.

    Args:
        data: the parsed JSON object.
        text: the original text, if ``data`` does not include it.

    Raises:
        CorpusFormatError: if the data is malformed or disagrees with the text.
    """
    data = _object(data, "a quoteattr document")
    if text is None:
        text = data.get("text")
    if not isinstance(text, str):
        msg = "the JSON has no 'text'; pass the original text as text=..."
        raise CorpusFormatError(msg)
    try:
        statements = []
        for raw in data.get("statements", []):
            item = _object(raw, "a statement")
            speaker_data = item.get("speaker")
            speaker = None
            if speaker_data is not None:
                speaker_data = _object(speaker_data, "a speaker")
                speaker = Speaker(
                    mention=_load_span(speaker_data.get("mention"), text),
                    entity=speaker_data.get("entity"),
                    name=speaker_data.get("name"),
                    titles=tuple(_required_span(t, text) for t in speaker_data.get("titles", [])),
                    affiliation=_load_span(speaker_data.get("affiliation"), text),
                )
            statements.append(
                Statement(
                    kind=Kind(item["kind"]),
                    content=tuple(_required_span(f, text) for f in item["content"]),
                    cue=_load_span(item.get("cue"), text),
                    speaker=speaker,
                    confidence=float(item.get("confidence", 0.5)),
                    strategy=item.get("strategy", ""),
                    rule=item.get("rule", ""),
                    cue_class=CueClass(item.get("cue_class", "speech")),
                    addressee=_load_span(item.get("addressee"), text),
                    about=tuple(str(entity) for entity in item.get("about", [])),
                )
            )
        entities = [
            Entity(
                id=_string(item["id"], "id"),
                name=_string(item["name"], "name"),
                label=_string(item["label"], "label"),
                mentions=tuple(_required_span(m, text) for m in item.get("mentions", [])),
                titles=tuple(_required_span(t, text) for t in item.get("titles", [])),
                affiliation=_load_span(item.get("affiliation"), text),
            )
            for item in (_object(raw, "an entity") for raw in data.get("entities", []))
        ]
    except (KeyError, TypeError, ValueError) as error:
        if isinstance(error, CorpusFormatError):
            raise
        msg = f"malformed quoteattr JSON: {type(error).__name__}: {error}"
        raise CorpusFormatError(msg) from error
    return Result(text=text, statements=statements, entities=entities, id=data.get("id"))


def from_json(data: str, text: str | None = None) -> Result:
    """Return the result a JSON string holds (see :func:`from_dict`).

    Raises:
        CorpusFormatError: if ``data`` is not JSON or not quoteattr's format.
    """
    try:
        parsed = json.loads(data)
    except json.JSONDecodeError as error:
        msg = f"not JSON: {error}"
        raise CorpusFormatError(msg) from error
    return from_dict(parsed, text)
