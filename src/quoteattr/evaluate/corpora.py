"""Read gold attributions from the annotated corpora into plain value classes.

Readers for the corpora described in ``../shared/corpora/README.md``:

- :func:`read_polnear`: PolNeAR's normalised ``<split>.jsonl`` plus its texts;
- :func:`read_brat`: one raw PolNeAR brat standoff file (``.ann``) plus its text;
- :func:`read_litbank`: LitBank's normalised ``quotations.jsonl`` plus its texts;
- :func:`read_seed`: the hand-made gold of the seed document (``lavrov.gold.json``).

Every reader returns :class:`GoldDocument` objects whose spans obey
``document.text[span.start:span.end] == span.text``; a file whose offsets do not
match its text raises :class:`~quoteattr.errors.CorpusFormatError`. Texts are
read as UTF-8 with ``newline=""`` (no newline translation), because the
corpora's offsets count characters of the file exactly as stored.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from quoteattr.errors import CorpusFormatError
from quoteattr.model import Kind, Span

__all__ = [
    "CORPORA",
    "GoldDocument",
    "GoldStatement",
    "default_corpora_root",
    "kind_of",
    "load_corpus",
    "read_brat",
    "read_litbank",
    "read_polnear",
    "read_seed",
]

#: The corpus names :func:`load_corpus` knows.
CORPORA = ("polnear", "litbank", "seed")

# Double quotation marks only: the corpus README derives PolNeAR's ``type`` from
# letters inside *double* quotation marks, and a single ’ is an apostrophe far
# more often than a quote mark. ``...'' is the LaTeX/PTB convention some
# outlets' feeds (the NYT's) still use; there '' serves as both opening and
# closing mark, so it is ambiguous like the straight ".
_OPENING_MARKS = ("``", "“", "«", "„")
_CLOSING_MARKS = ("”", "»")
_AMBIGUOUS_MARKS = ("''", '"')
_MARKS = tuple(sorted(_OPENING_MARKS + _CLOSING_MARKS + _AMBIGUOUS_MARKS, key=len, reverse=True))

_ENVIRONMENT_VARIABLE = "QUOTEATTR_CORPORA"


def _sorted_spans(value: Iterable[Span]) -> tuple[Span, ...]:
    return tuple(sorted(value))


def _statements(value: Iterable[GoldStatement]) -> tuple[GoldStatement, ...]:
    return tuple(value)


@attrs.frozen
class GoldStatement:
    """One gold attribution: its content fragments and, if annotated, source and cue.

    Attributes:
        id: the annotation's id, unique within its document ("E12", "Q307", "S3").
        kind: direct, indirect or mixed; ``None`` when the content has no letters
            to decide by (an annotation with no content).
        content: the fragments of what was said, in text order (may be empty in
            a malformed annotation; the scorer skips such statements).
        sources: the mentions of who said it, in text order (empty when the
            corpus annotates none).
        cues: the words that mark the attribution, in text order.
        speaker_name: the resolved speaker's name, where the corpus gives one
            (LitBank, the seed).
        optional: whether finding it is allowed but not required (the scorer
            counts neither a hit nor a miss on it).

    """

    id: str
    kind: Kind | None
    content: tuple[Span, ...] = attrs.field(converter=_sorted_spans)
    sources: tuple[Span, ...] = attrs.field(converter=_sorted_spans)
    cues: tuple[Span, ...] = attrs.field(converter=_sorted_spans)
    speaker_name: str | None = None
    optional: bool = False


@attrs.frozen
class GoldDocument:
    """One annotated document: its text and its gold statements (possibly none)."""

    id: str
    text: str = attrs.field(repr=False)
    statements: tuple[GoldStatement, ...] = attrs.field(converter=_statements)
    #: What one gold item is: a ``"statement"`` (PolNeAR, the seed: content
    #: with all its fragments) or a ``"quote"`` (LitBank: each stretch between
    #: quote marks on its own, so "“A,” he said, “B.”" is two quotes). Against
    #: quotes, each fragment of a predicted statement is scored on its own.
    unit: str = "statement"


# Words that open a source mention that is not a name ("The minister", "He").
_OPENERS = """
    the a an he she it they we i you his her its their our my your this that these those
    both some many most all several each every other another one two three four five
    few no any such former
"""
_NOT_NAMES = frozenset(_OPENERS.split())
# Where a source's name ends: an apposition, a dash or a bracket.
_SOURCE_CUT_RE = re.compile(r",|\s--|\s—|\s\(")
# Lower-case words inside names ("Secretary of State John Kerry", "Ursula von der Leyen").
_NAME_PARTICLES = frozenset({"of", "de", "van", "von", "der", "den", "la", "le", "du", "da", "bin"})


def _mark_at(chunk: str, index: int) -> str | None:
    for mark in _MARKS:
        if chunk.startswith(mark, index):
            return mark
    return None


def kind_of(text: str, spans: Sequence[Span]) -> Kind | None:
    """Derive a statement's kind from where its content letters sit relative to quote marks.

    ``direct`` when every letter of the content is inside double quotation
    marks, ``indirect`` when none is, ``mixed`` otherwise (the PolNeAR README's
    definition). Quote marks are paired within the content, fragment after
    fragment: “ « „ `` open, ” » close, and " and '' open when outside a quote
    and close when inside. A closing mark with no opening mark before it means
    the quote began before the content, so the letters before it count as
    quoted (news content often starts after the opening mark). This agrees
    with the ``type`` of 99.5% of PolNeAR's dev and 99.8% of its train
    attributions; the rest have stray or mistyped marks.

    Args:
        text: the document text the spans index into.
        spans: the content fragments.

    Returns:
        The kind, or ``None`` when the content holds no letters.

    """
    quoted = unquoted = 0
    inside = False
    pending = 0  # letters seen outside a quote since the last mark
    for span in sorted(spans):
        chunk = text[span.start : span.end]
        index = 0
        while index < len(chunk):
            mark = _mark_at(chunk, index)
            if mark is None:
                if chunk[index].isalpha():
                    if inside:
                        quoted += 1
                    else:
                        pending += 1
                index += 1
                continue
            index += len(mark)
            opens = mark in _OPENING_MARKS or (mark in _AMBIGUOUS_MARKS and not inside)
            if opens:
                if not inside:
                    unquoted += pending
                    pending = 0
                    inside = True
            elif inside:
                inside = False
            else:
                quoted += pending
                pending = 0
    unquoted += pending
    if quoted + unquoted == 0:
        return None
    if unquoted == 0:
        return Kind.DIRECT
    if quoted == 0:
        return Kind.INDIRECT
    return Kind.MIXED


def _read_text(path: Path) -> str:
    try:
        with open(path, encoding="utf-8", newline="") as file:
            return file.read()
    except (OSError, UnicodeDecodeError) as error:
        msg = f"cannot read text file {path}: {error}"
        raise CorpusFormatError(msg) from error


def _read_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        with open(path, encoding="utf-8", newline="") as file:
            lines = file.read().splitlines()
    except (OSError, UnicodeDecodeError) as error:
        msg = f"cannot read annotation file {path}: {error}"
        raise CorpusFormatError(msg) from error
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            msg = f"{path}:{number}: not a JSON object ({error})"
            raise CorpusFormatError(msg) from error
        if not isinstance(row, dict):
            msg = f"{path}:{number}: expected a JSON object (got {type(row).__name__})"
            raise CorpusFormatError(msg)
        yield number, row


def _span(text: str, value: Any, where: str) -> Span:
    """Return the span a ``{"start", "end", "text"}`` object describes, checked against ``text``."""
    try:
        start, end, expected = int(value["start"]), int(value["end"]), value.get("text")
    except (TypeError, KeyError, ValueError) as error:
        msg = f"{where}: expected a span object with 'start' and 'end' (got {value!r})"
        raise CorpusFormatError(msg) from error
    try:
        span = Span.of(text, start, end)
    except ValueError as error:
        msg = f"{where}: {error}"
        raise CorpusFormatError(msg) from error
    if expected is not None and span.text != expected:
        msg = (
            f"{where}: offsets {start}:{end} cover {span.text[:40]!r} but the annotation "
            f"says {str(expected)[:40]!r}; read the text as UTF-8 with newline=''"
        )
        raise CorpusFormatError(msg)
    return span


def _spans(text: str, values: Any, where: str) -> tuple[Span, ...]:
    if values is None:
        return ()
    if not isinstance(values, list):
        msg = f"{where}: expected a list of spans (got {type(values).__name__})"
        raise CorpusFormatError(msg)
    return tuple(_span(text, value, where) for value in values)


def _kind(value: Any, text: str, content: Sequence[Span], where: str) -> Kind | None:
    if value is None:
        return kind_of(text, content)
    try:
        return Kind(value)
    except ValueError as error:
        msg = f"{where}: unknown type {value!r} (expected direct, indirect, mixed or null)"
        raise CorpusFormatError(msg) from error


def _statement_from_row(
    row: dict[str, Any], text: str, where: str, speaker_key: str | None = None
) -> GoldStatement:
    content = _spans(text, row.get("contents"), where)
    speaker_name = row.get(speaker_key) if speaker_key else None
    return GoldStatement(
        id=str(row.get("id", "")),
        kind=_kind(row.get("type"), text, content, where),
        content=content,
        sources=_spans(text, row.get("sources"), where),
        cues=_spans(text, row.get("cues"), where),
        speaker_name=str(speaker_name) if speaker_name is not None else None,
    )


def _read_jsonl_corpus(
    jsonl: Path, text_dir: Path, text_names: Sequence[str], speaker_key: str | None
) -> list[GoldDocument]:
    """Read a normalised corpus: one gold attribution a line, texts at ``text_dir/<doc_id>.txt``.

    Every text in ``text_names`` becomes a document, with or without statements,
    so documents without gold still count against false positives.
    """
    rows: dict[str, list[tuple[int, dict[str, Any]]]] = {name: [] for name in text_names}
    for number, row in _read_jsonl(jsonl):
        doc_id = row.get("doc_id")
        if not isinstance(doc_id, str) or not doc_id:
            msg = f"{jsonl}:{number}: missing 'doc_id'"
            raise CorpusFormatError(msg)
        if doc_id not in rows:
            msg = f"{jsonl}:{number}: no text for document {doc_id!r} in {text_dir}"
            raise CorpusFormatError(msg)
        rows[doc_id].append((number, row))
    documents = []
    for doc_id, doc_rows in rows.items():
        text = _read_text(text_dir / f"{doc_id}.txt")
        statements = tuple(
            _statement_from_row(row, text, f"{jsonl}:{number}", speaker_key)
            for number, row in doc_rows
        )
        documents.append(GoldDocument(id=doc_id, text=text, statements=statements))
    return documents


def _text_names(text_dir: Path, suffix: str = ".txt") -> list[str]:
    if not text_dir.is_dir():
        msg = f"no text directory at {text_dir}"
        raise CorpusFormatError(msg)
    return sorted(path.name[: -len(".txt")] for path in text_dir.glob(f"*{suffix}"))


def read_polnear(root: Path, split: str = "dev") -> list[GoldDocument]:
    """Read one split of PolNeAR from its normalised JSONL and its texts.

    Every text in ``<root>/<split>/text/`` becomes a document, in file-name
    order, including texts without gold attributions.

    Args:
        root: the PolNeAR folder (holding ``dev.jsonl`` and ``dev/text/``).
        split: ``"dev"`` or ``"train"``.

    Returns:
        The documents of the split.

    Raises:
        CorpusFormatError: if a file is missing or unreadable, or an offset does
            not match its text.

    """
    root = Path(root)
    text_dir = root / split / "text"
    documents = _read_jsonl_corpus(root / f"{split}.jsonl", text_dir, _text_names(text_dir), None)
    return [
        attrs.evolve(
            document, statements=[_named_source(s, document.text) for s in document.statements]
        )
        for document in documents
    ]


def _named_source(statement: GoldStatement, text: str) -> GoldStatement:
    """Return a PolNeAR statement with its source as ``speaker_name`` when the source is a name.

    PolNeAR marks the source mention, not the entity. A mention that is a
    name, once an apposition after it is cut ("Mr. King, 82," is "Mr. King"),
    names the speaker, and the ``name`` accuracy judges whom we resolved them
    to. A pronoun, a description ("The minister", "Critics": one word the
    text also writes in lower case), a name inside a phrase about something
    else ("Clinton's campaign", "McConnell aides") or two people ("Trump and
    Clinton") is no name.
    """
    if not statement.sources:
        return statement
    name = _SOURCE_CUT_RE.split(statement.sources[0].text.strip(), maxsplit=1)[0].strip()
    words = name.split()
    if not words or words[0].lower().strip(".,'’") in _NOT_NAMES:
        return statement
    if not all(_name_word(word) for word in words):
        return statement
    if len(words) == 1 and re.search(rf"\b{re.escape(name.lower())}\b", text):
        return statement
    return attrs.evolve(statement, speaker_name=name)


def _name_word(word: str) -> bool:
    """Return whether a word can be part of a name: capitalised, not a possessive."""
    if word in _NAME_PARTICLES:
        return True
    return word[:1].isupper() and not word.endswith(("'s", "’s", "'", "’"))


def read_litbank(root: Path) -> list[GoldDocument]:
    """Read LitBank's quotations from the normalised JSONL and the tokenised texts.

    Document ids are the text files' names without ``.txt``
    (``"105_persuasion_brat"``); every text in ``quotations/tsv/`` becomes a
    document, including the 14 excerpts without quotations. Each quotation's
    ``speaker_string`` becomes its ``speaker_name``; LitBank annotates no
    source or cue spans. The documents' ``unit`` is ``"quote"``: LitBank
    annotates each half of an interrupted quote as a quote of its own.

    Args:
        root: the LitBank folder (holding ``quotations.jsonl`` and ``quotations/tsv/``).

    Returns:
        The documents, in file-name order.

    Raises:
        CorpusFormatError: if a file is missing or unreadable, or an offset does
            not match its text.

    """
    root = Path(root)
    text_dir = root / "quotations" / "tsv"
    names = _text_names(text_dir, suffix="_brat.txt")
    documents = _read_jsonl_corpus(root / "quotations.jsonl", text_dir, names, "speaker_string")
    return [attrs.evolve(document, unit="quote") for document in documents]


# brat standoff: "T12<TAB>Content 315 448;463 553<TAB>covered text".
_BRAT_TEXT_BOUND = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t|$)")
_BRAT_ROLE_INDEX = re.compile(r"\d+$")


def _brat_fragments(text: str, offsets: str, where: str) -> tuple[Span, ...]:
    fragments = []
    for pair in offsets.split(";"):
        start, end = (int(number) for number in pair.split())
        try:
            fragments.append(Span.of(text, start, end))
        except ValueError as error:
            msg = f"{where}: {error}"
            raise CorpusFormatError(msg) from error
    return tuple(fragments)


def read_brat(ann_path: Path, txt_path: Path) -> GoldDocument:
    """Read one PolNeAR brat standoff file and the text it annotates.

    Each ``E`` line becomes a statement with the ``E`` id; its ``Content``,
    ``Content2``, ... arguments give the content fragments (discontinuous
    ``start end;start end`` offsets become several fragments), ``Source`` the
    sources and ``Cue`` the cues. The kind is derived with :func:`kind_of`.
    ``T`` lines no ``E`` line uses (``Discuss`` notes) are ignored, and so are
    continuation lines of span texts that contain newlines: offsets are
    authoritative, the covered text on the ``T`` line is not checked.

    Args:
        ann_path: the ``.ann`` file.
        txt_path: the ``.txt`` file it annotates; its name (without ``.txt``)
            becomes the document id.

    Returns:
        The document with its statements in ``E`` line order.

    Raises:
        CorpusFormatError: if a file is unreadable, an offset falls outside the
            text or an ``E`` line names an unknown ``T`` id.

    """
    ann_path, txt_path = Path(ann_path), Path(txt_path)
    text = _read_text(txt_path)
    annotation = _read_text(ann_path)
    bounds: dict[str, tuple[str, tuple[Span, ...]]] = {}
    events: list[tuple[int, str, list[tuple[str, str]]]] = []
    for number, line in enumerate(annotation.splitlines(), start=1):
        where = f"{ann_path}:{number}"
        if match := _BRAT_TEXT_BOUND.match(line):
            t_id, label, offsets = match.groups()
            bounds[t_id] = (label, _brat_fragments(text, offsets, where))
        elif line.startswith("E") and "\t" in line:
            e_id, arguments = line.split("\t", 1)
            roles = []
            for argument in arguments.split():
                role, _, target = argument.partition(":")
                roles.append((_BRAT_ROLE_INDEX.sub("", role), target))
            events.append((number, e_id, roles))
    statements = []
    for number, e_id, roles in events:
        found: dict[str, list[Span]] = {"Content": [], "Source": [], "Cue": []}
        for role, target in roles:
            if target not in bounds:
                msg = f"{ann_path}:{number}: {e_id} refers to {target!r}, which no T line defines"
                raise CorpusFormatError(msg)
            if role in found:
                found[role].extend(bounds[target][1])
        content = tuple(found["Content"])
        statements.append(
            GoldStatement(
                id=e_id,
                kind=kind_of(text, content),
                content=content,
                sources=found["Source"],
                cues=found["Cue"],
            )
        )
    doc_id = txt_path.name[: -len(".txt")] if txt_path.name.endswith(".txt") else txt_path.name
    return GoldDocument(id=doc_id, text=text, statements=statements)


def read_seed(path: Path, text_path: Path) -> GoldDocument:
    """Read a hand-made gold file in the seed format (``lavrov.gold.json``).

    Each statement has ``type``, ``content`` (a list of spans), optional
    ``speaker`` and ``cue`` spans, ``speaker_name`` and an optional ``note``;
    a note containing "optional" marks the statement optional. Statements get
    ids ``S1``, ``S2``, ... in file order.

    Args:
        path: the gold JSON file.
        text_path: the text its offsets index into.

    Returns:
        The document; its id is the file's ``doc_id``, else the text's file stem.

    Raises:
        CorpusFormatError: if a file is unreadable or malformed, or an offset
            does not match the text.

    """
    path, text_path = Path(path), Path(text_path)
    text = _read_text(text_path)
    try:
        with open(path, encoding="utf-8") as file:
            data = json.load(file)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        msg = f"cannot read gold file {path}: {error}"
        raise CorpusFormatError(msg) from error
    if not isinstance(data, dict) or not isinstance(data.get("statements"), list):
        msg = f"{path}: expected an object with a 'statements' list"
        raise CorpusFormatError(msg)
    statements = []
    for number, item in enumerate(data["statements"], start=1):
        where = f"{path}: statement {number}"
        if not isinstance(item, dict):
            msg = f"{where}: expected an object (got {type(item).__name__})"
            raise CorpusFormatError(msg)
        content = _spans(text, item.get("content"), where)
        speaker, cue, name = item.get("speaker"), item.get("cue"), item.get("speaker_name")
        statements.append(
            GoldStatement(
                id=f"S{number}",
                kind=_kind(item.get("type"), text, content, where),
                content=content,
                sources=(_span(text, speaker, where),) if speaker else (),
                cues=(_span(text, cue, where),) if cue else (),
                speaker_name=str(name) if name is not None else None,
                optional="optional" in str(item.get("note") or "").lower(),
            )
        )
    doc_id = data.get("doc_id") or text_path.stem
    return GoldDocument(id=str(doc_id), text=text, statements=statements)


def default_corpora_root() -> Path | None:
    """Return where the annotated corpora live, if they can be found.

    In order: the ``QUOTEATTR_CORPORA`` environment variable (when set, it
    alone decides); ``../shared/corpora`` relative to the working directory;
    ``shared/corpora`` beside the repository, found by walking up from this
    file.

    Returns:
        The corpora folder, or ``None`` if none exists.

    """
    configured = os.environ.get(_ENVIRONMENT_VARIABLE)
    if configured:
        path = Path(configured).expanduser()
        return path if path.is_dir() else None
    candidates = [Path.cwd().parent / "shared" / "corpora"]
    candidates += [folder / "shared" / "corpora" for folder in Path(__file__).resolve().parents]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return None


def load_corpus(name: str, root: Path, split: str = "dev") -> list[GoldDocument]:
    """Load a corpus by name from the corpora folder.

    Args:
        name: ``"polnear"`` (reads ``<root>/polnear``), ``"litbank"`` (reads
            ``<root>/litbank-quotations``; ``split`` is ignored) or ``"seed"``
            (reads ``<root>/../examples/lavrov.gold.json``; ``split`` is ignored).
        root: the corpora folder (see :func:`default_corpora_root`).
        split: the PolNeAR split.

    Returns:
        The documents.

    Raises:
        ValueError: if the name is not one of :data:`CORPORA`.
        CorpusFormatError: if the corpus is missing or unreadable.

    """
    root = Path(root)
    if name == "polnear":
        return read_polnear(root / "polnear", split)
    if name == "litbank":
        return read_litbank(root / "litbank-quotations")
    if name == "seed":
        examples = root.parent / "examples"
        return [read_seed(examples / "lavrov.gold.json", examples / "lavrov.txt")]
    msg = f"unknown corpus {name!r} (expected one of {', '.join(CORPORA)})"
    raise ValueError(msg)
