"""The exceptions quoteattr raises, all deriving from :class:`QuoteattrError`.

::

    QuoteattrError
    ├── InputTypeError (TypeError)          text that is not a str: bytes, None, numbers
    ├── UnknownStrategyError (LookupError)  a strategy name nobody registered
    ├── PipelineError (RuntimeError)        a spaCy pipeline that cannot be loaded
    │   └── MissingComponentError           a pipeline without what a strategy needs
    ├── CorpusFormatError (ValueError)      an annotation or input file we cannot read
    └── DocumentError (RuntimeError)        one document failed inside a batch (carries its id)

Caller mistakes raise at once; messy text (unbalanced quote marks, empty
documents, odd Unicode) never raises.
"""

from __future__ import annotations

__all__ = [
    "CorpusFormatError",
    "DocumentError",
    "InputTypeError",
    "MissingComponentError",
    "PipelineError",
    "QuoteattrError",
    "UnknownStrategyError",
]


class QuoteattrError(Exception):
    """The base class of every error quoteattr raises on purpose."""


class InputTypeError(QuoteattrError, TypeError):
    """A text argument that is not a ``str``."""

    @classmethod
    def for_value(cls, value: object, what: str = "text") -> InputTypeError:
        """Return the error for ``value`` given where a ``str`` was expected."""
        got = type(value).__name__
        hint = "pass a str"
        if isinstance(value, (bytes, bytearray)):
            hint = "decode it first, e.g. data.decode('utf-8')"
        elif value is None:
            hint = "pass an empty string for an empty document"
        return cls(f"{what} must be a str (got {got}); {hint}")


class UnknownStrategyError(QuoteattrError, LookupError):
    """A strategy name that no package registered."""


class PipelineError(QuoteattrError, RuntimeError):
    """A spaCy pipeline that cannot be loaded."""


class MissingComponentError(PipelineError):
    """A spaCy pipeline without a component a strategy needs (e.g. the parser)."""


class CorpusFormatError(QuoteattrError, ValueError):
    """An annotation or input file that cannot be read."""


class DocumentError(QuoteattrError, RuntimeError):
    """One document failed inside a batch; ``doc_id`` says which."""

    def __init__(self, doc_id: object, cause: BaseException) -> None:
        super().__init__(f"document {doc_id!r} failed: {type(cause).__name__}: {cause}")
        self.doc_id = doc_id
        self.cause = cause

    def __reduce__(self) -> tuple[type[DocumentError], tuple[object, BaseException]]:
        # Rebuilt from both arguments, so it crosses process boundaries.
        return (type(self), (self.doc_id, self.cause))
