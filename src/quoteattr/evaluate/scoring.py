"""Score predicted statements against gold statements.

Content as a set of characters
    A statement's content is the set of character positions of its fragments
    that hold a letter or digit (``str.isalnum``). Quote marks (“ ” " ‘ ’ ' « »
    „ ` and the ``...'' convention), whitespace and punctuation at the edges or
    inside thus never decide a match: ``“Yes,” he said`` and ``Yes`` have the
    same content. A gold statement whose content has no such character (an
    annotation without content) cannot be matched and is skipped: counted in
    :attr:`Report.skipped`, never as a miss.

Three matching modes
    ``exact``: the two character sets are equal. ``overlap50``: they share at
    least half of the larger one, ``|P ∩ G| >= 0.5 * max(|P|, |G|)``. ``any``:
    they share a character. In every mode matching is one-to-one within a
    document: candidate pairs are taken greedily by descending overlap size
    (ties: the gold, then the prediction, that starts first), each gold and
    each prediction used at most once.

Units
    Against a corpus whose documents have ``unit == "quote"`` (LitBank: each
    stretch between quote marks is one gold quote, so the two halves of
    "“A,” he said, “B.”" are two), each fragment of a predicted statement is
    scored as a prediction of its own, with its statement's speaker (the
    pieces of one quote running over several paragraphs stay one).

Counting
    A matched non-optional gold is a true positive; an unmatched prediction a
    false positive; an unmatched non-optional gold a false negative. A
    prediction matched to an optional gold is neither, and an unmatched
    optional gold is no miss. Per kind, recall counts gold statements by their
    gold kind and precision counts predictions by their predicted kind, so a
    direct quote found but labelled mixed helps direct recall and mixed
    precision; F1 combines the two. The ``all`` row ignores kinds.

Attribution accuracy on matched pairs
    Computed for every mode over the true positives (pairs with a non-optional
    gold), overall and by gold kind:

    - ``speaker``: the predicted speaker mention overlaps a gold source span;
      pairs whose gold has no source are left out; a prediction without a
      mention counts as wrong.
    - ``cue``: the predicted cue overlaps a gold cue span, likewise.
    - ``kind``: the predicted kind equals the gold kind (gold without a kind left out).
    - ``name``: the predicted speaker's ``name`` matches the gold
      ``speaker_name`` by :func:`names_match` (gold without a name left out).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from quoteattr.errors import CorpusFormatError
from quoteattr.evaluate.corpora import GoldDocument, GoldStatement
from quoteattr.model import Kind, Result, Span, Statement

__all__ = [
    "ALL",
    "CALIBRATION_EDGES",
    "MODES",
    "Accuracy",
    "CalibrationBin",
    "ModeScore",
    "Report",
    "Row",
    "calibration_bins",
    "content_characters",
    "match",
    "names_match",
    "score",
]

#: The matching modes, strictest first.
MODES = ("exact", "overlap50", "any")

#: The name of the row that ignores kinds.
ALL = "all"

_ROW_NAMES = (ALL, *(kind.value for kind in Kind))

# Titles dropped before comparing names: "Mr. Darcy" is "Darcy". Gendered ones
# also keep apart relatives that share a surname ("Mr Bennet" is not "Mrs Bennet").
_MALE_TITLES = frozenset(
    {"mr", "mister", "sir", "lord", "master", "king", "prince", "duke", "baron", "count"}
)
_FEMALE_TITLES = frozenset(
    {"mrs", "ms", "miss", "mme", "madam", "madame", "lady", "dame", "queen", "princess"}
    | {"duchess", "baroness", "countess"}
)
_OTHER_TITLES = frozenset(
    {"dr", "doctor", "prof", "professor", "rev", "reverend", "mx", "captain", "capt"}
    | {"colonel", "col", "major", "sergeant", "sgt", "lieutenant", "lt", "general", "gen"}
    | {"admiral", "senator", "sen", "governor", "gov", "president", "judge", "rep"}
)
_TITLES = _MALE_TITLES | _FEMALE_TITLES | _OTHER_TITLES
# Titles that are never a name of their own ("King", "Major" may be surnames).
_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "mx", "mme", "dr", "prof", "rev", "capt", "col", "sgt", "lt"}
    | {"gen", "gov", "sen", "rep", "sir", "lady", "lord", "miss", "mister", "madam"}
)
# Articles say nothing about who: "the waggoner" is "a waggoner".
_ARTICLES = frozenset({"the", "a", "an"})
# An unnamed first-person speaker and a corpus's label for the narrator.
_NARRATOR = {("i",), ("narrator",)}
_NAME_TOKEN = re.compile(r"[^\W_]+")


@attrs.frozen
class Accuracy:
    """How many of the pairs that could be judged were right."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        """Return ``correct / total``, or ``None`` when nothing could be judged."""
        return self.correct / self.total if self.total else None

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)

    def to_dict(self) -> dict[str, Any]:
        """Return the counts and the value as JSON-ready data."""
        return {"correct": self.correct, "total": self.total, "value": self.value}


def _rows(value: Iterable[Row]) -> tuple[Row, ...]:
    return tuple(value)


def _modes(value: Iterable[ModeScore]) -> tuple[ModeScore, ...]:
    return tuple(value)


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


@attrs.frozen
class Row:
    """The counts for one kind (or ``all``) in one matching mode.

    Attributes:
        kind: ``"all"``, ``"direct"``, ``"indirect"`` or ``"mixed"``.
        tp: gold statements of this gold kind that were matched (recall's numerator).
        fn: gold statements of this gold kind that were not.
        tp_predicted: predictions of this predicted kind matched to a gold
            statement (precision's numerator; equals ``tp`` in the ``all`` row).
        fp: predictions of this predicted kind matched to nothing.
        speaker: speaker-mention accuracy on the matched pairs of this gold kind.
        cue: cue accuracy, likewise.
        kind_accuracy: share of those pairs whose predicted kind is the gold kind.
        name: speaker-name accuracy, likewise.

    """

    kind: str
    tp: int = 0
    fn: int = 0
    tp_predicted: int = 0
    fp: int = 0
    speaker: Accuracy = attrs.field(factory=Accuracy)
    cue: Accuracy = attrs.field(factory=Accuracy)
    kind_accuracy: Accuracy = attrs.field(factory=Accuracy)
    name: Accuracy = attrs.field(factory=Accuracy)

    @property
    def precision(self) -> float | None:
        """Return ``tp_predicted / (tp_predicted + fp)``, or ``None`` with no predictions."""
        return _ratio(self.tp_predicted, self.tp_predicted + self.fp)

    @property
    def recall(self) -> float | None:
        """Return ``tp / (tp + fn)``, or ``None`` with no gold statements."""
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        """Return the harmonic mean of precision and recall.

        Returns:
            0 if either is 0, else ``None`` if either is undefined.

        """
        precision, recall = self.precision, self.recall
        if precision == 0 or recall == 0:
            # Nothing found (or nothing right) scores 0 even when the other side is undefined.
            return 0.0
        if precision is None or recall is None:
            return None
        return 2 * precision * recall / (precision + recall)

    def to_dict(self) -> dict[str, Any]:
        """Return the counts, the scores and the accuracies as JSON-ready data."""
        return {
            "kind": self.kind,
            "tp": self.tp,
            "fn": self.fn,
            "tp_predicted": self.tp_predicted,
            "fp": self.fp,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "speaker": self.speaker.to_dict(),
            "cue": self.cue.to_dict(),
            "kind_accuracy": self.kind_accuracy.to_dict(),
            "name": self.name.to_dict(),
        }


@attrs.frozen
class ModeScore:
    """The rows of one matching mode: ``all`` first, then one per kind."""

    mode: str
    rows: tuple[Row, ...] = attrs.field(converter=_rows)

    def row(self, kind: str | Kind = ALL) -> Row:
        """Return the row for a kind, or the ``all`` row.

        Raises:
            KeyError: if there is no row by that name.

        """
        name = kind.value if isinstance(kind, Kind) else kind
        for row in self.rows:
            if row.kind == name:
                return row
        raise KeyError(name)

    def to_dict(self) -> dict[str, Any]:
        """Return the rows as JSON-ready data, keyed by kind."""
        return {row.kind: row.to_dict() for row in self.rows}


@attrs.frozen
class CalibrationBin:
    """Predictions whose confidence falls in ``[low, high)`` and how many were right.

    "Right" is a match to a gold statement under 50% overlap; predictions that
    match an optional gold statement are left out.
    """

    low: float
    high: float
    predicted: int
    matched: int

    @property
    def precision(self) -> float | None:
        """Return the share of the bin's predictions that matched gold."""
        return _ratio(self.matched, self.predicted)

    def to_dict(self) -> dict[str, Any]:
        """Return the bin as JSON-ready data."""
        return {
            "low": self.low,
            "high": self.high,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": self.precision,
        }


def _bins(value: Iterable[CalibrationBin]) -> tuple[CalibrationBin, ...]:
    return tuple(value)


# Confidence bins of the calibration table; the last one holds 1.0 too.
CALIBRATION_EDGES = (0.0, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


def calibration_bins(
    outcomes: Iterable[tuple[float, bool]], edges: Sequence[float] = CALIBRATION_EDGES
) -> list[CalibrationBin]:
    """Return the calibration table of ``(confidence, matched)`` outcomes."""
    counts = [[0, 0] for _ in edges[:-1]]
    for confidence, matched in outcomes:
        for index in range(len(edges) - 1):
            last = index == len(edges) - 2
            if edges[index] <= confidence < edges[index + 1] or (last and confidence == edges[-1]):
                counts[index][0] += 1
                counts[index][1] += matched
                break
    return [
        CalibrationBin(edges[i], edges[i + 1], predicted, matched)
        for i, (predicted, matched) in enumerate(counts)
    ]


@attrs.frozen
class Report:
    """The scores of one system on one corpus.

    Attributes:
        documents: how many documents were scored.
        gold: gold statements that count (neither optional nor skipped).
        optional: optional gold statements.
        skipped: gold statements without scorable content.
        predicted: predicted statements.
        modes: one :class:`ModeScore` per mode in :data:`MODES`.
        missing: ids of gold documents with no prediction (scored as empty).

    """

    documents: int
    gold: int
    optional: int
    skipped: int
    predicted: int
    modes: tuple[ModeScore, ...] = attrs.field(converter=_modes)
    missing: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    calibration: tuple[CalibrationBin, ...] = attrs.field(default=(), converter=_bins)

    def mode(self, name: str) -> ModeScore:
        """Return the scores of one matching mode.

        Raises:
            KeyError: if ``name`` is not one of :data:`MODES`.

        """
        for mode in self.modes:
            if mode.mode == name:
                return mode
        raise KeyError(name)

    def row(self, mode: str, kind: str | Kind = ALL) -> Row:
        """Return one mode's row for a kind (``all`` by default).

        Raises:
            KeyError: if there is no such mode or row.

        """
        return self.mode(mode).row(kind)

    def to_dict(self) -> dict[str, Any]:
        """Return the whole report as JSON-ready data."""
        return {
            "documents": self.documents,
            "gold": self.gold,
            "optional": self.optional,
            "skipped": self.skipped,
            "predicted": self.predicted,
            "missing": list(self.missing),
            "modes": {mode.mode: mode.to_dict() for mode in self.modes},
            "calibration": [b.to_dict() for b in self.calibration],
        }


def content_characters(spans: Iterable[Span]) -> frozenset[int]:
    """Return the positions of the letters and digits the spans cover.

    Args:
        spans: content fragments; their ``text`` is read, not the document's.

    Returns:
        The character offsets (into the document) of alphanumeric characters.

    """
    return frozenset(
        span.start + index
        for span in spans
        for index, char in enumerate(span.text)
        if char.isalnum()
    )


def _qualifies(mode: str, overlap: int, gold_size: int, predicted_size: int) -> bool:
    if mode == "exact":
        return overlap == gold_size == predicted_size
    if mode == "overlap50":
        return 2 * overlap >= max(gold_size, predicted_size)
    if mode == "any":
        return overlap > 0
    msg = f"unknown mode {mode!r} (expected one of {', '.join(MODES)})"
    raise ValueError(msg)


def match(
    gold: Sequence[frozenset[int]], predicted: Sequence[frozenset[int]], mode: str
) -> list[tuple[int, int]]:
    """Match gold to predicted character sets one-to-one.

    Candidate pairs that satisfy the mode are taken greedily by descending
    overlap, ties broken by gold index, then prediction index (pass both
    sequences in text order to break ties by position).

    Args:
        gold: the gold statements' content characters.
        predicted: the predictions' content characters.
        mode: one of :data:`MODES`.

    Returns:
        ``(gold index, prediction index)`` pairs, in the order they were taken.

    Raises:
        ValueError: if ``mode`` is not one of :data:`MODES`.

    """
    if mode not in MODES:
        msg = f"unknown mode {mode!r} (expected one of {', '.join(MODES)})"
        raise ValueError(msg)
    candidates = []
    for gold_index, gold_chars in enumerate(gold):
        for predicted_index, predicted_chars in enumerate(predicted):
            overlap = len(gold_chars & predicted_chars)
            if overlap and _qualifies(mode, overlap, len(gold_chars), len(predicted_chars)):
                candidates.append((-overlap, gold_index, predicted_index))
    candidates.sort()
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs = []
    for _, gold_index, predicted_index in candidates:
        if gold_index in used_gold or predicted_index in used_predicted:
            continue
        used_gold.add(gold_index)
        used_predicted.add(predicted_index)
        pairs.append((gold_index, predicted_index))
    return pairs


def _name_tokens(name: str) -> list[str]:
    return _NAME_TOKEN.findall(name.casefold())


def names_match(a: str | None, b: str | None) -> bool:
    """Return whether two speaker names plausibly name the same person.

    The rule, case-insensitive, on names split into runs of letters and digits:
    equal token lists match; otherwise titles (Mr, Mrs, Ms, Miss, Dr, Sir,
    Lady, Lord, Prince, Captain, Senator, ...) and articles are dropped and the names match when the
    remaining tokens of one are a non-empty subset of the other's: "Lavrov"
    and "Sergey Lavrov", "Mr. Darcy" and "Darcy", "the waggoner" and "a
    waggoner". Names with
    titles of opposite gender never match ("Mr Bennet" and "Mrs Bennet").
    A title left alone may be a surname ("Mr. King" = "Larry King"), an
    abbreviation never is ("Mr." names nobody). A first-person speaker ("I",
    left unnamed) is the narrator: "I" matches a
    gold name that is "narrator" alone, as corpora label the first-person
    narrator either way.

    Args:
        a: one name (``None`` or empty never matches).
        b: the other.

    Returns:
        Whether the names match.

    """
    if not a or not b:
        return False
    tokens_a, tokens_b = _name_tokens(a), _name_tokens(b)
    if not tokens_a or not tokens_b:
        return a.strip().casefold() == b.strip().casefold()
    if tokens_a == tokens_b or {tuple(tokens_a), tuple(tokens_b)} == _NARRATOR:
        return True
    titles_a, titles_b = set(tokens_a) & _TITLES, set(tokens_b) & _TITLES
    if (titles_a & _MALE_TITLES and titles_b & _FEMALE_TITLES) or (
        titles_a & _FEMALE_TITLES and titles_b & _MALE_TITLES
    ):
        return False
    words_a, words_b = set(tokens_a) - _ARTICLES, set(tokens_b) - _ARTICLES
    core_a, core_b = words_a - _TITLES, words_b - _TITLES
    if not core_a or not core_b:
        # A title may be a surname ("Mr. King", "Larry King"); an abbreviation is not.
        core_a, core_b = words_a - _ABBREVIATIONS, words_b - _ABBREVIATIONS
    if not core_a or not core_b:
        return False
    return core_a <= core_b or core_b <= core_a


def _overlaps_any(span: Span | None, others: Sequence[Span]) -> bool:
    return span is not None and any(span.overlaps(other) for other in others)


def _judge(gold: GoldStatement, predicted: Statement) -> dict[str, Accuracy]:
    """Return the four attribution judgements of one matched pair (totals 0 or 1)."""
    speaker = predicted.speaker
    mention = speaker.mention if speaker is not None else None
    name = speaker.name if speaker is not None else None
    judged = {"speaker": Accuracy(), "cue": Accuracy(), "kind": Accuracy(), "name": Accuracy()}
    if gold.sources:
        judged["speaker"] = Accuracy(int(_overlaps_any(mention, gold.sources)), 1)
    if gold.cues:
        judged["cue"] = Accuracy(int(_overlaps_any(predicted.cue, gold.cues)), 1)
    if gold.kind is not None:
        judged["kind"] = Accuracy(int(predicted.kind == gold.kind), 1)
    if gold.speaker_name:
        judged["name"] = Accuracy(int(names_match(name, gold.speaker_name)), 1)
    return judged


@attrs.define
class _Tally:
    """Mutable counts for one row while scoring."""

    tp: int = 0
    fn: int = 0
    tp_predicted: int = 0
    fp: int = 0
    accuracies: dict[str, Accuracy] = attrs.field(
        factory=lambda: {key: Accuracy() for key in ("speaker", "cue", "kind", "name")}
    )

    def row(self, kind: str) -> Row:
        return Row(
            kind=kind,
            tp=self.tp,
            fn=self.fn,
            tp_predicted=self.tp_predicted,
            fp=self.fp,
            speaker=self.accuracies["speaker"],
            cue=self.accuracies["cue"],
            kind_accuracy=self.accuracies["kind"],
            name=self.accuracies["name"],
        )


def _score_document(
    gold: Sequence[GoldStatement],
    predicted: Sequence[Statement],
    mode: str,
    tallies: dict[str, _Tally],
    outcomes: list[tuple[float, bool]] | None = None,
) -> None:
    gold_chars = [content_characters(statement.content) for statement in gold]
    predicted_chars = [content_characters(statement.content) for statement in predicted]
    pairs = dict(match(gold_chars, predicted_chars, mode))
    matched_predictions = set(pairs.values())
    for gold_index, statement in enumerate(gold):
        if statement.optional or not gold_chars[gold_index]:
            continue
        rows = [tallies[ALL]] + ([tallies[statement.kind.value]] if statement.kind else [])
        predicted_index = pairs.get(gold_index)
        if predicted_index is None:
            for tally in rows:
                tally.fn += 1
            continue
        judged = _judge(statement, predicted[predicted_index])
        for tally in rows:
            tally.tp += 1
            for key, value in judged.items():
                tally.accuracies[key] += value
        tallies[ALL].tp_predicted += 1
        tallies[predicted[predicted_index].kind.value].tp_predicted += 1
    for predicted_index, prediction in enumerate(predicted):
        if predicted_index not in matched_predictions:
            tallies[ALL].fp += 1
            tallies[prediction.kind.value].fp += 1
    if outcomes is not None:
        optional = {
            predicted_index
            for gold_index, predicted_index in pairs.items()
            if gold[gold_index].optional or not gold_chars[gold_index]
        }
        outcomes.extend(
            (prediction.confidence, index in matched_predictions)
            for index, prediction in enumerate(predicted)
            if index not in optional
        )


def _units(statements: Sequence[Statement], unit: str, text: str) -> list[Statement]:
    """Return the statements as the gold counts them: whole, or one per quote.

    A statement's fragments split into quotes where words come between them
    (an interrupting "he said"); the pieces of one quote running over several
    paragraphs stay together.
    """
    if unit != "quote":
        return list(statements)
    units: list[Statement] = []
    for statement in statements:
        groups: list[list[Span]] = []
        for fragment in statement.content:
            if groups and not any(c.isalnum() for c in text[groups[-1][-1].end : fragment.start]):
                groups[-1].append(fragment)
            else:
                groups.append([fragment])
        units.extend(attrs.evolve(statement, content=tuple(group)) for group in groups)
    return units


def _position(statement: Statement) -> tuple[int, int]:
    return statement.start, statement.end


def _in_text_order(gold: GoldDocument) -> list[GoldStatement]:
    return sorted(
        gold.statements,
        key=lambda s: (s.content[0].start, s.content[-1].end) if s.content else (-1, -1),
    )


def score(gold: Sequence[GoldDocument], predicted: Mapping[str, Result]) -> Report:
    """Score predictions against gold documents in every matching mode.

    Args:
        gold: the gold documents.
        predicted: the prediction for each document, by document id. Ids
            missing here are scored as documents where nothing was found (and
            listed in :attr:`Report.missing`); extra ids are ignored.

    Returns:
        The report (see the module docstring for the definitions).

    Raises:
        CorpusFormatError: if a prediction's text differs from its gold text,
            so that its offsets cannot be compared.

    """
    tallies = {mode: {name: _Tally() for name in _ROW_NAMES} for mode in MODES}
    missing = []
    counts = {"gold": 0, "optional": 0, "skipped": 0, "predicted": 0}
    outcomes: list[tuple[float, bool]] = []
    for document in gold:
        result = predicted.get(document.id)
        if result is None:
            missing.append(document.id)
            statements: list[Statement] = []
        else:
            if result.text != document.text:
                msg = (
                    f"the prediction for document {document.id!r} was made on a different "
                    f"text ({len(result.text)} characters, gold has {len(document.text)}); "
                    "run the extractor on the gold document's text"
                )
                raise CorpusFormatError(msg)
            statements = sorted(
                _units(result.statements, document.unit, result.text), key=_position
            )
        gold_statements = _in_text_order(document)
        for statement in gold_statements:
            if statement.optional:
                counts["optional"] += 1
            elif not content_characters(statement.content):
                counts["skipped"] += 1
            else:
                counts["gold"] += 1
        counts["predicted"] += len(statements)
        for mode in MODES:
            collect = outcomes if mode == "overlap50" else None
            _score_document(gold_statements, statements, mode, tallies[mode], collect)
    modes = [
        ModeScore(mode, [tallies[mode][name].row(name) for name in _ROW_NAMES]) for mode in MODES
    ]
    return Report(
        documents=len(gold),
        modes=modes,
        missing=missing,
        calibration=calibration_bins(outcomes),
        **counts,
    )
