"""The pipeline component :class:`~quoteattr.api.Extractor` runs inside spaCy.

Extraction happens as the last step of the pipeline, so that with
``n_process > 1`` each worker process extracts what it parsed and only the
result travels back. spaCy sends documents between processes as bytes, so the
result rides in ``doc.user_data`` as the plain JSON-ready dict of
:func:`quoteattr.serialize.to_dict` (an error as ``[type name, message]``);
:meth:`Extractor.pipe` turns it back into a :class:`~quoteattr.model.Result`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spacy.language import Language

from quoteattr.serialize import to_dict

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["ERROR_KEY", "RESULT_KEY", "WORKER", "ExtractorWorker", "attach_worker"]

WORKER = "quoteattr_extractor"
RESULT_KEY = "quoteattr.result"
ERROR_KEY = "quoteattr.error"


class ExtractorWorker:
    """Extract each document's statements and leave them, serialised, on the ``Doc``."""

    def __init__(self) -> None:
        self.extractor: Any = None

    def __call__(self, doc: Doc) -> Doc:
        """Attach the result (or the error) of extracting ``doc``."""
        if self.extractor is None:
            return doc
        try:
            doc.user_data[RESULT_KEY] = to_dict(self.extractor.extract_doc(doc))
        except Exception as error:
            doc.user_data[ERROR_KEY] = [type(error).__name__, str(error)]
        return doc


@Language.factory(WORKER, default_config={}, requires=["token.dep"])
def make_worker(nlp: Language, name: str) -> ExtractorWorker:
    """Create an idle worker; :func:`attach_worker` gives it its extractor."""
    del nlp, name
    return ExtractorWorker()


def attach_worker(nlp: Language, extractor: Any) -> None:
    """Make ``extractor`` the one that runs at the end of ``nlp``.

    A pipeline serves one extractor at a time: attaching another replaces it.
    """
    if WORKER not in nlp.pipe_names:
        nlp.add_pipe(WORKER, last=True)
    worker = nlp.get_pipe(WORKER)
    if isinstance(worker, ExtractorWorker):
        worker.extractor = extractor
