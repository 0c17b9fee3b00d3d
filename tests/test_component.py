"""The spaCy component: the ``quoteattr`` factory, ``Doc._`` attributes and their names."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from quoteattr.api import Extractor
from quoteattr.component import QuoteattrComponent, make_component
from quoteattr.errors import MissingComponentError
from quoteattr.model import Result, Statement
from quoteattr.pipeline import choose_model

SMITH = "“We will win this race,” Smith said. Jones laughed."

AddPipe = Callable[..., QuoteattrComponent]


@pytest.fixture
def add_pipe(nlp: Language) -> Iterator[AddPipe]:
    """Add quoteattr components to the session pipeline, and remove them afterwards."""
    added: list[str] = []

    def add(name: str, **config: Any) -> QuoteattrComponent:
        component = nlp.add_pipe("quoteattr", name=name, config=config)
        added.append(name)
        assert isinstance(component, QuoteattrComponent)
        return component

    try:
        yield add
    finally:
        for name in added:
            nlp.remove_pipe(name)


def _nothing(doc: Doc) -> list[Statement]:
    """Find nothing: a strategy for telling components apart."""
    del doc
    return []


def test_factory_entry_point_in_a_fresh_process() -> None:
    """``spacy.load(model).add_pipe("quoteattr")`` works without importing quoteattr first."""
    script = textwrap.dedent(
        f"""
        import json, sys
        import spacy
        imported_early = "quoteattr" in sys.modules
        nlp = spacy.load({choose_model()!r})
        nlp.add_pipe("quoteattr")
        doc = nlp({SMITH!r})
        print(json.dumps({{
            "imported_early": imported_early,
            "statements": [s.text for s in doc._.statements],
            "result": type(doc._.quoteattr).__name__,
        }}))
        """
    )
    completed = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert not completed.returncode, completed.stderr
    expected = {
        "imported_early": False,
        "statements": ["“We will win this race,”"],
        "result": "Result",
    }
    assert expected == json.loads(completed.stdout)


def test_default_attributes(nlp: Language, add_pipe: AddPipe) -> None:
    """By default ``doc._.quoteattr`` holds the Result and ``doc._.statements`` its statements."""
    add_pipe("quoteattr_default")
    doc = nlp(SMITH)
    result = doc._.quoteattr
    expected = (True, result.statements if isinstance(result, Result) else None, SMITH)
    assert expected == (isinstance(result, Result), doc._.statements, result.text)
    assert result.statements, "the quoted sentence should yield a statement"


def test_same_result_as_extractor(
    nlp: Language, add_pipe: AddPipe, extractor: Extractor, lavrov_text: str
) -> None:
    """The component finds exactly what Extractor.extract finds in the same text."""
    add_pipe("quoteattr_same", result_attr="qa_same", statements_attr="qa_same_statements")
    assert extractor.extract(lavrov_text) == nlp(lavrov_text)._.qa_same


def test_custom_attribute_names(nlp: Language, add_pipe: AddPipe) -> None:
    """``result_attr`` and ``statements_attr`` choose the ``Doc._`` names."""
    add_pipe("quoteattr_custom", result_attr="qa_custom", statements_attr="qa_custom_statements")
    doc = nlp(SMITH)
    expected = (True, doc._.qa_custom.statements)
    assert expected == (Doc.has_extension("qa_custom"), doc._.qa_custom_statements)
    assert doc._.qa_custom_statements, "the quoted sentence should yield a statement"


def test_two_components_do_not_clobber(nlp: Language, add_pipe: AddPipe) -> None:
    """Two components with different attribute names each keep their own result."""
    add_pipe("quoteattr_all", result_attr="qa_all", statements_attr="qa_all_statements")
    add_pipe(
        "quoteattr_none",
        result_attr="qa_none",
        statements_attr="qa_none_statements",
        strategies=["tests.nothing.v1"],
    )
    doc = nlp(SMITH)
    expected = (1, 0, 1, 0)
    assert expected == (
        len(doc._.qa_all.statements),
        len(doc._.qa_none.statements),
        len(doc._.qa_all_statements),
        len(doc._.qa_none_statements),
    )


@pytest.fixture(autouse=True)
def _nothing_registered(monkeypatch: pytest.MonkeyPatch) -> None:
    """Register the do-nothing strategy for this module's tests only."""
    from quoteattr.strategies import base

    monkeypatch.setattr(base, "_REGISTRY", dict(base._REGISTRY))
    base.register("tests.nothing.v1")(lambda: _nothing)


def test_reused_statements_name_reads_its_own_result(nlp: Language) -> None:
    """A component's statements attribute shows its own result, whoever registered it first."""
    first = make_component(nlp, "first", ["tests.nothing.v1"], "qa_first", "qa_reused")
    second = make_component(nlp, "second", None, "qa_second", "qa_reused")
    del first
    doc = second(nlp(SMITH))
    assert doc._.qa_second.statements == doc._.qa_reused


def test_blank_pipeline_accepts_the_component() -> None:
    """Adding the component to ``spacy.blank("en")`` (no parser) is allowed."""
    blank = spacy.blank("en")
    blank.add_pipe("quoteattr", config={"result_attr": "qa_blank", "statements_attr": "qa_bs"})
    expected = ["quoteattr"]
    assert expected == blank.pipe_names


def test_blank_pipeline_says_it_needs_a_parser() -> None:
    """Running the component without a parser raises MissingComponentError naming the parser."""
    blank = spacy.blank("en")
    blank.add_pipe("quoteattr", config={"result_attr": "qa_blank", "statements_attr": "qa_bs"})
    with pytest.raises(MissingComponentError, match="parser"):
        blank(SMITH)


def test_unknown_strategy_in_config(nlp: Language) -> None:
    """An unknown strategy name in the component's config fails when the pipe is added."""
    from quoteattr.errors import UnknownStrategyError

    with pytest.raises(UnknownStrategyError, match=r"no\.such\.v1"):
        nlp.add_pipe("quoteattr", name="quoteattr_bad", config={"strategies": ["no.such.v1"]})
    assert "quoteattr_bad" not in nlp.pipe_names
