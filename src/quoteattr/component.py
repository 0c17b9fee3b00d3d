"""The spaCy component: ``nlp.add_pipe("quoteattr")`` and ``doc._.statements``.

The ``spacy_factories`` entry point registers the factory, so a pipeline can
add the component without importing quoteattr first. The component stores the
document's :class:`~quoteattr.model.Result` in ``doc._.quoteattr`` and its
statements in ``doc._.statements``; the names are settable so they never
clobber another package's extensions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc

from quoteattr.errors import MissingComponentError
from quoteattr.merge import merge
from quoteattr.model import Result, Statement
from quoteattr.resolve import Resolver, RuleResolver
from quoteattr.strategies.base import analysis_of, resolve_strategies, run_strategy

if TYPE_CHECKING:
    from quoteattr.strategies.base import Strategy

__all__ = ["QuoteattrComponent", "make_component"]


class QuoteattrComponent:
    """Run quoteattr's strategies and resolver on each ``Doc`` of a pipeline."""

    def __init__(
        self,
        strategies: Sequence[Strategy],
        resolver: Resolver,
        result_attr: str = "quoteattr",
        statements_attr: str = "statements",
    ) -> None:
        self.strategies = list(strategies)
        self.resolver = resolver
        self.result_attr = result_attr
        self.statements_attr = statements_attr
        _claim(result_attr, default=None)
        _claim(statements_attr, getter=_statements_of(result_attr))

    def __call__(self, doc: Doc) -> Doc:
        """Find the statements of ``doc`` and attach the result to it.

        Raises:
            MissingComponentError: if the pipeline did not parse ``doc``.
        """
        if len(doc) and not doc.has_annotation("DEP"):
            msg = (
                "the quoteattr component needs a dependency parse: add it after a "
                "'parser' (e.g. in en_core_web_sm), not to a pipeline without one"
            )
            raise MissingComponentError(msg)
        runs = [run_strategy(strategy, doc) for strategy in self.strategies]
        doc._.set(self.result_attr, self.resolver(doc, merge(runs, analysis_of(doc).text)))
        return doc


# The Doc._ attributes quoteattr registered, and how: re-registering our own
# is fine (a new component may point a name elsewhere); another package's never.
_CLAIMED: dict[str, str] = {}


def _statements_of(result_attr: str) -> Callable[[Doc], tuple[Statement, ...]]:
    def statements(doc: Doc) -> tuple[Statement, ...]:
        result: Result | None = doc._.get(result_attr)
        return result.statements if result is not None else ()

    statements.__qualname__ = f"statements_of[{result_attr}]"
    return statements


def _claim(name: str, **how: Any) -> None:
    """Register ``Doc._.<name>``, refusing to clobber another package's extension."""
    if Doc.has_extension(name) and name not in _CLAIMED:
        msg = (
            f"Doc._.{name} is already registered by another package; give the quoteattr "
            "component other names with config={'result_attr': ..., 'statements_attr': ...}"
        )
        raise ValueError(msg)
    Doc.set_extension(name, force=True, **how)
    _CLAIMED[name] = repr(how)


@Language.factory(
    "quoteattr",
    default_config={
        "strategies": None,
        "result_attr": "quoteattr",
        "statements_attr": "statements",
    },
    requires=["token.dep", "token.lemma", "token.pos"],
    assigns=["doc._.quoteattr", "doc._.statements"],
)
def make_component(
    nlp: Language,
    name: str,
    strategies: list[str] | None,
    result_attr: str,
    statements_attr: str,
) -> QuoteattrComponent:
    """Create the ``quoteattr`` pipeline component.

    Args:
        nlp: the pipeline it is added to.
        name: its name in the pipeline.
        strategies: registered strategy names; ``None`` runs the defaults.
        result_attr: the ``Doc._`` attribute for the whole result.
        statements_attr: the ``Doc._`` attribute for the statements.
    """
    del nlp, name
    return QuoteattrComponent(
        resolve_strategies(strategies), RuleResolver(), result_attr, statements_attr
    )
