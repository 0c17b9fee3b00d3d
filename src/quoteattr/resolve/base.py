"""The resolver protocol."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from quoteattr.model import Result, Statement

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Resolver"]


@runtime_checkable
class Resolver(Protocol):
    """Anything that resolves the speakers of a document's statements to entities."""

    def __call__(self, doc: Doc, statements: Sequence[Statement], /) -> Result:
        """Return the document's result: statements with resolved speakers, and entities."""
        ...
