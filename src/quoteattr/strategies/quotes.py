"""Direct quotations: paired quote marks, their cue and their speaker mention.

The strategy walks the document's outermost quotes (see :mod:`quoteattr.analysis`)
and, for each, looks at the rest of its sentence:

- ``"…," X said`` / ``"…," said X`` / ``"…," X, who …, told reporters``: the
  attribution follows the quote (rules ``after-cue``, ``after-verb``);
- ``X said: "…"`` / ``X said, "…"`` / ``According to X, "…"``: it precedes it
  (``before-cue``), or the previous paragraph ends with one (``before-paragraph``);
- ``"…" — X``: a dash and a name (``dash``); ``X: "…"`` a colon (``colon``);
- ``"A," he said. "B."``: the second quote becomes a second fragment of the
  first statement (``fragment``);
- a free-standing quote with no attribution of its own continues the speaker
  of the statement just before it in the same or the previous paragraph
  (``continuation``), or is kept without a speaker (``unattributed``).

A quote that sits inside a sentence of someone else's words ("urged diplomats
to use the “art of diplomacy”") is not a direct statement: it is left to the
reported-speech strategies, which make it part of a mixed statement. Short
quotes with no punctuation of their own (titles, scare quotes, single words)
are never statements on their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

import attrs

from quoteattr.analysis import Analysis, Quote, kind_of
from quoteattr.lexicon.en import GESTURE_VERBS
from quoteattr.model import CueClass, Span, Speaker, Statement
from quoteattr.strategies.base import analysis_of, register
from quoteattr.strategies.calibration import confidence_for, cue_key
from quoteattr.strategies.syntax import (
    Tokens,
    according_to,
    addressee_of,
    cue_class_of,
    nominal_run,
    sentence_end,
    sentence_start,
    span_of,
    speaker_of,
    subtree_span,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["QuoteStrategy"]

NAME = "quoteattr.quotes.v1"

_COMPLEMENTS = {"ccomp", "xcomp", "dobj", "obj"}
_OBJECTS = {"dobj", "obj"}
_WHEN = {"DATE", "TIME"}
_TOPIC = {"of", "about", "on"}
# Cue verbs whose object is whom the words were addressed to ("told reporters:").
_ADDRESSING = {"tell", "ask", "warn", "assure", "remind", "inform", "urge", "advise", "email"}
# Gestures that answer a question put to one (our own list).
_ANSWERING = frozenset({"nod", "shrug"})
_DASHES = {"—", "–", "--", "-", "―"}
_WORD_RE = re.compile(r"\w+")
_TERMINAL = ".!?…"
# Punctuation that may end the narration leading up to a quote ("…, whimpering, “…!”").
_LEADING = frozenset(",;:—–-()[]")
# Pronouns for things, which do not speak ("it would tell a story").
_THINGS = frozenset({"it", "this", "that"})
_NAME_PARTS = frozenset({"PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM"})
# Conjunctions opening an adverbial clause after a quote, which is then no
# attribution ("…,” when Clinton blasted him). Not "as" ("as he put it").
_SUBORDINATORS = frozenset(
    {"when", "whenever", "until", "till", "after", "before", "because", "while", "since"}
    | {"although", "though", "unless", "whereas", "once", "if"}
)
# Gestures that say no words (``GESTURE_VERBS`` without its ways of speaking).
_WORDLESS = GESTURE_VERBS - {"whisper", "mutter", "murmur", "exclaim", "reply"}
# The most words a line of its own may have to be a quote's attribution ("I asked again.").
_TAIL_WORDS = 3
# Adverb particles of phrasal verbs that tag speech when inverted ("went on Sir Henry",
# "broke in the old man", "spoke up Jim"); the tagger may read them as prepositions.
# From the particle list of Quirk et al., A Comprehensive Grammar (1985), 16.3.
_INVERTED_PARTICLES = frozenset({"on", "in", "up", "out", "back", "off"})


@attrs.frozen
class _Attribution:
    cue: Span | None
    speaker: Span | None
    rule: str
    confidence: float
    end: int
    cue_class: CueClass = CueClass.SPEECH
    addressee: Span | None = None


@attrs.frozen
class QuoteStrategy:
    """Find direct quotations, their cue and their speaker mention.

    Attributes:
        min_words: quotes with fewer words and no punctuation of their own
            ("scare quotes", titles) are not statements.
        keep_unattributed: keep free-standing quotes whose speaker cannot be found.
        name: the registered name stamped on each statement.
    """

    min_words: int = 3
    keep_unattributed: bool = True
    name: str = NAME

    def __call__(self, doc: Doc) -> Iterator[Statement]:
        """Yield the direct statements of ``doc``."""
        analysis = analysis_of(doc)
        quotes = analysis.primary
        if not quotes:
            return
        tokens = Tokens(doc)
        yield from _Finder(self, doc, analysis, tokens).run(quotes)


@attrs.define
class _Open:
    """A statement being built: fragments may still be added."""

    content: list[Span]
    attribution: _Attribution | None
    paragraph: int
    end: int


class _Finder:
    def __init__(self, settings: QuoteStrategy, doc: Doc, analysis: Analysis, tokens: Tokens):
        self.settings = settings
        self.doc = doc
        self.text = analysis.text
        self.analysis = analysis
        self.tokens = tokens

    def run(self, quotes: Sequence[Quote]) -> Iterator[Statement]:
        previous: _Open | None = None
        for index, quote in enumerate(quotes):
            paragraph = self.analysis.paragraph_of(quote.start)
            para_start, _ = self.analysis.paragraphs[paragraph]
            end_paragraph = self.analysis.paragraph_of(max(quote.start, quote.end - 1))
            left_start, right_end = self._sentence_around(quotes, index, para_start, end_paragraph)
            if not self.text[quote.end : right_end].strip():
                right_end = self._tail_line(quote, end_paragraph, right_end, quotes[index + 1 :])
            left = self.text[left_start : quote.start]
            right = self.text[quote.end : right_end]
            resumed = self._resumes(previous, paragraph, quote.start, left)
            interrupted = (
                not resumed
                and index > 0
                and previous is not None
                and self._interrupted(previous, quotes[index - 1], left_start, left)
            )
            resumed = resumed or interrupted
            # Tokenised text sets a sentence a line: a quote opening its line is speech.
            spoken = (
                resumed
                or (self.analysis.spaced and quote.start == para_start)
                or self._introduced(quote, left, right, (left_start, right_end))
            )
            if not self._free_standing(quote, left, right, left_start, spoken=spoken):
                continue
            attribution = self._attribution_after(quote, (left_start, right_end), resumed=resumed)
            fragments = self._fragments(quote)
            if attribution is not None and self._lead_in(left_start, quote.start):
                # "With thousands of systems, “there is no single point,” he said": the
                # lead-in is part of what was said (a mixed statement).
                fragments[0] = Span.of(self.text, left_start, fragments[0].end)
            if (
                attribution is None
                and previous is not None
                and previous.paragraph == paragraph
                and not self.text[previous.end : quote.start].strip()
                and _words_between(self.text, quotes[index - 1].end, quote.start)
                and self._one_cue_between(quotes[index - 1].end, quote.start)
            ):
                # "A," he said. "B.": the second quote is a fragment of the first statement.
                previous.content.extend(fragments)
                previous.end = max(quote.end, right_end if right.strip() else quote.end)
                continue
            if attribution is None and interrupted and previous is not None:
                # The other half of the quote before, whose tag we could not read.
                previous.content.extend(fragments)
                previous.end = quote.end
                continue
            if attribution is None and left.strip():
                attribution = self._before(left_start, quote.start)
            if attribution is None and not left.strip() and quote.start == para_start:
                attribution = self._previous_paragraph(paragraph)
            if attribution is None and not spoken and not self._stands_alone(left, right):
                continue
            if (
                attribution is None
                and previous is not None
                and paragraph - previous.paragraph <= 1
                and previous.attribution is not None
            ):
                # A quote of its own after an attributed one continues that speaker's turn.
                yield self._statement(previous)
                inherited = previous.attribution
                continued = None
                if inherited.speaker is not None:
                    continued = attrs.evolve(
                        inherited,
                        cue=None,
                        rule="continuation",
                        confidence=min(inherited.confidence, 0.7),
                        addressee=None,
                    )
                previous = _Open(fragments, continued, end_paragraph, quote.end)
                continue
            if attribution is None and not self.settings.keep_unattributed:
                continue
            if previous is not None:
                yield self._statement(previous)
            end = max(quote.end, attribution.end if attribution else quote.end)
            previous = _Open(fragments, attribution, end_paragraph, end)
        if previous is not None:
            yield self._statement(previous)

    def _sentence_around(
        self, quotes: Sequence[Quote], index: int, para_start: int, end_paragraph: int
    ) -> tuple[int, int]:
        """Return where the sentence around quote ``index`` starts and ends.

        It stays inside the quote's paragraphs and between the quotes before
        and after it.
        """
        quote = quotes[index]
        low = para_start
        if index > 0 and quotes[index - 1].end > low:
            low = min(quotes[index - 1].end, quote.start)
        high = self.analysis.paragraphs[end_paragraph][1]
        if index + 1 < len(quotes) and quotes[index + 1].start < high:
            high = max(quotes[index + 1].start, quote.end)
        return sentence_start(self.text, low, quote.start), sentence_end(self.text, quote.end, high)

    def _tail_line(self, quote: Quote, paragraph: int, end: int, later: Sequence[Quote]) -> int:
        """Return where a quote's attribution ends when it runs on to the next line.

        Text with a sentence a line ("“Is that his name?”" / "asked Lord Henry.")
        puts the attribution of a quote that ends its line on the next one, which
        then opens with a lower-case word, or is "I" and a few words ("I asked
        again."), or a name and a verb of saying ("Buck Mulligan said.", see
        ``_named_tag``), and holds an attribution: "He", "She" with a capital open a
        sentence of their own ("“The school.”" / "He started."). Otherwise
        ``end`` is kept.
        """
        if paragraph + 1 >= len(self.analysis.paragraphs):
            return end
        start, stop = self.analysis.paragraphs[paragraph + 1]
        end_of_line = stop
        if later and later[0].start < stop:
            stop = later[0].start
        # "‘Ah!’" / "I said, ‘I thought so.’": a tag set off before the next quote.
        words_end = stop if self.text[start:stop].rstrip().endswith(",") else end_of_line
        line = [t for t in self.tokens.within(start, words_end) if not t.is_punct]
        short = 0 < len(line) <= _TAIL_WORDS and (
            line[0].text == "I" or self._named_tag(line, self.text[start:end_of_line])
        )
        if not self.text[start : start + 1].islower() and not short:
            return end
        tail = sentence_end(self.text, start, stop)
        return tail if self._after(quote, quote.end, tail) is not None else end

    @staticmethod
    def _named_tag(line: Sequence[Token], text: str) -> bool:
        """Return whether a short line is a name and a verb of saying ("Buck Mulligan said.").

        A line opening with a colon leads in to the next quote; a gesture
        ("Tommy nodded.") is narration about whoever speaks next.
        """
        return (
            line[0].pos_ == "PROPN"
            and not text.rstrip().endswith(":")
            and any(
                cue_class_of(t) is CueClass.SPEECH and t.lemma_.lower() not in _WORDLESS
                for t in line
            )
        )

    def _resumes(self, previous: _Open | None, paragraph: int, start: int, left: str) -> bool:
        """Return whether a quote at ``start`` follows the attribution of the one before.

        "“A,” said X, “B.”": the words between the quotes are the first one's
        attribution, which ends at a comma or semicolon right before this quote.
        """
        return (
            previous is not None
            and previous.attribution is not None
            and self.analysis.paragraph_of(previous.end - 1) == paragraph
            and not self.text[previous.end : start].strip()
            and left.rstrip()[-1:] in {",", ";"}
        )

    def _interrupted(self, previous: _Open, before: Quote, left_start: int, left: str) -> bool:
        """Return whether a quote goes on with the words of the quote before it.

        "“I tell you,” went on Syme with passion, “that every time …”": the
        quote before was taken as speech and broke off at a comma, and the
        words between, in the same sentence, end at a comma or semicolon: they
        are its tag, even when they hold no cue we know.
        """
        return (
            any(fragment.end == before.end for fragment in previous.content)
            and self._inner(before).endswith(",")
            and left_start <= before.end
            and left.rstrip()[-1:] in {",", ";"}
        )

    def _introduced(self, quote: Quote, left: str, right: str, bounds: tuple[int, int]) -> bool:
        """Return whether a quote is a sentence of its own that the words before it lead up to.

        The words before it end at a comma, semicolon, colon, dash, parenthesis
        or bracket ("…, whimpering, “My kitten!”", "went on in these terms: --
        “You bring me …”"), and the quote ends with its own full stop, "?" or
        "!" where the sentence ends, and opens with a capital: a whole
        utterance, not a phrase cited inside the narrator's sentence ("asked
        them to welcome the governor - “my new best friend.”"). Or it ends
        at a comma, full stop, "?" or "!" and its own attribution follows
        ("…; ‘for it might end, you know,’ said Alice to herself"). After
        narration the text left unclosed, a question or outcry of its own
        (a capital, and "?" or "!" last) counts when its own attribution
        follows ("His face brightened “You believe it?” he said").
        """
        inner = self._inner(quote)
        words = _WORD_RE.search(inner)
        if not inner:
            return False
        if left.rstrip()[-1:] not in _LEADING:
            # "His face brightened “You believe it?” he said": a question or an
            # outcry of its own, with its own attribution, after narration whose
            # sentence the text left unclosed.
            if not (
                words is not None
                and words.group()[:1].isupper()
                and inner[-1] in "?!"
                and right.lstrip()[:1].islower()
            ):
                return False
            found = self._after(quote, quote.end, bounds[1])
            return found is not None and found.rule == "after-cue"
        if right.strip():
            if inner[-1] not in _TERMINAL + "," or not right.lstrip()[:1].islower():
                return False
            found = self._after(quote, quote.end, bounds[1])
            return found is not None and found.rule == "after-cue"
        if not (
            words is not None
            and words.group()[:1].isupper()
            and inner[-1] in _TERMINAL
            and not right.strip()
        ):
            return False
        # After a conjunction that wants a clause ("a problem because, “…”") the
        # quote is that clause.
        before = [t for t in self.tokens.within(bounds[0], quote.start) if not t.is_punct]
        return not before or before[-1].pos_ != "SCONJ"

    def _lead_in(self, start: int, end: int) -> bool:
        """Return whether words before a quote, up to a comma, belong to its content."""
        before = self.text[start:end]
        if not before.strip() or not before.rstrip().endswith(","):
            return False
        region = self.tokens.within(start, end)
        return not any(
            cue_class_of(t) is not None or t.lower_ in {"according", "as"} for t in region
        ) and any(t.pos_ in {"NOUN", "PROPN", "VERB", "ADJ"} for t in region)

    def _one_cue_between(self, start: int, end: int) -> bool:
        """Return whether one attribution at most separates two quotes.

        "“A,” he said, adding, “B.”" has two: a cue verb coordinated with the
        first or a participle after it introduces a statement of its own. Cue
        verbs inside a relative clause ("…, in which she was sure …") do not,
        nor does a participle with a topic of its own ("…, speaking of the
        polls, …").
        """
        cues = [
            t
            for t in self.tokens.within(start, end)
            if cue_class_of(t) is not None
            and (
                t.dep_ in {"ROOT", "conj", "parataxis"}
                or (
                    t.tag_ == "VBG"
                    and not any(c.dep_ == "prep" and c.lower_ in _TOPIC for c in t.children)
                )
            )
        ]
        return len(cues) <= 1

    def _statement(self, item: _Open) -> Statement:
        attribution = item.attribution
        if attribution is None:
            return Statement(
                kind=kind_of(self.text, item.content, self.analysis),
                content=item.content,
                confidence=confidence_for("unattributed", "", has_speaker=False, default=0.4),
                strategy=self.settings.name,
                rule="unattributed",
            )
        confidence = confidence_for(
            attribution.rule,
            cue_key(self.doc, attribution.cue),
            attribution.speaker is not None,
            default=attribution.confidence,
        )
        return Statement(
            kind=kind_of(self.text, item.content, self.analysis),
            content=item.content,
            cue=attribution.cue,
            speaker=Speaker.from_mention(attribution.speaker) if attribution.speaker else None,
            confidence=confidence,
            strategy=self.settings.name,
            rule=attribution.rule,
            cue_class=attribution.cue_class,
            addressee=attribution.addressee,
        )

    def _fragments(self, quote: Quote) -> list[Span]:
        fragments = []
        for start, piece_end in quote.pieces or ((quote.start, quote.end),):
            end = piece_end
            while end > start and self.text[end - 1].isspace():
                end -= 1
            if end > start:
                fragments.append(Span.of(self.text, start, end))
        return fragments or [Span.of(self.text, quote.start, quote.end)]

    def _inner(self, quote: Quote) -> str:
        """Return the words inside the quote, without trailing space or nested closing marks."""
        return self.text[quote.inner_start : quote.inner_end].rstrip().rstrip("'’\"”»").rstrip()

    def _attribution_after(
        self, quote: Quote, bounds: tuple[int, int], *, resumed: bool
    ) -> _Attribution | None:
        """Return the attribution in the words after a quote, up to ``bounds[1]``, if any.

        What follows a quote ``resumed`` after its speaker's attribution ("“A,”
        said X, “B;” and everyone agreed") is an attribution of its own only
        when the quote breaks off at a comma ("“A,” said X, “B,” he added").
        A verb we do not list after it yields to words leading in to the quote
        with a colon, from ``bounds[0]``: they name its speaker ("X resumed:
        “… ----” Y sank down"), and that verb may be the next sentence's.
        """
        start, end = bounds
        if not self.text[quote.end : end].strip():
            return None
        if resumed and not self._inner(quote).endswith(","):
            return None
        found = self._after(quote, quote.end, end)
        if found is not None and found.rule == "after-verb":
            return self._led_in(start, quote.start) or found
        return found

    def _is_short(self, quote: Quote) -> bool:
        inner = self._inner(quote)
        words = len(_WORD_RE.findall(inner))
        punctuated = bool(inner) and inner[-1] in _TERMINAL + ",—–-:;"
        return words == 0 or (words < self.settings.min_words and not punctuated)

    def _free_standing(
        self,
        quote: Quote,
        left: str,
        right: str,
        left_start: int,
        *,
        spoken: bool = False,
    ) -> bool:
        """Return whether the quote is a clause of its own rather than words inside another's.

        A quote known to be ``spoken`` is speech whatever comes before or after
        it: one resuming after the attribution of the quote before it ("“A,”
        said X, “B.”", "“A,” replied he; “B;” and everyone agreed"), or one
        opening its line in text with a sentence a line.
        """
        if self._is_short(quote):
            return False
        if spoken:
            return True
        left_tail = left.rstrip()
        if left_tail:
            region = self.tokens.within(left_start, quote.start)
            if self._cue_before(region) is None and according_to(region) is None:
                verbs = any(t.pos_ in {"VERB", "AUX"} for t in region)
                last = left_tail[-1]
                if not (last == ":" or (last in ",;—–-([" and not verbs)):
                    return False
        right_head = right.lstrip()
        if not right_head or right_head[0] in _TERMINAL + ",;:)—–-]":
            return True
        inner = self._inner(quote)
        # After a quote that ends its own sentence, a capital starts a new one.
        return (bool(inner) and inner[-1] in _TERMINAL + ",;") or right_head[0].isupper()

    def _cue_before(self, region: Sequence[Token]) -> int | None:
        """Return the position of the cue that introduces a quote at the end of ``region``.

        Only adjuncts may stand between the cue and the quote ("said in a
        statement:", "told reporters on Monday,"); a complement ("says voter
        fraud “…”", "said that “…”") makes the quote part of reported speech.
        """
        words = [t for t in region if not t.is_punct]
        if words and words[-1].lower_ in {"that", "whether", "if", "as", "what", "how", "why"}:
            return None
        for position in range(len(region) - 1, max(-1, len(region) - 12), -1):
            token = region[position]
            klass = cue_class_of(token) or (CueClass.SPEECH if _puts_it(token) else None)
            if klass is not None:
                after = [t for t in region[position + 1 :] if not _idiom_object(token, t)]
                if self._adjuncts_only(token, after):
                    return position
                return None
            if token.pos_ in {"VERB", "AUX"} and token.dep_ not in {"amod", "acl"}:
                return None
        return None

    @staticmethod
    def _adjuncts_only(cue: Token, tokens: Sequence[Token]) -> bool:
        in_phrase = False
        for token in tokens:
            if token.is_punct or token.pos_ in {"ADV", "PART"} or token.ent_type_ in _WHEN:
                continue
            if token.pos_ == "ADP":
                in_phrase = True
                continue
            nominal = token.pos_ in {"DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON", "CCONJ"}
            if not (nominal and (in_phrase or cue.lemma_ in _ADDRESSING)):
                return False
        return True

    def _stands_alone(self, left: str, right: str) -> bool:
        right = right.strip()
        return not left.strip(" ,;:—–-") and (not right or right[0] in _TERMINAL)

    def _after(self, quote: Quote, start: int, end: int) -> _Attribution | None:
        """Find an attribution in the text right after a quote."""
        region = self.tokens.within(start, end)
        words = [t for t in region if not t.is_punct]
        if not words:
            return None
        first = region[0]
        if first.text in _DASHES and len(region) > 1:
            run = nominal_run(region[1:])
            if run and any(t.pos_ == "PROPN" for t in run):
                return _Attribution(
                    cue=Span.from_spacy(first),
                    speaker=span_of(self.text, run, start, end),
                    rule="dash",
                    confidence=0.85,
                    end=end,
                )
        according = according_to(region[:6])
        if according is not None:
            cue_tokens = region[according[0] : according[1]]
            source = nominal_run(region[according[1] :])
            return _Attribution(
                cue=span_of(self.text, cue_tokens, start, end),
                speaker=span_of(self.text, source, start, end),
                rule="after-according-to",
                confidence=0.85,
                end=end,
            )
        if words[0].lower_ in _SUBORDINATORS:
            # "“Don't you do it,” until gunshots are heard": a clause of the
            # narration, whose subject is not the quote's speaker.
            return None
        inner = self._inner(quote)
        sentence_closed = (
            bool(inner) and inner[-1] in _TERMINAL + ";" and not self._runs_on(quote, words[0])
        )
        for position, token in enumerate(region):
            klass = cue_class_of(token)
            if klass is None:
                if token.pos_ == "VERB" and position > 8:
                    break
                continue
            if _comment_clause(region, position):
                # "… ’ for, you see, she could not answer": the narrator's aside.
                continue
            if token.dep_ == "advcl" and any(
                c.dep_ in {"mark", "advmod"} and c.lower_ in _SUBORDINATORS for c in token.children
            ):
                # "“…?” and seemed disappointed when she answered": another's words.
                continue
            speaker = speaker_of(self.text, token, start, end)
            if speaker is None:
                run = nominal_run(region[position + 1 :])
                if run and position <= 2:
                    speaker = span_of(self.text, run, start, end)
            if speaker is None:
                before = [t for t in region[:position] if not t.is_punct]
                run = nominal_run(before)
                if before and all(t.is_title or t.pos_ in _NAME_PARTS for t in before):
                    # "…,” Tulsa police Chief Chuck Jordan said": a capitalised word
                    # the tagger took for a verb is part of the name.
                    run = before if any(t.pos_ in {"PROPN", "NOUN"} for t in before) else run
                if run and len(run) == len(before):
                    speaker = span_of(self.text, run, start, end)
            if speaker is None:
                continue
            if sentence_closed and inner[-1] == "?" and token.lemma_.lower() in _ANSWERING:
                # "“The maids have come, then?” / He nodded.": a nod answers the
                # question; the one who nods was asked it.
                return None
            # "“Ah!” / I said, “I thought so.”": a bare tag set off before the next quote
            # is this quote's, and the next quote is no complement of its cue.
            bare = speaker.start == words[0].idx and self.text[start:end].rstrip().endswith(",")
            limit = end if bare else len(self.text)
            if sentence_closed and speaker.start < token.idx and _has_complement(token, limit):
                # "…." Smith said the plan failed: a new statement, not this one's cue.
                return None
            return _Attribution(
                cue=Span.from_spacy(token),
                speaker=speaker,
                rule="after-cue",
                confidence=0.95 if klass is CueClass.SPEECH else 0.75,
                end=end,
                cue_class=klass,
                addressee=addressee_of(self.text, token, start, end),
            )
        if sentence_closed:
            return None
        # "…," he laughed: a verb we do not list, but the shape of an attribution.
        for position, token in enumerate(region[:6]):
            if token.pos_ != "VERB":
                continue
            speaker = speaker_of(self.text, token, start, end)
            if speaker is None and position == 0:
                speaker = self._inverted_subject(region[1:], start, end)
            if speaker is not None and position <= 4:
                return _Attribution(
                    cue=Span.from_spacy(token),
                    speaker=speaker,
                    rule="after-verb",
                    confidence=0.6,
                    end=end,
                )
            break
        return None

    def _runs_on(self, quote: Quote, word: Token) -> bool:
        """Return whether a quote opening its sentence goes on with the ``word`` after it.

        A quote ending in "?", "!" or a full stop ends its sentence only when
        a capital follows: "“But why?” he persisted." goes on. After words of its own
        ("All the ladies said ‘Poor child!’ on receiving …") what follows
        is the rest of that sentence, not an attribution.
        """
        if not word.text[:1].islower():
            return False
        paragraph = self.analysis.paragraphs[self.analysis.paragraph_of(quote.start)]
        start = sentence_start(self.text, paragraph[0], quote.start)
        return not self.text[start : quote.start].strip()

    def _inverted_subject(self, tokens: Sequence[Token], start: int, end: int) -> Span | None:
        """Return the subject after an inverted verb ("…," confessed Tuppence; went on Sir Henry).

        The verb's particle may come first; the noun phrase must end the clause,
        and a comma between two of its adjectives does not end it ("broke in
        a thin, elderly gentleman").
        """
        rest = list(tokens)
        while rest and rest[0].dep_ == "prt":
            rest = rest[1:]
        if (
            len(rest) > 1
            and rest[0].lower_ in _INVERTED_PARTICLES
            and rest[0].dep_ == "prep"
            and rest[1].pos_ in {"PROPN", "DET", "ADJ"}
        ):
            # "…,” went on Sir Henry: the particle read as a preposition.
            rest = rest[1:]
        rest = [
            token
            for position, token in enumerate(rest)
            if not (
                token.text == ","
                and 0 < position < len(rest) - 1
                and rest[position - 1].pos_ == "ADJ"
                and rest[position + 1].pos_ == "ADJ"
            )
        ]
        run = nominal_run(rest)
        if not run or (len(run) < len(rest) and not rest[len(run)].is_punct):
            return None
        return span_of(self.text, run, start, end)

    def _led_in(self, start: int, end: int) -> _Attribution | None:
        """Return the attribution of words leading in to a quote with a colon, if any."""
        if not self.text[start:end].rstrip().endswith(":"):
            return None
        found = self._before(start, end)
        return found if found is not None and found.speaker is not None else None

    def _before(self, start: int, end: int) -> _Attribution | None:
        """Find an attribution in the text right before a quote."""
        region = self.tokens.within(start, end)
        if not region:
            return None
        according = according_to(region)
        position = self._cue_before(region)
        if position is not None:
            token = region[position]
            klass = cue_class_of(token) or CueClass.SPEECH
            speaker = None
            if token.dep_ != "pcomp" or klass is CueClass.SPEECH:
                # "blamed them for focusing on “…”": the object of a gerund not of
                # speech is no quote of the gerund's subject.
                speaker = speaker_of(self.text, token, start, end)
            if speaker is None:
                before = [t for t in region[:position] if not t.is_punct]
                run = nominal_run(before[-4:])
                speaker = span_of(self.text, run, start, end) if run else None
            reporter = token.head
            if (
                speaker is not None
                and speaker.text.lower() in _THINGS
                and token.dep_ == "ccomp"
                and cue_class_of(reporter) is not None
                and reporter.i < token.i
            ):
                # "Obama said it would tell an American story, one of “…”": a thing
                # does not speak; the words are those of whoever reports it.
                speaker = speaker_of(self.text, reporter, start, end) or speaker
            if speaker is not None:
                return _Attribution(
                    cue=Span.from_spacy(token),
                    speaker=speaker,
                    rule="before-cue",
                    confidence=0.9 if klass is CueClass.SPEECH else 0.7,
                    end=end,
                    cue_class=klass,
                    addressee=addressee_of(self.text, token, start, end),
                )
        if according is not None:
            source = nominal_run(region[according[1] :])
            return _Attribution(
                cue=span_of(self.text, region[according[0] : according[1]], start, end),
                speaker=span_of(self.text, source, start, end) if source else None,
                rule="before-according-to",
                confidence=0.85,
                end=end,
            )
        last = region[-1]
        if last.text == ":":
            # An object pronoun ("… than might have been expected of him:") is
            # someone spoken of or to, never the one speaking.
            names = [
                t
                for t in region
                if t.pos_ == "PROPN" or (t.pos_ == "PRON" and "Acc" not in t.morph.get("Case", []))
            ]
            subject = None
            for verb in reversed([t for t in region if t.pos_ == "VERB"]):
                if any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
                    break  # "is exemplified by this finding:": not the subject's words
                subject = speaker_of(self.text, verb, start, last.idx)
                if subject is not None:
                    break
            if subject is not None and subject.text.lower() not in _THINGS:
                # "On July 6, 2015, Sanders made the following comment:": the
                # subject of the last verb, not the last name.
                return _Attribution(
                    cue=Span.from_spacy(last),
                    speaker=subject,
                    rule="colon",
                    confidence=0.7,
                    end=end,
                )
            if names:
                head = names[-1]
                while head.head.i != head.i and head.dep_ in {"compound", "flat"}:
                    head = head.head
                return _Attribution(
                    cue=Span.from_spacy(last),
                    speaker=subtree_span(self.text, head, start, last.idx),
                    rule="colon",
                    confidence=0.7,
                    end=end,
                )
        return None

    def _previous_paragraph(self, paragraph: int) -> _Attribution | None:
        """Find "X said:" ending the paragraph before a quote that opens its own."""
        if paragraph == 0:
            return None
        start, end = self.analysis.paragraphs[paragraph - 1]
        if not self.text[start:end].rstrip().endswith(":"):
            return None
        sentence = sentence_start(self.text, start, end)
        found = self._before(sentence, end)
        if found is None:
            return None
        return attrs.evolve(found, rule="before-paragraph", confidence=found.confidence - 0.1)


def _comment_clause(region: Sequence[Token], position: int) -> bool:
    """Return whether the cue at ``position`` is an aside to the reader ("you see", "you know").

    A verb whose subject is "you", set off by commas with nothing after it,
    is a comment clause of the narration, not an attribution.
    """
    if position == 0 or position + 1 >= len(region):
        return False
    subject, after = region[position - 1], region[position + 1]
    before = region[position - 2] if position >= 2 else None
    return (
        subject.lower_ == "you"
        and after.text == ","
        and (before is None or before.text in {",", "(", "—", "--"})
    )


def _puts_it(verb: Token) -> bool:
    """Return whether a verb is the idiom "put it" ("as one analyst put it, “…”")."""
    return verb.lemma_ == "put" and any(
        child.dep_ in _OBJECTS and child.lower_ == "it" for child in verb.children
    )


def _idiom_object(verb: Token, token: Token) -> bool:
    """Return whether ``token`` is the "it" of "put it"."""
    return token.lower_ == "it" and token.head.i == verb.i and _puts_it(verb)


def _words_between(text: str, start: int, end: int) -> bool:
    """Return whether words come between two quotes.

    Two quotes with nothing between them ("“I only meant --” “Never mind!”")
    are two turns, often of two speakers, not the halves of one interrupted quote.
    """
    return any(char.isalnum() for char in text[start:end])


def _has_complement(cue: Token, end: int) -> bool:
    """Return whether a cue verb has words of its own after it ("said the plan failed").

    A participle is not a complement ("he asked, pointing north"), nor is a
    noun phrase set off by a comma ("he demanded, a trifle irritably"), nor
    the next quote, past ``end`` ("“Ah!” I said, “I thought so.”").
    """
    return any(
        child.dep_ in _COMPLEMENTS
        and cue.i < child.i
        and child.idx < end
        and child.tag_ != "VBG"
        and not (child.dep_ in _OBJECTS and _set_off(cue, child))
        for child in cue.children
    )


def _set_off(cue: Token, child: Token) -> bool:
    """Return whether punctuation separates a verb from a dependent after it."""
    return any(t.is_punct for t in cue.doc[cue.i + 1 : child.left_edge.i])


@register(NAME)
def _factory() -> QuoteStrategy:
    return QuoteStrategy()
