"""JSON and JSONL for results: round trips, the documented keys, and malformed input."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr.api import Extractor
from quoteattr.errors import CorpusFormatError
from quoteattr.model import CueClass, Entity, Kind, Result, Span, Speaker, Statement
from quoteattr.serialize import SCHEMA_VERSION, from_dict, from_json, to_dict, to_json

TEXT = "“We will win,” Jane Smith told reporters. “No doubt.” The mayor believes it."


def span(text: str, fragment: str) -> Span:
    """Return the span of the first ``fragment`` in ``text``."""
    start = text.index(fragment)
    return Span.of(text, start, start + len(fragment))


def _full_result() -> Result:
    """Return a result that fills every optional field at least once."""
    smith = span(TEXT, "Jane Smith")
    return Result(
        text=TEXT,
        statements=[
            Statement(
                kind=Kind.DIRECT,
                content=[span(TEXT, "“No doubt.”"), span(TEXT, "“We will win,”")],
                cue=span(TEXT, "told"),
                speaker=Speaker(mention=smith, entity="E1", name="Jane Smith"),
                confidence=0.95,
                strategy="quoteattr.quotes.v1",
                rule="after-cue",
                addressee=span(TEXT, "reporters"),
            ),
            Statement(
                kind="indirect",
                content=[span(TEXT, "it")],
                cue=span(TEXT, "believes"),
                speaker=Speaker.from_mention(span(TEXT, "The mayor")),
                confidence=0.6,
                strategy="tests.reported",
                rule="verb",
                cue_class=CueClass.THOUGHT,
            ),
            Statement(kind=Kind.MIXED, content=[span(TEXT, "No")], speaker=Speaker()),
        ],
        entities=[
            Entity(
                id="E1",
                name="Jane Smith",
                label="PERSON",
                mentions=[smith],
                titles=[span(TEXT, "The mayor")],
                affiliation=span(TEXT, "reporters"),
            ),
            Entity(id="E2", name="mayor", label="PERSON"),
        ],
        id="doc-1",
    )


HAND_BUILT = [
    pytest.param(Result(text=""), id="empty-text"),
    pytest.param(Result(text="No quotes here.", id="plain"), id="no-statements"),
    pytest.param(_full_result(), id="every-field"),
    pytest.param(
        Result(
            text="“Hi,” he said.",
            statements=[Statement("direct", [Span.of("“Hi,” he said.", 0, 5)])],
        ),
        id="defaults",
    ),
]


@pytest.fixture(scope="module")
def lavrov_result(extractor: Extractor, lavrov_text: str) -> Result:
    """Return what the default extractor finds in the seed story."""
    return extractor.extract(lavrov_text, id="lavrov")


@pytest.mark.parametrize("result", HAND_BUILT)
def test_dict_round_trip(result: Result) -> None:
    """Loading what to_dict wrote, given the text, gives an equal result."""
    assert result == from_dict(to_dict(result), result.text)


@pytest.mark.parametrize("result", HAND_BUILT)
def test_json_round_trip(result: Result) -> None:
    """Loading what to_json wrote, given the text, gives an equal result."""
    assert result == from_json(to_json(result), result.text)


@pytest.mark.parametrize("result", HAND_BUILT)
def test_json_round_trip_with_text(result: Result) -> None:
    """JSON written with include_text=True loads back alone, without the text."""
    assert result == from_json(to_json(result, include_text=True, indent=2))


def test_lavrov_round_trip(lavrov_result: Result) -> None:
    """The real seed-story result survives JSON and back."""
    assert lavrov_result.statements, "the seed story should yield statements"
    assert lavrov_result == from_json(to_json(lavrov_result), lavrov_result.text)


def test_lavrov_round_trip_through_jsonl_line(lavrov_result: Result) -> None:
    """A result written as one JSONL line (as the CLI does) loads back equal."""
    line = json.dumps(to_dict(lavrov_result), ensure_ascii=False)
    assert "\n" not in line
    assert lavrov_result == from_dict(json.loads(line), lavrov_result.text)


def test_text_is_written_only_when_asked() -> None:
    """The text appears in the output only with include_text=True."""
    result = _full_result()
    expected = (False, TEXT)
    assert expected == ("text" in to_dict(result), to_dict(result, include_text=True)["text"])


def test_json_keeps_non_ascii() -> None:
    """Typographic quote marks are written as themselves, not as escapes."""
    assert "“We will win,”" in to_json(_full_result())


DOCUMENT_KEYS = {"schema", "id", "statements", "entities"}
STATEMENT_KEYS = {"kind", "content", "cue", "speaker", "confidence", "strategy", "rule"}
SPAN_KEYS = {"start", "end", "text"}
SPEAKER_KEYS = {"mention", "entity", "name"}
ENTITY_KEYS = {"id", "name", "label", "mentions"}


def test_documented_keys(lavrov_result: Result) -> None:
    """Every key docs/schema.md documents is present at every level."""
    data = to_dict(lavrov_result)
    statement = data["statements"][0]
    entity = data["entities"][0]
    missing = {
        "document": DOCUMENT_KEYS - data.keys(),
        "statement": STATEMENT_KEYS - statement.keys(),
        "content": SPAN_KEYS - statement["content"][0].keys(),
        "cue": SPAN_KEYS - statement["cue"].keys(),
        "speaker": SPEAKER_KEYS - statement["speaker"].keys(),
        "mention": SPAN_KEYS - statement["speaker"]["mention"].keys(),
        "entity": ENTITY_KEYS - entity.keys(),
        "entity mention": SPAN_KEYS - entity["mentions"][0].keys(),
    }
    assert {name: set() for name in missing} == missing


def test_documented_values(lavrov_result: Result) -> None:
    """Values have the documented JSON types: schema number, id, kind strings, spans."""
    data = to_dict(lavrov_result)
    statement = data["statements"][0]
    first = lavrov_result.statements[0]
    expected = {
        "schema": SCHEMA_VERSION,
        "id": "lavrov",
        "kind": first.kind.value,
        "content": [{"start": f.start, "end": f.end, "text": f.text} for f in first.content],
        "strategy": first.strategy,
    }
    actual = {
        "schema": data["schema"],
        "id": data["id"],
        "kind": statement["kind"],
        "content": statement["content"],
        "strategy": statement["strategy"],
    }
    assert expected == actual
    assert json.loads(json.dumps(data)) == data


def test_speaker_without_mention_is_null() -> None:
    """A speaker with no mention and a statement with no cue serialise as JSON nulls."""
    statement = to_dict(_full_result())["statements"][2]
    speaker: dict[str, Any] = {
        "mention": None,
        "entity": None,
        "name": None,
        "titles": [],
        "affiliation": None,
    }
    assert (None, speaker) == (statement["cue"], statement["speaker"])


def _good_statement() -> dict[str, Any]:
    return {"kind": "direct", "content": [{"start": 0, "end": 14, "text": "“We will win,”"}]}


def _with(**changes: Any) -> dict[str, Any]:
    statement = _good_statement()
    statement.update(changes)
    return {"statements": [statement]}


MALFORMED: list[Any] = [
    pytest.param({"statements": 5}, id="statements-not-a-list"),
    pytest.param({"statements": [{"content": _good_statement()["content"]}]}, id="no-kind"),
    pytest.param(_with(kind="quoted"), id="unknown-kind"),
    pytest.param(_with(cue_class="shouting"), id="unknown-cue-class"),
    pytest.param({"statements": [{"kind": "direct"}]}, id="no-content"),
    pytest.param(_with(content=[]), id="empty-content"),
    pytest.param(_with(content=[None]), id="null-fragment"),
    pytest.param(_with(content=[{"start": 0}]), id="fragment-without-end"),
    pytest.param(_with(content=[{"start": "a", "end": 2}]), id="offset-not-a-number"),
    pytest.param(_with(cue=[1, 2]), id="cue-not-an-object"),
    pytest.param(_with(confidence=None), id="null-confidence"),
    pytest.param(_with(confidence=1.5), id="confidence-above-one"),
    pytest.param({"entities": [{"id": "E1", "label": "PERSON"}]}, id="entity-without-name"),
    pytest.param(
        {"entities": [{"id": "E1", "name": "X", "label": "PERSON", "mentions": [None]}]},
        id="null-entity-mention",
    ),
    pytest.param({"statements": ["not an object"]}, id="statement-not-an-object"),
    pytest.param(_with(speaker="Jane Smith"), id="speaker-not-an-object"),
    pytest.param(_with(content=[{"start": 0.7, "end": 14.9}]), id="fractional-offsets"),
    pytest.param({"entities": [{"id": 1, "name": 2, "label": 3}]}, id="entity-fields-not-strings"),
]


@pytest.mark.parametrize("data", MALFORMED)
def test_malformed_data_raises(data: dict[str, Any]) -> None:
    """Malformed data raises CorpusFormatError, not a bare KeyError or TypeError."""
    with pytest.raises(CorpusFormatError):
        from_dict(data, TEXT)


DISAGREEING: list[Any] = [
    pytest.param({"start": 0, "end": 14, "text": "“We will lose”"}, id="text-differs"),
    pytest.param({"start": 1, "end": 15, "text": "“We will win,”"}, id="shifted"),
    pytest.param({"start": 70, "end": 200, "text": "x"}, id="past-the-end"),
    pytest.param({"start": -3, "end": 2, "text": "x"}, id="negative-start"),
    pytest.param({"start": 10, "end": 4, "text": ""}, id="end-before-start"),
]


@pytest.mark.parametrize("fragment", DISAGREEING)
def test_content_disagreeing_with_text_raises(fragment: dict[str, Any]) -> None:
    """A content span whose offsets or text disagree with the text raises CorpusFormatError."""
    with pytest.raises(CorpusFormatError):
        from_dict({"statements": [{"kind": "direct", "content": [fragment]}]}, TEXT)


@pytest.mark.parametrize("fragment", DISAGREEING)
def test_speaker_mention_disagreeing_with_text_raises(fragment: dict[str, Any]) -> None:
    """A speaker mention that disagrees with the text raises CorpusFormatError."""
    data = _with(speaker={"mention": fragment, "entity": None, "name": None})
    with pytest.raises(CorpusFormatError):
        from_dict(data, TEXT)


def test_result_loaded_against_another_text_raises(lavrov_result: Result) -> None:
    """Loading a result against a text it was not made from raises CorpusFormatError."""
    with pytest.raises(CorpusFormatError):
        from_json(to_json(lavrov_result), lavrov_result.text.replace("Lavrov", "Lavrof"))


def test_missing_text_raises() -> None:
    """Without include_text and without text=..., loading says how to fix it."""
    with pytest.raises(CorpusFormatError, match="text="):
        from_dict(to_dict(_full_result()))


def test_span_without_text_field_is_accepted() -> None:
    """A span's "text" is optional on input: the offsets and the document's text suffice."""
    loaded = from_dict(
        {"statements": [{"kind": "direct", "content": [{"start": 0, "end": 14}]}]}, TEXT
    )
    expected = "“We will win,”"
    assert expected == loaded.statements[0].content[0].text


def test_invalid_json_raises_corpus_format_error() -> None:
    """A string that is not JSON at all raises CorpusFormatError."""
    with pytest.raises(CorpusFormatError):
        from_json("{not json", TEXT)


def test_top_level_list_raises_corpus_format_error() -> None:
    """A JSON document that is a list, not an object, raises CorpusFormatError."""
    with pytest.raises(CorpusFormatError):
        from_json("[]", TEXT)


def test_unrounded_confidence_round_trips() -> None:
    """A confidence with more than four decimals loads back equal (docs/schema.md promises it)."""
    result = Result(TEXT, [Statement("direct", [Span.of(TEXT, 0, 14)], confidence=0.123456)])
    assert result == from_json(to_json(result), TEXT)


# Quote-heavy texts, so generated spans often cover marks and multi-byte characters.
_CHARS = st.sampled_from(list("ab Z.,\n“”\"'‘’«»„—é😀"))


@st.composite
def results(draw: st.DrawFn) -> Result:
    """Generate a valid result over a generated text, every span inside the text."""
    text = draw(st.text(alphabet=_CHARS, max_size=40))

    def spans() -> Span:
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        return Span.of(text, start, end)

    def maybe_span() -> Span | None:
        return spans() if draw(st.booleans()) else None

    names = st.none() | st.text(max_size=12)
    statements = []
    for _ in range(draw(st.integers(0, 3))):
        speaker = None
        if draw(st.booleans()):
            speaker = Speaker(mention=maybe_span(), entity=draw(names), name=draw(names))
        statements.append(
            Statement(
                kind=draw(st.sampled_from(Kind)),
                content=[spans() for _ in range(draw(st.integers(1, 3)))],
                cue=maybe_span(),
                speaker=speaker,
                # Confidences as the strategies make them: at most four decimals.
                confidence=draw(st.integers(0, 10_000)) / 10_000,
                strategy=draw(st.text(max_size=20)),
                rule=draw(st.text(max_size=12)),
                cue_class=draw(st.sampled_from(CueClass)),
                addressee=maybe_span(),
            )
        )
    entities = [
        Entity(
            id=f"E{number}",
            name=draw(st.text(max_size=12)),
            label=draw(st.sampled_from(["PERSON", "ORG", "GPE", "NORP"])),
            mentions=[spans() for _ in range(draw(st.integers(0, 3)))],
            titles=[spans() for _ in range(draw(st.integers(0, 2)))],
            affiliation=maybe_span(),
        )
        for number in range(draw(st.integers(0, 2)))
    ]
    return Result(text=text, statements=statements, entities=entities, id=draw(names))


@settings(max_examples=150, deadline=None)
@given(result=results())
def test_generated_results_round_trip(result: Result) -> None:
    """Every valid result survives to_json/from_json, with the text passed or embedded."""
    assert (result, result) == (
        from_json(to_json(result), result.text),
        from_json(to_json(result, include_text=True)),
    )
