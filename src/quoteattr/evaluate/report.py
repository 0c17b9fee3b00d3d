"""Render evaluation reports as markdown tables, alone or beside a baseline."""

from __future__ import annotations

from collections.abc import Sequence

from quoteattr.evaluate.scoring import ALL, MODES, Accuracy, Report
from quoteattr.model import Kind

__all__ = ["format_markdown", "format_text"]

_MODE_HEADINGS = {"exact": "exact", "overlap50": "50%", "any": "any"}
_KIND_ORDER = (ALL, Kind.DIRECT.value, Kind.MIXED.value, Kind.INDIRECT.value)
# Attribution accuracies are reported on the pairs the 50%-overlap mode matched:
# exact matching is too strict to leave many pairs on long indirect content.
_ACCURACY_MODE = "overlap50"


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}"


def _accuracy(accuracy: Accuracy) -> str:
    if not accuracy.total:
        return "–"
    return f"{_percent(accuracy.value)} (n={accuracy.total})"


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def _summary(report: Report, name: str) -> str:
    text = (
        f"**{name}**: {_count(report.documents, 'document')}, "
        f"{_count(report.gold, 'gold statement')} "
        f"({report.optional:,} optional and {report.skipped:,} without content not counted), "
        f"{report.predicted:,} predicted"
    )
    if report.missing:
        text += f"; {_count(len(report.missing), 'document')} had no prediction"
    return text + "."


def _cells(report: Report, kind: str, with_name: bool) -> list[str]:
    cells = []
    for mode in MODES:
        row = report.row(mode, kind)
        cells += [_percent(row.precision), _percent(row.recall), _percent(row.f1)]
    row = report.row(_ACCURACY_MODE, kind)
    cells += [_accuracy(row.speaker), _accuracy(row.cue), _accuracy(row.kind_accuracy)]
    if with_name:
        cells.append(_accuracy(row.name))
    return cells


def _table(rows: Sequence[Sequence[str]], numeric_from: int) -> str:
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]

    def line(cells: Sequence[str]) -> str:
        padded = [
            cell.rjust(width) if column >= numeric_from else cell.ljust(width)
            for column, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ]
        return "| " + " | ".join(padded) + " |"

    rule = [
        "-" * (width + 1) + ":" if column >= numeric_from else "-" * (width + 2)
        for column, width in enumerate(widths)
    ]
    return "\n".join([line(rows[0]), "|" + "|".join(rule) + "|", *map(line, rows[1:])])


def _uses_names(report: Report) -> bool:
    return report.row(_ACCURACY_MODE, ALL).name.total > 0


def format_markdown(
    report: Report,
    baseline: Report | None = None,
    name: str = "quoteattr",
    baseline_name: str = "textacy",
    kinds: Sequence[str | Kind] | None = None,
) -> str:
    """Render a report, and optionally a baseline's, as a markdown table.

    One row per kind and system; columns give precision, recall and F1 (in %)
    for each matching mode, then speaker-mention, cue and kind accuracy (and
    speaker-name accuracy when the gold has names) on the pairs matched with
    50% overlap, with the number of pairs judged.

    Args:
        report: the system's report.
        baseline: a second system's report on the same documents, shown below
            each of the system's rows.
        name: the system's name.
        baseline_name: the baseline's name.
        kinds: the rows to show (``"all"``, ``"direct"``, ``"mixed"``,
            ``"indirect"``); all of them by default.

    Returns:
        A summary line per system, a blank line and the table.

    """
    shown = [kind.value if isinstance(kind, Kind) else kind for kind in kinds or _KIND_ORDER]
    systems = [(name, report)] + ([(baseline_name, baseline)] if baseline is not None else [])
    with_name = any(_uses_names(system) for _, system in systems)
    header = ["kind", "system"]
    for mode in MODES:
        heading = _MODE_HEADINGS[mode]
        header += [f"{heading} P", f"{heading} R", f"{heading} F1"]
    header += ["speaker", "cue", "kind acc."] + (["name"] if with_name else [])
    rows = [header]
    for kind in shown:
        for system_name, system in systems:
            rows.append([kind, system_name, *_cells(system, kind, with_name)])
    summaries = "\n".join(_summary(system, system_name) + "  " for system_name, system in systems)
    return summaries.rstrip() + "\n\n" + _table(rows, numeric_from=2) + "\n"


def format_text(
    report: Report,
    baseline: Report | None = None,
    name: str = "quoteattr",
    baseline_name: str = "textacy",
    kinds: Sequence[str | Kind] | None = None,
) -> str:
    """Render a report for the terminal: the same aligned table as :func:`format_markdown`.

    Args:
        report: the system's report.
        baseline: a second system's report on the same documents.
        name: the system's name.
        baseline_name: the baseline's name.
        kinds: the rows to show; all of them by default.

    Returns:
        The rendered report.

    """
    return format_markdown(report, baseline, name, baseline_name, kinds)


def format_calibration(report: Report) -> str:
    """Render the calibration table: per confidence bin, how many predictions matched gold."""
    lines = [
        "| confidence | predicted | matched (50%) | precision |",
        "|---|--:|--:|--:|",
    ]
    for item in report.calibration:
        if not item.predicted:
            continue
        closing = "]" if item.high >= 1.0 else ")"
        lines.append(
            f"| [{item.low:.1f}, {item.high:.1f}{closing} | {item.predicted:,} | "
            f"{item.matched:,} | {_percent(item.precision)} |"
        )
    high = [b for b in report.calibration if b.low >= 0.8]
    predicted = sum(b.predicted for b in high)
    matched = sum(b.matched for b in high)
    if predicted:
        lines.append(
            f"| **≥ 0.8** | {predicted:,} | {matched:,} | **{_percent(matched / predicted)}** |"
        )
    return "\n".join(lines)
