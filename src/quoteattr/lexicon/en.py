"""English linguistic data: quote marks, cue verbs, nominal and multi-word cues.

Sources (the lists are our own selection; where a list draws on another work it
says so beside it):

- PolNeAR train's cue annotations (Newell, Margolin & Ruths 2018): we counted
  the cue words annotators marked and reviewed every lemma seen three times or
  more; that set is the core of ``SPEECH_VERBS``, ``THOUGHT_VERBS`` and
  ``OTHER_VERBS`` and of ``CUE_NOUNS``.
- Levin (1993), *English Verb Classes and Alternations*, classes 37.1-37.9
  (verbs of communication: say, tell, manner of speaking, complain, advise) and
  29.4-29.5 (declare and conjecture verbs), for speech and thought verbs that a
  four-year sample of US election news happens not to use often.
- The verb lemmas PolNeAR train annotators marked as cues ten times or more
  that the lists above missed (talk, seek, refer, defend, decline, ...), and
  the most frequent cue nouns (support, question, attack, ...), by our count.
- textacy's ``_reporting_verbs`` (55 lemmas, textacy 0.13,
  ``textacy/extract/triples.py``) was checked against ours: every one of its
  lemmas is here.
"""

from __future__ import annotations

from typing import Final

from quoteattr.model import CueClass

__all__ = [
    "ACCORDING_TO",
    "CUE_NOUNS",
    "DOCUMENT_NOUNS",
    "ENTOURAGE_NOUNS",
    "GESTURE_VERBS",
    "HEADING_LABELS",
    "HONORIFICS",
    "IRREGULAR_PAST",
    "LEMMA_FIXES",
    "NOUN_CLASSES",
    "OTHER_VERBS",
    "PARTY_WORDS",
    "QUOTE_PAIRS",
    "ROLE_NOUNS",
    "SPEECH_PAST",
    "SPEECH_VERBS",
    "STANCE_ADJECTIVES",
    "STANCE_NOUNS",
    "THOUGHT_VERBS",
    "TITLE_NOUNS",
    "XCOMP_CUES",
    "cue_class",
    "normal_lemma",
    "past_tense",
]

# Opening and closing quotation marks, by Unicode's Ps/Pi/Pe/Pf pairing and the
# conventions of English, German and French print; `` '' is the tokenised-text
# (Penn Treebank) convention.
QUOTE_PAIRS: Final[tuple[tuple[str, str], ...]] = (
    ("“", "”"),
    ("„", "“"),
    ("„", "”"),
    ("‟", "”"),
    ("«", "»"),
    ("〝", "〞"),
    ("〝", "〟"),
    ("‘", "’"),
    ("‚", "‘"),
    ("‚", "’"),
    ("‛", "’"),
    ("‹", "›"),
    ("``", "''"),
)

# Verbs that report speech (class speech), our own list; the verbs of judging
# in its last lines ("liken", "castigate", "extol") after Levin (1993), class 33,
# picked by us.
SPEECH_VERBS: Final[frozenset[str]] = frozenset(
    """
    say tell add write ask state note announce suggest explain argue claim declare
    insist warn urge tweet respond reply answer report remark comment observe
    acknowledge admit concede confirm deny reiterate repeat stress emphasize emphasise
    maintain assert contend caution predict promise pledge vow threaten recall
    recount describe characterize characterise call label dub term testify allege
    accuse blame charge criticize criticise condemn denounce decry slam blast attack
    praise laud thank congratulate apologize apologise complain lament grumble
    protest object retort counter rebut quip joke tease mock scoff sneer
    shout yell scream cry exclaim whisper mutter murmur mumble sigh snap bark
    growl roar sing chant plead beg demand request order command instruct advise
    recommend propose urge implore encourage invite inform notify assure reassure
    remind brief disclose reveal divulge leak announce proclaim pronounce
    post email text message retweet blog publish print quote cite reference
    mention discuss address raise point continue conclude begin start finish
    interject interrupt chime boast brag gush rave rant muse wonder speculate
    estimate forecast project guess hint imply indicate signal concur agree
    disagree dispute contest challenge question query inquire enquire press
    pose echo parrot paraphrase summarize summarise clarify elaborate specify
    detail outline list highlight underline underscore reaffirm affirm attest
    swear certify guarantee vouch boast counsel caution admonish scold chide
    rebuke reprimand berate lecture preach tout trumpet hail welcome applaud
    commend endorse reject dismiss rule refute contradict correct retract
    recant backtrack waffle hedge stammer stutter drawl lisp bellow howl wail
    sob gasp groan moan hiss snarl chuckle laugh giggle smile grin nod shrug
    volunteer offer opine posit submit propound aver avow avouch allow grant
    rejoin riposte reason argue theorize theorise explain
    talk speak refer express voice articulate rail assail bemoan invoke disavow
    credit portray compare advocate promote champion defend back tweet retweet
    convince persuade pressure dare
    liken chastise grill lambaste lambast excoriate castigate ridicule deride
    belittle disparage downplay understate overstate exaggerate vilify demonize
    demonise smear malign taunt skewer pillory bash extol acclaim fault reproach
    censure upbraid harangue lampoon slander insult compliment flatter
    """.split()
)

# Verbs that report thought, belief, intention or feeling (class thought).
THOUGHT_VERBS: Final[frozenset[str]] = frozenset(
    """
    think believe feel know hope fear worry expect want wish doubt suspect assume
    presume suppose reckon figure consider regard view see imagine envision
    envisage anticipate intend plan prefer favor favour oppose support understand
    realize realise recognize recognise remember forget decide determine conclude
    judge deem trust agree like love hate dread care mean seem appear sound
    learn discover notice perceive sense gather infer deduce calculate
    seek aim refuse decline push vote embrace focus
    """.split()
)

# Verbs whose subject is evidence or a document rather than a speaker (class other).
OTHER_VERBS: Final[frozenset[str]] = frozenset(
    """
    show find reveal indicate suggest demonstrate prove confirm document record
    estimate project predict conclude read state say list include cite
    """.split()
)

# Nouns that head a cue ("a statement", "his claim that ...").
CUE_NOUNS: Final[frozenset[str]] = frozenset(
    """
    statement claim remark comment comments assertion allegation accusation warning
    announcement argument suggestion proposal promise pledge vow threat insistence
    admission denial confirmation testimony interview speech address tweet post
    message letter email memo report reports op-ed column essay editorial
    press release briefing declaration prediction estimate view views belief
    opinion position stance assessment analysis finding findings poll survey
    study research words criticism praise complaint plea call demand request
    support question attack endorsement opposition concern response advice
    decision plan hope fear charge charges pronouncement missive acknowledgment
    acknowledgement rhetoric refusal commitment agreement determination eagerness
    reluctance willingness expectation expectations theory idea
    """.split()
)

# Cue nouns that report thought or evidence rather than speech.
NOUN_CLASSES: Final[dict[str, CueClass]] = {
    **dict.fromkeys(("belief", "view", "views", "opinion", "fear", "hope"), CueClass.THOUGHT),
    **dict.fromkeys(
        ("determination", "eagerness", "reluctance", "willingness", "expectation"),
        CueClass.THOUGHT,
    ),
    **dict.fromkeys(("expectations", "theory", "idea"), CueClass.THOUGHT),
    **dict.fromkeys(
        ("finding", "findings", "poll", "survey", "study", "research", "analysis"), CueClass.OTHER
    ),
}

# Cue verbs whose content can be an infinitive clause: "vowed to ...", and with
# an addressee before it, "urged diplomats to ..." (Levin 1993, classes 37.9
# advise and 29.4 declare, plus the control verbs PolNeAR annotates as cues).
# Words that head a paragraph before a colon without naming who speaks
# ("UPDATE: ...", "Editor's note: ..."); our own list, from news page furniture.
HEADING_LABELS: Final[frozenset[str]] = frozenset(
    """
    update updated note editor abstract photo photos video watch read source sources
    related correction clarification disclosure warning caption credit credits
    q a question answer summary background tags topics filed share more also see
    """.split()
)

# Predicate adjectives that report a stance ("X is confident that ...", "X was
# opposed to ..."): the adjectives PolNeAR train annotators marked as cues twice
# or more, by our count, and their near synonyms; class thought.
STANCE_ADJECTIVES: Final[frozenset[str]] = frozenset(
    """
    confident sure certain convinced afraid worried concerned hopeful optimistic
    pessimistic skeptical sceptical adamant aware unaware frustrated happy glad upset
    unhappy disappointed opposed determined eager reluctant unsure uncertain doubtful
    fearful critical supportive dismissive insistent passionate vocal outspoken wary
    willing ready coy frank vague
    """.split()
)

# Nouns that name someone by a stance ("X is a staunch opponent of the death
# penalty", "Y, a supporter of the bill,"): the nouns PolNeAR train annotators
# marked as cues, by our count, and their near synonyms; class thought.
STANCE_NOUNS: Final[frozenset[str]] = frozenset(
    """
    supporter opponent critic advocate proponent defender backer champion foe
    detractor skeptic sceptic
    """.split()
)

XCOMP_CUES: Final[frozenset[str]] = frozenset(
    """
    urge ask call tell warn encourage advise implore beg order command instruct
    invite request remind persuade convince pressure press push challenge dare
    want plan hope promise pledge vow threaten refuse decline agree expect intend
    seek offer demand vote wish aim prefer propose claim appear seem
    """.split()
)

# Multi-word cues whose speaker follows them: "according to X".
ACCORDING_TO: Final[tuple[tuple[str, ...], ...]] = (
    ("according", "to"),
    ("as", "per"),
)

# Honorifics and courtesy titles stripped when comparing names.
HONORIFICS: Final[frozenset[str]] = frozenset(
    """
    mr mr. mrs mrs. ms ms. miss mx mx. dr dr. prof prof. sir dame lord lady
    madam madame mme mme. mlle monsieur herr frau rev rev. fr fr. sen sen. rep rep.
    gov gov. gen gen. col col. capt capt. lt lt. sgt sgt. pres pres. hon hon.
    """.split()
)

# The nouns that abbreviated titles stand for: "the doctor" is Dr. Archie (our own list).
TITLE_NOUNS: Final[dict[str, str]] = {
    "dr": "doctor",
    "prof": "professor",
    "rev": "reverend",
    "fr": "father",
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "gen": "general",
    "col": "colonel",
    "capt": "captain",
    "lt": "lieutenant",
    "sgt": "sergeant",
    "pres": "president",
}

# Nouns by which news calls a public figure it has just named ("Donald Trump
# says … The Republican nominee noted", "the Vermont senator"): offices,
# candidacies and callings of politics and business (our own list). Words of
# fiction's ranks ("captain", "doctor") are left out.
ROLE_NOUNS: Final[frozenset[str]] = frozenset(
    """
    senator congressman congresswoman lawmaker legislator governor mayor president
    nominee candidate contender challenger frontrunner front-runner hopeful incumbent
    businessman businesswoman billionaire mogul tycoon magnate developer executive
    secretary minister chairman chairwoman leader politician diplomat ambassador
    attorney prosecutor spokesman spokeswoman spokesperson
    """.split()
)

# Verbs only people do, whose subject is a person whatever its noun ("the
# newcomer nodded"): gestures and ways of speaking that report no content (our
# own list; "say" is left out, for "the paper said" is no person).
GESTURE_VERBS: Final[frozenset[str]] = frozenset(
    """
    nod smile laugh grin frown shrug sigh wink chuckle sneer scowl groan whisper
    mutter murmur exclaim reply
    """.split()
)

# The people around someone, named by whose they are ("Pagliano's lawyer",
# "Obama's aides"): not that someone (our own list).
ENTOURAGE_NOUNS: Final[frozenset[str]] = frozenset(
    """
    aide adviser advisor assistant associate ally biographer consultant counsel
    critic deputy doctor employee friend lawyer manager official physician
    pollster staffer strategist supporter surrogate
    """.split()
)

# Things that carry someone's words besides the cue nouns, so that a name
# before one is whose ("a CNN poll", "a Washington Post database") and "the
# statement" is its maker's (our own list).
DOCUMENT_NOUNS: Final[frozenset[str]] = frozenset(
    """
    ad video clip tweet book paper document note piece article database data
    website site ruling brief filing
    """.split()
)

# The words that name a US political party ("the Republican nominee"): one
# description's party contradicts a title's other party (our own list).
PARTY_WORDS: Final[dict[str, str]] = {
    "republican": "republican",
    "gop": "republican",
    "democratic": "democratic",
    "democrat": "democratic",
    "libertarian": "libertarian",
}

# The past tense of common irregular verbs, for reading plain text without a
# tagger (dialogue tags and narration in dash-marked dialogue); our own list.
# Forms that are as often nouns or presents ("rose", "saw", "put", "read") are left out.
IRREGULAR_PAST: Final[dict[str, str]] = {
    **dict(
        pair.split(":")
        for pair in """
        say:said tell:told speak:spoke write:wrote sing:sang swear:swore begin:began
        come:came go:went take:took give:gave stand:stood sit:sat bring:brought
        sweep:swept bend:bent break:broke catch:caught feel:felt know:knew
        think:thought make:made find:found hold:held keep:kept leave:left run:ran
        strike:struck throw:threw wear:wore draw:drew drive:drove fall:fell
        fight:fought hang:hung hear:heard lead:led lose:lost mean:meant meet:met
        pay:paid ring:rang ride:rode sink:sank shake:shook shine:shone shoot:shot
        sleep:slept slide:slid spring:sprang steal:stole stick:stuck stride:strode
        swing:swung teach:taught tear:tore understand:understood wake:woke win:won
        creep:crept get:got grow:grew fly:flew eat:ate drink:drank seek:sought
        buy:bought send:sent spend:spent build:built sell:sold weep:wept kneel:knelt
        leap:leapt dig:dug hide:hid forget:forgot become:became blow:blew
        """.split()
    )
}


def past_tense(lemma: str) -> str:
    """Return the simple past of a verb: irregular, or by the regular spelling rules.

    Regular verbs take -d after -e, -ied after a consonant and -y, and -ed
    otherwise, doubling a final consonant after a single vowel in words of one
    syllable ("snap", "nod"); longer words with stress at the end ("admit") miss.
    """
    if lemma in IRREGULAR_PAST:
        return IRREGULAR_PAST[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if len(lemma) > 1 and lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    vowels = [c for c in lemma if c in "aeiou"]
    if (
        len(vowels) == 1
        and len(lemma) >= 3
        and lemma[-1] not in "aeiouwxy"
        and lemma[-2] in "aeiou"
        and lemma[-3] not in "aeiou"
    ):
        return lemma + lemma[-1] + "ed"
    return lemma + "ed"


# The past tense of the speech verbs: the dialogue tags of fiction ("said", "cried").
SPEECH_PAST: Final[frozenset[str]] = frozenset(past_tense(lemma) for lemma in SPEECH_VERBS)

# What en_core_web_sm's lemmatizer gets wrong for cue verbs, and the right lemma.
LEMMA_FIXES: Final[dict[str, str]] = {"hop": "hope", "retweete": "retweet", "tweete": "tweet"}

_CLASSES: Final[tuple[tuple[CueClass, frozenset[str]], ...]] = (
    (CueClass.SPEECH, SPEECH_VERBS),
    (CueClass.THOUGHT, THOUGHT_VERBS),
    (CueClass.OTHER, OTHER_VERBS),
)


def normal_lemma(lemma: str) -> str:
    """Return a lemma lowercased and with the pipeline's known slips mended."""
    lowered = lemma.lower()
    return LEMMA_FIXES.get(lowered, lowered)


def cue_class(lemma: str) -> CueClass | None:
    """Return the class of a cue verb's lemma, speech first, or ``None`` if it is no cue."""
    lowered = normal_lemma(lemma)
    for klass, lemmas in _CLASSES:
        if lowered in lemmas:
            return klass
    return None
