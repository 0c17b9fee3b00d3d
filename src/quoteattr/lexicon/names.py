"""First names that tell a person's gender, for agreement with "he" and "she".

A selection of our own from the most common given names of US births,
1880-2000, as published in the US Social Security Administration's national
baby-name statistics (names given to at least 90% one sex), with common names
of politicians and officials in international news, and given names common in
nineteenth-century English fiction, added by hand. A name in
neither list tells nothing; the text's own pronouns and honorifics still do.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from typing import Final

__all__ = [
    "CALLINGS",
    "FAMILY_NOUNS",
    "FEMALE",
    "FEMALE_NOUNS",
    "KIN_TITLES",
    "MALE",
    "MALE_NOUNS",
    "PERSON_NOUNS",
    "PLAIN_NOUNS",
    "gender_in",
    "gender_of_first_name",
    "gender_of_noun",
    "given_names_agree",
]

MALE: Final[frozenset[str]] = frozenset(
    """
    james john robert michael william david richard joseph thomas charles christopher
    daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian
    george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan
    stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick
    raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter
    kyle ethan walter noah jeremy christian keith roger terry gerald harold sean austin
    carl arthur lawrence dylan jesse jordan bryan billy joe bruce gabriel logan albert
    willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason
    philip louis harry howard fred ted tom bill bob mike jim dick newt mitt rick marco
    bernie barack joe chuck mitch rand ted jeb chris rudy rex
    vladimir sergey sergei dmitry boris mikhail nikolai ivan xi hassan ali mohammed
    muhammad ahmed emmanuel francois nicolas recep benjamin bibi kim moon
    shinzo narendra justin tony gordon nigel jeremy boris david
    frederick edwin herbert harvey clarence earl ernest leonard stanley francis
    oliver hugh lewis alfred percy cecil bertram reginald horace ambrose rupert
    tristram basil cyril clement rudolf rudolph otto karl hans heinrich pierre jean-paul
    jacques andre giovanni luigi pedro carlos miguel diego manuel antonio luis
    jake ben sam tim dan matt nick pete joey johnny jimmy tommy danny eddie frankie
    sidney sydney silas jasper gilbert roderick archibald augustus edmund oswald wilfred
    dorian lucian gideon jonah ezra isaac abraham moses solomon tobias jethro
    """.split()
)

FEMALE: Final[frozenset[str]] = frozenset(
    """
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy
    lisa betty margaret sandra ashley kimberly emily donna michelle dorothy carol
    amanda melissa deborah stephanie rebecca sharon laura cynthia kathleen amy
    shirley angela helen anna brenda pamela nicole emma samantha katherine christine
    debra rachel catherine carolyn janet ruth maria heather diane virginia julie joyce
    victoria olivia kelly christina lauren joan evelyn judith megan cheryl andrea
    hannah martha jacqueline frances gloria ann teresa kathryn sara janice jean alice
    madison doris abigail julia judy grace denise amber marilyn beverly danielle
    theresa sophia marie diana brittany natalie isabella charlotte rose alexis kayla
    hillary chelsea michelle nancy elizabeth kamala sarah condoleezza madeleine
    angela theresa marine ivanka melania kellyanne huma donna debbie tulsi lindsey
    jill stacey nikki hope sheryl oprah ruth sonia elena susana yulia natalia olga
    jane lucy ellen eleanor edith florence ethel mildred lillian clara irene agnes
    louise annie bertha ida esther gertrude hazel marjorie mabel eliza emily lydia
    harriet henrietta georgiana georgina caroline kitty katharine katherine kate
    maggie meg beth jo amelia isabel isabelle cecilia cecily rosamond rosalind
    fanny millie mamie nellie sally polly molly dolly daisy lily violet ivy
    marianne anne estelle adele beatrice bella belle constance dora eugenia flora
    hester honoria imogen jemima judith leonora lucinda mabel matilda maud maude
    miriam phoebe prudence rebekah sophie susanna tess tessa ursula winifred
    """.split()
)


# Nouns that say whether the person a description names is a man or a woman
# (our own list).
MALE_NOUNS: Final[frozenset[str]] = frozenset(
    """
    man boy gentleman fellow lad father son brother husband uncle nephew grandfather
    king prince lord duke earl baron knight squire master sir mister monk priest parson
    vicar rector curate abbot friar bishop cardinal monsieur youth bachelor landlord
    clergyman policeman coachman footman watchman boatman ferryman fisherman woodman
    woodsman huntsman ploughman workman tradesman postman milkman horseman
    """.split()
)
FEMALE_NOUNS: Final[frozenset[str]] = frozenset(
    """
    woman girl lady gentlewoman lass mother daughter sister wife aunt niece grandmother
    queen princess duchess countess baroness dame mistress madam madame nun abbess
    maid maiden widow landlady housekeeper governess spinster bride
    """.split()
)

# The close family, who share a surname: parents, children, siblings and spouses.
FAMILY_NOUNS: Final[frozenset[str]] = frozenset(
    "father mother son daughter brother sister husband wife".split()
)

# Nouns that say only a person's sex, age or place in the family ("the girl",
# "the mother"), not a rank or a calling ("the parson"): what a narrator calls
# someone the reader already knows.
PLAIN_NOUNS: Final[frozenset[str]] = frozenset(
    """
    man boy gentleman fellow lad youth father son brother husband uncle nephew
    grandfather woman girl lady gentlewoman lass mother daughter sister wife aunt
    niece grandmother
    """.split()
)

# Nouns that name a person by a calling, a rank, a part they play or how they
# stand to the one telling, and show no sex ("the surgeon", "our last guide",
# "a certain tall soldier", "the stranger"); our own list, of the callings and
# parts of nineteenth- and early twentieth-century fiction. Words for groups
# ("crowd"), for what a person does once ("speaker") and words that are as often
# things ("guard", "cook", "pilot") are left out.
PERSON_NOUNS: Final[frozenset[str]] = frozenset(
    """
    surgeon doctor physician nurse patient guide soldier private sergeant corporal
    captain colonel lieutenant officer sailor mate trooper sentry sentinel scout servant
    stranger visitor newcomer guest host clerk porter waiter butler valet groom
    keeper saloon-keeper innkeeper shopkeeper storekeeper bartender tenant farmer
    teacher schoolmaster professor student pupil child lawyer judge prisoner sheriff
    constable detective inspector merchant trader peddler pedlar prospector miner hunter
    trapper traveller traveler passenger messenger companion neighbour neighbor owner
    proprietor manager reporter editor artist painter poet musician singer actor dancer
    undertaker preacher pastor deacon minister chaplain driver waggoner wagoner carter
    peasant villager native chief warrior rider interlocutor intruder youngster infant
    baby urchin orphan beggar thief robber convict doorkeeper gatekeeper attendant
    conductor engineer mechanic blacksmith smith carpenter tailor barber baker butcher
    grocer jailer gaoler warden magistrate
    """.split()
)

# Words for one calling, any of which names the same person ("the parson" …
# "the clergyman"); our own groups, of callings in PERSON_NOUNS and near words.
CALLINGS: Final[tuple[frozenset[str], ...]] = tuple(
    frozenset(group.split())
    for group in (
        "clergyman parson vicar rector curate priest minister chaplain pastor preacher cleric",
        "doctor physician surgeon",
        "lawyer attorney solicitor barrister counsel",
        "innkeeper landlord publican",
        "schoolmaster teacher",
        "gaoler jailer warder",
    )
)

# Pet forms of English given names, each under the formal name it comes from:
# "Carrie" is Caroline, "Lizzy" Elizabeth, "Sid" Sidney. Our own selection,
# written by hand, of the pet forms E. G. Withycombe's *Oxford Dictionary of
# English Christian Names* (3rd ed., 1977) gives under each name; pet forms
# that long ago became names of their own (Polly, Molly, Sally, Nancy,
# Peggy, Betty, Daisy, Eliza, Harry) are left out, for a reader does not take
# "Polly" and "Mary" in one book for one person.
_PET_FORMS: Final[dict[str, str]] = {
    "elizabeth": "lizzy lizzie liz lizbeth bessie libby",
    "margaret": "maggie meg madge margie",
    "catherine": "kate katie kitty cathy",
    "katherine": "kate katie kitty kathy",
    "katharine": "kate katie kitty",
    "caroline": "carrie",
    "susan": "sue susie",
    "susanna": "sue susie",
    "dorothy": "dolly dot dottie",
    "frances": "fanny",
    "eleanor": "nell nelly nellie",
    "ellen": "nell nelly nellie",
    "helen": "nell nelly nellie",
    "harriet": "hattie hatty",
    "henrietta": "hetty",
    "isabella": "bella",
    "arabella": "bella",
    "josephine": "josie",
    "matilda": "tilly tilda",
    "millicent": "millie",
    "rebecca": "becky",
    "wilhelmina": "minnie mina",
    "charlotte": "lottie lotty",
    "georgiana": "georgie",
    "georgina": "georgie",
    "letitia": "letty",
    "abigail": "abby",
    "william": "will willie willy bill billy",
    "robert": "rob bob bobby",
    "richard": "dick dicky dickon",
    "james": "jim jimmy jem jemmy",
    "thomas": "tom tommy",
    "edward": "ned neddy",
    "charles": "charlie",
    "joseph": "joe joey",
    "samuel": "sam sammy",
    "benjamin": "ben benny",
    "nicholas": "nick nicky",
    "frederick": "freddy freddie",
    "alexander": "alec sandy",
    "andrew": "andy",
    "anthony": "tony",
    "bartholomew": "bart",
    "daniel": "dan danny",
    "david": "dave davy",
    "jonathan": "jon",
    "lawrence": "larry",
    "laurence": "larry laurie",
    "leonard": "len lenny",
    "matthew": "matt",
    "michael": "mike mick mickey",
    "nathaniel": "nat",
    "patrick": "paddy",
    "peter": "pete",
    "philip": "phil pip",
    "reginald": "reggie",
    "sidney": "sid siddy",
    "sydney": "sid siddy",
    "stephen": "steve",
    "timothy": "tim timmy",
    "walter": "walt",
    "abraham": "abe",
    "augustus": "gus gussie",
    "archibald": "archie",
    "algernon": "algy algie",
    "percival": "percy",
    "montague": "monty",
    "tobias": "toby",
}
_FORMAL_NAMES: Final[dict[str, frozenset[str]]] = {}
for _formal, _pets in _PET_FORMS.items():
    for _pet in _pets.split():
        _FORMAL_NAMES[_pet] = _FORMAL_NAMES.get(_pet, frozenset()) | {_formal}

# Titles of kinship and of religious orders set before a given name ("Sister
# Carrie", "Uncle John", "Father Flynn"): no part of the name, each showing
# a sex (our own list).
KIN_TITLES: Final[dict[str, str]] = {
    "uncle": "m",
    "aunt": "f",
    "auntie": "f",
    "cousin": "",
    "brother": "m",
    "sister": "f",
    "father": "m",
    "mother": "f",
    "granny": "f",
    "grandma": "f",
    "grandpa": "m",
    "grandfather": "m",
    "grandmother": "f",
}


def given_names_agree(one: str, other: str) -> bool:
    """Return whether two lowercased given names are one, or one is the other's pet form.

    "carrie" and "caroline", "lizzy" and "elizabeth"; two pet forms of one
    name ("ned" and "neddy") are not enough, nor are two formal names.
    """
    if one == other:
        return True
    return one in _FORMAL_NAMES.get(other, frozenset()) or other in _FORMAL_NAMES.get(
        one, frozenset()
    )


def gender_in(word: str, male: AbstractSet[str], female: AbstractSet[str]) -> str | None:
    """Return "m" or "f" when ``word`` (any case, no final full stop) is in one list only."""
    lowered = word.lower().rstrip(".")
    in_male, in_female = lowered in male, lowered in female
    if in_male == in_female:
        return None
    return "m" if in_male else "f"


def gender_of_noun(noun: str) -> str | None:
    """Return "m" or "f" for a noun that names a man or a woman ("the parson"), else ``None``."""
    return gender_in(noun, MALE_NOUNS, FEMALE_NOUNS)


def gender_of_first_name(name: str) -> str | None:
    """Return "m" or "f" for a first name one of the lists holds, else ``None``."""
    return gender_in(name.strip("."), MALE, FEMALE)
