"""Descriptions as speakers: whom "the senator", "his wife" or "the fund" stands for.

The rule-based resolver (:mod:`quoteattr.resolve.rules`) hands a speaker
mention that is a description to these rules: its head noun and words, the
relative it names ("his wife"), the relative pronoun's antecedent ("Smith,
who said"), an organisation named before by the same word ("the fund"), a
person's group ("the Trump campaign"), a news role for the person just named
("the Republican nominee"), and the people a plain noun ("the mother") may
stand for.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from quoteattr.lexicon.en import ENTOURAGE_NOUNS, GESTURE_VERBS, PARTY_WORDS, ROLE_NOUNS
from quoteattr.lexicon.names import (
    FAMILY_NOUNS,
    FEMALE_NOUNS,
    MALE_NOUNS,
    PERSON_NOUNS,
    PLAIN_NOUNS,
    gender_of_noun,
)
from quoteattr.model import Kind, Span, Statement
from quoteattr.resolve.dialogue import PERSON_PRONOUNS, Turn, given_name
from quoteattr.resolve.entities import SEARCH_CHARS, EntityTable, bare_word, title_head

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = [
    "DEFINITE",
    "GROUP_NOUNS",
    "antecedent",
    "body_described",
    "definite_person",
    "description_before",
    "description_gender",
    "description_words",
    "family_of",
    "group_of_person",
    "head_noun",
    "introduced",
    "introduced_as",
    "introduced_person",
    "introduction",
    "known_kind",
    "named_by_answer",
    "named_next",
    "ordered_words",
    "person_gender",
    "person_sex",
    "plain_definite",
    "role_of_subject",
    "subject_before",
    "subject_name",
    "taken_up",
    "voice_of",
]

# Groups named after the person who leads them ("the Trump campaign").
GROUP_NOUNS = {"campaign", "administration"}
# The determiners that open a description of someone known ("the parson", "my father").
DEFINITE = ("the", "my", "our")
# The most words a description may have to stand for a person ("the man with the basket").
_DESCRIPTION_WORDS = 4
# The labels of an organisation an indefinite description may stand for.
_BODIES = {"ORG", "FAC"}
# Words in a spokesperson's title ("Clinton communications director"): the
# people who speak for someone ("a spokeswoman for Hillary Clinton").
_PRESS_WORDS = {"spokesman", "spokeswoman", "spokesperson", "communications", "press"}
# Words in a description that say nothing about which person it is.
_VAGUE = {"former", "then", "new", "top", "senior", "current", "longtime", "veteran"}
_DETERMINERS = {"the", "a", "an", "this", "that", "its", "his", "her", "their", "our"}
# The articles that introduce someone new ("a man", "another private", "one girl").
_INDEFINITE = {"a", "an", "another", "one"}
# What a speaker heard before being seen is called ("a terrible voice"); our own list.
_VOICE_NOUNS = {"voice"}
# How far after a voice (in characters) its owner may be introduced.
_VOICE_CHARS = 400
# Where a description of a person who may speak stands: a subject, or an object
# that introduces them ("conscious of a man behind", "facing a lady").
_PERSON_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj"}
# How far back (in characters) a description's person may have been introduced
# ("a gentleman … the gentleman"), and how recently someone unnamed entered the scene.
_INTRODUCTION_CHARS = 3 * SEARCH_CHARS
_STRANGER_CHARS = 1_000
# A quote opening with its speaker's name ("I am Mary Lennox,", "My name is Tom."):
# the name ends the clause, so "I am Tom's sister" names no one.
_NAMES_SELF = re.compile(
    r"\W*(?i:my\s+name\s+is|i\s+am|i\s*[’']m)\s+"
    r"((?:[A-Z][\w’']*\.?\s+)?[A-Z][\w’'-]*)(?=\s*(?:[,.!?;:\"”]|--|$))"
)
# The dependencies of a pronoun that is another person than a subject before it
# ("The doctor looked at her"): objects.
_OBJECTS = {"dobj", "pobj", "dative", "iobj"}
# What a man's wife is called besides "wife" ("his lady").
_SPOUSE_WORDS = {"lady"}
# How far back the document "the statement" stands for is looked for.
_ISSUER_CHARS = 1_500
_PERSON_NOUNS = ENTOURAGE_NOUNS | ROLE_NOUNS | FAMILY_NOUNS | MALE_NOUNS | FEMALE_NOUNS


def head_noun(doc: Doc, mention: Span) -> str | None:
    """Return the lemma of a description's head noun ("governor" in "the Indiana governor")."""
    tokens = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if tokens is None or not len(tokens) or tokens.root.pos_ not in {"NOUN", "PROPN"}:
        return None
    return str(tokens.root.lemma_.lower())


def antecedent(doc: Doc, mention: Span) -> Span | None:
    """Return the name a relative pronoun stands for ("Smith, *who* said …" is Smith)."""
    tokens = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if tokens is None or len(tokens) != 1:
        return None
    clause = tokens[0].head
    if clause.dep_ != "relcl" or clause.head.i > tokens[0].i:
        return None
    noun = clause.head
    # "Marc Morial, the chief executive of the league, who …", "Peter Morgan, a
    # lawyer for the Sierra Club, who …": up through appositions and their
    # phrases to the person they describe.
    while noun.ent_type_ != "PERSON":
        if noun.dep_ == "appos":
            noun = noun.head
        elif noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.dep_ == "appos":
            noun = noun.head.head
        else:
            break
    if noun.dep_ == "attr" and noun.pos_ == "NOUN" and noun.head.lemma_ == "be":
        # "Kaine is a former civil rights lawyer who …": the one the noun is said to be.
        subject = [c for c in noun.head.children if c.dep_ == "nsubj"]
        noun = subject[0] if subject and subject[0].ent_type_ == "PERSON" else noun
    if noun.pos_ != "PROPN":
        return None
    return Span.from_spacy(noun)


def body_described(table: EntityTable, mention: Span, head: str | None) -> int | None:
    """Return the organisation "the commission" stands for: one named with that word before."""
    if head is None or gender_of_noun(head) is not None:
        return None
    if not mention.text.lower().startswith("the "):
        return None
    return table.organisation(head, mention.start)


def named_next(doc: Doc, table: EntityTable, mention: Span, head: str | None) -> int | None:
    """Return whom an indefinite description stands for that the next sentence names.

    News opens with a description and names it a sentence later: "A federal
    appeals court ruled … A three-judge panel of the U.S. Court of Appeals
    for the Sixth Circuit overruled …" (see ``_body_named``); "A spokeswoman
    for Hillary Clinton says … Clinton communications director Jennifer
    Palmieri spoke …" (see ``_speaker_named``). The one found takes the
    description as a mention.
    """
    if head is None or mention.text.lower().split()[0] not in {"a", "an"}:
        return None
    tokens = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if tokens is None or len(tokens) > _DESCRIPTION_WORDS + 1:
        return None
    following = _next_sentence(doc, tokens.sent)
    if following is None:
        return None
    if tokens.root.i == tokens[-1].i and gender_of_noun(head) is None and head not in ROLE_NOUNS:
        words = description_words(mention.text)
        found = _body_named(table, Span.from_spacy(following), head, words)
        if found is not None:
            table.join(found, mention)
        return found
    found = _speaker_named(doc, table, tokens, following, head)
    if found is not None:
        table.entitle(found, mention)
    return found


def _next_sentence(doc: Doc, sentence: SpacySpan) -> SpacySpan | None:
    """Return the sentence after ``sentence``, past blank lines between paragraphs."""
    after = sentence.end
    while after < len(doc) and doc[after].is_space:
        after += 1
    return doc[after].sent if after < len(doc) else None


def _body_named(table: EntityTable, sentence: Span, head: str, words: set[str]) -> int | None:
    """Return the one organisation in ``sentence`` whose name holds ``head`` and another word.

    "A federal appeals court" is "the U.S. Court of Appeals for the Sixth
    Circuit": its head noun and one more of its words ("appeals") are in the name.
    """
    found = {
        index
        for index in table.within([sentence])
        if table.clusters[index].label in _BODIES
        and not table.clusters[index].provisional
        and head in table.clusters[index].words
        and words - {head} & set(table.clusters[index].words)
    }
    return found.pop() if len(found) == 1 else None


def _speaker_named(
    doc: Doc, table: EntityTable, tokens: SpacySpan, sentence: SpacySpan, head: str
) -> int | None:
    """Return the person the next sentence names as speaking for whom ``tokens`` names.

    "A spokeswoman for Hillary Clinton" is the named subject of the next
    sentence when the title before the name names Clinton and is a
    spokesperson's too (``_PRESS_WORDS``), and their sex is not the other.
    """
    if head not in _PRESS_WORDS or len(tokens) < 4 or tokens.root.i != tokens[1].i:
        return None
    owner = [t for t in tokens[2:] if t.ent_type_ in {"PERSON", "ORG"}]
    if tokens[2].lower_ != "for" or not owner:
        return None
    surname = bare_word(owner[-1].text)
    names = [c for c in sentence.root.children if c.dep_ in {"nsubj", "nsubjpass"}]
    index = table.at(Span.from_spacy(names[0])) if names and names[0].pos_ == "PROPN" else None
    if index is None:
        return None
    person = table.clusters[index]
    gender = "f" if head.endswith("woman") else "m" if head.endswith("man") else None
    if person.label != "PERSON" or person.unnamed:
        return None
    if gender is not None and person.gender not in {None, gender}:
        return None
    # The words before the name ("Clinton communications director") are its title.
    title_words = {bare_word(t.text) for t in doc[names[0].left_edge.i : names[0].i]}
    return index if surname in title_words and title_words & _PRESS_WORDS else None


def group_of_person(doc: Doc, table: EntityTable, mention: Span, head: str | None) -> int | None:
    """Return the organisation a person's name and a group noun make ("the Trump campaign").

    "The Trump campaign called the charges unsubstantiated": the campaign
    speaks, not Trump. It becomes an organisation of its own, named by the
    text's words, so that "the campaign" later finds it; only "the", the
    person's name and the noun count ("the Obama administration").
    """
    if head not in GROUP_NOUNS or not mention.text.lower().startswith("the "):
        return None
    tokens = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if tokens is None or len(tokens) < 3 or tokens.root.i != tokens[-1].i:
        return None
    name = tokens[1:-1]
    if not all(t.pos_ == "PROPN" or t.is_punct for t in name):
        return None
    person = table.at(Span.from_spacy(name))
    if person is None or table.clusters[person].label != "PERSON":
        return None
    return table.add(Span.from_spacy(tokens[1:]), "ORG")


def role_of_subject(
    doc: Doc, table: EntityTable, mention: Span, head: str | None, said: Sequence[Span]
) -> int | None:
    """Return the person just named as subject whom a definite role description calls so.

    "Donald Trump says he has big plans. The Republican presidential nominee
    noted …": news calls the person its last sentence was about by a role
    (see ``ROLE_NOUNS``), when nothing the text shows contradicts it (see
    ``_role_fits``).
    """
    if head not in ROLE_NOUNS or not mention.text.lower().startswith("the "):
        return None
    tokens = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if tokens is None or len(tokens) > _DESCRIPTION_WORDS + 1 or tokens.root.tag_ == "NNS":
        return None
    index = subject_before(doc, table, tokens[0], said)
    if index is None:
        return None
    proper = {t.lower_ for t in tokens[1:] if t.text[:1].isupper()}
    return index if _role_fits(table, index, mention.start, proper, head) else None


def subject_before(doc: Doc, table: EntityTable, first: Token, said: Sequence[Span]) -> int | None:
    """Return the named person who is the subject just before ``first`` (see ``_subject_name``).

    "He" and "she" passed over on the way must agree with the person's known sex.
    """
    found = subject_name(doc, first, said)
    if found is None:
        return None
    token, pronouns = found
    index = table.at(Span.from_spacy(token))
    if index is None:
        return None
    cluster = table.clusters[index]
    if cluster.label != "PERSON" or cluster.unnamed:
        return None
    if pronouns and pronouns != {cluster.gender}:
        return None
    return index


def subject_name(doc: Doc, first: Token, said: Sequence[Span]) -> tuple[Token, set[str]] | None:
    """Return the name that is the subject just before ``first``, and the pronouns passed over.

    The last subject before it in its sentence, else the subject of the main
    clause of the sentence before ("Donald Trump says he has … The nominee
    noted"); subjects inside what is said are passed over, and so are "he",
    "she" and "it"; any other subject that is no name ends the search.
    """
    pronouns: set[str] = set()
    sentence = first.sent
    candidates = [t for t in reversed(doc[sentence.start : first.i]) if _subject(t, said)]
    if sentence.start:
        root = doc[sentence.start - 1].sent.root
        candidates.extend(t for t in root.children if _subject(t, said))
    for token in candidates:
        if token.lower_ in {"he", "she"}:
            pronouns.add(PERSON_PRONOUNS[token.lower_])
        elif token.lower_ != "it":
            # A surname the NER took for an organisation still names its person.
            return (token, pronouns) if token.pos_ == "PROPN" else None
    return None


def _subject(token: Token, said: Sequence[Span]) -> bool:
    """Return whether a token is the subject of a clause, outside what is said."""
    if token.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    return not any(s.start <= token.idx < s.end for s in said)


def _role_fits(table: EntityTable, index: int, offset: int, proper: set[str], head: str) -> bool:
    """Return whether nothing the text shows contradicts person ``index`` bearing a role.

    The role's sex ("the businesswoman") must not be the other; its party
    ("the Democratic nominee") not another the person's titles name; and no
    one else met before ``offset`` may bear its other proper words ("the
    Vermont senator") or a title of its head ("senator") that the person lacks.
    """
    cluster = table.clusters[index]
    gender = "f" if head.endswith("woman") else "m" if head.endswith("man") else None
    if gender is not None and cluster.gender not in {None, gender}:
        return False
    known = _known_words(table, index)
    parties = {PARTY_WORDS[w] for w in proper if w in PARTY_WORDS}
    if parties and {PARTY_WORDS[w] for w in known if w in PARTY_WORDS} - parties:
        return False
    places = proper - set(PARTY_WORDS)
    heads = {title_head(t.text) for t in cluster.titles}
    for other, person in enumerate(table.clusters):
        if other == index or person.label != "PERSON" or not person.mentions:
            continue
        if min(m.start for m in person.mentions) >= offset:
            continue
        if places & _known_words(table, other) - known:
            return False
        if head not in heads and any(title_head(t.text) == head for t in person.titles):
            return False
    return True


def _known_words(table: EntityTable, index: int) -> set[str]:
    """Return the words of a person's titles and affiliation, lowercased."""
    cluster = table.clusters[index]
    spans = [*cluster.titles, *([cluster.affiliation] if cluster.affiliation else [])]
    return {bare_word(w) for span in spans for w in span.text.split()}


def plain_definite(description: str) -> bool:
    """Return whether a description is "the" and common words ("the former senator").

    So is "his" or "her" and common words ("his step-son"). Such a description
    names someone already met by the head of a title; one with a name in it
    ("the Democratic nominee") must match the title's words.
    """
    words = description.split()
    return words[0].lower() in {"the", "his", "her"} and all(w[:1].islower() for w in words[1:])


def description_words(text: str) -> set[str]:
    """Return the words of a description that say who: no determiners, no "former"."""
    words = [bare_word(w) for w in text.split()]
    return {w for w in words if w and w not in _DETERMINERS and w not in _VAGUE}


def issuer_of(doc: Doc, table: EntityTable, mention: Span, head: str) -> int | None:
    """Return who made the document "the statement" or "the ad" stands for.

    "The Security Council issued a statement … The statement noted": the
    document the text met last by that noun, a paragraph or two back, is the
    maker's words (see ``_maker``). The maker must be a name the text gives;
    a document introduced ("a statement") with no maker named stops the search.
    """
    if not mention.text.lower().startswith("the "):
        return None
    tokens = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if tokens is None or len(tokens) > _DESCRIPTION_WORDS - 1 or tokens.root.i != tokens[-1].i:
        return None
    window = doc.char_span(
        max(0, mention.start - _ISSUER_CHARS), mention.start, alignment_mode="contract"
    )
    for token in reversed(window or ()):
        if token.pos_ != "NOUN" or token.lemma_.lower() != head:
            continue
        if token.ent_type_ or (token.text[:1].isupper() and not token.is_sent_start):
            # A word of a name or a headline ("Popular Website Shows Bias").
            continue
        maker = _maker(token)
        if maker is None and _INDEFINITE & {c.lower_ for c in token.children if c.dep_ == "det"}:
            # A document the text introduced ("a statement") with no maker named.
            return None
        if maker is None:
            # "The ad uses footage …": the same document, met again; read on back.
            continue
        if maker.pos_ == "NOUN" and maker.lemma_.lower() in GROUP_NOUNS:
            # "a new ad from Donald Trump's presidential campaign": the campaign's.
            owner = next((c for c in maker.children if c.dep_ == "poss"), None)
            person = table.at(Span.from_spacy(owner)) if owner is not None else None
            if person is None or owner is None or table.clusters[person].label != "PERSON":
                return None
            found = table.organisation(maker.lemma_.lower(), mention.start, person)
            if found is None:
                # An organisation of its own, as "the Trump campaign" is (see ``group_of_person``).
                found = table.add(Span.from_spacy(doc[owner.left_edge.i : maker.i + 1]), "ORG")
            return found
        return table.at(Span.from_spacy(maker)) if maker.pos_ == "PROPN" else None
    return None


def _maker(document: Token) -> Token | None:
    """Return the word that names who made a document the text mentions.

    A "by" or "from" phrase ("an ad from X", "a video released by X"), a
    name before it ("a Trump campaign ad", "Clinton's statement"), or the
    subject of the verb that takes it ("X issued a statement").
    """
    for child in document.children:
        if child.dep_ in {"poss", "compound"} and child.pos_ == "PROPN":
            return child
        if child.dep_ == "prep" and child.lower_ in {"by", "from"}:
            return next((c for c in child.children if c.dep_ == "pobj"), None)
        if child.dep_ == "acl":
            for agent in child.children:
                if agent.dep_ == "agent":
                    return next((c for c in agent.children if c.dep_ == "pobj"), None)
    if document.dep_ == "dobj":
        return next((c for c in document.head.children if c.dep_ == "nsubj"), None)
    return None


def possessed_person(doc: Doc, mention: Span) -> tuple[Span, str] | None:
    """Return the owner's name and the noun of "Pagliano's lawyer", "Obama's aides".

    A person (or people) named by whose they are is not the owner: only a
    name's possessive before a noun for a person counts, the noun last.
    """
    tokens = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if tokens is None or len(tokens) > 2 * _DESCRIPTION_WORDS:
        return None
    root = tokens.root
    noun = root.lemma_.lower()
    if root.pos_ != "NOUN" or root.i != tokens[-1].i or noun not in _PERSON_NOUNS:
        return None
    for child in root.children:
        if child.dep_ == "poss" and child.pos_ == "PROPN":
            return Span.from_spacy(child), noun
    return None


def family_of(doc: Doc, mention: Span) -> tuple[str, str] | None:
    """Return the possessor's and the relative's genders of "his wife", "her father" and the like.

    Only "his" or "her" before a noun of the close family counts ("his
    young wife"), for the family shares a surname; "his lady" is his wife
    (as in "said his lady to him", where "her lady" is a maid's mistress).
    """
    words = mention.text.lower().split()
    if len(words) < 2 or words[0] not in {"his", "her"}:
        return None
    tokens = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if tokens is None or len(tokens) > _DESCRIPTION_WORDS:
        return None
    head = tokens.root
    noun = head.lemma_.lower()
    if words[0] == "his" and noun in _SPOUSE_WORDS:
        noun = "wife"
    if head.i != tokens[-1].i or noun not in FAMILY_NOUNS:
        return None
    gender = gender_of_noun(noun)
    if gender is None:
        return None
    return PERSON_PRONOUNS[words[0]], gender


def description_gender(
    doc: Doc, mention: Span, words: set[str], said: Sequence[Span] = (), *, tag: bool = False
) -> str | None:
    """Return the gender of a definite description of a person ("the old man", "my father").

    Only a short description headed by a noun that names a person of that
    sex counts (see ``person_sex``: "The guide seemed not at all surprised.
    He hunted about"), not one with a clause or a phrase after its noun ("the
    features of the old man"). After a quote's ``tag`` the next sentence is
    often about whom the speaker spoke to ("“No,” said the stranger. She
    frowned."), so only the tag's own sentence counts.
    """
    if mention.text.lower().split()[0] not in DEFINITE or not words:
        return None
    tokens = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if tokens is None or len(tokens) > _DESCRIPTION_WORDS:
        return None
    head = tokens.root
    if head.pos_ != "NOUN" or head.i != tokens[-1].i:
        return None
    return person_sex(head, said, head.sent.end_char if tag else None)


def ordered_words(mention: Span, words: set[str]) -> tuple[str, ...]:
    """Return a description's ``words`` in the order the mention has them."""
    ordered = (bare_word(w) for w in mention.text.split())
    return tuple(w for w in ordered if w in words)


def description_before(
    doc: Doc,
    table: EntityTable,
    offset: int,
    gender: str,
    said: Sequence[Span],
    *,
    own: bool = False,
) -> int | None:
    """Return the person known only by a description that a pronoun with no named antecedent means.

    The nearest one before ``offset``, within a pronoun's reach and outside
    what was said, stands for "he" or "she": a subject that is one man or one
    woman known to the reader ("The girl looked up.", not "a single man"), or
    one the text introduces ("A man started up", "she was conscious of a man
    behind", "facing a lady"); a subject whose noun shows no sex counts when
    the next sentence goes on about it by that pronoun ("A certain tall
    soldier developed virtues. He came flying back."), or, when ``own``, by the
    pronoun at ``offset`` itself. The same description
    met before is the same person, and "the man" is the one "a man"
    introduced (see ``introduction``).
    """
    tokens = doc.char_span(max(0, offset - SEARCH_CHARS), offset, alignment_mode="contract")
    if tokens is None:
        return None
    for token in reversed(tokens):
        if token.tag_ != "NN" or token.dep_ not in _PERSON_DEPS:
            continue
        article = next((c for c in token.lefts if c.dep_ in {"det", "nummod"}), None)
        if article is None or article.lower_ not in {"the", *_INDEFINITE}:
            continue
        indefinite = article.lower_ in _INDEFINITE
        if token.dep_ not in {"nsubj", "nsubjpass"} and not indefinite:
            continue
        if any(s.start <= token.idx < s.end for s in said):
            continue
        if person_sex(token, said, None if own else offset) != gender:
            continue
        if indefinite:
            if not _introduces(token, gender):
                continue
            return introduced_person(table, doc, token, gender)
        return definite_person(doc, table, token, gender, said)
    return None


def definite_person(
    doc: Doc, table: EntityTable, token: Token, gender: str, said: Sequence[Span]
) -> int:
    """Return the person a definite description of ``gender`` names ("the surgeon"), made if new.

    The same description met before is the same person, and "the man" is the
    one "a man" introduced (see ``introduction``); the description from its
    determiner to its noun is a mention of theirs.
    """
    article = min((c.i for c in token.lefts if c.dep_ in {"det", "poss"}), default=token.i)
    modifiers = [c for c in token.lefts if c.dep_ in {"amod", "compound"}]
    words = {c.lower_ for c in modifiers} | {token.lower_}
    mention = Span.from_spacy(doc[article : token.i + 1])
    known = table.described(words, token.idx, token.lemma_.lower())
    if known is None:
        known = introduction(doc, table, token, said)
    if known is not None:
        table.join(known, mention)
        return known
    ordered = tuple(t.lower_ for t in doc[article : token.i + 1] if t.lower_ in words)
    return table.describe(mention, ordered, gender)


def introduced_person(table: EntityTable, doc: Doc, token: Token, gender: str | None) -> int:
    """Return the person an indefinite description introduces ("a small boy"), made if new.

    The description, from its article to its noun, names them.
    """
    start = min(c.i for c in token.lefts if c.dep_ in {"det", "nummod", "amod", "compound"})
    mention = Span.from_spacy(doc[start : token.i + 1])
    index = table.at(mention)
    if index is not None and table.clusters[index].unnamed:
        return index
    words = tuple(
        t.lower_ for t in doc[start : token.i + 1] if t.lower_ not in _DETERMINERS | _INDEFINITE
    )
    return table.describe(mention, words, gender)


def introduction(
    doc: Doc, table: EntityTable, noun: Token, said: Sequence[Span] = ()
) -> int | None:
    """Return the person an indefinite description with ``noun``'s head introduced before it.

    "A man started up … said the man": a definite description is the
    nearest one before it, within a pronoun's reach, that a subject or
    an object with the same noun and "a", "an" or "one" introduced, outside
    what was said; that person is named by the description that introduced
    them ("a man").
    """
    start = max(0, noun.idx - SEARCH_CHARS)
    tokens = doc.char_span(start, noun.idx, alignment_mode="contract")
    if tokens is None:
        return None
    if noun.tag_ != "NN" or any(c.dep_ in {"relcl", "acl", "prep"} for c in noun.rights):
        # "The first man who came in" is told apart from the others by its clause.
        return None
    lemma = noun.lemma_.lower()
    words = {c.lower_ for c in noun.lefts if c.dep_ in {"amod", "compound", "nummod"}}
    for token in reversed(tokens):
        if token.tag_ != "NN" or token.lemma_.lower() != lemma or not _indefinite(token):
            continue
        if token.dep_ not in _PERSON_DEPS:
            continue
        if any(s.start <= token.idx < s.end for s in said):
            continue
        # "The young man" is "a fair young man"; "the first man" is no "a man".
        if not words <= {c.lower_ for c in token.lefts}:
            return None
        gender = person_sex(token, said)
        return introduced_person(table, doc, token, gender) if gender is not None else None
    return None


def voice_of(doc: Doc, table: EntityTable, mention: Span, head: str | None) -> int | None:
    """Return the person whose voice speaks ("cried a terrible voice, as a man started up").

    A voice heard before its owner is seen belongs to the person the text
    introduces next (see ``_introduces``): in its own sentence, else within
    the few lines after it ("said a voice in her ear. … she had been
    conscious of a man behind"). The voice becomes a mention of theirs. A
    voice the text says is someone's ("cried the voice of John Reed") is theirs.
    """
    if head not in _VOICE_NOUNS:
        return None
    tokens = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if tokens is None:
        return None
    owner = _owner_named(table, tokens.root)
    if owner is not None or mention.text.lower().split()[0] not in _INDEFINITE:
        return owner
    for token in doc[tokens.sent.start :]:
        if token.idx - mention.end > _VOICE_CHARS:
            break
        if token.sent.start > tokens.sent.start and _others_act(token):
            break
        if tokens.start <= token.i < tokens.end or token.tag_ != "NN" or not _indefinite(token):
            continue
        gender = person_gender(token)
        if gender is None or token.dep_ not in _PERSON_DEPS or not _introduces(token, gender):
            continue
        return introduced_person(table, doc, token, gender)
    return None


def _owner_named(table: EntityTable, noun: Token) -> int | None:
    """Return the person named as the owner of a noun ("the voice of John Reed"), if any."""
    for child in noun.rights:
        if child.dep_ != "prep" or child.lower_ != "of":
            continue
        owner = next((c for c in child.children if c.dep_ == "pobj"), None)
        if owner is None or owner.pos_ != "PROPN":
            return None
        index = table.at(Span.from_spacy(owner))
        return index if index is not None and table.clusters[index].label == "PERSON" else None
    return None


def _others_act(token: Token) -> bool:
    """Return whether a token is the subject of its clause and a name or a group ("the players")."""
    return token.dep_ in {"nsubj", "nsubjpass"} and (token.pos_ == "PROPN" or token.tag_ == "NNS")


def person_gender(noun: Token) -> str | None:
    """Return the sex a description's noun shows ("a man"), or the noun before it.

    "A woman servant" is a woman.
    """
    gender = gender_of_noun(noun.lemma_.lower())
    if gender is not None:
        return gender
    for child in noun.lefts:
        if child.dep_ == "compound" and child.i == noun.i - 1:
            return gender_of_noun(child.lemma_.lower())
    return None


def person_sex(noun: Token, said: Sequence[Span] = (), until: int | None = None) -> str | None:
    """Return the sex of the person a description's noun names, if it names one and shows it.

    The noun shows it ("a man", see ``person_gender``); else a noun that names a
    person without a sex ("the surgeon", see ``PERSON_NOUNS``), or the subject
    of a verb only people do ("the newcomer nodded"), has the sex of the pronoun
    that goes on about them before ``until`` (see ``taken_up``).
    """
    gender = person_gender(noun)
    if gender is not None:
        return gender
    lemma = noun.lemma_.lower()
    gesture = noun.dep_ == "nsubj" and noun.head.lemma_.lower() in GESTURE_VERBS
    if lemma not in PERSON_NOUNS and not gesture:
        return None
    return taken_up(noun, said, until)


def taken_up(noun: Token, said: Sequence[Span] = (), until: int | None = None) -> str | None:
    """Return the sex of the "he" or "she" that goes on about a description's person.

    The first "he" or "she" after the description, in its sentence or the
    next, outside what is said, stands for it ("The surgeon leaned over the
    body. “…,” he said", "A certain tall soldier developed virtues. He came
    flying back."), unless a name, another person's description ("the young
    woman") or a pronoun that is an object ("looked at her", someone else) comes
    first. A possessive ("in her arms") may be anyone's and is passed over.
    Only pronouns before ``until`` count, when given.
    """
    doc = noun.doc
    following = _next_sentence(doc, noun.sent)
    while following is not None and not any(t.is_alpha for t in following):
        # A quote mark the parser made a sentence of its own.
        following = _next_sentence(doc, following)
    end = following.end if following is not None else noun.sent.end
    own = {t.i for t in noun.subtree}
    quoted = False
    for token in doc[noun.i + 1 : end]:
        if until is not None and token.idx >= until:
            break
        if token.is_quote:
            quoted = not quoted
        if quoted or token.i in own or any(s.start <= token.idx < s.end for s in said):
            continue
        lowered = token.lower_
        if lowered in PERSON_PRONOUNS:
            if token.dep_ in _OBJECTS:
                return None
            if token.dep_ in {"nsubj", "nsubjpass"}:
                return PERSON_PRONOUNS[lowered]
            continue
        if token.pos_ == "PROPN" or (
            token.pos_ == "NOUN"
            and (person_gender(token) is not None or token.lemma_.lower() in PERSON_NOUNS)
        ):
            return None
    return None


def _introduces(noun: Token, gender: str) -> bool:
    """Return whether an indefinite description brings someone into the story.

    A subject does, unless it is inside a clause that reports or defines
    ("it is a truth that a single man … must be"); an object does when a
    clause of its own tells what they do ("facing a lady who met his eyes")
    or the next sentence takes them up by a pronoun ("conscious of a man
    behind. She felt him observing her."), not a person only wished for
    ("in want of a wife").
    """
    if noun.dep_ in {"nsubj", "nsubjpass"}:
        clause = noun.head
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head
        return clause.dep_ in {"ROOT", "advcl"}
    if any(c.dep_ == "relcl" for c in noun.rights):
        return True
    following = _next_sentence(noun.doc, noun.sent)
    pronouns = {w for w, g in PERSON_PRONOUNS.items() if g == gender and w != "her"}
    if gender == "f":
        pronouns.add("she")
    return following is not None and any(t.lower_ in pronouns for t in following)


def known_kind(mention: Span, head: str | None) -> bool:
    """Return whether a description is "the" and a plain noun ("the mother", "the young man").

    A narrator calls someone known by sex, age or family, not by a calling
    ("the parson"), which the text would have given as their title.
    """
    return mention.text.lower().startswith("the ") and head in PLAIN_NOUNS


def introduced(doc: Doc, mention: Span, head: str | None) -> bool:
    """Return whether a description's person may be someone new the text introduced.

    "One girl stood alone … The girl flushed": an indefinite phrase with the
    description's noun introduced them; "“…,” said a rough voice. … said the
    man": someone unnamed entered the scene of late, whom "the man" may be.
    """
    start = max(0, mention.start - _INTRODUCTION_CHARS)
    tokens = doc.char_span(start, mention.start, alignment_mode="contract")
    if tokens is None or head is None:
        return True
    recent = mention.start - _STRANGER_CHARS
    for token in tokens:
        if not _indefinite(token):
            continue
        if token.lemma_.lower() == head:
            return True
        if token.idx >= recent and token.dep_ in {"nsubj", "nsubjpass"} and token.pos_ == "NOUN":
            return True
    return False


def introduced_as(doc: Doc, mention: Span) -> Token | None:
    """Return the noun that introduced someone as a description with modifiers says.

    "Surely she could learn Persian," broke in a thin, elderly gentleman. …
    said the thin gentleman": the nearest indefinite noun before the
    description, within ``_INTRODUCTION_CHARS``, with its head noun and
    all of its modifiers ("thin"); a description with no modifier has none.
    """
    tokens = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if tokens is None:
        return None
    root = tokens.root
    words = {c.lower_ for c in root.lefts if c.dep_ in {"amod", "compound"}}
    if not words:
        return None
    window = doc.char_span(
        max(0, mention.start - _INTRODUCTION_CHARS), mention.start, alignment_mode="contract"
    )
    if window is None:
        return None
    lemma = root.lemma_.lower()
    for token in reversed(window):
        if token.lemma_.lower() != lemma or not _indefinite(token):
            continue
        if words <= {c.lower_ for c in token.lefts}:
            return token
    return None


def _indefinite(token: Token) -> bool:
    """Return whether a noun is introduced as someone new ("a gentleman", "one girl")."""
    return any(
        (child.dep_ == "det" and child.lower_ in {"a", "an"})
        or (child.dep_ in {"det", "nummod"} and child.lower_ == "one")
        for child in token.children
    )


def named_by_answer(
    table: EntityTable, ordered: Sequence[Statement], turns: Sequence[Turn]
) -> None:
    """Give a person known only by a description the name they answer "What name?" with.

    "“Yes, sir. What name?” / “Greyson, -- office on second floor.”": the
    gentleman who answers is the Mr. Greyson of the text, and every quote
    given to "the gentleman" is his. Only the quote right after the question
    counts; its first words must name one person of the text, who is not the
    one asking and whose sex is not the other. A quote that opens by naming
    its speaker ("“I am Mary Lennox,” the little girl said.") names them too.
    """
    last: int | None = None  # the quote before, past reported speech echoing an attribution
    for number, answer in enumerate(ordered):
        if answer.kind is not Kind.DIRECT:
            continue
        before, last = last, number
        index = turns[number].index
        if index is None:
            continue
        if not table.clusters[index].unnamed or table.clusters[index].merged:
            continue
        asker: int | None = turns[before].index if before is not None else None
        given = given_name(ordered[before], answer) if before is not None else None
        if given is None:
            asker, found = None, _NAMES_SELF.match(answer.content[0].text)
            given = found.group(1) if found is not None else None
        if given is None:
            continue
        named = table.person_named(given.split()[-1])
        if named is None or named in {index, asker}:
            continue
        person, described = table.clusters[named], table.clusters[index]
        if person.unnamed or {person.gender, described.gender} == {"m", "f"}:
            continue
        table.merge(index, named)
        for turn in turns:
            if turn.index == index:
                turn.index = named
