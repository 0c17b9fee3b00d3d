"""The public entry points: :func:`extract` and :class:`Extractor`."""

from __future__ import annotations

import os
import re
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

from quoteattr.errors import DocumentError, InputTypeError
from quoteattr.long import DEFAULT_MAX_CHARS, cut_points
from quoteattr.merge import merge
from quoteattr.model import Failure, Result
from quoteattr.pipeline import MODEL_ENV, check_pipeline, load_pipeline
from quoteattr.resolve import Resolver, RuleResolver
from quoteattr.serialize import from_dict
from quoteattr.strategies.base import (
    StrategyLike,
    analysis_of,
    forget_analysis,
    resolve_strategies,
    run_strategy,
)
from quoteattr.worker import ERROR_KEY, RESULT_KEY, WORKER, attach_worker

_LONG = "long"

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["Extractor", "extract"]


_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_LONG_RUN = 200
_LONG_RUN_RE = re.compile(rf"\S{{{_LONG_RUN + 1},}}")


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise InputTypeError.for_value(text)
    return text


def _for_spacy(text: str) -> str:
    """Return the text as spaCy can take it, with every offset unchanged.

    Lone surrogates (undecodable bytes) become U+FFFD, which spaCy can encode;
    and a run of more than ``_LONG_RUN`` characters without a space (a data
    URI, a wall of quote marks) gets a space every ``_LONG_RUN`` characters,
    since spaCy's tokenizer slows down with the square of such a run. One
    character for one keeps every offset valid; results are mapped back onto
    the original text.
    """
    text = _SURROGATE_RE.sub("\ufffd", text)
    if _LONG_RUN_RE.search(text) is None:
        return text
    return _LONG_RUN_RE.sub(_break_run, text)


def _break_run(match: re.Match[str]) -> str:
    characters = list(match.group())
    for index in range(_LONG_RUN, len(characters), _LONG_RUN):
        characters[index] = " "
    return "".join(characters)


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
        max_chars: int = DEFAULT_MAX_CHARS,
    ) -> None:
        self.strategies = resolve_strategies(strategies)
        self.resolver: Resolver = resolver if resolver is not None else RuleResolver()
        if nlp is None:
            nlp = load_pipeline(model)
        else:
            check_pipeline(nlp, getattr(nlp, "meta", {}).get("name", "the pipeline"))
        self.nlp = nlp
        if max_chars < 1:
            msg = f"'max_chars' must be at least 1 (got {max_chars})"
            raise ValueError(msg)
        self.max_chars = max_chars
        attach_worker(nlp, self)

    def __repr__(self) -> str:
        names = [getattr(s, "name", type(s).__name__) for s in self.strategies]
        return f"Extractor(pipeline={self.nlp.meta.get('name')!r}, strategies={names!r})"

    def extract(self, text: str, *, id: str | None = None) -> Result:
        """Return everything found in ``text``.

        Texts longer than ``max_chars`` are parsed in pieces cut between
        paragraphs (never inside a quotation) and extracted as one document.

        Raises:
            InputTypeError: if ``text`` is not a ``str``.
        """
        _check_text(text)
        attach_worker(self.nlp, self)
        if len(text) > self.max_chars:
            return self._extract_long(text, id)
        safe = _for_spacy(text)
        doc = self.nlp(safe)
        try:
            return self._finish(doc, text, safe, id)
        except _WorkerError:
            # Run it again here so the caller sees the real exception.
            return self.extract_doc(doc, id=id)

    __call__ = extract

    def extract_doc(self, doc: Doc, *, id: str | None = None) -> Result:
        """Return everything found in an already processed ``Doc``."""
        try:
            runs = [run_strategy(strategy, doc) for strategy in self.strategies]
            result = self.resolver(doc, merge(runs, analysis_of(doc).text))
        finally:
            # The cache is ours; left behind it would stop the Doc from serialising.
            forget_analysis(doc)
        if id is not None:
            result = Result(result.text, result.statements, result.entities, id=id)
        return result

    def pipe(
        self,
        texts: Iterable[Any],
        *,
        batch_size: int = 64,
        n_process: int = 1,
        as_tuples: bool = False,
        errors: Literal["report", "skip", "raise"] = "report",
    ) -> Iterator[Any]:
        """Stream results for ``texts``, in input order, with bounded memory.

        Args:
            texts: the documents; with ``as_tuples``, ``(text, context)`` pairs
                whose context (an id, a dict of metadata, anything picklable)
                comes back with the result. A context that is a ``str``, or a
                mapping with an ``"id"``, names the result (``Result.id``).
            batch_size: documents spaCy processes at a time.
            n_process: worker processes; each parses and extracts its share.
            as_tuples: read and yield ``(item, context)`` pairs.
            errors: what a document that fails becomes: ``"report"`` yields a
                :class:`~quoteattr.model.Failure` in its place, ``"skip"``
                drops it, ``"raise"`` raises :class:`DocumentError`.

        Yields:
            A :class:`Result` (or :class:`Failure`) per document, or with
            ``as_tuples`` a ``(Result | Failure, context)`` pair.

        Raises:
            DocumentError: for a failing document when ``errors="raise"``.
            ValueError: for an unknown ``errors`` policy.
        """
        if errors not in {"report", "skip", "raise"}:
            msg = f"'errors' must be 'report', 'skip' or 'raise' (got {errors!r})"
            raise ValueError(msg)
        # Several extractors may share one pipeline: the one that runs owns its worker.
        attach_worker(self.nlp, self)
        # What the main process keeps per document in flight: its original text
        # (or the problem with it) and the caller's context. spaCy hands the
        # documents back in input order, and given plain strings it sends
        # workers the strings, not tokenised Docs.
        # The cleaned text is kept only when cleaning changed it (rarely).
        pending: deque[tuple[str | None, str | None, Any, str | None]] = deque()

        def stream() -> Iterator[str]:
            for item in texts:
                if as_tuples and not (isinstance(item, tuple) and len(item) == 2):
                    got = type(item).__name__
                    problem = (
                        f"with as_tuples=True each item must be a (text, context) pair (got {got})"
                    )
                    pending.append((None, problem, None, None))
                    yield ""
                    continue
                text, context = item if as_tuples else (item, None)
                if not isinstance(text, str):
                    pending.append((None, str(InputTypeError.for_value(text)), context, None))
                    yield ""
                elif len(text) > self.max_chars:
                    pending.append((text, _LONG, context, None))
                    yield ""
                else:
                    safe = _for_spacy(text)
                    pending.append((text, None, context, None if safe == text else safe))
                    yield safe

        docs = self.nlp.pipe(stream(), batch_size=batch_size, n_process=n_process)
        for doc in docs:
            original, problem, context, cleaned = pending.popleft()
            doc_id = _id_of(context)
            outcome: Result | Failure
            try:
                if problem is not None and problem != _LONG:
                    outcome = Failure(doc_id, "InputTypeError", problem)
                elif original is not None and problem == _LONG:
                    outcome = self._extract_long(original, doc_id)
                else:
                    text = original or ""
                    outcome = self._finish(doc, text, cleaned or text, doc_id)
            except _WorkerError as error:
                outcome = Failure(doc_id, error.name, str(error))
            except Exception as error:
                outcome = Failure(doc_id, type(error).__name__, str(error))
            if isinstance(outcome, Failure):
                if errors == "skip":
                    continue
                if errors == "raise":
                    raise DocumentError(doc_id, RuntimeError(f"{outcome.error}: {outcome.message}"))
            yield (outcome, context) if as_tuples else outcome

    # -- internals -----------------------------------------------------------

    def _finish(self, doc: Doc, text: str, safe: str, doc_id: str | None) -> Result:
        """Return the result the worker left on ``doc`` (parsed from ``safe``), over ``text``."""
        data = doc.user_data.pop(RESULT_KEY, None)
        failure = doc.user_data.pop(ERROR_KEY, None)
        if failure is not None:
            raise _WorkerError(*failure)
        result = self.extract_doc(doc) if data is None else from_dict(data, safe)
        if safe != text:
            result = result.with_text(text)
        return Result(result.text, result.statements, result.entities, id=doc_id)

    def _extract_long(self, text: str, doc_id: str | None) -> Result:
        """Parse a long text in pieces cut between paragraphs, then extract it whole."""
        from spacy.tokens import Doc as SpacyDoc

        safe = _for_spacy(text)
        pieces = cut_points(safe, self.max_chars)
        with self.nlp.select_pipes(disable=[WORKER]):
            docs = list(self.nlp.pipe(safe[a:b] for a, b in pieces))
        doc = SpacyDoc.from_docs(docs, ensure_whitespace=False)
        result = self.extract_doc(doc, id=doc_id)
        return result if safe == text else result.with_text(text)


class _WorkerError(Exception):
    """An exception raised inside a worker, carried back as its type name and message."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name


def _id_of(context: Any) -> str | None:
    if isinstance(context, str):
        return context
    if isinstance(context, Mapping) and context.get("id") is not None:
        return str(context["id"])
    return None


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
    same ``model``, ``strategies`` and ``$QUOTEATTR_MODEL``.

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
    # The environment is part of the key: a changed $QUOTEATTR_MODEL loads its pipeline.
    key = (model, os.environ.get(MODEL_ENV), names)
    with _LOCK:
        extractor = _CACHE.get(key)
        if extractor is None:
            extractor = _CACHE[key] = Extractor(model, strategies=strategies)
    return extractor.extract(text)
