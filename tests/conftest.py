"""Shared fixtures: one loaded pipeline for the whole session, and the shared corpora."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from quoteattr.api import Extractor

if TYPE_CHECKING:
    from spacy.language import Language

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """Return one extractor with the default pipeline and strategies."""
    return Extractor()


@pytest.fixture(scope="session")
def nlp(extractor: Extractor) -> Language:
    """Return the default spaCy pipeline, loaded once."""
    return extractor.nlp


@pytest.fixture(scope="session")
def lavrov_text() -> str:
    """Return the seed story bundled in examples/."""
    return (EXAMPLES / "lavrov.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def shared_corpora() -> Path:
    """Return ../shared/corpora, or skip the test when it is absent."""
    path = SHARED / "corpora"
    if not path.is_dir():
        pytest.skip("../shared/corpora is absent")
    return path
