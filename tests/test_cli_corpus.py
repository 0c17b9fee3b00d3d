"""``quoteattr extract`` at corpus scale: JSONL and glob input, resume, progress, summary."""

from __future__ import annotations

import io
import json
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

import quoteattr.api
import quoteattr.cli
from quoteattr.api import Extractor
from quoteattr.cli import main
from quoteattr.model import Statement
from quoteattr.strategies import DEFAULT_STRATEGIES
from quoteattr.worker import attach_worker

if TYPE_CHECKING:
    from spacy.tokens import Doc

ROOT = Path(__file__).resolve().parent.parent
SUMMARY = re.compile(
    r"(?P<documents>\d+) documents?, (?P<statements>\d+) statements?, (?P<failures>\d+) failures?"
    r"(?: \((?P<skipped>\d+) skipped as already done\))? in \d+\.\d s\n"
)


def _story(number: int) -> str:
    return f"“Plan {number} is on track,” Smith said.\n"


def _explode(doc: Doc) -> Iterable[Statement]:
    """Fail on any document that says EXPLODE, like a strategy with a bug would."""
    if "EXPLODE" in doc.text:
        msg = "this strategy cannot cope"
        raise RuntimeError(msg)
    return ()


@pytest.fixture
def shared_pipeline(monkeypatch: pytest.MonkeyPatch, extractor: Extractor) -> Iterator[None]:
    """Build the command's extractor on the session pipeline, with a strategy that can fail."""
    real = quoteattr.api.Extractor

    def build(model: str | None = None, *, strategies: Any = None, **options: Any) -> Extractor:
        del model
        chosen = strategies or [*DEFAULT_STRATEGIES, _explode]
        return real(strategies=chosen, nlp=extractor.nlp, **options)

    monkeypatch.setattr(quoteattr.api, "Extractor", build)
    yield
    # A pipeline serves the extractor attached last; give it back to the session's.
    attach_worker(extractor.nlp, extractor)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Return a folder of five stories, doc0.txt to doc4.txt, and a file that is not *.txt."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for number in range(5):
        (folder / f"doc{number}.txt").write_text(_story(number), encoding="utf-8")
    (folder / "notes.md").write_text("“Not a story,” Brown said.\n", encoding="utf-8")
    return folder


def _run(argv: Sequence[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _ids(text: str) -> list[str]:
    return [json.loads(line)["id"] for line in text.splitlines()]


def _summary(err: str) -> dict[str, int]:
    match = SUMMARY.search(err)
    assert match is not None, err
    return {key: int(value or 0) for key, value in match.groupdict().items()}


def _write_jsonl(path: Path, rows: Iterable[object]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


@pytest.mark.usefixtures("shared_pipeline")
def test_jsonl_input_with_named_fields(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--text-field and --id-field pick the fields; a line without an id is <stem>:<line>."""
    rows = [
        {"key": "a1", "body": "“We will win,” Smith said.", "text": "ignored"},
        {"body": "“The plan is dead,” Jones told reporters."},
        {"key": 7, "body": "Nothing was said."},
    ]
    source = _write_jsonl(tmp_path / "news.jsonl", rows)
    argv = [
        "extract",
        str(source),
        "--format",
        "jsonl",
        "--text-field",
        "body",
        "--id-field",
        "key",
    ]
    status, out, _ = _run(argv, capsys)
    lines = [json.loads(line) for line in out.splitlines()]
    expected = (0, ["a1", "news:2", "7"], [["Smith"], ["Jones"], []])
    assert expected == (
        status,
        [line["id"] for line in lines],
        [[s["speaker"]["name"] for s in line["statements"]] for line in lines],
    )


@pytest.mark.usefixtures("shared_pipeline")
def test_bad_jsonl_lines_fail_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A line that is not JSON, or has no text field, is a failure; the other lines still run."""
    source = tmp_path / "news.ndjson"
    source.write_text(
        '{"id": "good", "text": "Nothing."}\n{not json\n\n{"id": "empty"}\n[1, 2]\n',
        encoding="utf-8",
    )
    status, out, err = _run(["extract", str(source), "--format", "jsonl"], capsys)
    expected = (1, ["good"], 4, 3, True, True, True)
    assert expected == (
        status,
        _ids(out),
        _summary(err)["documents"],
        _summary(err)["failures"],
        "news.ndjson, line 2: not JSON" in err,
        "line 4: no 'text' field (fields: 'id'); name the text field with --text-field" in err,
        "line 5: not a JSON object (got list)" in err,
    )


@pytest.mark.usefixtures("shared_pipeline")
def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """``- --stdin-jsonl`` reads standard input as JSONL; a line without id is stdin:<line>."""
    lines = '{"id": "x", "text": "Nothing."}\n{"text": "Nor here."}\n'
    monkeypatch.setattr(sys, "stdin", io.StringIO(lines))
    status, out, _ = _run(["extract", "-", "--stdin-jsonl", "--format", "jsonl"], capsys)
    expected = (0, ["x", "stdin:2"])
    assert expected == (status, _ids(out))


@pytest.mark.usefixtures("shared_pipeline")
def test_json_format_of_one_jsonl_file_is_a_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One JSONL file holds many documents, so the JSON format gives a list even for one line."""
    source = _write_jsonl(tmp_path / "one.jsonl", [{"id": "only", "text": "Nothing."}])
    status, out, _ = _run(["extract", str(source), "--format", "json"], capsys)
    expected = (0, ["only"])
    assert expected == (status, [item["id"] for item in json.loads(out)])


@pytest.mark.usefixtures("shared_pipeline")
def test_glob(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A glob that names no file literally is expanded, sorted; only its matches are read."""
    status, out, _ = _run(["extract", str(corpus / "doc[1-3].txt"), "--format", "jsonl"], capsys)
    expected = (0, ["doc1", "doc2", "doc3"])
    assert expected == (status, _ids(out))


@pytest.mark.usefixtures("shared_pipeline")
def test_glob_without_matches(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A glob that matches nothing is a failure that says so; the other paths still run."""
    argv = ["extract", str(corpus / "*.text"), str(corpus / "doc0.txt"), "--format", "jsonl"]
    status, out, err = _run(argv, capsys)
    expected = (1, ["doc0"], True)
    assert expected == (status, _ids(out), "no file matches" in err)


@pytest.mark.usefixtures("shared_pipeline")
def test_output_implies_jsonl(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--output alone writes JSONL to the file, sorted by file name, and nothing to stdout."""
    output = corpus.parent / "out.jsonl"
    status, out, _ = _run(["extract", str(corpus), "--output", str(output)], capsys)
    expected = (0, "", [f"doc{number}" for number in range(5)])
    assert expected == (status, out, _ids(output.read_text(encoding="utf-8")))


@pytest.mark.usefixtures("shared_pipeline")
def test_resume_skips_done_ids_and_cuts_a_partial_line(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A second run skips the ids in the output, drops its partial last line, writes the rest."""
    output = corpus.parent / "out.jsonl"
    done = [{"schema": 1, "id": "doc1", "statements": [], "entities": []}, {"id": "doc3"}]
    _write_jsonl(output, done)
    with output.open("a", encoding="utf-8") as handle:
        handle.write('{"schema": 1, "id": "doc4", "stat')
    status, _, err = _run(["extract", str(corpus), "--output", str(output)], capsys)
    ids = _ids(output.read_text(encoding="utf-8"))
    expected = (0, ["doc1", "doc3", "doc0", "doc2", "doc4"], 3, 2)
    assert expected == (status, ids, _summary(err)["documents"], _summary(err)["skipped"])


@pytest.mark.usefixtures("shared_pipeline")
def test_resume_refuses_a_file_that_is_not_jsonl(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An existing output file with a line that is not a JSON object is left alone, exit 2."""
    output = corpus.parent / "notes.txt"
    output.write_text("my precious notes\n", encoding="utf-8")
    status, out, err = _run(["extract", str(corpus), "--output", str(output)], capsys)
    expected = (2, "", "my precious notes\n", True)
    assert expected == (
        status,
        out,
        output.read_text(encoding="utf-8"),
        "line 1 is not a JSON object" in err,
    )


@pytest.mark.usefixtures("shared_pipeline")
def test_output_is_never_read_as_input(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A glob that also matches the output file does not read it back as a document."""
    source = _write_jsonl(corpus / "in.jsonl", [{"id": "a", "text": "Nothing."}])
    output = _write_jsonl(corpus / "out.jsonl", [{"id": "z"}])
    status, _, _ = _run(["extract", str(corpus / "*.jsonl"), "--output", str(output)], capsys)
    expected = (0, ["z", "a"])
    assert expected == (status, _ids(output.read_text(encoding="utf-8")))
    assert source.exists()


@pytest.mark.usefixtures("shared_pipeline")
def test_summary(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The run ends with one summary line on stderr: documents, statements, failures, time."""
    status, _, err = _run(["extract", str(corpus), "--format", "jsonl"], capsys)
    expected = (0, {"documents": 5, "statements": 5, "failures": 0, "skipped": 0}, True)
    assert expected == (status, _summary(err), err.count("\n") == 1)


@pytest.mark.usefixtures("shared_pipeline")
def test_failures_are_counted_and_retried(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A failing document exits 1, is reported, stays out of the output, and is retried."""
    (corpus / "doc2.txt").write_text("“EXPLODE now,” Smith said.\n", encoding="utf-8")
    output = corpus.parent / "out.jsonl"
    status, _, err = _run(["extract", str(corpus), "--output", str(output)], capsys)
    first = (status, _ids(output.read_text(encoding="utf-8")), _summary(err)["failures"])
    status, _, err = _run(["extract", str(corpus), "--output", str(output)], capsys)
    second = (status, _summary(err))
    expected = (
        (1, ["doc0", "doc1", "doc3", "doc4"], 1),
        (1, {"documents": 1, "statements": 0, "failures": 1, "skipped": 4}),
    )
    assert expected == (first, second)
    assert "doc2: RuntimeError: this strategy cannot cope" in err


@pytest.mark.usefixtures("shared_pipeline")
def test_repeated_id_warns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two documents with one id are both written, with a warning that resuming needs unique ids."""
    source = _write_jsonl(tmp_path / "news.jsonl", [{"id": "a", "text": "No."}] * 2)
    status, out, err = _run(["extract", str(source), "--format", "jsonl"], capsys)
    expected = (0, ["a", "a"], True)
    assert expected == (status, _ids(out), "a: the id repeats" in err)


@pytest.mark.usefixtures("shared_pipeline")
def test_no_progress_when_piped(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """When stderr is not a terminal there is no progress line, only the summary."""
    _, _, err = _run(["extract", str(corpus), "--format", "jsonl"], capsys)
    expected = (False, False)
    assert expected == ("\r" in err, "docs/s" in err)


class _Terminal(io.StringIO):
    """A stand-in for standard error on a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.mark.usefixtures("shared_pipeline")
@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        pytest.param([], (True, True, True), id="terminal"),
        pytest.param(["--quiet"], (False, False, False), id="quiet"),
    ],
)
def test_progress_on_a_terminal(
    corpus: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    flags: list[str],
    expected: tuple[bool, bool, bool],
) -> None:
    """On a terminal stderr shows a progress line in docs/s, then the summary; --quiet neither."""
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr(quoteattr.cli, "_PROGRESS_INTERVAL", 0.0)
    _run(["extract", str(corpus), "--format", "jsonl", *flags], capsys)
    err = terminal.getvalue()
    assert expected == ("\r" in err, "docs/s" in err, SUMMARY.search(err) is not None)


@pytest.mark.usefixtures("shared_pipeline")
def test_n_process_and_batch_size_reach_pipe(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """--n-process and --batch-size are passed to Extractor.pipe."""
    seen: dict[str, Any] = {}
    real_pipe = Extractor.pipe

    def pipe(self: Extractor, texts: Iterable[Any], **options: Any) -> Iterator[Any]:
        seen.update(options)
        # Run in this process whatever was asked: workers would each load a pipeline.
        return real_pipe(self, texts, **{**options, "n_process": 1})

    monkeypatch.setattr(Extractor, "pipe", pipe)
    argv = ["extract", str(corpus), "--format", "jsonl", "--n-process", "3", "--batch-size", "7"]
    status, out, _ = _run(argv, capsys)
    expected = (0, 5, 3, 7)
    assert expected == (status, len(out.splitlines()), seen["n_process"], seen["batch_size"])


@pytest.mark.usefixtures("shared_pipeline")
def test_max_chars_reaches_the_extractor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """--max-chars sets where long documents are cut; the statements survive the cut."""
    seen: list[int] = []
    real_pipe = Extractor.pipe

    def pipe(self: Extractor, texts: Iterable[Any], **options: Any) -> Iterator[Any]:
        seen.append(self.max_chars)
        return real_pipe(self, texts, **options)

    monkeypatch.setattr(Extractor, "pipe", pipe)
    paragraph = "“We will win this race by a mile,” Smith said on Monday."
    document = tmp_path / "long.txt"
    document.write_text("\n\n".join([paragraph] * 20), encoding="utf-8")
    argv = ["extract", str(document), "--format", "jsonl", "--max-chars", "300"]
    status, out, _ = _run(argv, capsys)
    (line,) = out.splitlines()
    expected = (0, [300], 20)
    assert expected == (status, seen, len(json.loads(line)["statements"]))


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["extract", "x.txt", "--max-chars", "0"], id="max-chars-0"),
        pytest.param(["extract", "x.txt", "--n-process", "0"], id="n-process-0"),
        pytest.param(["extract", "x.txt", "--batch-size", "many"], id="batch-size-word"),
        pytest.param(["extract", "x.txt", "--output", "o.jsonl", "--format", "table"], id="table"),
    ],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """Bad numbers, and --output with a format other than JSONL, are usage errors."""
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    expected = (2, True)
    assert expected == (exit_info.value.code, "usage: quoteattr" in capsys.readouterr().err)


def _line_count(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


@pytest.mark.slow
def test_killed_run_resumes_to_every_document_once(tmp_path: Path) -> None:
    """SIGKILL halfway through a corpus, run again: every document is in the output exactly once."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    # Long enough that parsing, not start-up, sets the pace, so the kill lands mid-corpus.
    paragraph = "“The talks will go on for {n} more days,” Minister Smith told reporters.\n\n"
    for number in range(40):
        text = "".join(paragraph.format(n=number + day) for day in range(12))
        (corpus / f"story{number:02}.txt").write_text(text, encoding="utf-8")
    output = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "quoteattr", "extract", str(corpus), "--format", "jsonl"]
    command += ["--output", str(output)]

    # Batches of one, so lines appear one by one and the kill finds some written, some not.
    with subprocess.Popen(
        [*command, "--batch-size", "1"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    ) as first:
        deadline = time.monotonic() + 120
        while first.poll() is None and _line_count(output) < 5 and time.monotonic() < deadline:
            time.sleep(0.005)
        first.send_signal(signal.SIGKILL)
        first.wait()
    written = _line_count(output)
    killed = (-signal.SIGKILL, True)
    assert killed == (first.returncode, 5 <= written < 40)

    second = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )
    lines = output.read_text(encoding="utf-8").splitlines()
    ids = sorted(json.loads(line)["id"] for line in lines)
    expected = (0, [f"story{number:02}" for number in range(40)], written)
    assert expected == (second.returncode, ids, _summary(second.stderr)["skipped"])
