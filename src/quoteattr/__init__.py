"""quoteattr: find attributed speech in English text: who said what, how, and to whom.

>>> import quoteattr
>>> result = quoteattr.extract("“We welcome those contacts,” Lavrov said.")
>>> [(s.speaker.name, s.cue.text) for s in result.statements]
[('Lavrov', 'said')]

The data model, errors and serialisation import without spaCy; the names that
need it (:func:`extract`, :class:`Extractor`, the strategies) load it on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from quoteattr.errors import (
    CorpusFormatError,
    DocumentError,
    InputTypeError,
    MissingComponentError,
    PipelineError,
    QuoteattrError,
    UnknownStrategyError,
)
from quoteattr.model import (
    CueClass,
    Entity,
    Failure,
    Kind,
    Result,
    Span,
    Speaker,
    SpeakerRow,
    Statement,
)
from quoteattr.serialize import failure_to_dict, from_dict, from_json, to_dict, to_json

if TYPE_CHECKING:
    from quoteattr.api import Extractor, extract
    from quoteattr.strategies.base import Strategy, available, get_strategy, register
    from quoteattr.strategies.quotes import QuoteStrategy

__version__ = "0.1.0"

__all__ = [
    "CorpusFormatError",
    "CueClass",
    "DocumentError",
    "Entity",
    "Extractor",
    "Failure",
    "InputTypeError",
    "Kind",
    "MissingComponentError",
    "PipelineError",
    "QuoteStrategy",
    "QuoteattrError",
    "Result",
    "Span",
    "Speaker",
    "SpeakerRow",
    "Statement",
    "Strategy",
    "UnknownStrategyError",
    "__version__",
    "available",
    "extract",
    "failure_to_dict",
    "from_dict",
    "from_json",
    "get_strategy",
    "register",
    "to_dict",
    "to_json",
]

_LAZY = {
    "Extractor": "quoteattr.api",
    "extract": "quoteattr.api",
    "Strategy": "quoteattr.strategies.base",
    "available": "quoteattr.strategies.base",
    "get_strategy": "quoteattr.strategies.base",
    "register": "quoteattr.strategies.base",
    "QuoteStrategy": "quoteattr.strategies.quotes",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        msg = f"module 'quoteattr' has no attribute {name!r}"
        raise AttributeError(msg)
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
