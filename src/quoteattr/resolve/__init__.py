"""Resolution: from speaker mentions to entities.

Strategies find *what* was said and the speaker *mention*; a resolver decides
who each mention refers to and builds the document's entities. Any callable
``(doc, statements) -> Result`` is a resolver, so a neural coreference model
can replace the built-in rules (:class:`RuleResolver`).
"""

from __future__ import annotations

from quoteattr.resolve.base import Resolver
from quoteattr.resolve.rules import RuleResolver

__all__ = ["Resolver", "RuleResolver"]
