"""The document's entities: named mentions clustered by name, with titles and affiliations.

People are clustered by name: "Sergey Lavrov", "Lavrov" and "Mr Lavrov" are
one entity (honorifics dropped, a shorter name joins the fuller one it ends
or starts), a surname that two people in the text share joins neither, and
names of opposite gender never join ("Mr. Bennet" and "Mrs. Bennet").
A person whose name shows no gender takes the one the possessives and
reflexives of the clauses they are the subject of show ("Alexandra shook her
head"; see ``narrated_gender``).
An entity is named by the full name the text uses most ("Hillary Clinton",
not the "Crooked Hillary Clinton" of one quote).
A one-word mention the NER labelled otherwise ("Lavrov" as ORG) still joins
the person whose surname it is. Organisations and places cluster by their
words, "the" dropped.

Titles and roles come from where news puts them: before the name ("Russian
Foreign Minister Sergey Lavrov"), in an apposition after it ("Lavrov,
Russia's foreign minister,") or before it ("the minister, Sergey Lavrov";
"the artist himself, Basil Hallward", which the parser may leave unjoined),
and after a copula ("Lavrov is Russia's foreign minister"). The affiliation
is the place, nationality or organisation a title names ("Russian", "the
White House", "of the Tax Policy Center").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import attrs
from spacy.lang.en.stop_words import STOP_WORDS

from quoteattr.lexicon.en import HONORIFICS, TITLE_NOUNS
from quoteattr.lexicon.names import KIN_TITLES, gender_in, gender_of_first_name, given_names_agree
from quoteattr.model import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = [
    "SEARCH_CHARS",
    "Cluster",
    "EntityTable",
    "bare_word",
    "harvest_titles",
    "honorific_gender",
    "narrated_gender",
    "title_head",
]

_MALE_HONORIFICS = {"mr", "mr.", "sir", "lord", "monsieur", "herr"}
_FEMALE_HONORIFICS = {"mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "madam", "madame"}
# Titles of rank before a name, whose bearer nobody calls by a pet name.
_RANKS = {"lady", "lord", "sir", "dame", "prince", "princess", "king", "queen", "duke", "duchess"}
# Titles of rank that say their bearer's sex ("Count Dracula", "Duchess Anne"); taken
# from the ranks in ``MALE_NOUNS`` / ``FEMALE_NOUNS`` (our own list) and their pairs.
_MALE_RANKS = {"count", "baron", "duke", "earl", "prince", "king", "marquis", "viscount"}
_FEMALE_RANKS = {"countess", "baroness", "duchess", "princess", "queen", "marchioness"}
_GROUPS = {"ORG", "GPE", "NORP", "FAC", "LOC"}
_AFFILIATION_LABELS = {"ORG", "GPE", "NORP"}
_TITLE_POS = {"PROPN", "NOUN", "ADJ"}
_AMBIGUOUS = -1
_HEADING = re.compile(r"(?i)(?:chapter|book|part)\s+(?:[ivxlc]+|\d+)\b\.?\s*")
# How many times more mentions make one bearer of a shared surname the one meant.
_DOMINANT = 2
# The most words a name the NER missed may have.
_MAX_NAME_WORDS = 4
# How far back (in characters) a pronoun's antecedent is looked for.
SEARCH_CHARS = 3_000
# A reflexive says more of its subject's sex than a possessive ("John took her hand").
_REFLEXIVES = {"himself": "m", "herself": "f"}
_POSSESSIVES = {"his": "m", "her": "f"}
_REFLEXIVE_WEIGHT = 3
# How much the signs of one sex must outweigh the other's, and the least weight that counts.
_SIGN_MARGIN = 2
_MIN_SIGNS = 1
# The least weight of signs that overrides a gender an honorific lent (``Cluster.borrowed``).
_BORROWED_SIGNS = 3
# Words after a title's head ("chairman *of* the committee", "professor *at* Yale").
_TITLE_PREPOSITIONS = {"of", "at", "for", "in", "with", "from", "to", "on", "who", "and"}
# A description's head and at least one more word shared with a title single out
# its bearer among several.
_SHARED_WORDS = 2
# What may follow a name set off after a description ("the artist, Basil Hallward, …").
_PHRASE_ENDS = {",", ".", ";", "!", "?"}
_ARTICLES = {"the", "a", "an"}
_ORGANISATIONS = {"ORG", "FAC"}
_SENTENCE_END_RE = re.compile(r"[.!?][\"”’']?\s|\n")


@attrs.define
class Cluster:
    """An entity being built: its label, best name, name words, mentions and profile."""

    label: str
    name: str
    words: tuple[str, ...]
    mentions: list[Span] = attrs.field(factory=list)
    titles: list[Span] = attrs.field(factory=list)
    affiliation: Span | None = None
    gender: str | None = None
    # Named only from a headline so far ("Rip Donald Trump"): the first
    # mention in running text renames it.
    provisional: bool = False
    # How often the text spells the name each way (honorifics dropped).
    spellings: dict[str, int] = attrs.field(factory=dict)
    # Seen doing something: the subject of a clause, or a statement's speaker.
    acts: bool = False
    # Known only by a description ("the parson"): no name of its own.
    unnamed: bool = False
    # How strongly the narration shows a man or a woman (see ``narrated_gender``).
    signs: dict[str, int] = attrs.field(factory=dict)
    # Named with a title of rank ("Lady Catherine", "Sir William").
    ranked: bool = False
    # How often the narration, outside quotes, spells the given name each way.
    given: dict[str, int] = attrs.field(factory=dict)
    # Called "Miss" and her surname alone ("Miss Pinkerton"): the eldest daughter.
    eldest: bool = False
    # A woman's married surname, when the text also gives her maiden name.
    married: str | None = None
    # Found to be another cluster's person, who took over its mentions (see ``merge``).
    merged: bool = False
    # The gender came from an honorific on a later mention ("Mrs. Archer" after
    # "Newland Archer"), which may name another of the family (see ``settle_gender``).
    borrowed: bool = False

    def settle_gender(self) -> None:
        """Take the gender the narration shows, when none is known and its signs agree.

        Some sign must show ("Carl thrust his hands into his pockets"), and
        one sex must weigh at least ``_SIGN_MARGIN`` times the other. A
        gender only an honorific on a later mention gave ("Mrs. Archer", his
        mother, after "Newland Archer") yields to clear signs of the other.
        """
        male, female = self.signs.get("m", 0), self.signs.get("f", 0)
        if self.borrowed and self.gender is not None:
            # "Newland Archer opened his box" outweighs his mother's "Mrs. Archer".
            own, other = (male, female) if self.gender == "m" else (female, male)
            if other >= _BORROWED_SIGNS and other >= _SIGN_MARGIN * own:
                self.gender = "f" if self.gender == "m" else "m"
            return
        if self.gender is not None or max(male, female) < _MIN_SIGNS:
            return
        if male >= _SIGN_MARGIN * female:
            self.gender = "m"
        elif female >= _SIGN_MARGIN * male:
            self.gender = "f"

    def barely_shown(self) -> bool:
        """Return whether the text barely shows this person: one word, met once, no gender known.

        Such a "person" is as likely a word the NER mistook ("Danube", "Behold").
        """
        return (
            self.label == "PERSON"
            and self.gender is None
            and len(self.words) == 1
            and len(self.mentions) == 1
        )

    def canonical(self) -> str:
        """Return the name to show: the full name the text uses most, the fullest on a tie.

        A full name has two words or more; "Crooked Hillary Clinton", once
        against "Hillary Clinton" five times, is an epithet, not the name. A
        person known only by descriptions is named by the one used most (see
        ``_description``).
        """
        if self.unnamed:
            return self._description()
        full = [(count, len(name.split()), name) for name, count in self.spellings.items()]
        full = [item for item in full if item[1] >= 2]
        name = max(full)[2] if full else self.name
        if self.married is not None and len(name.split()) > 1:
            # "Beatrice O'Hara", married to Stephen Blaine, is Beatrice Blaine.
            name = " ".join([*name.split()[:-1], self.married])
        return self._given_as_narrated(name)

    def _given_as_narrated(self, name: str) -> str:
        """Return ``name`` with the given name as the narration spells it most.

        "Thomas Beresford" the narration calls Tommy is "Tommy Beresford";
        "Lizzy", whom only her father calls so, is "Elizabeth".
        """
        words = name.split()
        given = words[0].lower()
        forms = [
            (count, spelled)
            for spelled, count in self.given.items()
            if given_names_agree(spelled.lower(), given)
        ]
        if not forms:
            return name
        count, spelled = max(forms)
        if count > self.given.get(words[0], 0):
            words[0] = spelled
        return " ".join(words)

    def _description(self) -> str:
        """Return the description the text calls an unnamed person by most, the first on a tie.

        Articles apart ("a man" is "the man"): "An elderly parson … said the
        parson … said the parson" is "the parson".
        """
        seen: dict[str, list[str]] = {}
        for mention in sorted(self.mentions):
            words = mention.text.split()
            bare = " ".join(
                words[1:] if len(words) > 1 and words[0].lower() in _ARTICLES else words
            )
            seen.setdefault(bare.lower(), []).append(mention.text)
        if not seen:
            return self.name
        texts = max(seen.values(), key=len)
        return max(texts, key=texts.count)


def _clean(text: str, mention: Span) -> Span | None:
    """Return the mention without a leading "the" or possessive, or a trailing possessive."""
    start, end = mention.start, mention.end
    # A chapter heading glued to the text after it ("CHAPTER I. Down the …").
    heading = _HEADING.match(text, start, end)
    if heading is not None:
        start = heading.end()
    if text[start:end].lower().startswith("the "):
        start += 4
    # A possessive the NER took into the name ("his name ’s George").
    for prefix in ("'s ", "’s "):
        if text[start:end].startswith(prefix):
            start += len(prefix)
    while end > start and text[end - 1] in ".,;:'’\"”":
        end -= 1
    for suffix in ("'s", "’s"):
        if text[start:end].endswith(suffix):
            end -= len(suffix)
    return Span.of(text, start, end) if end > start else None


def _function_word(words: tuple[str, ...]) -> bool:
    """Return whether a one-word name is a function word opening a sentence ("Down, down").

    The word list is spaCy's English stop words; a known first name ("Will")
    is still a name.
    """
    return len(words) == 1 and words[0] in STOP_WORDS and gender_of_first_name(words[0]) is None


def name_words(name: str) -> tuple[str, ...]:
    """Return a name's words, lowercased, honorifics dropped.

    So is a title of kinship or of a religious order before a name ("Sister
    Carrie" is Carrie, "Uncle John" John); alone ("Uncle") it is the name.
    """
    words = [w.strip(".,").lower() for w in name.split()]
    kept = [w for w in words if w and w not in HONORIFICS and w + "." not in HONORIFICS]
    if len(kept) > 1 and kept[0] in KIN_TITLES:
        kept = kept[1:]
    return tuple(kept)


def honorific_gender(word: str) -> str | None:
    """Return "m" or "f" for a gendered honorific ("Mr.", "Mrs", "Lady"), else ``None``."""
    return gender_in(word, _MALE_HONORIFICS, _FEMALE_HONORIFICS)


def _gender_of(name: str) -> str | None:
    words = name.split()
    if not words:
        return None
    gender = honorific_gender(words[0])
    if gender is not None:
        return gender
    if len(words) > 1 and KIN_TITLES.get(words[0].lower()):
        return KIN_TITLES[words[0].lower()]
    if len(words) > 1 and (rank := gender_in(words[0], _MALE_RANKS, _FEMALE_RANKS)):
        return rank  # "Count Dracula": a title of rank before a name
    return gender_of_first_name(words[0]) if len(words) > 1 else None


class EntityTable:
    """Cluster named mentions into entities, in text order, and find them by offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.clusters: list[Cluster] = []
        self.by_offset: list[tuple[int, int, int]] = []  # (start, end, cluster index)
        # The given names the text puts after "Miss" ("Miss Jemima"), see ``expect``.
        self.younger: set[str] = set()

    def expect(self, names: Iterable[str]) -> None:
        """Note the names the text will give people, before they are added.

        "Miss" and a surname alone name the eldest unmarried daughter ("Miss
        Bennet" is Jane); her younger sisters are "Miss" and their given name
        ("Miss Elizabeth", "Miss Jemima"). A woman the text calls so is not
        the "Miss Pinkerton" who shares her surname (see ``_match``). The
        usage is the one English novels of manners follow (Austen, Thackeray).
        """
        for name in names:
            words = name.split()
            miss = len(words) == 2 and words[0].lower() == "miss"
            if miss and gender_of_first_name(words[1]) == "f":
                self.younger.add(words[1].lower())

    def add(
        self, mention: Span, label: str, *, headline: bool = False, quoted: bool = False
    ) -> int | None:
        """Add a named mention; return its cluster's index (``None`` if it names nothing).

        A mention in a headline joins or starts a cluster but names it only
        until the text names it (headlines glue words onto names); one
        outside quotes (not ``quoted``) tells how the narration calls them.
        """
        cleaned = _clean(self.text, mention)
        if cleaned is None:
            return None
        words = name_words(cleaned.text)
        if not words or _function_word(words):
            return None
        gender = _gender_of(cleaned.text)
        eldest = (
            len(words) == 1
            and cleaned.text.split()[0].lower() == "miss"
            and words[0] not in self.younger
        )
        index = self._match(words, label, gender, eldest=eldest)
        if index == _AMBIGUOUS:
            # A surname two people in the text share names neither of them.
            return None
        if index is None:
            name = " ".join(cleaned.text.split())
            self.clusters.append(Cluster(label, name, words, provisional=headline))
            index = len(self.clusters) - 1
            if label == "PERSON" and len(words) == 1:
                # A character called by a first name alone ("Millie"); a lone
                # surname ("Clinton") still joins a full name of either sex.
                gender = gender or gender_of_first_name(words[0])
        cluster = self.clusters[index]
        if self._wed_now(words, cluster):
            # Joined by ``_wed``: the surname a man bears is her married name.
            wife = words[-1] if self._husband(words[-1]) is not None else cluster.words[-1]
            written = [w for w in cleaned.text.split() if w.strip(".,").lower() == wife]
            cluster.married = written[-1] if written else wife.capitalize()
        cluster.ranked = cluster.ranked or cleaned.text.split()[0].lower() in _RANKS
        cluster.eldest = cluster.eldest or (eldest and len(cluster.words) == 1)
        renames = not headline and (cluster.provisional or len(words) > len(cluster.words))
        if renames or (headline and cluster.provisional and len(words) > len(cluster.words)):
            kept = [w for w in cleaned.text.split() if w.strip(".,").lower() in words]
            cluster.words, cluster.name = words, " ".join(kept)
            cluster.provisional = cluster.provisional and headline
        if not headline:
            spelled = " ".join(w for w in cleaned.text.split() if w.strip(".,").lower() in words)
            cluster.spellings[spelled] = cluster.spellings.get(spelled, 0) + 1
            if not quoted and label == "PERSON" and spelled:
                first = spelled.split()[0]
                cluster.given[first] = cluster.given.get(first, 0) + 1
        if cluster.gender is None and gender is not None and cluster.mentions:
            cluster.borrowed = honorific_gender(cleaned.text.split()[0]) is not None
        cluster.gender = cluster.gender or gender
        if cleaned not in cluster.mentions:
            cluster.mentions.append(cleaned)
            bisect.insort(self.by_offset, (cleaned.start, cleaned.end, index))
        return index

    def add_missed_name(self, mention: Span) -> int | None:
        """Add a name the NER missed ("Caddell", "The Post"); return its cluster, if it is one.

        Up to four capitalised words; "The …" names an organisation. One word
        the text also writes in lower case is a common noun opening a sentence
        ("Heaven knows", "Ancestry is"), unless it is a known first name.
        """
        words = mention.text.split()
        if not words or len(words) > _MAX_NAME_WORDS or not all(w[:1].isupper() for w in words):
            return None
        if len(words) == 1 and self._common_word(words[0]):
            return None
        label = "ORG" if words[0].lower() == "the" else "PERSON"
        return self.add(mention, label)

    def _common_word(self, word: str) -> bool:
        lowered = word.lower()
        if gender_of_first_name(lowered) is not None:
            return False
        return re.search(rf"\b{re.escape(lowered)}\b", self.text) is not None

    def join(self, index: int, mention: Span) -> None:
        """Add ``mention`` ("the parson") to cluster ``index`` as one of its mentions."""
        cluster = self.clusters[index]
        if mention not in cluster.mentions:
            cluster.mentions.append(mention)
            bisect.insort(self.by_offset, (mention.start, mention.end, index))

    def merge(self, index: int, into: int) -> None:
        """Give person ``into`` the mentions and titles of ``index``, the same person."""
        source, target = self.clusters[index], self.clusters[into]
        for title in source.titles:
            if title not in target.titles:
                target.titles.append(title)
        for mention in source.mentions:
            self.join(into, mention)
        target.gender = target.gender or source.gender
        target.acts = target.acts or source.acts
        self.by_offset = [entry for entry in self.by_offset if entry[2] != index]
        source.mentions, source.titles, source.merged = [], [], True

    def entitle(self, index: int, mention: Span) -> None:
        """Give person ``index`` a description ("the son") as a mention and a title of theirs."""
        cluster = self.clusters[index]
        if mention not in cluster.titles:
            cluster.titles.append(mention)
        self.join(index, mention)

    def describe(self, mention: Span, words: tuple[str, ...], gender: str | None) -> int:
        """Add a person known only by a description ("the parson"); return its cluster's index.

        The description is its name and its title, so that a pronoun can stand
        for it and the same description later finds it.
        """
        self.clusters.append(Cluster("PERSON", mention.text, words, gender=gender, unnamed=True))
        index = len(self.clusters) - 1
        self.clusters[index].titles.append(mention)
        self.join(index, mention)
        return index

    def _match(
        self, words: tuple[str, ...], label: str, gender: str | None, *, eldest: bool = False
    ) -> int | None:
        people = []
        pets = []
        for index in range(len(self.clusters) - 1, -1, -1):
            cluster = self.clusters[index]
            if gender and cluster.gender and cluster.gender != gender:
                # "Mrs. Bennet" is not the Mr. Bennet met before.
                continue
            if self._sisters(words, eldest, cluster):
                continue
            same_kind = cluster.label == label or {cluster.label, label} <= _GROUPS
            if same_kind and cluster.words == words:
                return index
            if cluster.label != "PERSON":
                continue
            if label == "PERSON" and (_pet_form(words, cluster) or self._wed(words, cluster)):
                pets.append(index)
            shorter, longer = sorted((words, cluster.words), key=len)
            if len(shorter) == len(longer):
                continue
            ends = longer[-len(shorter) :] == shorter
            ends = ends or (len(words) == 1 and words[0] == (cluster.married or "").lower())
            first_name = len(shorter) == 1 and shorter[0] == longer[0]
            # A person's surname alone, or a given name the lists know, may
            # come labelled ORG or GPE by the NER ("Beatrice" for Beatrice O'Hara).
            known = first_name and gender_of_first_name(shorter[0]) is not None
            if (label == "PERSON" and (ends or first_name)) or (
                len(words) == 1 and (ends or known) and label in _GROUPS
            ):
                people.append(index)
        # A surname shared by two people in the text resolves to neither.
        distinct = {self.clusters[i].words for i in people}
        if len(distinct) > 1:
            return _AMBIGUOUS
        if not people and len(pets) == 1:
            # "Carrie" is the Caroline met before, if no one else is a Caroline;
            # "Beatrice Blaine" the Beatrice O'Hara who married Stephen Blaine.
            return pets[0]
        return people[0] if people else None

    def _wed(self, words: tuple[str, ...], cluster: Cluster) -> bool:
        """Return whether a woman's full name is a person's with a married surname, or the reverse.

        "Beatrice Blaine" is the Beatrice O'Hara met before when a man of the
        text bears one of the two surnames (Stephen Blaine) and the text calls
        a woman "Mrs." and that surname: she took his name in marriage. Two
        women who share a given name and no such sign stay apart ("Sarah
        Palin", "Sarah Sanders" and "Bernie Sanders"). A woman is known to
        have married once.
        """
        if len(words) < 2 or len(cluster.words) < 2 or cluster.married is not None:
            return False
        if words[0] != cluster.words[0] or words[-1] == cluster.words[-1]:
            return False
        if cluster.gender not in {None, "f"} or gender_of_first_name(words[0]) != "f":
            return False
        return any(
            self._husband(surname) is not None and self._called_mrs(surname)
            for surname in (words[-1], cluster.words[-1])
        )

    def _called_mrs(self, surname: str) -> bool:
        """Return whether the text calls a woman "Mrs." and ``surname`` (a wife's name)."""
        pattern = rf"\bMrs\.? {re.escape(surname)}\b"
        return re.search(pattern, self.text, flags=re.IGNORECASE) is not None

    @staticmethod
    def _wed_now(words: tuple[str, ...], cluster: Cluster) -> bool:
        """Return whether a name just joined a woman's under another surname (see ``_wed``)."""
        if cluster.married is not None or len(words) < 2 or len(cluster.words) < 2:
            return False
        return words[0] == cluster.words[0] and words[-1] != cluster.words[-1]

    def _husband(self, surname: str) -> int | None:
        """Return the one man with a full name who bears ``surname``, if there is one."""
        men = [
            index
            for index, cluster in enumerate(self.clusters)
            if cluster.label == "PERSON"
            and cluster.gender == "m"
            and len(cluster.words) > 1
            and cluster.words[-1] == surname
        ]
        return men[0] if len(men) == 1 else None

    def _sisters(self, words: tuple[str, ...], eldest: bool, cluster: Cluster) -> bool:
        """Return whether a name and a person are sisters, not one woman (see ``expect``).

        "Miss Pinkerton" is not Jemima Pinkerton, called "Miss Jemima"
        elsewhere, whichever of the two the text names first.
        """
        if eldest and len(cluster.words) > 1:
            return cluster.words[0] in self.younger
        return cluster.eldest and len(words) > 1 and words[0] in self.younger

    def bearer(self, name: str, prefer: int | None = None) -> int | None:
        """Return the person a name shared by several people most likely means.

        "Cruz" after "Ted Cruz", "Heidi Cruz" and "Rafael Cruz": the one just
        heard (``prefer``, the previous speaker) if the name fits them; else the
        one the text mentions most, when they have at least twice the mentions
        of any other; else the one the text introduced first, a sentence or
        more before the others; else ``None``.
        """
        words = name_words(name)
        if len(words) != 1:
            return None
        gender = _gender_of(name)
        people = [
            index
            for index, cluster in enumerate(self.clusters)
            if cluster.label == "PERSON"
            and len(cluster.words) > 1
            and words[0] in {cluster.words[0], cluster.words[-1]}
            # "Mr. Pett" is not Mrs. Nesta Pett.
            and (gender is None or cluster.gender in {None, gender})
        ]
        if prefer in people:
            return prefer
        ranked = sorted(people, key=lambda i: len(self.clusters[i].mentions), reverse=True)
        if not ranked:
            return None
        if len(ranked) > 1 and len(self.clusters[ranked[0]].mentions) < _DOMINANT * len(
            self.clusters[ranked[1]].mentions
        ):
            # News introduces its subject first and relatives after ("his wife,
            # Heidi Cruz"); two introduced in one sentence stay ambiguous.
            firsts = sorted((min(m.start for m in self.clusters[i].mentions), i) for i in people)
            (first, index), (second, _) = firsts[0], firsts[1]
            if not _SENTENCE_END_RE.search(self.text, first, second):
                return None
            return index
        return ranked[0]

    def relative(self, index: int, gender: str, offset: int) -> int | None:
        """Return the person of ``gender`` who shares a surname with person ``index``.

        "His wife" of Mr. Bennet is Mrs. Bennet; the person's own gender must be
        known. The one met last before ``offset`` counts, else the first met after.
        """
        return self.of_family(self.clusters[index].words[-1], gender, offset, index)

    def surname(self, index: int) -> str | None:
        """Return a person's surname, if the text gives one.

        It is the last of several name words, or a name after a gendered
        honorific ("Mrs. Bennet"); "Kitty" alone has none.
        """
        cluster = self.clusters[index]
        if len(cluster.words) > 1:
            return cluster.words[-1]
        first = cluster.name.split()[0] if cluster.name.split() else ""
        return cluster.words[-1] if cluster.words and honorific_gender(first) else None

    def of_family(
        self, surname: str, gender: str, offset: int, other_than: int | None = None
    ) -> int | None:
        """Return the person of ``gender`` with ``surname`` met last before ``offset``.

        With none before, the first met after counts; ``other_than`` is passed over.
        """
        index = other_than
        best, best_key = None, (-1, 0)
        for other, cluster in enumerate(self.clusters):
            if other == index or cluster.label != "PERSON" or cluster.gender != gender:
                continue
            if cluster.words[-1] != surname or not cluster.mentions:
                continue
            before = [m.start for m in cluster.mentions if m.start < offset]
            key = (1, max(before)) if before else (0, -min(m.start for m in cluster.mentions))
            if key > best_key:
                best, best_key = other, key
        return best

    def person_named(self, word: str) -> int | None:
        """Return the one person whose first name or surname is ``word``, if only one has it.

        A pet form of the first name counts ("Tommy" for Thomas Beresford).
        """
        lowered = word.lower()
        found = {
            index
            for index, cluster in enumerate(self.clusters)
            if cluster.label == "PERSON"
            and (lowered == cluster.words[-1] or given_names_agree(lowered, cluster.words[0]))
            and not cluster.barely_shown()
        }
        return found.pop() if len(found) == 1 else None

    def at(self, mention: Span) -> int | None:
        """Return the cluster whose mention overlaps ``mention`` most."""
        best, best_overlap = None, 0
        position = bisect.bisect_left(self.by_offset, (mention.start - 200, 0, 0))
        for start, end, index in self.by_offset[position:]:
            if start >= mention.end:
                break
            overlap = min(end, mention.end) - max(start, mention.start)
            if overlap > best_overlap:
                best, best_overlap = index, overlap
        return best

    def within(self, spans: Iterable[Span]) -> list[int]:
        """Return the clusters with a mention inside any of ``spans``, in text order."""
        found: list[int] = []
        for span in spans:
            position = bisect.bisect_left(self.by_offset, (span.start, 0, 0))
            for start, end, index in self.by_offset[position:]:
                if start >= span.end:
                    break
                if end <= span.end and index not in found:
                    found.append(index)
        return found

    def _mentions_before(
        self, offset: int, limit: int | None = None
    ) -> Iterator[tuple[int, int, int]]:
        """Yield (start, end, cluster) of the mentions before ``offset``, nearest first.

        With a ``limit``, only those starting at most that many characters back.
        """
        end = bisect.bisect_left(self.by_offset, (offset, 0, 0))
        for position in range(end - 1, -1, -1):
            mention = self.by_offset[position]
            if limit is not None and offset - mention[0] > limit:
                return
            yield mention

    def organisation(self, head: str, offset: int, owner: int | None = None) -> int | None:
        """Return the nearest organisation before ``offset`` whose name holds ``head``.

        "The Commission on Presidential Debates … the commission said": a
        definite description by the head word of an organisation's name (of
        two words or more: a lone "Bank" the NER found names nothing). With
        an ``owner``, its name must hold that person's surname too ("the
        Clinton campaign").
        """
        surname = self.clusters[owner].words[-1] if owner is not None else head
        for _, _, index in self._mentions_before(offset, SEARCH_CHARS):
            cluster = self.clusters[index]
            named = len(cluster.words) > 1 and not cluster.provisional
            held = head in cluster.words and surname in cluster.words
            if named and cluster.label in _ORGANISATIONS and held:
                return index
        return None

    def before(
        self,
        offset: int,
        labels: set[str],
        gender: str | None = None,
        limit: int = SEARCH_CHARS,
        skip: Iterable[Span] = (),
    ) -> int | None:
        """Return the nearest cluster before ``offset`` that agrees in label and gender.

        Mentions inside any of ``skip`` (the words of a statement) are passed
        over, and so are people the text barely shows: a one-word name, met
        once, with no gender known ("Danube" tagged PERSON). A person seen
        acting (see ``Cluster.acts``) comes before one only named in passing
        ("the Argus's who guarded the fruit"), who is kept in case no one acts.
        """
        skipped = list(skip)
        passing = None
        for start, stop, index in self._mentions_before(offset, limit):
            cluster = self.clusters[index]
            if cluster.label not in labels:
                continue
            if gender and cluster.gender and cluster.gender != gender:
                continue
            if any(s.start <= start and stop <= s.end for s in skipped):
                continue
            if cluster.barely_shown():
                continue
            if cluster.label == "PERSON" and not cluster.acts and len(cluster.mentions) == 1:
                passing = index if passing is None else passing
                continue
            return index
        return passing

    def described(
        self, words: set[str], offset: int, head: str | None = None, *, guess: bool = False
    ) -> int | None:
        """Return the person before ``offset`` a description names by a title.

        The nearest person with a title holding all of ``words`` (and, when
        ``head`` is given, headed by the same noun: "the campaign" is not the
        "campaign chairman"); else the only person whose title has that head
        ("the senator" for "Sen. Ted Cruz"), or among several the one whose
        titles share most of the other words, when asked to ``guess``; people
        known only by a description are not guessed at that way. A title that is part of the
        name counts ("the parson" for "Parson Tringham").
        """
        bearers: dict[int, int] = {}
        for _, _, index in self._mentions_before(offset):
            cluster = self.clusters[index]
            if cluster.label != "PERSON":
                continue
            if len(words) == 1 and not cluster.unnamed and _name_title(words, cluster.words):
                return index
            for title in cluster.titles:
                title_words = _title_words(title.text)
                same_head = head is None or title_head(title.text) == head
                if same_head and words <= title_words:
                    return index
                if guess and head is not None and same_head and not cluster.unnamed:
                    shared = len(words & title_words)
                    bearers[index] = max(bearers.get(index, 0), shared)
        return _best_bearer(bearers)


def _pet_form(words: tuple[str, ...], cluster: Cluster) -> bool:
    """Return whether a name is a person's with a pet form for the given name, or the reverse.

    "Carrie" for Caroline, "Lizzy Bennet" for Elizabeth Bennet, "Elizabeth"
    for Lizzy; one of them is a given name alone, or both have the same
    surname. Nobody calls a lady of rank by a pet name ("Lady Catherine" is
    not Kitty).
    """
    other = cluster.words
    if words[0] == other[0] or not given_names_agree(words[0], other[0]) or cluster.ranked:
        return False
    return len(words) == 1 or len(other) == 1 or words[1:] == other[1:]


def _name_title(words: set[str], name: tuple[str, ...]) -> bool:
    """Return whether a one-word description is the title a name opens with.

    "The parson" is "Parson Tringham"; "the website" is not "Popular
    Website", nor "the smith" John Smith: a word that ends a name of two
    words or more is no title of its bearer.
    """
    return name[0] in words if len(name) > 1 else set(name) == words


def _best_bearer(bearers: dict[int, int]) -> int | None:
    """Return the one person a title's head names, or the one sharing most words with it."""
    if len(bearers) == 1:
        return next(iter(bearers))
    ranked = sorted(bearers.items(), key=lambda item: -item[1])
    if len(ranked) > 1 and ranked[0][1] > ranked[1][1] and ranked[0][1] >= _SHARED_WORDS:
        return ranked[0][0]
    return None


def narrated_gender(ent: SpacySpan) -> dict[str, int]:
    """Return the weight of the signs of a named subject's sex in its own clause.

    "Alexandra explained her predicament", "Carl thrust his hands into his
    pockets", "thought Alice to herself": a possessive or a reflexive in the
    clause whose subject the name is most often stands for it. A possessive
    with another person named between it and the name stands for that one
    ("Fowler has backed Hillary Clinton since her first bid").
    """
    signs: dict[str, int] = {}
    if ent.root.dep_ not in {"nsubj", "nsubjpass"}:
        return signs
    verb = ent.root.head
    others = [
        t.i
        for t in verb.subtree
        if t.ent_type_ == "PERSON" and not ent.start <= t.i < ent.end and t.ent_iob_ == "B"
    ]
    for token in verb.subtree:
        lowered = token.lower_
        if lowered in _REFLEXIVES:
            gender, weight = _REFLEXIVES[lowered], _REFLEXIVE_WEIGHT
        elif lowered in _POSSESSIVES and token.dep_ == "poss":
            low, high = sorted((token.i, ent.start))
            if any(low < i < high for i in others):
                continue
            gender, weight = _POSSESSIVES[lowered], 1
        else:
            continue
        if _clause_of(token).i == verb.i:
            signs[gender] = signs.get(gender, 0) + weight
    return signs


def _clause_of(token: Token) -> Token:
    """Return the head of the clause a token is in: the nearest head with a subject of its own."""
    while token.head.i != token.i and not any(
        c.dep_ in {"nsubj", "nsubjpass"} for c in token.children
    ):
        token = token.head
    return token


def bare_word(word: str) -> str:
    """Return a word lowercased, without punctuation around it or a possessive ("Ogden's")."""
    word = word.lower().strip(".,'’")
    for suffix in ("'s", "’s"):
        word = word.removesuffix(suffix)
    return "" if word == "s" else word


def title_head(title: str) -> str:
    """Return a title's head noun: its last word before any preposition ("chairman of …")."""
    words = [bare_word(w) for w in title.split()]
    for position, word in enumerate(words):
        if word in _TITLE_PREPOSITIONS and position:
            words = words[:position]
            break
    head = words[-1] if words else ""
    return TITLE_NOUNS.get(head, head)


def _title_words(title: str) -> set[str]:
    """Return a title's words, lowercased, with the nouns its abbreviations stand for ("Dr.")."""
    words = {bare_word(w) for w in title.split()}
    return words | {TITLE_NOUNS[w] for w in words if w in TITLE_NOUNS}


def _phrase(text: str, tokens: list[Token]) -> Span | None:
    tokens = sorted(tokens, key=lambda t: t.i)
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return Span.of(text, start, end) if end > start else None


_WH_TAGS = {"WP", "WP$", "WDT", "WRB"}


def harvest_titles(doc: Doc, text: str, ent: SpacySpan) -> tuple[list[Span], Span | None]:
    """Return the titles the text gives a named person, and an affiliation if one shows."""
    titles: list[Span] = []
    affiliation: Span | None = None
    head = ent.root
    # "Russian Foreign Minister Sergey Lavrov": title words right before the name.
    before: list[Token] = []
    index = ent.start - 1
    while index >= 0:
        token = doc[index]
        attached = (token.head.i >= ent.start and token.head.i < ent.end) or token.head in before
        if token.pos_ not in _TITLE_POS or not attached or token.ent_type_ == "PERSON":
            break
        before.append(token)
        index -= 1
    if before and any(t.pos_ in {"NOUN", "PROPN"} and t.ent_type_ == "" for t in before):
        title = _phrase(text, before)
        if title is not None:
            titles.append(title)
        affiliation = _affiliation(text, before)
    # "Lavrov, Russia's foreign minister," and "the minister, Sergey Lavrov"; a
    # bare noun is no title but someone addressed ("Mr. Denham, mother,").
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ in {"NOUN", "PROPN"} and child.ent_type_ == "":
            if child.n_lefts + child.n_rights == 0:
                continue
            words = _without_clauses(child)
            if words[0].tag_ in _WH_TAGS:
                # "…, part of whose expenses were paid by …": a clause, not a title.
                continue
            title = _phrase(text, words)
            if title is not None and len(title.text) < 120:
                titles.append(title)
                affiliation = affiliation or _affiliation(text, words)
    noun = _noun_before(doc, ent)
    if noun is not None:
        words = [t for t in noun.subtree if t.i < noun.i + 1 and t.i >= noun.left_edge.i]
        title = _phrase(text, [t for t in words if t.dep_ != "det"])
        if title is not None:
            titles.append(title)
            affiliation = affiliation or _affiliation(text, words)
    # "Lavrov is Russia's foreign minister".
    if head.dep_ == "nsubj" and head.head.lemma_ == "be":
        for child in head.head.children:
            if child.dep_ == "attr" and child.pos_ == "NOUN":
                words = [t for t in child.subtree if t.i <= child.i]
                title = _phrase(text, [t for t in words if t.dep_ != "det"])
                if title is not None:
                    titles.append(title)
                    affiliation = affiliation or _affiliation(text, words)
    return titles, affiliation


def _noun_before(doc: Doc, ent: SpacySpan) -> Token | None:
    """Return the noun a name stands in apposition after ("the minister, Sergey Lavrov").

    One the parser did not join to the name counts when only a comma, or a
    reflexive and a comma, part them and the name ends its phrase ("was
    sitting the artist himself, Basil Hallward, whose …").
    """
    head = ent.root
    if head.dep_ == "appos":
        noun = head.head
    else:
        comma = ent.start - 1
        follows = doc[ent.end].text if ent.end < len(doc) else "."
        if comma < 1 or doc[comma].text != "," or follows not in _PHRASE_ENDS:
            return None
        if head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children):
            return None
        noun = doc[comma - 1]
        if noun.lower_ in _REFLEXIVES and comma > 1:
            noun = doc[comma - 2]
        if not any(c.dep_ == "det" and c.lower_ in _ARTICLES for c in noun.children):
            return None
    return noun if noun.pos_ == "NOUN" and noun.ent_type_ == "" else None


def _without_clauses(noun: Token) -> list[Token]:
    """Return a noun's phrase without its clauses ("a professor who has taught since 1970")."""
    clauses = {t.i for c in noun.rights if c.dep_ in {"relcl", "acl"} for t in c.subtree}
    words = [t for t in noun.subtree if t.i not in clauses]
    while len(words) > 1 and words[-1].is_punct:
        words.pop()
    return words


def _affiliation(text: str, tokens: list[Token]) -> Span | None:
    """Return the organisation, place or nationality named among ``tokens``."""
    ordered = sorted(tokens, key=lambda t: t.i)
    for position, token in enumerate(ordered):
        if token.ent_type_ in _AFFILIATION_LABELS:
            run = [token]
            for following in ordered[position + 1 :]:
                if following.i != run[-1].i + 1 or following.ent_iob_ != "I":
                    break
                run.append(following)
            return _phrase(text, run)
    return None
