"""Strategies: the rules that find statements. See :mod:`quoteattr.strategies.base`."""

from __future__ import annotations

from typing import Final

__all__ = ["DEFAULT_STRATEGIES"]

# What extract() runs when no strategy is named.
DEFAULT_STRATEGIES: Final[tuple[str, ...]] = ("quoteattr.quotes.v1", "quoteattr.reported.v1")
