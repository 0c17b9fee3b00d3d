"""The Dask integration, on a local cluster of two worker processes."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("dask.distributed")

import dask.bag as db
import dask.dataframe as dd
import pandas as pd
from distributed import Client, LocalCluster

from quoteattr import Result, from_json, to_dict
from quoteattr.api import Extractor
from quoteattr.integrations.dask import (
    extract_bag,
    extract_dataframe,
    pipelines_loaded,
    result_of,
)
from quoteattr.model import Failure

TEXTS = [
    "“We welcome those contacts,” Lavrov said.",
    "The minister said that talks would resume next week.",
    "It rained all day in Geneva.",
    "“No comment,” a spokeswoman told reporters.",
    "Smith, a senior analyst at the bank, said the figures were disappointing.",
    "",
    "According to the mayor, the bridge will reopen in May.",
    "“It is too early,” she said. “We will see.”",
    "Officials believe the fire was started deliberately.",
    "He told the BBC that he had “no regrets” about the decision.",
    "“Unbalanced quote marks are normal in news, said the editor.",
    "The report shows that prices rose by 3% last year.",
]


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    """Return a client of a local cluster of two single-threaded worker processes."""
    with (
        LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            # Any free port: a fixed one (the default 8787) fails when two runs overlap.
            dashboard_address="127.0.0.1:0",
        ) as cluster,
        Client(cluster) as client,  # type: ignore[no-untyped-call]
    ):
        yield client


def bag_of(items: Sequence[Any], npartitions: int) -> db.Bag:
    """Return a bag of the items (Dask's constructors carry no annotations)."""
    bag: db.Bag = db.from_sequence(items, npartitions=npartitions)  # type: ignore[no-untyped-call]
    return bag


def frame_of(frame: pd.DataFrame, npartitions: int) -> dd.DataFrame:
    """Return a Dask dataframe of the pandas one."""
    ddf: dd.DataFrame = dd.from_pandas(frame, npartitions=npartitions)  # type: ignore[no-untyped-call]
    return ddf


def computed(client: Client, collection: Any) -> Any:
    """Return the collection computed on the cluster (typed Any: Dask's methods are not)."""
    return collection.compute(scheduler=client)


def expected_records(extractor: Extractor, pairs: list[tuple[Any, str]]) -> list[dict[str, Any]]:
    """Return what Extractor.pipe gives for the pairs, as records."""
    records = []
    for outcome, _ in extractor.pipe(pairs, as_tuples=True):
        if isinstance(outcome, Failure):
            records.append({"id": outcome.id, "error": outcome.error, "message": outcome.message})
        else:
            records.append(to_dict(outcome))
    return records


def test_bag_equals_pipe_and_loads_one_pipeline_per_worker(
    client: Client, extractor: Extractor
) -> None:
    """Records from the cluster equal Extractor.pipe's, with one pipeline per worker."""
    pairs: list[tuple[Any, str]] = [(text, f"doc-{i}") for i, text in enumerate(TEXTS)]
    pairs.insert(5, (b"bytes are not text", "doc-bytes"))
    bag = bag_of(pairs, 6)

    actual = computed(client, extract_bag(bag, as_tuples=True))

    assert expected_records(extractor, pairs) == actual
    assert any(record["statements"] for record in actual if "statements" in record)
    failure = actual[5]
    assert (failure["id"], failure["error"]) == ("doc-bytes", "InputTypeError")
    # Six partitions, two processes: a pipeline per partition would show as more.
    loaded = client.run(pipelines_loaded)
    assert len(loaded) == 2
    assert set(loaded.values()) <= {0, 1}
    assert sum(loaded.values()) >= 1


def test_plain_texts_map_back_to_results(client: Client, extractor: Extractor) -> None:
    """A bag of plain texts gives records that result_of turns into pipe's results."""
    texts = bag_of(TEXTS, 3)

    results = computed(client, db.map(result_of, extract_bag(texts), texts))  # type: ignore[no-untyped-call]

    assert list(extractor.pipe(TEXTS)) == results
    assert all(isinstance(result, Result) for result in results)


def test_non_str_item_becomes_failure_record(client: Client) -> None:
    """A None and a number among the texts give failure records, not a crashed job."""
    bag = bag_of(["He said so.", None, 42], 1)

    records = computed(client, extract_bag(bag, include_text=True))

    assert [r.get("error") for r in records] == [None, "InputTypeError", "InputTypeError"]
    assert isinstance(result_of(records[0]), Result)
    assert Failure(None, "InputTypeError", records[1]["message"]) == result_of(records[1])


def test_skip_drops_failures(client: Client) -> None:
    """With errors='skip' a failed document leaves no record."""
    bag = bag_of(["He said so.", None], 1)

    records = computed(client, extract_bag(bag, errors="skip"))

    assert len(records) == 1


def test_dataframe_adds_json_and_counts(client: Client, extractor: Extractor) -> None:
    """extract_dataframe adds each row's record as JSON and its statement count."""
    frame = pd.DataFrame({"key": [f"k{i}" for i in range(len(TEXTS))], "body": TEXTS})
    ddf = frame_of(frame, 3)

    out = computed(client, extract_dataframe(ddf, "body", id_column="key"))

    expected = list(extractor.pipe(zip(TEXTS, frame["key"], strict=True), as_tuples=True))
    assert [to_dict(result) for result, _ in expected] == [
        json.loads(value) for value in out["quoteattr"]
    ]
    assert [len(result.statements) for result, _ in expected] == list(out["quoteattr_statements"])
    assert expected[0][0] == from_json(out["quoteattr"].iloc[0], TEXTS[0])
    assert list(out.columns) == ["key", "body", "quoteattr", "quoteattr_statements"]


def test_dataframe_rejects_unknown_column() -> None:
    """A text column the dataframe lacks raises at once, before anything runs."""
    ddf = frame_of(pd.DataFrame({"body": ["x"]}), 1)

    with pytest.raises(KeyError, match="'text' is not a column"):
        extract_dataframe(ddf, "text")


def test_rejects_bad_arguments_on_the_client() -> None:
    """Callable strategies, errors='raise' and a max_chars of 0 raise before anything runs."""
    bag = bag_of(["x"], 1)

    with pytest.raises(TypeError, match="registered names"):
        extract_bag(bag, strategies=[len])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="'errors' must be"):
        extract_bag(bag, errors="raise")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="'max_chars' must be at least 1"):
        extract_bag(bag, max_chars=0)


@pytest.mark.corpus
def test_polnear_documents_equal_pipe(
    client: Client, extractor: Extractor, shared_corpora: Path
) -> None:
    """A few PolNeAR dev articles give the same records on the cluster as in process."""
    paths = sorted((shared_corpora / "polnear" / "dev" / "text").glob("*.txt"))[:6]
    pairs = [(path.read_text(encoding="utf-8"), path.stem) for path in paths]

    actual = computed(client, extract_bag(bag_of(pairs, 2), as_tuples=True))

    assert expected_records(extractor, pairs) == actual


def test_import_quoteattr_does_not_import_dask() -> None:
    """Dask stays out of a plain `import quoteattr`."""
    code = "import sys, quoteattr; print('dask' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)

    assert out.stdout.strip() == "False"


def test_missing_dask_names_the_extra() -> None:
    """Without Dask, importing the integration says which extra to install."""
    code = (
        "import sys; sys.modules['dask'] = None\n"
        "try:\n    import quoteattr.integrations.dask\n"
        "except ImportError as error:\n    print(error)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)

    assert 'pip install "quoteattr[dask]"' in out.stdout
