"""The bundled examples: the custom-strategy script runs, and the seed story meets its gold."""

from __future__ import annotations

import json
import runpy
from pathlib import Path
from typing import Any

import pytest

import quoteattr
from quoteattr.api import Extractor
from quoteattr.model import Kind, Result, Span, Statement

ROOT = Path(__file__).resolve().parent.parent
SHARED_EXAMPLES = ROOT.parent / "shared" / "examples"


@pytest.fixture
def session_pipeline(monkeypatch: pytest.MonkeyPatch, extractor: Extractor) -> None:
    """Make the examples build their Extractor on the session pipeline, not load their own."""

    def build(model: str | None = None, **settings: Any) -> Extractor:
        del model
        return Extractor(nlp=extractor.nlp, **settings)

    monkeypatch.setattr(quoteattr, "Extractor", build, raising=False)


@pytest.mark.usefixtures("session_pipeline")
def test_custom_strategy_example(capsys: pytest.CaptureFixture[str]) -> None:
    """examples/custom_strategy.py prints the transcript's speakers, WALLACE and TRUMP."""
    runpy.run_path(str(ROOT / "examples" / "custom_strategy.py"), run_name="__main__")
    speakers = [line.split("[")[0].strip() for line in capsys.readouterr().out.splitlines()]
    expected = {"WALLACE", "TRUMP"}
    assert expected == set(speakers)


@pytest.mark.usefixtures("session_pipeline")
def test_custom_resolver_example(capsys: pytest.CaptureFixture[str]) -> None:
    """examples/custom_resolver.py resolves both mentions through its fake coreference model."""
    runpy.run_path(str(ROOT / "examples" / "custom_resolver.py"), run_name="__main__")
    speakers = [line.split(":")[0] for line in capsys.readouterr().out.splitlines()]
    expected = ["Jane Smith", "Jane Smith"]
    assert expected == speakers


def alnum(text: str) -> str:
    """Return the letters and digits of ``text``: no quote marks, spaces or punctuation."""
    return "".join(character for character in text if character.isalnum())


@pytest.fixture(scope="module")
def seed_gold() -> tuple[str, list[dict[str, Any]]]:
    """Return the seed story and its gold statements, or skip when ../shared is absent."""
    gold_path = SHARED_EXAMPLES / "lavrov.gold.json"
    text_path = SHARED_EXAMPLES / "lavrov.txt"
    if not (gold_path.is_file() and text_path.is_file()):
        pytest.skip("../shared/examples/lavrov.gold.json is absent")
    with text_path.open(encoding="utf-8", newline="") as handle:
        text = handle.read()
    statements: list[dict[str, Any]] = json.loads(gold_path.read_text(encoding="utf-8"))[
        "statements"
    ]
    return text, statements


@pytest.fixture(scope="module")
def seed_result(extractor: Extractor, seed_gold: tuple[str, list[dict[str, Any]]]) -> Result:
    """Return what the default extractor finds in the seed story."""
    return extractor.extract(seed_gold[0])


def _gold_direct(gold: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [statement for statement in gold if statement["type"] == "direct"]


def _same_content(predicted: Statement, gold: dict[str, Any]) -> bool:
    expected = [alnum(fragment["text"]) for fragment in gold["content"]]
    return expected == [alnum(fragment.text) for fragment in predicted.content]


def _describe(statement: Statement) -> dict[str, Any]:
    mention = statement.speaker.mention if statement.speaker else None
    return {
        "content": [fragment.text[:40] for fragment in statement.content],
        "cue": statement.cue.text if statement.cue else None,
        "speaker": mention.text if mention else None,
    }


def test_seed_gold_is_consistent(seed_gold: tuple[str, list[dict[str, Any]]]) -> None:
    """The gold file's spans index into the story (so the acceptance test below is meaningful)."""
    text, gold = seed_gold
    wrong = [
        item
        for statement in gold
        for item in [*statement["content"], statement["speaker"], statement["cue"]]
        if text[item["start"] : item["end"]] != item["text"]
    ]
    expected: tuple[int, list[dict[str, Any]]] = (3, [])
    assert expected == (len(_gold_direct(gold)), wrong)


def test_seed_story_finds_every_gold_direct_statement(
    seed_gold: tuple[str, list[dict[str, Any]]], seed_result: Result
) -> None:
    """Each gold direct statement is found: same fragments, same cue, overlapping speaker."""
    text, gold = seed_gold
    direct = [s for s in seed_result.statements if s.kind is Kind.DIRECT]
    missed = []
    for statement in _gold_direct(gold):
        speaker = Span.of(text, statement["speaker"]["start"], statement["speaker"]["end"])
        found = [
            predicted
            for predicted in direct
            if _same_content(predicted, statement)
            and predicted.cue is not None
            and predicted.cue.text == statement["cue"]["text"]
            and predicted.speaker is not None
            and predicted.speaker.mention is not None
            and predicted.speaker.mention.overlaps(speaker)
        ]
        if len(found) != 1:
            missed.append(
                {
                    "gold": statement["content"][0]["text"][:40],
                    "candidates": [_describe(p) for p in direct if _same_content(p, statement)],
                }
            )
    expected: list[dict[str, Any]] = []
    assert expected == missed


def test_seed_story_interrupted_quote_is_one_statement(
    seed_gold: tuple[str, list[dict[str, Any]]], seed_result: Result
) -> None:
    """The quote interrupted by "Lavrov said." is one statement with two fragments."""
    _, gold = seed_gold
    (interrupted,) = [s for s in _gold_direct(gold) if len(s["content"]) == 2]
    matches = [s for s in seed_result.statements if _same_content(s, interrupted)]
    expected = [2]
    assert expected == [len(s.content) for s in matches]


def test_seed_story_has_no_spurious_direct_statements(
    seed_gold: tuple[str, list[dict[str, Any]]], seed_result: Result
) -> None:
    """Every predicted direct statement matches the content of a gold direct statement."""
    _, gold = seed_gold
    spurious = [
        _describe(predicted)
        for predicted in seed_result.statements
        if predicted.kind is Kind.DIRECT
        and not any(_same_content(predicted, statement) for statement in _gold_direct(gold))
    ]
    expected: list[dict[str, Any]] = []
    assert expected == spurious
