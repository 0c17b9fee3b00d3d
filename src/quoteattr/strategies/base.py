"""The strategy protocol, the registry of named strategies, and running several as one.

A strategy is any callable that takes a processed spaCy ``Doc`` and returns or
yields :class:`~quoteattr.model.Statement` objects; a plain function qualifies.
Built-in strategies are registered under versioned names
(``quoteattr.quotes.v1``); other packages add theirs through the
``quoteattr.strategies`` entry-point group, whose objects are factories called
with no arguments (a class with defaults for all its fields is one).
"""

from __future__ import annotations

import importlib.metadata
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import attrs

from quoteattr.analysis import Analysis, analyse
from quoteattr.errors import UnknownStrategyError
from quoteattr.model import Statement

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "ENTRY_POINT_GROUP",
    "Strategy",
    "StrategyLike",
    "analysis_of",
    "available",
    "forget_analysis",
    "get_strategy",
    "register",
    "resolve_strategies",
    "strategy_name",
]

ENTRY_POINT_GROUP = "quoteattr.strategies"
_ANALYSIS_KEY = "quoteattr.analysis"


@runtime_checkable
class Strategy(Protocol):
    """Anything that finds statements in a processed ``Doc``."""

    def __call__(self, doc: Doc, /) -> Iterable[Statement]:
        """Return the statements found in ``doc``, with speaker *mentions* only."""
        ...


StrategyLike = str | Callable[..., Iterable[Statement]]

_REGISTRY: dict[str, Callable[[], Strategy]] = {}


def register(name: str) -> Callable[[Callable[[], Strategy]], Callable[[], Strategy]]:
    """Register a strategy factory (called with no arguments) under ``name``.

    Use versioned names (``mypackage.rules.v1``) and ship a behaviour change as
    ``.v2`` beside the old one, so saved configurations keep their meaning.
    """

    def decorate(factory: Callable[[], Strategy]) -> Callable[[], Strategy]:
        _REGISTRY[name] = factory
        return factory

    return decorate


def _entry_points() -> dict[str, importlib.metadata.EntryPoint]:
    return {ep.name: ep for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)}


def _load_builtins() -> None:
    # Importing the modules runs their @register decorators.
    import quoteattr.strategies.quotes
    import quoteattr.strategies.reported  # noqa: F401


def available() -> list[str]:
    """Return the names of every registered strategy, built-in and from entry points."""
    _load_builtins()
    return sorted(set(_REGISTRY) | set(_entry_points()))


def get_strategy(name: str) -> Strategy:
    """Return a new instance of the strategy registered as ``name``.

    Raises:
        UnknownStrategyError: if no package registered that name.
    """
    _load_builtins()
    factory = _REGISTRY.get(name)
    if factory is None:
        entry_point = _entry_points().get(name)
        if entry_point is not None:
            factory = entry_point.load()
    if factory is None:
        msg = (
            f"no strategy is registered as {name!r}; known: {', '.join(available())}. "
            f"Register one with quoteattr.register({name!r}) or the "
            f"{ENTRY_POINT_GROUP!r} entry-point group"
        )
        raise UnknownStrategyError(msg)
    strategy = factory()
    if not isinstance(getattr(strategy, "name", None), str):
        # A plain function carries no name of its own: its statements say the
        # name it was registered under.
        return _Named(name, strategy)
    return strategy


@attrs.frozen
class _Named:
    """A strategy known by the name it was registered under."""

    name: str
    strategy: Strategy

    def __call__(self, doc: Doc) -> Iterable[Statement]:
        return self.strategy(doc)


def strategy_name(strategy: Any) -> str:
    """Return the name a strategy's statements carry: its ``name`` or its qualified name."""
    name = getattr(strategy, "name", None)
    if isinstance(name, str) and name:
        return name
    qualname = getattr(strategy, "__qualname__", None) or type(strategy).__qualname__
    module = getattr(strategy, "__module__", None) or type(strategy).__module__
    return f"{module}.{qualname}"


def resolve_strategies(strategies: Sequence[StrategyLike] | StrategyLike | None) -> list[Strategy]:
    """Turn names and callables into strategy objects; ``None`` means the defaults.

    Raises:
        UnknownStrategyError: for a name nobody registered.
        TypeError: for something that is neither a name nor callable.
    """
    from quoteattr.strategies import DEFAULT_STRATEGIES

    if strategies is None:
        strategies = DEFAULT_STRATEGIES
    if isinstance(strategies, str) or callable(strategies):
        strategies = [strategies]
    resolved: list[Strategy] = []
    for item in strategies:
        if isinstance(item, str):
            resolved.append(get_strategy(item))
        elif callable(item):
            resolved.append(item)
        else:
            msg = f"a strategy must be a registered name or a callable (got {type(item).__name__})"
            raise UnknownStrategyError(msg)
    if not resolved:
        msg = "at least one strategy is needed (got an empty list)"
        raise UnknownStrategyError(msg)
    return resolved


def analysis_of(doc: Doc) -> Analysis:
    """Return the shared analysis of ``doc``, computing it once and caching it on the doc."""
    cached = doc.user_data.get(_ANALYSIS_KEY)
    # The cache is set here only, so the same length is enough to know it is
    # this doc's: comparing texts would rebuild ``doc.text`` from the tokens,
    # which costs more than the analysis itself.
    if isinstance(cached, Analysis) and len(cached.text) == _length(doc):
        return cached
    result = analyse(doc.text)
    doc.user_data[_ANALYSIS_KEY] = result
    return result


def forget_analysis(doc: Doc) -> None:
    """Drop the cached analysis from ``doc`` (it would stop the Doc from serialising)."""
    doc.user_data.pop(_ANALYSIS_KEY, None)


def _length(doc: Doc) -> int:
    if not len(doc):
        return 0
    last = doc[-1]
    return int(last.idx) + len(last.text_with_ws)


def run_strategy(strategy: Strategy, doc: Doc) -> list[Statement]:
    """Run one strategy and stamp its name on statements that carry none."""
    name = strategy_name(strategy)
    found: list[Statement] = []
    for statement in strategy(doc):
        found.append(statement if statement.strategy else attrs.evolve(statement, strategy=name))
    return found
