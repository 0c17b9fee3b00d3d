"""The public entry points: :func:`extract` and :class:`Extractor`."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from quoteattr.errors import InputTypeError
from quoteattr.merge import merge
from quoteattr.model import Result
from quoteattr.pipeline import check_pipeline, load_pipeline
from quoteattr.resolve import Resolver, RuleResolver
from quoteattr.strategies.base import (
    StrategyLike,
    analysis_of,
    resolve_strategies,
    run_strategy,
)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["Extractor", "extract"]


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise InputTypeError.for_value(text)
    return text


def _for_spacy(text: str) -> str:
    """Return the text with lone surrogates (undecodable bytes) as U+FFFD, same length.

    spaCy cannot encode them; one code point for one keeps every offset valid.
    """
    return _SURROGATE_RE.sub("\ufffd", text)


class Extractor:
    """Find attributed speech with one spaCy pipeline and a set of strategies.

    Args:
        model: the spaCy pipeline to load (package name or path); see
            :func:`quoteattr.pipeline.choose_model` for the default.
        strategies: registered names or callables; ``None`` runs the defaults.
        resolver: what turns speaker mentions into entities; ``None`` uses
            :class:`~quoteattr.resolve.RuleResolver`.
        nlp: an already loaded pipeline to use instead of ``model``.

    Raises:
        PipelineError: if the pipeline cannot be loaded.
        MissingComponentError: if it has no parser.
        UnknownStrategyError: for a strategy name nobody registered.
    """

    def __init__(
        self,
        model: str | None = None,
        *,
        strategies: Sequence[StrategyLike] | StrategyLike | None = None,
        resolver: Resolver | None = None,
        nlp: Language | None = None,
    ) -> None:
        self.strategies = resolve_strategies(strategies)
        self.resolver: Resolver = resolver if resolver is not None else RuleResolver()
        if nlp is None:
            nlp = load_pipeline(model)
        else:
            check_pipeline(nlp, getattr(nlp, "meta", {}).get("name", "the pipeline"))
        self.nlp = nlp

    def __repr__(self) -> str:
        names = [getattr(s, "name", type(s).__name__) for s in self.strategies]
        return f"Extractor(pipeline={self.nlp.meta.get('name')!r}, strategies={names!r})"

    def extract(self, text: str, *, id: str | None = None) -> Result:
        """Return everything found in ``text``.

        Raises:
            InputTypeError: if ``text`` is not a ``str``.
        """
        _check_text(text)
        safe = _for_spacy(text)
        result = self.extract_doc(self.nlp(safe), id=id)
        return result if safe == text else result.with_text(text)

    __call__ = extract

    def extract_doc(self, doc: Doc, *, id: str | None = None) -> Result:
        """Return everything found in an already processed ``Doc``."""
        runs = [run_strategy(strategy, doc) for strategy in self.strategies]
        result = self.resolver(doc, merge(runs, analysis_of(doc).text))
        if id is not None:
            result = Result(result.text, result.statements, result.entities, id=id)
        return result

    def pipe(
        self, texts: Iterable[str], *, batch_size: int = 64, n_process: int = 1
    ) -> Iterator[Result]:
        """Stream results for ``texts``, in input order.

        Args:
            texts: the documents.
            batch_size: documents spaCy processes at a time.
            n_process: worker processes for the parse.

        Raises:
            InputTypeError: at the first text that is not a ``str``.
        """
        originals: list[str] = []

        def checked() -> Iterator[str]:
            for text in texts:
                originals.append(_check_text(text))
                yield _for_spacy(text)

        docs = self.nlp.pipe(checked(), batch_size=batch_size, n_process=n_process)
        for doc in docs:
            original = originals.pop(0)
            result = self.extract_doc(doc)
            yield result if original == doc.text else result.with_text(original)


_CACHE: dict[tuple[Any, ...], Extractor] = {}
_LOCK = threading.Lock()


def extract(
    text: str,
    *,
    model: str | None = None,
    strategies: Sequence[str] | str | None = None,
) -> Result:
    """Return the statements, speakers and entities of ``text``.

    The pipeline is loaded on the first call and reused by later ones with the
    same ``model`` and ``strategies``.

    Args:
        text: the document.
        model: the spaCy pipeline to use (default: see :class:`Extractor`).
        strategies: registered strategy names; ``None`` runs the defaults.

    Raises:
        InputTypeError: if ``text`` is not a ``str``.
        PipelineError: if the pipeline cannot be loaded.
        UnknownStrategyError: for an unknown strategy name.
    """
    _check_text(text)
    names = None
    if strategies is not None:
        names = (strategies,) if isinstance(strategies, str) else tuple(strategies)
    key = (model, names)
    with _LOCK:
        extractor = _CACHE.get(key)
        if extractor is None:
            extractor = _CACHE[key] = Extractor(model, strategies=strategies)
    return extractor.extract(text)
