"""Combine the statements of several strategies into one statement per piece of content.

The rule, applied to every group of statements whose content overlaps:

1. A statement whose content covers another's wholly absorbs it: a quote found
   by the direct strategy inside reported speech becomes part of the mixed
   statement that holds it.
2. Otherwise the statement with the higher confidence wins; on a tie, the one
   from the strategy listed first in the run.
3. The winner keeps its own content; a missing cue, speaker or addressee is
   taken from the best statement it absorbed that has one.

When a statement that absorbed others later loses to one that overlaps it,
those it absorbed that the new winner does not overlap are kept (a quote that
only a parse running over two quotes joined to its neighbour).

Statements that do not overlap pass through unchanged. Then one joining rule:
a direct quote with no attribution of its own (rule ``unattributed`` or
``continuation``) that follows another statement's attribution (which ends
that statement) with nothing but spaces between, in the same paragraph,
becomes that statement's next fragment ("''I admire the mechanics'' of the
plans, Mr. Holtz-Eakin said. ''They're detailed.''"); the joined statement is
mixed if its content is partly outside quote marks. The result is ordered by
where each statement's content starts.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from quoteattr.model import Kind, Statement

__all__ = ["merge"]


def _overlap(a: Statement, b: Statement) -> bool:
    return any(x.overlaps(y) for x in a.content for y in b.content)


def _covers(a: Statement, b: Statement) -> bool:
    return all(any(x.contains(y) for x in a.content) for y in b.content)


def merge(runs: Sequence[Sequence[Statement]], text: str | None = None) -> tuple[Statement, ...]:
    """Merge the statements of several strategies, given in the run's strategy order.

    Args:
        runs: one sequence of statements per strategy, in precedence order.
        text: the document's text; with it, unattributed quotes that continue
            the statement before them are joined to it.

    Returns:
        One statement per piece of content, ordered by position.
    """
    merged = _merge(runs)
    return merged if text is None else _join(merged, text)


_UNATTRIBUTED = {"unattributed", "continuation"}


def _last_offset(statement: Statement) -> int:
    return max(span.end for span in statement.spans())


def _join(statements: tuple[Statement, ...], text: str) -> tuple[Statement, ...]:
    joined: list[Statement] = []
    for statement in statements:
        if joined and statement.rule in _UNATTRIBUTED and statement.kind is Kind.DIRECT:
            previous = joined[-1]
            last = _last_offset(previous)
            gap = text[last : statement.start]
            if (
                previous.cue is not None
                and last > max(span.end for span in previous.content)
                and not gap.strip(" .,;:")
                and "\n" not in gap
            ):
                content = (*previous.content, *statement.content)
                kind = previous.kind if previous.kind is not Kind.INDIRECT else Kind.MIXED
                joined[-1] = attrs.evolve(previous, content=content, kind=kind)
                continue
        joined.append(statement)
    return tuple(joined)


_Pair = tuple[Statement, int]


def _merge(runs: Sequence[Sequence[Statement]]) -> tuple[Statement, ...]:
    ranked: list[_Pair] = [
        (statement, order) for order, run in enumerate(runs) for statement in run
    ]
    if len(runs) <= 1:
        return tuple(sorted((s for s, _ in ranked), key=lambda s: (s.start, s.end)))
    ranked.sort(key=lambda pair: (pair[0].start, pair[0].end))
    # A sweep in text order: only statements still open where the next one
    # starts can overlap it, so long documents stay linear. Each kept statement
    # carries the statements it absorbed, so that when it loses to a later one
    # those of them the new winner does not overlap are not lost with it.
    done: list[_Pair] = []
    active: list[tuple[_Pair, list[_Pair]]] = []
    for statement, order in ranked:
        still_open: list[tuple[_Pair, list[_Pair]]] = []
        for entry in active:
            if entry[0][0].end <= statement.start:
                done.append(entry[0])
            else:
                still_open.append(entry)
        active = still_open
        clash = [n for n, ((kept, _), _) in enumerate(active) if _overlap(kept, statement)]
        if not clash:
            active.append(((statement, order), [(statement, order)]))
            continue
        entries = [active[n] for n in clash] + [((statement, order), [(statement, order)])]
        for n in reversed(clash):
            del active[n]
        active.extend(_resolve_all(entries))
    kept = done + [pair for pair, _ in active]
    return tuple(sorted((s for s, _ in kept), key=lambda s: (s.start, s.end)))


def _resolve_all(
    entries: list[tuple[_Pair, list[_Pair]]],
) -> list[tuple[_Pair, list[_Pair]]]:
    """Return what is left of statements linked by overlaps, each with the ones it absorbed.

    The best of the kept statements wins (:func:`_resolve`) and absorbs every
    statement it overlaps. Those it does not touch (a quote that only
    overlapped a long statement the winner beat) are resolved again among
    themselves, so they are not lost.
    """
    winner = _resolve([pair for pair, _ in entries])
    members = [member for _, absorbed in entries for member in absorbed]
    kept = [(winner, [pair for pair in members if _overlap(pair[0], winner[0])])]
    rest = [pair for pair in members if not _overlap(pair[0], winner[0])]
    while rest:
        component = [rest.pop(0)]
        grown = True
        while grown:
            grown = False
            for pair in list(rest):
                if any(_overlap(pair[0], other[0]) for other in component):
                    component.append(pair)
                    rest.remove(pair)
                    grown = True
        kept.extend(_resolve_all([(pair, [pair]) for pair in component]))
    return kept


def _resolve(group: list[tuple[Statement, int]]) -> tuple[Statement, int]:
    def strength(pair: tuple[Statement, int]) -> tuple[int, float, int]:
        statement, order = pair
        covers = sum(
            1 for other, _ in group if other is not statement and _covers(statement, other)
        )
        return covers, statement.confidence, -order

    winner, order = max(group, key=strength)
    others = sorted(
        (p for p in group if p[0] is not winner and _overlap(p[0], winner)),
        key=strength,
        reverse=True,
    )
    for other, _ in others:
        winner = attrs.evolve(
            winner,
            cue=winner.cue or other.cue,
            speaker=winner.speaker or other.speaker,
            addressee=winner.addressee or other.addressee,
        )
    return winner, order
