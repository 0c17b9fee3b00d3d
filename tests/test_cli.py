"""The ``quoteattr`` command, run in-process (and once as a real subprocess)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

import quoteattr.api
from quoteattr.api import Extractor
from quoteattr.cli import main
from quoteattr.worker import attach_worker

ROOT = Path(__file__).resolve().parent.parent

SMITH = "“We will win this race,” Smith said.\n"
JONES = "“The plan is dead and buried,” Jones told reporters.\n"


@pytest.fixture
def shared_pipeline(monkeypatch: pytest.MonkeyPatch, extractor: Extractor) -> Iterator[None]:
    """Make the command build its extractors on the session pipeline instead of loading one."""
    real = quoteattr.api.Extractor

    def build(model: str | None = None, *, strategies: Any = None, **_: Any) -> Extractor:
        del model
        return real(strategies=strategies, nlp=extractor.nlp)

    monkeypatch.setattr(quoteattr.api, "Extractor", build)
    yield
    # A pipeline serves the extractor attached last; give it back to the session's.
    attach_worker(extractor.nlp, extractor)


@pytest.fixture
def stories(tmp_path: Path) -> Path:
    """Return a folder with two stories and a file that is not *.txt."""
    (tmp_path / "smith.txt").write_text(SMITH, encoding="utf-8")
    (tmp_path / "jones.txt").write_text(JONES, encoding="utf-8")
    (tmp_path / "notes.md").write_text(
        "“Not a story at all, really,” Brown said.", encoding="utf-8"
    )
    return tmp_path


def _run(argv: Sequence[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _lines(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines()]


@pytest.mark.usefixtures("shared_pipeline")
def test_one_file_json(stories: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One file in the default JSON format gives one object whose id is the file stem."""
    status, out, err = _run(["extract", str(stories / "smith.txt")], capsys)
    data = json.loads(out)
    expected = (0, "1 document, 1 statement, 0 failures in", "smith", ["said"])
    assert expected == (
        status,
        err[: len(expected[1])],
        data["id"],
        [s["cue"]["text"] for s in data["statements"]],
    )


@pytest.mark.usefixtures("shared_pipeline")
def test_two_files_json_is_a_list(stories: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Several documents in JSON format give a list, in the order named."""
    files = [str(stories / "smith.txt"), str(stories / "jones.txt")]
    status, out, _ = _run(["extract", *files, "--format", "json"], capsys)
    expected = (0, ["smith", "jones"])
    assert expected == (status, [item["id"] for item in json.loads(out)])


@pytest.mark.usefixtures("shared_pipeline")
def test_directory_jsonl(stories: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A directory reads its *.txt files, sorted; JSONL writes one line per document."""
    status, out, _ = _run(["extract", str(stories), "--format", "jsonl"], capsys)
    lines = _lines(out)
    expected = (0, ["jones", "smith"], [["Jones"], ["Smith"]])
    assert expected == (
        status,
        [line["id"] for line in lines],
        [[s["speaker"]["name"] for s in line["statements"]] for line in lines],
    )


@pytest.mark.usefixtures("shared_pipeline")
def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """``-`` reads standard input, under the id "stdin"."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(SMITH))
    status, out, _ = _run(["extract", "-", "--format", "jsonl"], capsys)
    (line,) = _lines(out)
    expected = (0, "stdin", ["Smith"])
    assert expected == (status, line["id"], [s["speaker"]["name"] for s in line["statements"]])


@pytest.mark.usefixtures("shared_pipeline")
def test_jsonl_results_load_back(stories: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each JSONL line loads back with from_dict against its file's text."""
    _, out, _ = _run(["extract", str(stories / "smith.txt"), "--format", "jsonl"], capsys)
    (line,) = _lines(out)
    result = quoteattr.from_dict(line, SMITH)
    expected = ("smith", ["Smith"])
    assert expected == (result.id, [s.speaker.name for s in result.statements if s.speaker])


@pytest.mark.usefixtures("shared_pipeline")
def test_table(stories: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The table has a header per document and a row naming speaker, kind and cue."""
    status, out, _ = _run(["extract", str(stories), "--format", "table"], capsys)
    blocks = [block.splitlines() for block in out.strip().split("\n\n")]
    expected = (
        0,
        ["# jones", "# smith"],
        [["Jones", "direct", "told"], ["Smith", "direct", "said"]],
    )
    assert expected == (
        status,
        [block[0] for block in blocks],
        [block[1].split()[:3] for block in blocks],
    )


@pytest.mark.usefixtures("shared_pipeline")
def test_table_without_statements(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A document with no statements says so in the table."""
    (tmp_path / "plain.txt").write_text("Nothing was said today.", encoding="utf-8")
    status, out, _ = _run(["extract", str(tmp_path / "plain.txt"), "--format", "table"], capsys)
    expected = (0, "# plain\n(no statements)\n\n")
    assert expected == (status, out)


@pytest.mark.usefixtures("shared_pipeline")
def test_missing_file_does_not_stop_the_others(
    stories: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing file is reported on stderr, exits 1, and the other documents are still written."""
    files = [str(stories / "smith.txt"), str(stories / "missing.txt"), str(stories / "jones.txt")]
    status, out, err = _run(["extract", *files, "--format", "jsonl"], capsys)
    expected = (1, ["smith", "jones"], True)
    assert expected == (status, [line["id"] for line in _lines(out)], "missing.txt" in err)


@pytest.mark.usefixtures("shared_pipeline")
def test_missing_file_json(stories: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """In JSON format a missing file still leaves the good document's output intact."""
    files = [str(stories / "missing.txt"), str(stories / "smith.txt")]
    status, out, err = _run(["extract", *files], capsys)
    expected = (1, ["smith"], True)
    assert expected == (
        status,
        [document["id"] for document in json.loads(out)],
        err.startswith("quoteattr: cannot read"),
    )


@pytest.mark.usefixtures("shared_pipeline")
def test_undecodable_bytes_are_replaced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file that is not valid UTF-8 is read with replacement characters, not rejected."""
    (tmp_path / "latin.txt").write_bytes("“Caf\xe9 talk,” Smith said.".encode("cp1252"))
    status, out, _ = _run(["extract", str(tmp_path / "latin.txt"), "--format", "jsonl"], capsys)
    (line,) = _lines(out)
    expected = (0, "latin")
    assert expected == (status, line["id"])


def test_strategies_lists_the_builtin(capsys: pytest.CaptureFixture[str]) -> None:
    """``quoteattr strategies`` lists quoteattr.quotes.v1, marked as a default."""
    status, out, _ = _run(["strategies"], capsys)
    expected = (0, True)
    assert expected == (status, "quoteattr.quotes.v1 (default)" in out.splitlines())


@pytest.mark.usefixtures("shared_pipeline")
def test_unknown_strategy(stories: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown --strategy exits 2 with a message naming it and the known ones."""
    argv = ["extract", str(stories / "smith.txt"), "--strategy", "no.such.v1"]
    status, out, err = _run(argv, capsys)
    expected = (2, "", True, True)
    assert expected == (status, out, "'no.such.v1'" in err, "quoteattr.quotes.v1" in err)


@pytest.mark.usefixtures("shared_pipeline")
def test_named_strategy(stories: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--strategy runs only the named strategy, and its name is stamped on the statements."""
    argv = ["extract", str(stories / "smith.txt"), "--strategy", "quoteattr.quotes.v1"]
    status, out, _ = _run(argv, capsys)
    expected = (0, ["quoteattr.quotes.v1"])
    assert expected == (status, [s["strategy"] for s in json.loads(out)["statements"]])


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param([], id="no-command"),
        pytest.param(["extract"], id="no-path"),
        pytest.param(["extract", "x.txt", "--format", "xml"], id="unknown-format"),
        pytest.param(["frobnicate"], id="unknown-command"),
    ],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """Usage mistakes exit 2 with argparse's usage message on stderr."""
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    expected = (2, True)
    assert expected == (exit_info.value.code, "usage: quoteattr" in capsys.readouterr().err)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """--version prints the package version and exits 0."""
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    expected = (0, f"quoteattr {quoteattr.__version__}\n")
    assert expected == (exit_info.value.code, capsys.readouterr().out)


@pytest.mark.corpus
@pytest.mark.usefixtures("shared_pipeline")
def test_evaluate_seed(shared_corpora: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``evaluate --corpus seed`` scores the seed story and prints a report."""
    argv = ["evaluate", "--corpus", "seed", "--root", str(shared_corpora), "--format", "json"]
    status, out, err = _run(argv, capsys)
    expected = (0, "")
    assert expected == (status, err)
    assert json.loads(out)


def test_evaluate_missing_root(capsys: pytest.CaptureFixture[str]) -> None:
    """``evaluate --root /nonexistent`` exits 2 and says how to point at the corpora."""
    status, out, err = _run(["evaluate", "--root", "/nonexistent"], capsys)
    expected = (2, "", True)
    assert expected == (status, out, "--root" in err)


def test_python_m_quoteattr_jsonl() -> None:
    """``python -m quoteattr extract FILE --format jsonl`` works as a real process."""
    completed = subprocess.run(
        [sys.executable, "-m", "quoteattr", "extract", "examples/lavrov.txt", "--format", "jsonl"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    (line,) = _lines(completed.stdout)
    expected = (0, "lavrov", True)
    assert expected == (completed.returncode, line["id"], len(line["statements"]) >= 3)
