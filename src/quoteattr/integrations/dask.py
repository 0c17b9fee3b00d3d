"""Run quoteattr over Dask bags and dataframes, one spaCy pipeline per worker process.

::

    import dask.bag as db
    from quoteattr.integrations.dask import extract_bag, result_of

    texts = db.from_sequence(corpus, npartitions=16)
    records = extract_bag(texts)          # a bag of JSON-ready dicts
    results = db.map(result_of, records, texts)   # back to Result objects

Each partition becomes one :meth:`Extractor.pipe <quoteattr.api.Extractor.pipe>`
call, so spaCy batches the partition's documents. The
:class:`~quoteattr.api.Extractor` it uses is created the first time a worker
process needs it and then kept in this module's cache, keyed by ``(model,
strategies, max_chars)``, for the life of that process: a worker loads spaCy
once, not once per partition or per document, and later jobs on the same
cluster reuse it. Only texts travel to the workers and only plain dicts travel back.

Run workers as processes with one thread each (``LocalCluster(processes=True,
threads_per_worker=1)``, ``dask worker --nthreads 1``): threads of one process
share its pipeline and take turns with it.

A record is :func:`quoteattr.to_dict` of the document's result (``"schema"``,
``"id"``, ``"statements"``, ``"entities"``, and ``"text"`` with
``include_text``), or for a document that failed (a text that is not a ``str``,
say) ``{"id", "error", "message"}`` in its place; :func:`result_of` turns
either back into an object. Ids come from the contexts of ``(text, context)``
pairs, as in :meth:`~quoteattr.api.Extractor.pipe`.

Importing this module imports Dask and pandas (``pip install "quoteattr[dask]"``);
``import quoteattr`` imports neither.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

try:
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd

    # Dask documents make_meta here but re-exports it without naming it in __all__.
    from dask.dataframe.utils import make_meta  # type: ignore[attr-defined]
except ImportError as error:  # pragma: no cover - exercised only without the extra
    msg = (
        "quoteattr.integrations.dask needs Dask and pandas, which are an optional extra "
        f'({error}); install them with: pip install "quoteattr[dask]"'
    )
    raise ImportError(msg) from error

from quoteattr.long import DEFAULT_MAX_CHARS
from quoteattr.model import Failure, Result
from quoteattr.serialize import from_dict, to_dict

if TYPE_CHECKING:
    from quoteattr.api import Extractor

__all__ = ["extract_bag", "extract_dataframe", "pipelines_loaded", "result_of"]

_ErrorPolicy = Literal["report", "skip"]
_Key = tuple[str | None, tuple[str, ...] | None, int]

# Per worker process: the extractors it has created, each with the lock its
# users take turns with, and a log of every creation (for pipelines_loaded).
_EXTRACTORS: dict[_Key, tuple[Extractor, threading.Lock]] = {}
_CREATED: list[_Key] = []
_CACHE_LOCK = threading.Lock()


def extract_bag(
    bag: db.Bag,
    *,
    model: str | None = None,
    strategies: Sequence[str] | str | None = None,
    batch_size: int = 64,
    max_chars: int = DEFAULT_MAX_CHARS,
    as_tuples: bool = False,
    errors: _ErrorPolicy = "report",
    include_text: bool = False,
) -> db.Bag:
    """Return a bag of one record per document of ``bag``, in the same partitions and order.

    Args:
        bag: the texts; with ``as_tuples``, ``(text, context)`` pairs whose
            context (a ``str`` id, or a mapping with an ``"id"``) names the record.
        model: the spaCy pipeline each worker loads (default: see
            :class:`~quoteattr.api.Extractor`).
        strategies: registered strategy names (the same registry on every
            worker: built-ins or entry points); ``None`` runs the defaults.
        batch_size: documents spaCy processes at a time within a partition.
        max_chars: texts longer than this are parsed in pieces of at most
            this many characters (see :class:`~quoteattr.api.Extractor`).
        as_tuples: read ``(text, context)`` pairs.
        errors: ``"report"`` keeps a failure record in a failed document's
            place; ``"skip"`` drops it (then records no longer line up with
            the input bag).
        include_text: also put each document's text in its record, so that
            :func:`result_of` needs no text.

    Returns:
        A lazy bag of JSON-ready dicts; nothing runs until it is computed.

    Raises:
        ValueError: for an ``errors`` policy other than ``"report"`` or
            ``"skip"``, or a ``max_chars`` below 1.
        TypeError: for strategies that are not names.
        UnknownStrategyError: for a strategy name nobody registered.
    """
    key = _key(model, strategies, max_chars)
    _check_errors(errors)
    # Dask's collection methods carry no annotations.
    records: db.Bag = bag.map_partitions(  # type: ignore[no-untyped-call]
        _extract_partition,
        key=key,
        batch_size=batch_size,
        as_tuples=as_tuples,
        errors=errors,
        include_text=include_text,
    )
    return records


def extract_dataframe(
    ddf: dd.DataFrame,
    text_column: str,
    *,
    id_column: str | None = None,
    column: str = "quoteattr",
    count_column: str | None = "quoteattr_statements",
    model: str | None = None,
    strategies: Sequence[str] | str | None = None,
    batch_size: int = 64,
    max_chars: int = DEFAULT_MAX_CHARS,
    include_text: bool = False,
) -> dd.DataFrame:
    """Return ``ddf`` with each row's record added as a JSON string column.

    Args:
        ddf: the documents, one per row.
        text_column: the column holding the texts; a missing text (``NA``)
            gets a failure record.
        id_column: the column naming each record; ``None`` uses the index.
        column: the name of the new column of JSON records (``string`` dtype).
        count_column: the name of a second new column holding each document's
            number of statements (nullable ``Int64``, ``NA`` for a failure);
            ``None`` adds no such column.
        model: the spaCy pipeline each worker loads.
        strategies: registered strategy names; ``None`` runs the defaults.
        batch_size: documents spaCy processes at a time within a partition.
        max_chars: texts longer than this are parsed in pieces of at most
            this many characters.
        include_text: also put each document's text in its record.

    Returns:
        A lazy dataframe with the same partitions, index and rows as ``ddf``.

    Raises:
        KeyError: if ``text_column`` or ``id_column`` is not a column of ``ddf``.
        ValueError: if a new column's name is already taken, or for a
            ``max_chars`` below 1.
        TypeError: for strategies that are not names.
        UnknownStrategyError: for a strategy name nobody registered.
    """
    key = _key(model, strategies, max_chars)
    meta = make_meta(ddf)  # type: ignore[no-untyped-call]
    for name in (text_column, id_column):
        if name is not None and name not in meta.columns:
            msg = f"{name!r} is not a column of the dataframe (columns: {list(meta.columns)})"
            raise KeyError(msg)
    added = {column: pd.Series(dtype="string")}
    if count_column is not None:
        added[count_column] = pd.Series(dtype="Int64")
    taken = [name for name in added if name in meta.columns]
    if taken or column == count_column:
        msg = f"the new columns {list(added)} must have new, distinct names (taken: {taken})"
        raise ValueError(msg)
    out: dd.DataFrame = ddf.map_partitions(  # type: ignore[no-untyped-call]
        _extract_frame,
        text_column=text_column,
        id_column=id_column,
        column=column,
        count_column=count_column,
        key=key,
        batch_size=batch_size,
        include_text=include_text,
        meta=meta.assign(**added),
    )
    return out


def result_of(record: Mapping[str, Any], text: str | None = None) -> Result | Failure:
    """Return the :class:`~quoteattr.model.Result` (or ``Failure``) a record stands for.

    Use it as ``dask.bag.map(result_of, records, texts)`` to pair each record
    with its text, or call it on computed records.

    Args:
        record: one record of :func:`extract_bag`, or one JSON string of
            :func:`extract_dataframe` after ``json.loads``.
        text: the document's text, unless the record includes it.

    Raises:
        CorpusFormatError: if the record is malformed or disagrees with the text.
    """
    if "error" in record:
        return Failure(record.get("id"), str(record["error"]), str(record.get("message", "")))
    return from_dict(record, text)


def pipelines_loaded() -> int:
    """Return how many extractors (spaCy pipelines) this process has created for Dask jobs.

    Run it on every worker with ``client.run(pipelines_loaded)`` to check that
    each loaded one pipeline per ``(model, strategies, max_chars)``.
    """
    return len(_CREATED)


# -- on the workers -----------------------------------------------------------


def _extract_partition(
    items: Iterable[Any],
    *,
    key: _Key,
    batch_size: int,
    as_tuples: bool,
    errors: _ErrorPolicy,
    include_text: bool,
) -> list[dict[str, Any]]:
    """Return the records of one partition, extracted with this process's extractor."""
    extractor, lock = _extractor(key)
    pairs = items if as_tuples else ((item, None) for item in items)
    with lock:
        return [
            _record(outcome, include_text)
            for outcome, _context in extractor.pipe(
                pairs, batch_size=batch_size, as_tuples=True, errors=errors
            )
        ]


def _extract_frame(
    part: pd.DataFrame,
    *,
    text_column: str,
    id_column: str | None,
    column: str,
    count_column: str | None,
    key: _Key,
    batch_size: int,
    include_text: bool,
) -> pd.DataFrame:
    """Return one dataframe partition with its records' columns added."""
    ids = part.index if id_column is None else part[id_column]
    records = _extract_partition(
        zip(part[text_column], (str(value) for value in ids), strict=True),
        key=key,
        batch_size=batch_size,
        as_tuples=True,
        errors="report",
        include_text=include_text,
    )
    added = {
        column: pd.Series(
            [json.dumps(record, ensure_ascii=False) for record in records],
            index=part.index,
            dtype="string",
        )
    }
    if count_column is not None:
        added[count_column] = pd.Series(
            [len(record["statements"]) if "statements" in record else pd.NA for record in records],
            index=part.index,
            dtype="Int64",
        )
    return part.assign(**added)


def _extractor(key: _Key) -> tuple[Extractor, threading.Lock]:
    """Return this process's extractor for ``(model, strategies)``, creating it once."""
    with _CACHE_LOCK:
        cached = _EXTRACTORS.get(key)
        if cached is None:
            from quoteattr.api import Extractor

            model, strategies, max_chars = key
            extractor = Extractor(model, strategies=strategies, max_chars=max_chars)
            cached = _EXTRACTORS[key] = (extractor, threading.Lock())
            _CREATED.append(key)
    return cached


def _record(outcome: Result | Failure, include_text: bool) -> dict[str, Any]:
    if isinstance(outcome, Failure):
        return {"id": outcome.id, "error": outcome.error, "message": outcome.message}
    return to_dict(outcome, include_text=include_text)


# -- on the client ------------------------------------------------------------


def _key(model: str | None, strategies: Sequence[str] | str | None, max_chars: int) -> _Key:
    """Return the cache key for the arguments, checking them here rather than on every worker."""
    if max_chars < 1:
        msg = f"'max_chars' must be at least 1 (got {max_chars})"
        raise ValueError(msg)
    if strategies is None:
        return model, None, max_chars
    names = (strategies,) if isinstance(strategies, str) else tuple(strategies)
    if not all(isinstance(name, str) for name in names):
        msg = (
            f"'strategies' must be registered names (got {list(names)!r}); a callable "
            "cannot be shared by every worker: register it through the "
            "'quoteattr.strategies' entry-point group and pass its name"
        )
        raise TypeError(msg)
    from quoteattr.strategies.base import get_strategy

    for name in names:
        get_strategy(name)
    return model, names, max_chars


def _check_errors(errors: str) -> None:
    # "raise" would raise DocumentError on a worker, which cannot be unpickled
    # on the client (its __init__ takes two arguments); check records instead.
    if errors not in {"report", "skip"}:
        msg = f"'errors' must be 'report' or 'skip' (got {errors!r})"
        raise ValueError(msg)
