"""Tests for quoteattr.evaluate: gold readers, the scorer, the report and the command."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quoteattr.evaluate
from quoteattr.errors import CorpusFormatError
from quoteattr.evaluate import (
    GoldDocument,
    GoldStatement,
    Report,
    add_arguments,
    content_characters,
    default_corpora_root,
    evaluate_corpus,
    format_markdown,
    kind_of,
    names_match,
    read_brat,
    read_litbank,
    read_polnear,
    read_seed,
    run,
    score,
)
from quoteattr.model import Kind, Result, Span, Speaker, Statement

TEXT = (
    "“The deal is dead,” Smith said on Monday. "
    "Jones told reporters that the talks would resume next week. "
    "The minister said it was “a fine day” for the country."
)


def span(text: str, fragment: str, occurrence: int = 0) -> Span:
    """Return the span of the ``occurrence``-th ``fragment`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(fragment, start + 1)
    return Span.of(text, start, start + len(fragment))


def gold_statement(
    content: str,
    kind: Kind | None = Kind.INDIRECT,
    *,
    source: str | None = None,
    cue: str | None = None,
    statement_id: str = "G",
    speaker_name: str | None = None,
    optional: bool = False,
) -> GoldStatement:
    """Return a gold statement over ``TEXT``."""
    return GoldStatement(
        id=statement_id,
        kind=kind,
        content=(span(TEXT, content),),
        sources=(span(TEXT, source),) if source else (),
        cues=(span(TEXT, cue),) if cue else (),
        speaker_name=speaker_name,
        optional=optional,
    )


def predicted(
    content: str,
    kind: Kind = Kind.INDIRECT,
    mention: str | None = None,
    cue: str | None = None,
    name: str | None = None,
) -> Statement:
    """Return a predicted statement over ``TEXT``."""
    speaker = None
    if mention is not None or name is not None:
        speaker = Speaker(mention=span(TEXT, mention) if mention else None, name=name)
    return Statement(
        kind=kind,
        content=(span(TEXT, content),),
        cue=span(TEXT, cue) if cue else None,
        speaker=speaker,
    )


def make_result(text: str, statements: Iterable[Statement] = ()) -> Result:
    """Return a result holding ``statements``."""
    # Any: model.Result's ``converter=tuple`` fields confuse mypy's attrs plugin.
    items: Any = tuple(statements)
    return Result(text=text, statements=items)


def run_score(gold: Iterable[GoldStatement], found: Iterable[Statement]) -> Report:
    """Score one document over ``TEXT``."""
    document = GoldDocument(id="d", text=TEXT, statements=tuple(gold))
    return score([document], {"d": make_result(TEXT, found)})


# content_characters and kind_of


def test_content_characters_ignore_quote_marks_space_and_punctuation() -> None:
    """Quote marks, spaces and punctuation do not count as content."""
    quoted = content_characters([span(TEXT, "“The deal is dead,”")])
    bare = content_characters([span(TEXT, "The deal is dead")])
    assert bare == quoted
    assert len("Thedealisdead") == len(bare)


@pytest.mark.parametrize(
    ("text", "fragments", "expected"),
    [
        ("“Yes,” he said.", ["“Yes,”"], Kind.DIRECT),
        ("He said that it was fine.", ["that it was fine"], Kind.INDIRECT),
        ("He said it was “fine” today.", ["it was “fine” today"], Kind.MIXED),
        ('He said "no way" loudly.', ['"no way"'], Kind.DIRECT),
        ("He said ''no way'' loudly.", ["''no way''"], Kind.DIRECT),
        ("He said ``no way'' loudly.", ["``no way''"], Kind.DIRECT),
        ("“We are done. It is over,” he said.", ["We are done. It is over,”"], Kind.DIRECT),
        ("“It is over,” he said, “for now.”", ["“It is over,”", "“for now.”"], Kind.DIRECT),
        ("He said “” twice.", ["“”"], None),
        ("«Oui», dit-il.", ["«Oui»"], Kind.DIRECT),
        ("He said: ...", ["..."], None),
    ],
)
def test_kind_of(text: str, fragments: list[str], expected: Kind | None) -> None:
    """Kinds follow where the content letters sit relative to double quotation marks."""
    spans = [span(text, fragment) for fragment in fragments]
    assert expected == kind_of(text, spans)


# matching modes


def test_exact_match_ignores_quote_marks_and_edge_punctuation() -> None:
    """A prediction without the quote marks and comma still matches exactly."""
    report = run_score(
        [gold_statement("“The deal is dead,”", Kind.DIRECT)],
        [predicted("The deal is dead", Kind.DIRECT)],
    )
    assert (report.row("exact").tp, report.row("exact").fp, report.row("exact").fn) == (1, 0, 0)


@pytest.mark.parametrize(
    ("found", "expected"),
    [
        # Same characters: every mode matches.
        ("that the talks would resume next week", {"exact": 1, "overlap50": 1, "any": 1}),
        # Over half of the gold: 50% and any.
        ("the talks would resume", {"exact": 0, "overlap50": 1, "any": 1}),
        # Under half: only any.
        ("next week", {"exact": 0, "overlap50": 0, "any": 1}),
        # A superset less than twice the gold's size: 50% and any.
        (
            "Jones told reporters that the talks would resume next week",
            {"exact": 0, "overlap50": 1, "any": 1},
        ),
        ("Smith said on Monday", {"exact": 0, "overlap50": 0, "any": 0}),
    ],
)
def test_modes(found: str, expected: dict[str, int]) -> None:
    """Each mode accepts the overlaps its definition allows."""
    report = run_score(
        [gold_statement("that the talks would resume next week")], [predicted(found)]
    )
    assert expected == {mode: report.row(mode).tp for mode in expected}


def test_overlap50_uses_the_larger_side() -> None:
    """A prediction covering the gold but more than twice as long fails the 50% mode."""
    report = run_score([gold_statement("next week")], [predicted("the talks would resume next")])
    assert (report.row("overlap50").tp, report.row("any").tp) == (0, 1)


def test_matching_is_one_to_one() -> None:
    """Two predictions on one gold statement give one hit and one false positive."""
    report = run_score(
        [gold_statement("that the talks would resume next week")],
        [predicted("the talks would resume"), predicted("resume next week")],
    )
    row = report.row("any")
    assert (row.tp, row.fp, row.fn) == (1, 1, 0)


def test_greedy_matching_prefers_the_larger_overlap() -> None:
    """The prediction sharing more characters with the gold takes it."""
    gold = [
        gold_statement("the talks would resume next week", statement_id="G1"),
        gold_statement("next week", statement_id="G2", kind=Kind.DIRECT),
    ]
    found = [predicted("resume next week", Kind.DIRECT), predicted("the talks would resume")]
    report = run_score(gold, found)
    # "the talks would resume" shares 19 characters with G1; "resume next week" shares
    # 14 with G1 and 8 with G2, so it is left to G2.
    assert (report.row("any").tp, report.row("any").fp, report.row("any").fn) == (2, 0, 0)


def test_optional_gold_is_neither_hit_nor_miss() -> None:
    """A prediction of an optional statement is no false positive, and missing one no miss."""
    gold = [
        gold_statement("that the talks would resume next week", optional=True),
        gold_statement("it was “a fine day”", Kind.MIXED, optional=True, statement_id="G2"),
    ]
    report = run_score(gold, [predicted("that the talks would resume next week")])
    row = report.row("exact")
    assert (row.tp, row.tp_predicted, row.fp, row.fn) == (0, 0, 0, 0)
    assert (report.gold, report.optional) == (0, 2)


def test_gold_without_content_is_skipped() -> None:
    """A gold statement with no content cannot be matched and is not a miss."""
    empty = GoldStatement(id="E", kind=None, content=(), sources=(), cues=())
    report = run_score([empty], [])
    assert (report.skipped, report.gold, report.row("any").fn) == (1, 0, 0)


# breakdown by kind


def test_recall_by_gold_kind_and_precision_by_predicted_kind() -> None:
    """A direct quote found but labelled mixed counts for direct recall and mixed precision."""
    report = run_score(
        [gold_statement("“The deal is dead,”", Kind.DIRECT)],
        [predicted("“The deal is dead,”", Kind.MIXED)],
    )
    direct, mixed = report.row("exact", Kind.DIRECT), report.row("exact", Kind.MIXED)
    assert (direct.recall, direct.precision) == (1.0, None)
    assert (mixed.recall, mixed.precision) == (None, 1.0)
    assert (direct.tp_predicted, mixed.tp_predicted) == (0, 1)
    assert report.row("exact").kind_accuracy.value == 0.0


def test_all_row_counts() -> None:
    """The all row counts every statement once whatever its kind."""
    gold = [
        gold_statement("“The deal is dead,”", Kind.DIRECT, statement_id="G1"),
        gold_statement("that the talks would resume next week", statement_id="G2"),
    ]
    found = [predicted("The deal is dead", Kind.DIRECT), predicted("Smith said on Monday")]
    row = run_score(gold, found).row("exact")
    assert (row.tp, row.fp, row.fn, row.precision, row.recall, row.f1) == (1, 1, 1, 0.5, 0.5, 0.5)


def test_no_predictions_scores_zero_f1() -> None:
    """With nothing found precision is undefined, recall and F1 are zero."""
    row = run_score([gold_statement("next week")], []).row("any")
    assert (row.precision, row.recall, row.f1) == (None, 0.0, 0.0)


# attribution accuracy


def test_speaker_and_cue_accuracy() -> None:
    """Speaker and cue are right when they overlap a gold span; a missing one is wrong."""
    gold = [
        gold_statement("“The deal is dead,”", Kind.DIRECT, source="Smith", cue="said"),
        gold_statement(
            "that the talks would resume next week",
            source="Jones",
            cue="told",
            statement_id="G2",
        ),
        gold_statement("it was “a fine day”", Kind.MIXED, statement_id="G3"),
    ]
    found = [
        predicted("“The deal is dead,”", Kind.DIRECT, mention="Smith", cue="said"),
        predicted("that the talks would resume next week", mention="reporters"),
        predicted("it was “a fine day”", Kind.MIXED, mention="The minister", cue="said"),
    ]
    row = run_score(gold, found).row("overlap50")
    # G3 has no gold source or cue, so it is not judged.
    assert (row.speaker.correct, row.speaker.total) == (1, 2)
    assert (row.cue.correct, row.cue.total) == (1, 2)
    assert (row.kind_accuracy.correct, row.kind_accuracy.total) == (3, 3)


def test_speaker_name_accuracy() -> None:
    """Speaker names are compared with names_match; a prediction without a name is wrong."""
    gold = [
        gold_statement("“The deal is dead,”", Kind.DIRECT, speaker_name="John Smith"),
        gold_statement(
            "that the talks would resume next week", speaker_name="Jones", statement_id="G2"
        ),
    ]
    found = [
        predicted("“The deal is dead,”", Kind.DIRECT, name="Mr. Smith"),
        predicted("that the talks would resume next week"),
    ]
    name = run_score(gold, found).row("exact").name
    assert (name.correct, name.total) == (1, 2)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Sergey Lavrov", "Sergey Lavrov", True),
        ("Lavrov", "Sergey Lavrov", True),
        ("sergey lavrov", "Sergey Lavrov", True),
        ("Mr. Darcy", "Darcy", True),
        ("Mr Darcy", "Fitzwilliam Darcy", True),
        ("Miss Bennet", "Elizabeth Bennet", True),
        ("convict", "the convict", True),
        ("the waggoner", "a waggoner", True),
        ("Prince Rudolf", "Rudolf", True),
        ("Captain Eldridge", "Eldridge", True),
        ("Prince Henry", "Princess Henry", False),
        ("the waggoner", "the parson", False),
        ("I", "I", True),
        ("I", "Narrator", True),
        ("Larry King", "Mr. King", True),
        ("Mr.", "Mr. Darcy", False),
        ("I", "Rudolf narrator", False),
        ("he", "narrator", False),
        ("Mrs Bennet", "Mr Bennet", False),
        ("Lady Catherine", "Lord Catherine", False),
        ("Lavrov", "Moscow", False),
        ("he", "Sergey Lavrov", False),
        ("Mr.", "Darcy", False),
        (None, "Darcy", False),
        ("", "", False),
    ],
)
def test_names_match(a: str | None, b: str | None, expected: bool) -> None:
    """Names match case-insensitively, by token subset, with titles dropped."""
    assert expected == names_match(a, b)
    assert expected == names_match(b, a)


# documents and results


def test_missing_prediction_counts_as_nothing_found() -> None:
    """A gold document without a prediction scores as empty and is listed."""
    document = GoldDocument(id="d", text=TEXT, statements=(gold_statement("next week"),))
    report = score([document], {})
    assert (report.missing, report.row("exact").fn) == (("d",), 1)


def test_prediction_on_another_text_raises() -> None:
    """Offsets into a different text cannot be scored."""
    document = GoldDocument(id="d", text=TEXT, statements=())
    with pytest.raises(CorpusFormatError, match="different text"):
        score([document], {"d": Result(text=TEXT + " More.")})


def test_document_without_gold_counts_false_positives() -> None:
    """Predictions in a document with no gold statements are false positives."""
    document = GoldDocument(id="d", text=TEXT, statements=())
    report = score([document], {"d": make_result(TEXT, [predicted("next week")])})
    assert (report.row("exact").tp, report.row("exact").fp) == (0, 1)


def test_report_to_dict_is_json() -> None:
    """The report's dict survives a JSON round trip."""
    report = run_score([gold_statement("next week")], [predicted("next week")])
    data = report.to_dict()
    assert data == json.loads(json.dumps(data))
    assert data["modes"]["exact"]["all"]["f1"] == 1.0


class FakeExtractor:
    """An extractor that finds the gold statements of known texts."""

    def __init__(self, documents: Iterable[GoldDocument]) -> None:
        self.by_text = {document.text: document for document in documents}

    def pipe(self, texts: Iterable[str]) -> Iterator[Result]:
        """Yield a result holding each text's gold statements."""
        for text in texts:
            statements = [
                Statement(kind=s.kind or Kind.INDIRECT, content=s.content)
                for s in self.by_text[text].statements
                if s.content
            ]
            yield make_result(text, statements)


def test_evaluate_corpus_pairs_results_with_documents() -> None:
    """Results come back in text order and are scored against their documents."""
    documents = [
        GoldDocument(id="a", text=TEXT, statements=(gold_statement("next week"),)),
        GoldDocument(id="b", text="Nothing here.", statements=()),
    ]
    extractor = FakeExtractor(documents)
    report = evaluate_corpus(documents, extractor.pipe)
    assert (
        report.documents,
        report.row("exact").tp,
        report.row("exact").fp,
        report.row("exact").fn,
    ) == (2, 1, 0, 0)


def test_evaluate_corpus_rejects_missing_results() -> None:
    """An extractor returning fewer results than texts is an error."""
    documents = [GoldDocument(id="a", text=TEXT, statements=())]
    with pytest.raises(ValueError, match="0 results for 1 texts"):
        evaluate_corpus(documents, lambda texts: [])


def test_format_markdown_with_baseline() -> None:
    """The table shows one row per kind and system, and names the systems."""
    gold = [gold_statement("“The deal is dead,”", Kind.DIRECT, source="Smith")]
    report = run_score(gold, [predicted("“The deal is dead,”", Kind.DIRECT, mention="Smith")])
    baseline = run_score(gold, [])
    table = format_markdown(report, baseline, name="ours", baseline_name="theirs")
    rows = [line for line in table.splitlines() if line.startswith("| direct")]
    assert len(rows) == 2
    assert "ours" in rows[0]
    assert "theirs" in rows[1]
    assert "100.0 (n=1)" in rows[0]


@given(
    st.lists(
        st.tuples(st.integers(0, len(TEXT) - 1), st.integers(1, 40), st.sampled_from(Kind)),
        max_size=6,
    )
)
def test_perfect_predictions_score_one(statements: list[tuple[int, int, Kind]]) -> None:
    """Predicting exactly the gold statements gives full marks in every mode."""
    gold, found = [], []
    for number, (start, length, kind) in enumerate(statements):
        content = Span.of(TEXT, start, min(start + length, len(TEXT)))
        if not content_characters([content]):
            continue  # no letters: the scorer skips such gold and any prediction is wrong
        gold.append(GoldStatement(f"G{number}", kind, (content,), (), ()))
        found.append(Statement(kind=kind, content=(content,)))
    document = GoldDocument(id="d", text=TEXT, statements=tuple(gold))
    report = score([document], {"d": make_result(TEXT, found)})
    for mode in report.modes:
        row = mode.row()
        assert (report.gold, 0, 0) == (row.tp, row.fn, row.fp)


# readers on hand-written files


def write(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` exactly, creating folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as file:
        file.write(text)
    return path


BRAT_TEXT = "Title\n“It is over,” he said, “for now.”\nShe said that it was fine.\n"
BRAT_ANN = (
    "T1\tContent 6 19;29 39\t“It is over,” “for now.”\n"
    "T2\tSource 20 22\the\n"
    "T3\tCue 23 27\tsaid\n"
    "T4\tAttribution 23 27\tsaid\n"
    "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n"
    "T5\tSource 40 43\tShe\n"
    "T6\tCue 44 48\tsaid\n"
    "T7\tContent 49 60\tthat it was\n"
    "T8\tContent 61 65\tfine\n"
    "T9\tAttribution 44 48\tsaid\n"
    "E2\tAttribution:T9 Content:T7 Cue:T6 Source:T5 Content2:T8 \n"
    "T10\tDiscuss 0 5\tTitle\n"
)


def test_read_brat(tmp_path: Path) -> None:
    """Discontinuous offsets and Content2 arguments become content fragments."""
    document = read_brat(
        write(tmp_path / "doc_ab12.ann", BRAT_ANN), write(tmp_path / "doc.txt", BRAT_TEXT)
    )
    first, second = document.statements
    assert document.id == "doc"
    assert [fragment.text for fragment in first.content] == ["“It is over,”", "“for now.”"]
    assert (first.kind, first.sources[0].text, first.cues[0].text) == (Kind.DIRECT, "he", "said")
    assert [fragment.text for fragment in second.content] == ["that it was", "fine"]
    assert second.kind == Kind.INDIRECT


def test_read_brat_rejects_unknown_targets(tmp_path: Path) -> None:
    """An E line naming an undefined T id is a format error."""
    ann = write(tmp_path / "doc.ann", "E1\tAttribution:T4 Content:T1\n")
    with pytest.raises(CorpusFormatError, match="T4"):
        read_brat(ann, write(tmp_path / "doc.txt", BRAT_TEXT))


def polnear_row(doc_id: str, start: int, end: int, text: str, kind: str | None) -> str:
    """Return one line of PolNeAR's normalised JSONL."""
    content = [{"start": start, "end": end, "text": text}]
    row = {"doc_id": doc_id, "id": "E1", "type": kind, "contents": content}
    return json.dumps({**row, "sources": [], "cues": []}) + "\n"


def test_read_polnear_keeps_documents_without_gold(tmp_path: Path) -> None:
    """Texts without attributions are documents too, and a null type is derived."""
    write(tmp_path / "dev" / "text" / "a.txt", BRAT_TEXT)
    write(tmp_path / "dev" / "text" / "b.txt", "Nothing.\n")
    write(tmp_path / "dev.jsonl", polnear_row("a", 49, 65, "that it was fine", None))
    documents = read_polnear(tmp_path)
    assert [document.id for document in documents] == ["a", "b"]
    assert [len(document.statements) for document in documents] == [1, 0]
    assert documents[0].statements[0].kind == Kind.INDIRECT


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("Lavrov", "Lavrov"),
        ("Mr. King, 82,", "Mr. King"),
        ("Secretary of State John Kerry", "Secretary of State John Kerry"),
        ("He", None),
        ("The minister", None),
        ("Clinton's campaign", None),
        ("Trump and Clinton", None),
    ],
)
def test_read_polnear_names_a_source_that_is_a_name(
    tmp_path: Path, source: str, name: str | None
) -> None:
    """A source mention that is a name becomes the gold speaker name; a pronoun does not."""
    text = f"{source} said that it was fine.\n"
    write(tmp_path / "dev" / "text" / "a.txt", text)
    start = text.index("that")
    row = json.loads(polnear_row("a", start, start + 16, "that it was fine", None))
    row["sources"] = [{"start": 0, "end": len(source), "text": source}]
    write(tmp_path / "dev.jsonl", json.dumps(row) + "\n")
    (document,) = read_polnear(tmp_path)
    assert document.statements[0].speaker_name == name


def test_read_polnear_rejects_wrong_offsets(tmp_path: Path) -> None:
    """Offsets that do not cover the annotated text are a format error."""
    write(tmp_path / "dev" / "text" / "a.txt", BRAT_TEXT)
    write(tmp_path / "dev.jsonl", polnear_row("a", 48, 64, "that it was fine", "indirect"))
    with pytest.raises(CorpusFormatError, match="offsets 48:64"):
        read_polnear(tmp_path)


def test_read_polnear_rejects_a_missing_text(tmp_path: Path) -> None:
    """An attribution in a document with no text is a format error."""
    write(tmp_path / "dev" / "text" / "a.txt", BRAT_TEXT)
    write(tmp_path / "dev.jsonl", polnear_row("zz", 0, 5, "Title", "indirect"))
    with pytest.raises(CorpusFormatError, match="no text for document 'zz'"):
        read_polnear(tmp_path)


def test_default_corpora_root_reads_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QUOTEATTR_CORPORA decides alone: its folder, or None when it does not exist."""
    monkeypatch.setenv("QUOTEATTR_CORPORA", str(tmp_path))
    assert tmp_path == default_corpora_root()
    monkeypatch.setenv("QUOTEATTR_CORPORA", str(tmp_path / "absent"))
    assert default_corpora_root() is None


# the command


def seed_files(base: Path) -> Path:
    """Write a tiny seed corpus under ``base`` and return the corpora root."""
    seed = {
        "doc_id": "tiny",
        "statements": [
            {
                "type": "direct",
                "content": [{"start": 0, "end": 19, "text": "“The deal is dead,”"}],
                "speaker": {"start": 20, "end": 25, "text": "Smith"},
                "cue": {"start": 26, "end": 30, "text": "said"},
                "speaker_name": "John Smith",
            },
            {
                "type": "indirect",
                "content": [{"start": 68, "end": 100, "text": TEXT[68:100]}],
                "speaker_name": "Jones",
                "note": "optional: a guess",
            },
        ],
    }
    write(base / "examples" / "lavrov.txt", TEXT)
    write(base / "examples" / "lavrov.gold.json", json.dumps(seed, ensure_ascii=False))
    (base / "corpora").mkdir()
    return base / "corpora"


def parse(*argv: str) -> argparse.Namespace:
    """Parse evaluate arguments."""
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    return parser.parse_args(list(argv))


def test_read_seed(tmp_path: Path) -> None:
    """The seed format gives sources, cues, names and the optional flag."""
    seed_files(tmp_path)
    examples = tmp_path / "examples"
    document = read_seed(examples / "lavrov.gold.json", examples / "lavrov.txt")
    first, second = document.statements
    assert (
        document.id,
        first.id,
        first.sources[0].text,
        first.speaker_name,
    ) == ("tiny", "S1", "Smith", "John Smith")
    assert (first.optional, second.optional) == (False, True)


def test_run_with_extractor(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The command scores an extractor on the chosen corpus and prints JSON."""
    root = seed_files(tmp_path)
    examples = tmp_path / "examples"
    documents = [read_seed(examples / "lavrov.gold.json", examples / "lavrov.txt")]
    args = parse("--corpus", "seed", "--root", str(root), "--format", "json")
    assert run(args, lambda: FakeExtractor(documents)) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["gold"], data["optional"], data["modes"]["exact"]["all"]["fp"]) == (1, 1, 0)


def test_run_with_predictions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Saved predictions are loaded with the given loader instead of running an extractor."""
    root = seed_files(tmp_path)
    saved = write(tmp_path / "predictions.jsonl", json.dumps({"id": "tiny", "statements": []}))

    def load_result(data: dict[str, object], text: str) -> Result:
        return make_result(text, [predicted("The deal is dead", Kind.DIRECT)])

    def no_extractor() -> FakeExtractor:
        raise AssertionError

    args = parse("--corpus", "seed", "--root", str(root), "--predictions", str(saved))
    assert run(args, no_extractor, load_result) == 0
    out = capsys.readouterr().out
    assert "| all " in out
    assert "| direct " in out


def test_run_kind_filter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--kind limits the rows shown."""
    root = seed_files(tmp_path)
    examples = tmp_path / "examples"
    documents = [read_seed(examples / "lavrov.gold.json", examples / "lavrov.txt")]
    args = parse(
        "--corpus", "seed", "--root", str(root), "--kind", "direct", "--format", "markdown"
    )
    assert run(args, lambda: FakeExtractor(documents)) == 0
    out = capsys.readouterr().out
    assert ("| direct " in out, "| all " in out) == (True, False)


def test_run_without_corpora(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Missing corpora exit with status 2 and say how to point at them."""
    monkeypatch.setenv("QUOTEATTR_CORPORA", str(tmp_path / "absent"))
    assert run(parse(), lambda: FakeExtractor([])) == 2
    err = capsys.readouterr().err
    assert "--root" in err
    assert "QUOTEATTR_CORPORA" in err


def test_evaluate_imports_no_spacy() -> None:
    """Importing the evaluation package does not import spaCy."""
    code = "import sys, quoteattr.evaluate; print('spacy' in sys.modules)"
    source = str(Path(quoteattr.evaluate.__file__).resolve().parents[2])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([source, os.environ.get("PYTHONPATH", "")])}
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert completed.stdout.strip() == "False"


# the real corpora


@pytest.fixture(scope="module")
def corpora() -> Path:
    """Return the corpora folder, or skip when it is absent."""
    root = default_corpora_root()
    if root is None or not (root / "polnear").is_dir():
        pytest.skip("annotated corpora not found (../shared/corpora or QUOTEATTR_CORPORA)")
    return root


@pytest.fixture(scope="module")
def polnear_dev(corpora: Path) -> list[GoldDocument]:
    """Return PolNeAR's dev split."""
    return read_polnear(corpora / "polnear", "dev")


def assert_offsets(documents: Iterable[GoldDocument]) -> int:
    """Check every gold span against its text and return how many were checked."""
    checked = 0
    for document in documents:
        for statement in document.statements:
            for item in (*statement.content, *statement.sources, *statement.cues):
                assert item.text == document.text[item.start : item.end]
                checked += 1
    return checked


@pytest.mark.corpus
def test_polnear_dev_offsets(polnear_dev: list[GoldDocument]) -> None:
    """Every PolNeAR dev span covers its text exactly."""
    assert assert_offsets(polnear_dev) > 6000


@pytest.mark.corpus
def test_polnear_dev_counts(polnear_dev: list[GoldDocument]) -> None:
    """PolNeAR dev has 84 documents and 2,193 attributions by the README's counts."""
    kinds: dict[str | None, int] = {}
    for document in polnear_dev:
        for statement in document.statements:
            key = statement.kind.value if statement.kind else None
            kinds[key] = kinds.get(key, 0) + 1
    assert len(polnear_dev) == 84
    assert kinds == {"direct": 399, "mixed": 300, "indirect": 1493, None: 1}


@pytest.mark.corpus
def test_brat_agrees_with_jsonl(corpora: Path, polnear_dev: list[GoldDocument]) -> None:
    """The raw brat files of the first annotator give the normalised JSONL's spans."""
    ann_files = {}
    with open(corpora / "polnear" / "dev.jsonl", encoding="utf-8") as file:
        for line in file:
            row = json.loads(line)
            ann_files[row["doc_id"]] = row["ann_file"]
    folder = corpora / "polnear" / "dev"
    for document in polnear_dev[:8]:
        raw = read_brat(
            folder / "attributions" / ann_files[document.id], folder / "text" / f"{document.id}.txt"
        )
        expected = [(s.id, s.content, s.sources, s.cues) for s in document.statements]
        assert expected == [(s.id, s.content, s.sources, s.cues) for s in raw.statements]
        agreeing = sum(
            a.kind == b.kind for a, b in zip(document.statements, raw.statements, strict=True)
        )
        assert agreeing >= 0.9 * len(document.statements)


@pytest.mark.corpus
def test_kind_of_agrees_with_polnear_types(polnear_dev: list[GoldDocument]) -> None:
    """The derived kind agrees with PolNeAR's own type for over 99% of dev."""
    statements = [
        (document.text, statement) for document in polnear_dev for statement in document.statements
    ]
    agreeing = sum(kind_of(text, s.content) == s.kind for text, s in statements)
    assert agreeing >= 0.99 * len(statements)


@pytest.mark.corpus
def test_litbank(corpora: Path) -> None:
    """LitBank has 100 documents, 14 without quotes, and 1,765 named direct quotes."""
    folder = corpora / "litbank-quotations"
    if not folder.is_dir():
        pytest.skip("LitBank quotations not found")
    documents = read_litbank(folder)
    statements = [statement for document in documents for statement in document.statements]
    assert (
        len(documents),
        sum(not document.statements for document in documents),
        len(statements),
    ) == (100, 14, 1765)
    # LitBank annotates quotes, not statements.
    assert {document.unit for document in documents} == {"quote"}
    assert {Kind.DIRECT} == {statement.kind for statement in statements}
    assert all(statement.speaker_name for statement in statements)
    assert assert_offsets(documents) == 1765


@pytest.mark.corpus
def test_seed(corpora: Path) -> None:
    """The seed document has nine statements, the belief one optional, all offsets right."""
    examples = corpora.parent / "examples"
    if not (examples / "lavrov.gold.json").is_file():
        pytest.skip("seed document not found")
    document = read_seed(examples / "lavrov.gold.json", examples / "lavrov.txt")
    assert len(document.statements) == 9
    assert [statement.id for statement in document.statements if statement.optional] == ["S8"]
    assert assert_offsets([document]) > 9


def test_quote_units_split_interrupted_quotes_only() -> None:
    """Against quotes (LitBank), the halves of "“A,” he said, “B.”" are two predictions.

    The pieces of one quote running over two paragraphs stay one.
    """
    text = "“We will win,” he said, “and soon.”\n“It is done.\nNobody doubts it.”"
    gold = [
        GoldStatement("Q1", Kind.DIRECT, (span(text, "“We will win,”"),), (), (), "Smith"),
        GoldStatement("Q2", Kind.DIRECT, (span(text, "“and soon.”"),), (), (), "Smith"),
        GoldStatement(
            "Q3", Kind.DIRECT, (span(text, "“It is done.\nNobody doubts it.”"),), (), (), "Smith"
        ),
    ]
    found = [
        Statement(
            kind=Kind.DIRECT,
            content=(span(text, "We will win,"), span(text, "and soon.")),
            speaker=Speaker(name="Smith"),
        ),
        Statement(
            kind=Kind.DIRECT,
            content=(span(text, "It is done."), span(text, "Nobody doubts it.")),
            speaker=Speaker(name="Smith"),
        ),
    ]
    result = make_result(text, found)
    as_quotes = score([GoldDocument("d", text, tuple(gold), unit="quote")], {"d": result})
    row = as_quotes.row("overlap50")
    assert (row.tp, row.fp, row.fn) == (3, 0, 0)
    assert row.name.value == 1.0
    as_statements = score([GoldDocument("d", text, tuple(gold))], {"d": result})
    row = as_statements.row("overlap50")
    assert (row.tp, row.fp, row.fn) == (2, 0, 1)
