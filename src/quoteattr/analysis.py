"""Per-document analysis shared by the strategies: paragraphs and paired quote marks.

Everything here works on the raw text (no spaCy), so it is cheap, testable on
plain strings, and computed once per document (:func:`analyse`, cached on the
``Doc`` by :mod:`quoteattr.strategies.base`).

Quote pairing never raises. News text is full of unbalanced marks; the rules:

- typographic marks say which way they face (“ opens, ” closes), except where a
  convention turns them round (German „…“);
- a straight ``"`` closes the innermost open double quote if there is one and
  opens one otherwise; ``` `` ``` and ``''`` are the tokenised-text convention;
- a single mark between two letters is an apostrophe (don't, O'Brien); one
  after a letter and before a space closes a single quote only if one is open
  (Davis' commentary stays an apostrophe);
- at a paragraph break an open double quote carries on when the next paragraph
  opens with a quote mark (the news convention for multi-paragraph quotes) or
  when the next paragraph's first double mark closes it; otherwise it is
  closed at the break and marked unclosed;
- tokenised text (one sentence a line, every mark set off by spaces, as in
  LitBank) is detected; there a quote may run over many lines before its
  closing mark, up to a line that opens with a double mark, which opens a
  quote of its own (a line is a sentence, so a reopening mark cannot be told
  from a new quote), " 's" and " 'm" are clitics, and when single marks outnumber
  double ones they are the text's quotes (carried over lines likewise);
- dash-marked dialogue (Joyce, many translations: "— Come up, Kinch!") is
  detected when at least five lines open with a dash (—, ―, – or --, also
  after a colon: "He said: — Yes.") followed by a word, quote marks are nearly
  absent, and most of those lines read as speech (a first- or second-person
  word, a "?" or "!"): news datelines ("WASHINGTON — ...") and asides never
  open a line, and bulleted lists do not read as speech. There each dash
  opens a quote that runs to the end of its paragraph, or up to a dialogue tag
  set off by a comma, "!" or "?" (", Stephen said quietly.", ", said Buck
  Mulligan,"), after which what is left of the paragraph is a quote of its
  own. In tokenised text a quote goes on over the following lines until a
  line of past-tense narration with no first- or second-person word, a line
  that opens with a dash, or a line that is a dialogue tag ("he said
  sternly ."), after which the speech lines are again a quote of their own.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

import attrs

from quoteattr.lexicon.en import IRREGULAR_PAST, QUOTE_PAIRS, SPEECH_PAST
from quoteattr.model import Kind, Span

__all__ = [
    "Analysis",
    "Quote",
    "analyse",
    "pair_quotes",
    "paragraphs",
    "spaced_punctuation",
    "text_style",
]

# Typographic marks face one way; straight and single marks are decided by context.
# Single marks and the tokenised `` '' are read from context (apostrophes,
# direction); the other marks of the lexicon's pairs say which way they face
# (“ closes only the German „, by the rule in ``pair_quotes``).
_CONTEXTUAL = {"‘", "’", "‚", "‛", "``", "''"}
_FACING_OPEN = {opener for opener, _ in QUOTE_PAIRS} - _CONTEXTUAL
_FACING_CLOSE = {closer for _, closer in QUOTE_PAIRS} - _CONTEXTUAL - _FACING_OPEN
_DOUBLE = {"“", "”", "„", "‟", "«", "»", '"', "＂", "``", "''", "〝", "〞", "〟"}
_MARK_RE = re.compile(r"``|''|[\"'“”„‟«»‘’‚‛‹›＂〝〞〟]")
_PARAGRAPH_RE = re.compile(r"[^\S\n]*\n\s*")


@attrs.frozen
class Quote:
    """A pair of quote marks and what lies between them.

    Attributes:
        start: offset of the opening mark.
        end: offset just after the closing mark (or the paragraph end if unclosed).
        inner_start: offset just after the opening mark.
        inner_end: offset of the closing mark (== ``end`` if unclosed).
        double: whether the marks are double (“ ”) rather than single (‘ ’).
        depth: 0 for an outermost quote, 1 for a quote inside a quote, ...
        closed: whether a closing mark was found.
        pieces: ``(start, end)`` of each paragraph's part of a multi-paragraph
            quote; one piece for an ordinary quote.
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    double: bool
    depth: int
    closed: bool = True
    pieces: tuple[tuple[int, int], ...] = ()


@attrs.frozen
class Analysis:
    """What the strategies share about one text: its paragraphs and quotes."""

    text: str
    paragraphs: tuple[tuple[int, int], ...]
    quotes: tuple[Quote, ...]
    #: Tokenised text quoting speech with single marks (some novels).
    single_style: bool = False
    #: Tokenised text: one sentence a line, every mark set off by spaces (LitBank).
    spaced: bool = False
    #: Dialogue marked by a dash opening the line rather than by quote marks.
    dash_style: bool = False

    @property
    def primary(self) -> tuple[Quote, ...]:
        """Return the outermost quotes in the document's main quoting style.

        News in American style quotes speech with double marks and nests single
        ones; British style does the reverse. The main style is double unless
        the text has no double-quoted material at all, is tokenised text
        quoting with single marks, or marks dialogue with dashes (then every
        outermost quote counts).
        """
        outer = [q for q in self.quotes if q.depth == 0]
        if not self.single_style and not self.dash_style and any(q.double for q in outer):
            return tuple(q for q in outer if q.double)
        return tuple(outer)

    def paragraph_of(self, offset: int) -> int:
        """Return the index of the paragraph holding ``offset``."""
        low, high = 0, len(self.paragraphs) - 1
        while low < high:
            mid = (low + high + 1) // 2
            if self.paragraphs[mid][0] <= offset:
                low = mid
            else:
                high = mid - 1
        return low


def paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    """Return ``(start, end)`` of each paragraph: the non-blank stretches between line breaks."""
    spans: list[tuple[int, int]] = []
    position = 0
    for match in _PARAGRAPH_RE.finditer(text):
        if match.start() > position:
            spans.append((position, match.start()))
        position = match.end()
    tail = text[position:].rstrip()
    if tail:
        spans.append((position, position + len(tail)))
    return tuple(spans) or ((0, 0),)


_CLITIC_RE = re.compile(r"(?:s|m|re|ve|ll|d|t|em|n|tis|twas)(?![^\W\d_])", re.IGNORECASE)
_AFTER_CLOSING = frozenset(",.;:!?-—")
# Single marks that open quotes: a left mark anywhere, a straight one starting a line.
_SPACED_SINGLE_RE = re.compile(r"‘|^'", re.MULTILINE)
# How far a quote in tokenised text may run with no mark at all (lines).
_LOOKAHEAD_LINES = 30
# How much text decides whether it is tokenised, and how many marks it needs.
_SAMPLE = 20_000
_MIN_MARKS = 10


def _is_word(char: str) -> bool:
    return char.isalnum()


@attrs.define
class _Open:
    offset: int
    mark: str
    double: bool
    pieces: list[tuple[int, int]]
    piece_start: int


def _role(
    text: str, index: int, mark: str, open_double: bool, open_single: bool, *, spaced: bool = False
) -> str:
    """Return 'open', 'close' or 'none' (apostrophe) for the mark at ``index``."""
    before = text[index - 1] if index > 0 else " "
    after = text[index + len(mark)] if index + len(mark) < len(text) else " "
    if spaced and mark in {"'", "’", "‛"} and (before.isspace() or index == 0):
        # Tokenised text sets every mark off by spaces: "I 'm", "Lincoln 's" are
        # clitics; a mark before a space or punctuation closes.
        if _CLITIC_RE.match(text, index + 1):
            return "none"
        if after.isspace() or after in _AFTER_CLOSING:
            if open_single:
                return "close"
            # A straight mark faces both ways: with nothing open, it opens.
            return "open" if mark == "'" and after.isspace() else "none"
        return "open"
    if mark in {"``"}:
        return "open"
    if mark == "''":
        return "close" if open_double else "open"
    if mark in {'"', "＂"}:
        if open_double:
            return "close"
        return "open"
    if mark in {"'", "’", "‛"}:
        if _is_word(before) and _is_word(after):
            return "none"
        if before.isspace() or before in '([{—–-/“"' or index == 0:
            return "open" if not after.isspace() else "none"
        if open_single and not _is_word(after):
            return "close"
        return "none"
    if mark == "‘":
        if _is_word(before) and _is_word(after):
            return "none"
        if open_single and not _is_word(after) and not before.isspace():
            # ‘ typed for ’ by careless software closes a pending single quote.
            return "close"
        return "open"
    if mark in {"‚"}:
        return "open" if not after.isspace() else "none"
    if mark in _FACING_OPEN:
        return "open"
    if mark in _FACING_CLOSE:
        return "close"
    return "none"


def _closes(opener: str, closer: str) -> bool:
    """Return whether ``closer`` may close a quote opened by ``opener``."""
    opener_double = opener in _DOUBLE
    closer_double = closer in _DOUBLE
    return opener_double == closer_double


def pair_quotes(
    text: str,
    paragraph_spans: Sequence[tuple[int, int]] | None = None,
    *,
    style: tuple[bool, bool] | None = None,
) -> list[Quote]:
    """Return the quotes of ``text``, ordered by where they open.

    Args:
        text: the original text.
        paragraph_spans: the text's paragraphs, if already computed.
        style: whether the text is tokenised and whether it quotes with
            single marks (see :func:`text_style`), if already computed.

    Returns:
        Every paired (or unclosed) quote, nested ones included with their depth.
    """
    spans = paragraph_spans if paragraph_spans is not None else paragraphs(text)
    spaced, single_style = style if style is not None else text_style(text)
    quotes: list[Quote] = []
    stack: list[_Open] = []
    # How many single and double quotes are open, kept so each mark costs O(1).
    open_count = {False: 0, True: 0}
    marks = [(m.start(), m.group()) for m in _MARK_RE.finditer(text)]
    mark_index = 0
    for number, (para_start, para_end) in enumerate(spans):
        first_in_paragraph = True
        while mark_index < len(marks) and marks[mark_index][0] < para_end:
            offset, mark = marks[mark_index]
            mark_index += 1
            if offset < para_start:
                continue
            open_double = open_count[True] > 0
            open_single = open_count[False] > 0
            if (
                first_in_paragraph
                and stack
                and offset == para_start
                and mark not in _FACING_CLOSE
                and stack[0].double == (mark in _DOUBLE)
            ):
                # The reopening mark of a multi-paragraph quote: not a new quote.
                first_in_paragraph = False
                stack[0].piece_start = offset
                continue
            first_in_paragraph = False
            role = _role(text, offset, mark, open_double, open_single, spaced=spaced)
            if role == "open" and mark == "“" and stack and stack[-1].mark == "„":
                role = "close"  # German „…“
            if role == "close":
                for entry in _close(text, stack, quotes, offset, mark):
                    open_count[entry.double] -= 1
            elif role == "open":
                stack.append(_Open(offset, mark, mark in _DOUBLE, [], offset))
                open_count[mark in _DOUBLE] += 1
        # Paragraph break: carry an open double quote over or close it here.
        # An unclosed single mark is far more often an apostrophe than a quote,
        # except in tokenised text quoted with single marks.
        if single_style:
            stack[:] = [entry for entry in stack if not entry.double][:1]
            open_count[True], open_count[False] = 0, len(stack)
        else:
            stack[:] = [entry for entry in stack if entry.double]
            open_count[False] = 0
        if not stack:
            continue
        next_start = spans[number + 1][0] if number + 1 < len(spans) else None
        if next_start is not None and _continues(
            text, next_start, spaced=spaced, single=single_style
        ):
            for entry in stack:
                entry.pieces.append((entry.piece_start, para_end))
                entry.piece_start = next_start
            continue
        open_count[True] = open_count[False] = 0
        while stack:
            entry = stack.pop()
            pieces = (*entry.pieces, (entry.piece_start, para_end))
            quotes.append(
                Quote(
                    start=entry.offset,
                    end=para_end,
                    inner_start=entry.offset + len(entry.mark),
                    inner_end=para_end,
                    double=entry.double,
                    depth=len(stack),
                    closed=False,
                    pieces=tuple(pieces),
                )
            )
    return _with_depths(quotes)


def _with_depths(quotes: list[Quote]) -> list[Quote]:
    """Return the quotes in text order, each with the number of quotes around it.

    Depth is counted from the final pairs, not the stack at pairing time: a mark
    that stayed open (an apostrophe) does not make the quotes after it nested.
    """
    quotes.sort(key=lambda q: (q.start, -q.end))
    enclosing: list[int] = []
    result = []
    for quote in quotes:
        while enclosing and enclosing[-1] <= quote.start:
            enclosing.pop()
        result.append(attrs.evolve(quote, depth=len(enclosing)))
        enclosing.append(quote.end)
    return result


def spaced_punctuation(text: str) -> bool:
    """Return whether ``text`` is tokenised: punctuation set off by spaces ("Yes , " said he)."""
    sample = text[:_SAMPLE]
    marks = sample.count(",") + sample.count(".")
    return marks >= _MIN_MARKS and sample.count(" ,") + sample.count(" .") >= 0.5 * marks


def _single_style(text: str) -> bool:
    """Return whether tokenised ``text`` quotes with single marks: more spaced ones than doubles."""
    doubles = sum(1 for match in _MARK_RE.finditer(text) if match.group() in _DOUBLE)
    singles = len(_SPACED_SINGLE_RE.findall(text))
    return singles > doubles


def _continues(text: str, next_start: int, *, spaced: bool, single: bool = False) -> bool:
    """Return whether an open double quote carries on into the paragraph at ``next_start``.

    It does when the paragraph opens with a quote mark (the reopening mark of a
    multi-paragraph quote), or when the first double mark after the break
    closes it: a quote that spans line breaks with no reopening mark (one
    sentence a line, hard-wrapped text). In tokenised text, where every mark
    has a space before it, that first mark may be several lines on and a
    straight mark closes unless it starts a line.
    """
    if single:
        return _single_continues(text, next_start)
    first = _MARK_RE.match(text, next_start)
    if first is not None and first.group() not in {"”", "»", "’", "''"}:
        # The reopening mark of a multi-paragraph quote; in tokenised text,
        # where a line is a sentence, not a paragraph, it opens a quote of its own.
        return not (spaced and first.group() in _DOUBLE)
    position = next_start
    for _ in range(_LOOKAHEAD_LINES if spaced else 1):
        line_end = text.find("\n", position)
        line_end = len(text) if line_end < 0 else line_end
        for match in _MARK_RE.finditer(text, position, line_end):
            mark = match.group()
            if mark not in _DOUBLE:
                continue
            if mark in {"”", "»", "''"}:
                return True
            if spaced and match.start() == position:
                # A mark opening a later line opens the next paragraph's quote:
                # this one runs on up to it.
                return True
            if mark in {'"', "＂"}:
                if spaced:
                    return True
                before = text[match.start() - 1] if match.start() > 0 else " "
                return not before.isspace()
            return False
        position = line_end + 1
        if position >= len(text):
            break
    return False


def _single_continues(text: str, next_start: int) -> bool:
    """Return whether an open single quote in tokenised text carries on past a line break."""
    first = _MARK_RE.match(text, next_start)
    if first is not None and first.group() in {"‘", "'"}:
        return True
    end = next_start
    for _ in range(_LOOKAHEAD_LINES):
        end = text.find("\n", end + 1)
        if end < 0:
            end = len(text)
            break
    for match in _MARK_RE.finditer(text, next_start, end):
        mark = match.group()
        if mark in _DOUBLE:
            continue
        role = _role(text, match.start(), mark, False, True, spaced=True)
        if role != "none":
            return role == "close"
    return False


def _close(
    text: str, stack: list[_Open], quotes: list[Quote], offset: int, mark: str
) -> list[_Open]:
    """Close the innermost open quote that ``mark`` can close; return the entries removed."""
    for position in range(len(stack) - 1, -1, -1):
        entry = stack[position]
        if _closes(entry.mark, mark):
            # Marks opened inside it and never closed were apostrophes.
            removed = stack[position:]
            del stack[position:]
            end = offset + len(mark)
            pieces = (*entry.pieces, (entry.piece_start, end))
            quotes.append(
                Quote(
                    start=entry.offset,
                    end=end,
                    inner_start=entry.offset + len(entry.mark),
                    inner_end=offset,
                    double=entry.double,
                    depth=position,
                    closed=True,
                    pieces=pieces,
                )
            )
            return removed
    return []


def analyse(text: str) -> Analysis:
    """Return the shared analysis of ``text``."""
    spans = paragraphs(text)
    spaced, single_style = text_style(text)
    quotes = pair_quotes(text, spans, style=(spaced, single_style))
    openers = _dash_openers(text, spans)
    dash_style = _dash_style(text, openers, quotes)
    if dash_style:
        quotes = _with_depths(quotes + _dash_quotes(text, spans, openers, spaced=spaced))
    return Analysis(
        text=text,
        paragraphs=spans,
        quotes=tuple(quotes),
        single_style=single_style,
        spaced=spaced,
        dash_style=dash_style,
    )


def text_style(text: str) -> tuple[bool, bool]:
    """Return whether ``text`` is tokenised, and whether it is tokenised and quotes with singles."""
    spaced = spaced_punctuation(text)
    return spaced, spaced and _single_style(text)


# A dash opening a line, or following a colon, then a word: "— Come up", "said: --Yes".
_DASH_OPENER_RE = re.compile(r"(?:^[^\S\n]*|(?<=:[^\S\n]))(?:—|―|–|--)(?=[^\S\n]?[^\W\d_])", re.M)
# How many dash-opened lines, at least, make a text's dialogue dash-marked.
_MIN_DASH_LINES = 5
# Quote marks are nearly absent: at most one quote to this many dash lines.
_DASH_LINES_PER_QUOTE = 5
_WORD_IN_TEXT_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SPEAKING = frozenset(
    {"i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours"}
    | {"ye", "thee", "thou", "thy"}
)
_PERSONS = frozenset({"he", "she", "they", "i"})
_PAST_FORMS = frozenset(IRREGULAR_PAST.values()) | SPEECH_PAST | {"was", "were", "had"}
# Where a dialogue tag ends; how many characters after a comma may hold one.
_AFTER_TAG = frozenset(",;.!?")
_TAG_WINDOW = 80


def _dash_openers(text: str, spans: Sequence[tuple[int, int]]) -> dict[int, int]:
    """Return the offset of the first dash that opens speech in each paragraph, by paragraph."""
    openers: dict[int, int] = {}
    number = 0
    for match in _DASH_OPENER_RE.finditer(text):
        while number + 1 < len(spans) and spans[number + 1][0] <= match.start():
            number += 1
        openers.setdefault(number, match.start())
    return openers


def _dash_style(text: str, openers: dict[int, int], quotes: Sequence[Quote]) -> bool:
    """Return whether ``text`` marks its dialogue with dashes rather than quote marks.

    Enough lines must open with a dash, quote marks must be nearly absent, and
    most dash lines must read as speech (a bulleted list does not).
    """
    if len(openers) < _MIN_DASH_LINES:
        return False
    outer = sum(1 for q in quotes if q.depth == 0)
    if outer * _DASH_LINES_PER_QUOTE > len(openers):
        return False
    spoken = sum(1 for offset in openers.values() if _speaking(_line_at(text, offset)))
    return 2 * spoken > len(openers)


def _line_at(text: str, offset: int) -> str:
    """Return the text from ``offset`` to the end of its line."""
    end = text.find("\n", offset)
    return text[offset : len(text) if end < 0 else end]


def _words(text: str) -> list[str]:
    """Return the words of ``text``, lower-cased."""
    return [word.lower() for word in _WORD_IN_TEXT_RE.findall(text)]


def _speaking(line: str) -> bool:
    """Return whether a line reads as speech: a first- or second-person word, a "?" or "!"."""
    return line.rstrip()[-1:] in {"?", "!"} or not _SPEAKING.isdisjoint(_words(line))


def _narrating(line: str) -> bool:
    """Return whether a line reads as narration: a verb in the past, and nobody speaking.

    Without a tagger a verb in the past is a word ending in -ed (not -eed:
    "indeed"), a common irregular past ("stood", "came"), "was", "were" or "had".
    """
    words = _words(line)
    if not _SPEAKING.isdisjoint(words):
        return False
    return any(
        word in _PAST_FORMS or (len(word) > 4 and word.endswith("ed") and not word.endswith("eed"))
        for word in words
    )


def _tag_end(text: str, start: int, end: int) -> int | None:
    """Return where a dialogue tag at ``start`` ends, if one is there: "he said", "said X".

    The tag is a pronoun or up to three capitalised words, then a speech verb
    in the past, or the verb and then its subject; it runs to the next
    punctuation mark (or ``end``).
    """
    words = text[start : min(end, start + _TAG_WINDOW)].split(None, 4)[:4]
    if not words:
        return None
    if words[0] in SPEECH_PAST:
        subject = words[1:2]
        tagged = bool(subject) and (subject[0].lower() in _PERSONS or subject[0][:1].isupper())
    else:
        size = _subject_size(words)
        verb = words[size].rstrip(",;.!?:") if 0 < size < len(words) else ""
        tagged = verb in SPEECH_PAST
    if not tagged:
        return None
    position = start
    while position < end and text[position] not in _AFTER_TAG:
        position += 1
    return min(end, position + 1)


def _subject_size(words: Sequence[str]) -> int:
    """Return how many of ``words`` make a tag's subject: a pronoun, or up to three names."""
    if words[0].lower() in _PERSONS:
        return 1
    size = 0
    while size < min(3, len(words)) and words[size].isalpha() and words[size][:1].isupper():
        size += 1
    return size


def _tag_split(
    text: str, start: int, end: int, *, line_start: bool = False
) -> tuple[int, int] | None:
    """Return where a quote stops before a dialogue tag in ``text[start:end]``, and the tag's end.

    The tag follows a comma, "!" or "?" ("— Thanks, old chap, he cried
    briskly."), or, at a ``line_start``, opens the line ("he said sternly .").
    """
    if line_start:
        tag_end = _tag_end(text, start, end)
        if tag_end is not None:
            return start, tag_end
    for position in range(start, end):
        if text[position] in {",", "!", "?"}:
            tag_end = _tag_end(text, _skip_spaces(text, position + 1, end), end)
            if tag_end is not None:
                return position + 1, tag_end
    return None


def _skip_spaces(text: str, position: int, end: int) -> int:
    """Return the first offset from ``position`` (up to ``end``) that is not a space."""
    while position < end and text[position].isspace():
        position += 1
    return position


def _dash_quotes(
    text: str,
    spans: Sequence[tuple[int, int]],
    openers: dict[int, int],
    *,
    spaced: bool,
) -> list[Quote]:
    """Return the quotes of dash-marked dialogue (see the module docstring).

    Args:
        text: the original text.
        spans: its paragraphs.
        openers: the offset of the dash opening speech in each paragraph, by paragraph.
        spaced: whether the text is tokenised, one sentence a line: then a
            speaker's turn runs on over the lines after the dash's own.
    """
    quotes: list[Quote] = []
    for number, opener in openers.items():
        lines = _turn_lines(text, spans, openers, number) if spaced else [spans[number]]
        quotes.extend(_turn_quotes(text, lines, opener))
    return quotes


def _turn_lines(
    text: str, spans: Sequence[tuple[int, int]], openers: dict[int, int], number: int
) -> list[tuple[int, int]]:
    """Return the lines of the turn opened by a dash in line ``number`` of tokenised text.

    The turn goes on until a line opening with a dash or a line of narration;
    a dialogue tag line ("he said sternly .") is part of the turn.
    """
    lines = [spans[number]]
    for line in range(number + 1, min(len(spans), number + 1 + _LOOKAHEAD_LINES)):
        start, end = spans[line]
        if line in openers:
            break
        if _tag_end(text, start, end) is None and _narrating(text[start:end]):
            break
        lines.append((start, end))
    return lines


def _turn_quotes(text: str, lines: Sequence[tuple[int, int]], opener: int) -> list[Quote]:
    """Return the quotes of one turn: its lines cut at each dialogue tag.

    The first quote opens with the dash, each later one with the words after a tag.
    """
    groups: list[list[tuple[int, int]]] = [[]]
    position = opener
    for line_start, line_end in lines:
        position = max(position, line_start)
        while position < line_end:
            at_line_start = position == line_start and line_start != lines[0][0]
            split = _tag_split(text, position, line_end, line_start=at_line_start)
            stop, resume = split if split is not None else (line_end, line_end)
            if stop > position:
                groups[-1].append((position, stop))
            if split is None:
                break
            groups.append([])
            position = _skip_spaces(text, resume, line_end)
    mark = _DASH_OPENER_RE.match(text, opener)
    quotes = []
    for pieces in filter(None, groups):
        start = pieces[0][0]
        inner = mark.end() if mark is not None and start == opener else start
        end = pieces[-1][1]
        quotes.append(
            Quote(
                start=start,
                end=end,
                inner_start=inner,
                inner_end=end,
                double=False,
                depth=0,
                closed=False,
                pieces=tuple(pieces),
            )
        )
    return quotes


def kind_of(text: str, content: Sequence[Span], analysis: Analysis) -> Kind:
    """Return direct, indirect or mixed: whether the content's letters are inside quotes.

    The rule is PolNeAR's: direct when every letter of the content is inside
    quotation marks, indirect when none is, mixed otherwise.
    """
    quotes = [(q.inner_start, q.inner_end) for q in analysis.primary]
    starts = [start for start, _ in quotes]
    inside = outside = 0
    for fragment in content:
        for offset in range(fragment.start, fragment.end):
            if not text[offset].isalnum():
                continue
            position = bisect.bisect_right(starts, offset) - 1
            if position >= 0 and quotes[position][0] <= offset < quotes[position][1]:
                inside += 1
            else:
                outside += 1
    if inside and not outside:
        return Kind.DIRECT
    return Kind.MIXED if inside else Kind.INDIRECT
