"""Speaker resolution: names, pronouns, descriptions, unnamed speakers, headlines."""

from __future__ import annotations

import re

import pytest

from quoteattr.api import Extractor
from quoteattr.model import Result, Span
from quoteattr.resolve.entities import EntityTable, narrated_gender


def _speakers(result: Result) -> list[str | None]:
    return [s.speaker.name if s.speaker else None for s in result.statements]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Senator Jane Smith spoke on Monday. “We will win this race,” Smith said.",
            ["Jane Smith"],
        ),
        (
            "Mr. John Brown met Ms. Alice Green. “We will win this race,” she said.",
            ["Alice Green"],
        ),
        (
            "Russian Foreign Minister Sergey Lavrov arrived on Monday.\n"
            "“We welcome the talks between the two countries,” the foreign minister said.",
            ["Sergey Lavrov"],
        ),
        (
            "The Kremlin issued a note. It said that the talks would resume next week.",
            ["Kremlin"],
        ),
        (
            # The apposition's place is not the speaker.
            "“It was a fine deal,” said Pat Jones, a law professor at West Virginia University.",
            ["Pat Jones"],
        ),
        (
            "Russia's foreign minister, Sergey Lavrov, said that the talks would resume.",
            ["Sergey Lavrov"],
        ),
    ],
)
def test_speaker_resolves(extractor: Extractor, text: str, expected: list[str]) -> None:
    """Names, pronouns, descriptions and organisations resolve to the entity meant."""
    assert expected == _speakers(extractor.extract(text))


def test_shared_surname_stays_apart(extractor: Extractor) -> None:
    """Two people with one surname are two entities; the bare surname joins neither."""
    text = (
        "Hillary Clinton and Bill Clinton arrived together.\n“We will win this race,” Clinton said."
    )
    result = extractor.extract(text)
    people = sorted(e.name for e in result.entities if e.label == "PERSON")
    (statement,) = result.statements
    expected: tuple[list[str], str | None] = (["Bill Clinton", "Hillary Clinton"], None)
    assert expected == (people, statement.speaker.entity if statement.speaker else "missing")


def test_titles_and_affiliation(extractor: Extractor) -> None:
    """A pre-name title becomes the entity's title, its nationality the affiliation."""
    text = "“We will not give up the talks,” said Russian Foreign Minister Sergey Lavrov."
    (statement,) = extractor.extract(text).statements
    speaker = statement.speaker
    assert speaker is not None
    expected = ("Sergey Lavrov", ["Russian Foreign Minister"], "Russian")
    assert expected == (
        speaker.name,
        [t.text for t in speaker.titles],
        speaker.affiliation.text if speaker.affiliation else None,
    )


def test_an_apposition_is_a_title_without_its_clause(extractor: Extractor) -> None:
    """“Pat Jones, a law professor at X who has worked …”: the title stops at the clause."""
    text = (
        "“It was a fine deal,” said Pat Jones, a law professor at West Virginia University "
        "who has worked on such cases since 1970."
    )
    (statement,) = extractor.extract(text).statements
    speaker = statement.speaker
    assert speaker is not None
    assert [t.text for t in speaker.titles] == ["a law professor at West Virginia University"]
    assert speaker.affiliation is not None
    assert speaker.affiliation.text == "West Virginia University"


def test_unnamed_speaker_keeps_its_description(extractor: Extractor) -> None:
    """ "A White House spokesman" has no entity; its organisation is the affiliation."""
    text = "“The president will sign the bill on Friday,” a White House spokesman said."
    (statement,) = extractor.extract(text).statements
    speaker = statement.speaker
    assert speaker is not None
    expected = (None, "a White House spokesman", ["spokesman"], "White House")
    assert expected == (
        speaker.entity,
        speaker.name,
        [t.text for t in speaker.titles],
        speaker.affiliation.text.removeprefix("the ") if speaker.affiliation else None,
    )


def test_headline_does_not_name_an_entity(extractor: Extractor) -> None:
    """A title-cased headline's words are not glued onto the person's name."""
    text = (
        "Lawmakers Rip Donald Trump Over Taxes\n\n"
        "“He has to release his returns now,” Donald Trump's critics said. "
        "Donald Trump said he would not."
    )
    names = {e.name for e in extractor.extract(text).entities if e.label == "PERSON"}
    assert "Donald Trump" in names
    assert not any(name.startswith("Rip") for name in names)


def test_content_entities(extractor: Extractor) -> None:
    """A statement lists the entities its content mentions."""
    text = "Senator Jane Smith said that Russia and China would join the talks."
    (statement,) = extractor.extract(text).statements
    result_entities = {e.id: e.name for e in extractor.extract(text).entities}
    assert {"Russia", "China"} <= {result_entities[i] for i in statement.about}


def _dialogue(result: Result) -> list[tuple[str, str | None]]:
    return [
        (statement.rule, statement.speaker.name if statement.speaker else None)
        for statement in result.statements
    ]


def test_turns_pass_between_two_speakers(extractor: Extractor) -> None:
    """After its attribution the speaker goes on; after a bare quote the turn passes.

    (In LitBank, a bare quote after a line ending in a closing mark is a new
    speaker's 504 times in 522.)
    """
    text = (
        "“Where have you been all day?” asked Elizabeth Bennet.\n"
        "“In the village, buying bread,” said Jane Fairfax.\n"
        "“And what did you hear there?”\n"
        "“Nothing of any interest to you.”"
    )
    assert _dialogue(extractor.extract(text))[2:] == [
        ("continuation", "Jane Fairfax"),
        ("turn-taking", "Elizabeth Bennet"),
    ]


def test_narration_before_a_quote_names_its_speaker(extractor: Extractor) -> None:
    """A line of narration before a bare quote is about who speaks next."""
    text = (
        "“Where have you been all day?” asked Elizabeth Bennet.\n"
        "Jane Fairfax put down her basket and sighed.\n"
        "“In the village, buying bread for the whole family.”"
    )
    assert _dialogue(extractor.extract(text))[-1] == ("narration", "Jane Fairfax")


def test_news_quote_after_its_attribution_keeps_the_speaker(extractor: Extractor) -> None:
    """A quote after "…,” he said." continues that speaker's turn."""
    text = (
        "“We will not give up on this plan,” Senator Mary Lewis said.\n"
        "“The voters deserve a real answer from this government.”"
    )
    assert [name for _, name in _dialogue(extractor.extract(text))] == [
        "Mary Lewis",
        "Mary Lewis",
    ]


def test_first_person_narrator_is_named_by_the_others(extractor: Extractor) -> None:
    """The narrator "I" is named as the other characters address them."""
    text = (
        "“Come in , Watson , and sit down by the fire ,” said Sherlock Holmes .\n"
        "“I think I will ,” I answered .\n"
        "“You look tired , Watson .” Holmes smiled at me .\n"
        "“It has been a long day ,” I said ."
    )
    result = extractor.extract(text)
    narrated = [
        s.speaker.name
        for s in result.statements
        if s.speaker and s.speaker.mention and s.speaker.mention.text == "I"
    ]
    assert narrated == ["Watson", "Watson"]


@pytest.mark.parametrize(
    "naming",
    [
        "My father 's name was Pirrip , and so I called myself Pip .",
        "My name is Pip , and I lived by the marshes .",
    ],
)
def test_first_person_narrator_is_named_by_the_narration(extractor: Extractor, naming: str) -> None:
    """The narrator "I" takes the name the narration gives them ("I called myself Pip")."""
    text = (
        f"{naming}\n"
        "“Hold your noise !” cried a terrible voice .\n"
        "“Oh ! Do n't cut my throat , sir ,” I pleaded ."
    )
    assert _speakers(extractor.extract(text))[-1] == "Pip"


def test_a_name_called_in_the_narrators_continuation_names_the_narrator(
    extractor: Extractor,
) -> None:
    """A quote given to "I" only as going on, which calls a name, is another's vocative."""
    text = (
        "Sherlock Holmes was in his chair .\n"
        "“Wedlock suits you ,” he remarked .\n"
        "“I think , Watson , that you have put on seven pounds since I saw you .”\n"
        "“Seven !” I answered .\n"
        "“Indeed , I should have thought a little more .\n"
        "Just a trifle more , I fancy , Watson .”\n"
        "“Then , how do you know ?” I asked ."
    )
    names = [s.speaker.name for s in extractor.extract(text).statements if s.speaker]
    assert names[-1] == "Watson"


def test_narrator_stays_unnamed_without_vocatives(extractor: Extractor) -> None:
    """With nobody called by name, "I" keeps no entity: a name is never invented."""
    text = "“I think I will ,” I answered .\n“It has been a long day ,” I said ."
    result = extractor.extract(text)
    assert [s.speaker.entity for s in result.statements if s.speaker] == [None, None]


def test_gendered_description_stands_for_a_person(extractor: Extractor) -> None:
    """A gendered description ("the parson") is a person a later "he" can stand for."""
    text = (
        "Jack Durbeyfield met a girl on the road .\n"
        "“Good night , Sir John ,” said the parson .\n"
        "“Good night to you ,” he added , and walked on ."
    )
    speakers = _speakers(extractor.extract(text))
    assert speakers == ["the parson", "the parson"]


def test_ungendered_description_stays_unresolved(extractor: Extractor) -> None:
    """A description whose noun shows no gender ("the official") gets no entity of its own."""
    text = "“The talks are over ,” said the official ."
    (statement,) = extractor.extract(text).statements
    assert statement.speaker is not None
    assert statement.speaker.entity is None


def test_entity_name_is_the_full_name_used_most() -> None:
    """An epithet glued on once ("Crooked Hillary Clinton") does not name the entity."""
    text = "Hillary Clinton spoke. Hillary Clinton left. Crooked Hillary Clinton, he said. Clinton."
    table = EntityTable(text)
    spans = [(m.start(), m.end()) for m in re.finditer(r"(?<!Crooked )Hillary Clinton", text)]
    spans.append((text.index("Crooked"), text.index(", he")))
    spans.append((text.rindex("Clinton"), len(text) - 1))
    for start, end in spans:
        table.add(Span.of(text, start, end), "PERSON")
    (cluster,) = table.clusters
    assert cluster.canonical() == "Hillary Clinton"


def test_attribution_on_the_next_line_belongs_to_the_quote(extractor: Extractor) -> None:
    """Text with a sentence a line puts "asked Lord Henry." after the quote's line."""
    text = (
        "“I have met a young man of great beauty,” said Basil Hallward.\n"
        "“And what is his name?”\n"
        "asked Lord Henry Wotton, walking across the studio.\n"
        "“I would rather not tell you.”"
    )
    assert _dialogue(extractor.extract(text))[1] == ("after-cue", "Henry Wotton")


def test_pronoun_line_after_a_quote_is_its_attribution(extractor: Extractor) -> None:
    """A line of a pronoun and a cue ("I asked again.") attributes the quote before it."""
    text = "“Did you ever hear of the island in the north?”\nI asked again.\n"
    statements = extractor.extract(text).statements
    assert [(s.rule, s.speaker and s.speaker.name) for s in statements] == [("after-cue", "I")]


def test_a_question_is_answered_by_the_other_side(extractor: Extractor) -> None:
    """After a question and its attribution, a quote on a line of its own is the answer."""
    text = (
        "“Where have you been all day?” said Elizabeth Bennet.\n"
        "“In the village, buying bread,” said Jane Fairfax.\n"
        "“And did you see anybody there?”\n"
        "asked Elizabeth.\n"
        "“Nobody of any interest to you.”"
    )
    assert _dialogue(extractor.extract(text))[-1] == ("turn-taking", "Jane Fairfax")


def test_a_quote_calling_the_last_speaker_by_name_is_not_theirs(extractor: Extractor) -> None:
    """Nobody calls themselves by name: the quote after "“…,” said X." that calls X is the reply."""
    text = (
        "“Where have you been all day?” said Elizabeth Bennet.\n"
        "“In the village, buying bread,” said Jane Fairfax.\n"
        "“I went to the village too,” said Elizabeth.\n"
        "“Then you must have seen me there, Elizabeth.”"
    )
    assert _dialogue(extractor.extract(text))[-1] == ("turn-taking", "Jane Fairfax")


def test_a_speaker_named_again_on_the_next_line_did_not_speak_between(
    extractor: Extractor,
) -> None:
    """A writer names a speaker again when the turn comes back to them.

    "“A,” said X." / "“B.”" / "“C,” said X.": B is the other side's.
    """
    text = (
        "“Where have you been all day?” said Elizabeth Bennet.\n"
        "“In the village, buying bread,” said Jane Fairfax.\n"
        "“The bread is very good there,” said Elizabeth.\n"
        "“The baker is a kind man.”\n"
        "“And the butcher is a rogue,” said Elizabeth."
    )
    assert _dialogue(extractor.extract(text))[3] == ("turn-taking", "Jane Fairfax")


def test_a_narrator_in_the_first_person_speaks_after_narration(extractor: Extractor) -> None:
    """ "I" as the subject of a line of narration speaks next."""
    text = (
        "“Who is there in the dark?” said Elizabeth Bennet.\n"
        "I stepped out from behind the old oak tree.\n"
        "“Only me, come to fetch you home.”"
    )
    statements = extractor.extract(text).statements
    assert (statements[-1].rule, statements[-1].speaker and statements[-1].speaker.name) == (
        "narration",
        "I",
    )


def test_unknown_turns_take_the_speaker_two_lines_on(extractor: Extractor) -> None:
    """Turns alternate, so a bare quote takes the speaker of the attributed one two lines on."""
    text = (
        "The two friends sat down by the fire in silence.\n"
        "“Where have you been all day?”\n"
        "“In the village, buying bread.”\n"
        "“And did you see anybody there?”\n"
        "“Nobody at all,” said Jane Fairfax.\n"
    )
    assert _dialogue(extractor.extract(text))[1] == ("turn-taking", "Jane Fairfax")


def test_shared_surname_as_speaker_means_the_main_bearer(extractor: Extractor) -> None:
    """A bare "Cruz" speaks for the Cruz the story is about, not his wife or father."""
    text = (
        "Ted Cruz endorsed the nominee on Friday. Ted Cruz had refused for months.\n"
        "The nominee once attacked his wife, Heidi Cruz, and his father, Rafael Cruz.\n"
        "“I am not in the habit of supporting people who attack my wife,” Cruz said in July."
    )
    assert _speakers(extractor.extract(text))[-1] == "Ted Cruz"


def test_shared_surname_keeps_the_honorific_gender() -> None:
    """A bare surname with "Mr." is never the woman of that name."""
    text = "Nesta Pett sat down. Mrs. Nesta Pett smiled. Mr. Pett said nothing."
    table = EntityTable(text)
    for name in ("Nesta Pett", "Mrs. Nesta Pett"):
        start = text.index(name)
        table.add(Span.of(text, start, start + len(name)), "PERSON")
    assert table.bearer("Mr. Pett") is None
    assert table.bearer("Pett") == 0


def test_an_attribution_read_as_reported_speech_does_not_hide_the_exchange(
    extractor: Extractor,
) -> None:
    """A quote's tail also read as reported speech on the same cue is no turn.

    "he asked, his blue eyes staring at her" is a reported statement of its
    own; between the question and the answer it must not hide the exchange.
    (A question cried out asks nobody; see
    ``test_a_question_asked_of_nobody_is_not_answered``.)
    """
    text = (
        "“Where is my dinner?” asked William Morel.\n"
        "“You can have your dinner as soon as it's done,” replied Jane Fairfax.\n"
        "“Isn't it done?”\n"
        "he asked, his blue eyes staring at her in indignation.\n"
        "“It will be done in five minutes.”"
    )
    dialogue = _dialogue(extractor.extract(text))
    assert dialogue[3][0] == "verb-ccomp"
    # The answer is the other side's, whoever "he" turns out to be.
    assert dialogue[-1][0] == "turn-taking"
    assert dialogue[-1][1] != dialogue[2][1]


def test_a_few_lines_of_narration_before_a_quote_name_its_speaker(
    extractor: Extractor,
) -> None:
    """Narration of several lines between two quotes: the subject of the last speaks."""
    text = (
        "“Where have you been all day?” asked Elizabeth Bennet.\n"
        "The room was quiet for a while.\n"
        "The fire crackled in the grate and the clock struck nine.\n"
        "Jane Fairfax put down her basket and sighed.\n"
        "“In the village, buying bread for the whole family.”"
    )
    assert _dialogue(extractor.extract(text))[-1] == ("narration", "Jane Fairfax")


def test_a_gendered_noun_in_narration_speaks_next(extractor: Extractor) -> None:
    """ "The girl" as the subject of a line of narration speaks next, even unheard before."""
    text = (
        "“Where have you been all day?” asked Elizabeth Bennet.\n"
        "The girl put down her basket and sighed.\n"
        "“In the village, buying bread for the whole family.”"
    )
    statement = extractor.extract(text).statements[-1]
    assert statement.rule == "narration"
    assert statement.speaker is not None
    assert statement.speaker.mention is not None
    assert statement.speaker.mention.text == "The girl"


def test_honorifics_keep_husband_and_wife_apart(extractor: Extractor) -> None:
    """Mr. and Mrs. Bennet are two people, and "he" is the man."""
    text = (
        "Mrs. Bennet came into the room , and Mr. Bennet put down his book .\n"
        "“We must call on the new neighbours ,” said Mrs. Bennet .\n"
        "“You may go , if you like ,” he replied ."
    )
    result = extractor.extract(text)
    people = sorted(e.name for e in result.entities if e.label == "PERSON")
    assert people == ["Mr. Bennet", "Mrs. Bennet"]
    assert _speakers(result) == ["Mrs. Bennet", "Mr. Bennet"]


def test_a_named_subject_of_the_narration_is_whom_the_pronoun_means(
    extractor: Extractor,
) -> None:
    text = (
        "“We are all well,” said Mrs. Rachel.\n\n"
        "Marilla’s lips twitched. She had expected Mrs. Rachel up.\n\n"
        "“Oh, I am quite well too,” she said."
    )
    result = extractor.extract(text)
    assert _speakers(result)[-1] == "Marilla"


def test_people_named_in_earlier_quotes_are_not_whom_the_pronoun_means(
    extractor: Extractor,
) -> None:
    text = (
        "Mr. Bennet came into the room and asked, “Where is Tom Walker?”\n\n"
        "“I have not seen him,” said Mrs. Collins.\n\n"
        "“Then we shall wait,” he said."
    )
    result = extractor.extract(text)
    assert _speakers(result)[-1] == "Mr. Bennet"


def test_a_first_name_alone_shows_the_gender(extractor: Extractor) -> None:
    text = "Mr. Hall came in with Millie. Millie sat down.\n\n“The room is ready,” he said."
    result = extractor.extract(text)
    assert _speakers(result)[-1] == "Mr. Hall"


def test_first_person_possessive_description_stands_for_a_person(extractor: Extractor) -> None:
    """A gendered description with "my" ("my aunt") is a person a later "she" can stand for."""
    text = (
        "Tom Baxter came home late that night .\n"
        "“Where have you been ?” asked my aunt .\n"
        "“Sit down at once ,” she added , and pointed at a chair ."
    )
    speakers = _speakers(extractor.extract(text))
    assert speakers[-1] == "my aunt"


def test_speech_verb_on_the_next_line_names_the_speaker(extractor: Extractor) -> None:
    """A bare quote followed by "Mrs. Hale gasped." on the next line is hers: its tag."""
    text = (
        "The rain had not stopped since the morning .\n"
        "“What is it ? What is it ?”\n"
        "Mrs. Hale gasped .\n"
        "“Some one has died ,” answered the doctor ."
    )
    assert _dialogue(extractor.extract(text))[0] == ("after-cue", "Mrs. Hale")


def test_narration_opening_a_scene_names_its_speaker(extractor: Extractor) -> None:
    """The first quote of a scene goes to the person the line before it is about."""
    text = (
        "The wind blew hard across the plain all that week .\n"
        "Robert Cameron waved a hand toward the distant range .\n"
        "“I may strike through the desert before the snow comes .”"
    )
    assert _dialogue(extractor.extract(text))[-1] == ("narration", "Robert Cameron")


def test_a_name_right_after_a_bare_quote_names_its_speaker(extractor: Extractor) -> None:
    """With no narration before it, a quote goes to the person the next sentence names."""
    text = (
        "The fog lay thick over the street that evening .\n"
        "“Well , what do you make of it ?”\n"
        "Holmes was sitting with his back to the window .\n"
    )
    assert _dialogue(extractor.extract(text))[0] == ("narration-after", "Holmes")


def test_a_reply_goes_to_the_other_person(extractor: Extractor) -> None:
    """A "he" who replies is not the man whose quote he answers."""
    text = (
        "Lord Henry sat with Basil Hallward in the garden. "
        "Lord Henry lit a cigarette and smiled.\n\n"
        "“Why will you not send the portrait anywhere?” said Lord Henry.\n\n"
        "“I know you will laugh at me,” he replied, “but I cannot show it.”"
    )
    result = extractor.extract(text)
    assert _speakers(result)[-1] == "Basil Hallward"


def test_a_common_noun_opening_a_sentence_is_no_person(extractor: Extractor) -> None:
    """ "Ancestry is …" is not a person when the text also writes "ancestry" in lower case."""
    text = (
        "Rose Smith was wise enough not to mind about her ancestry.\n"
        "Ancestry is, in fact, a matter of taste.\n"
        "“Good families are worse than any others,” she said."
    )
    assert _speakers(extractor.extract(text)) == ["Rose Smith"]


def test_a_possessive_is_not_part_of_a_name() -> None:
    """A "’s" the NER took into a name ("his name ’s George") is dropped."""
    text = "His name ’s George ."
    table = EntityTable(text)
    index = table.add(Span.of(text, 9, 18), "PERSON")
    assert index is not None
    assert table.clusters[index].name == "George"


def test_a_pronoun_turn_goes_to_the_other_side(extractor: Extractor) -> None:
    """A "he" opening the next turn is not the man who spoke the turn before."""
    text = (
        "Lord Henry sat in the garden with Basil Hallward, who was painting.\n\n"
        "“You must show it,” said Lord Henry.\n\n"
        "“I cannot,” said Basil.\n\n"
        "“Then you are a fool,” he said, laughing."
    )
    assert _speakers(extractor.extract(text))[-1] == "Lord Henry"


def test_his_wife_is_the_woman_who_shares_his_surname(extractor: Extractor) -> None:
    """ "His wife" of Mr. Bennet is Mrs. Bennet: the close family shares a surname."""
    text = (
        "Mrs. Bennet had five daughters .\n"
        "Mr. Bennet sat reading by the fire .\n"
        "“Do you not want to know who has taken it ?” cried his wife impatiently ."
    )
    assert _speakers(extractor.extract(text)) == ["Mrs. Bennet"]


def test_the_one_addressed_answers(extractor: Extractor) -> None:
    """A "he" replying to a quote that calls someone by name is the one called."""
    text = (
        "Frank Markham came in with Robert Wilson and George Hall .\n"
        "“It is time you did something , Frank ,” said Robert Wilson .\n"
        "“What can I do ?” replied he ."
    )
    speaker = _speakers(extractor.extract(text))[-1]
    assert speaker is not None
    assert speaker.startswith("Frank")


def test_an_unattributed_turn_goes_to_the_one_addressed(extractor: Extractor) -> None:
    """A bare quote after one that calls someone by name is that person's answer."""
    text = (
        "Tom Sawyer stood by the fence with Ben Rogers .\n"
        "Aunt Polly looked hard at them .\n"
        "“You must paint it today , Tom .”\n"
        "“I will paint it tomorrow .”"
    )
    assert _dialogue(extractor.extract(text))[-1] == ("turn-taking", "Tom Sawyer")


def test_the_doctor_is_the_man_called_dr(extractor: Extractor) -> None:
    """ "The doctor" stands for the person whose name carries "Dr.", as does "he" after it."""
    text = (
        "Dr. Howard Archie came in from the snow .\n"
        "“It is cold ,” said Peter Kronborg .\n"
        "The doctor took up the lamp .\n"
        "“Feel pretty sick ?” he asked .\n"
        "“She will be well by morning ,” said the doctor ."
    )
    assert _speakers(extractor.extract(text))[1:] == ["Howard Archie", "Howard Archie"]


def test_whose_mind_is_the_subject_of_the_narration(extractor: Extractor) -> None:
    """ "The mind of Montraville was hushed." is about Montraville, whom "he" then means."""
    text = (
        "Montraville met Belcour at the inn .\n"
        "“I will return to Portsmouth ,” said Belcour .\n"
        "The mind of Montraville was hushed into composure .\n"
        "“I will think on her no more ,” said he ."
    )
    assert _speakers(extractor.extract(text))[-1] == "Montraville"


def test_a_bare_noun_after_a_name_is_no_title(extractor: Extractor) -> None:
    """ "Mr. Denham, mother," introduces him to her mother; "mother" is not his title."""
    text = (
        "Katharine Hilbery brought Mr. Denham into the room .\n"
        "“Mr. Denham , mother ,” she said .\n"
        "“How do you do ?” said her mother ."
    )
    assert _speakers(extractor.extract(text))[-1] != "Mr. Denham"


def test_reported_speech_before_a_quote_is_narration(extractor: Extractor) -> None:
    """Reported speech on the line before ("Philip did not know what she meant.") is narration."""
    text = (
        "Philip Carey sat by the window .\n"
        "“Your mamma is in heaven ,” said Emma .\n"
        "Philip did not know what she meant .\n"
        "“Why not ?”"
    )
    assert _dialogue(extractor.extract(text))[-1] == ("narration", "Philip Carey")


def test_whom_a_quote_calls_by_name_does_not_speak_it(extractor: Extractor) -> None:
    """ "“Have a troche, Kronborg,” he said": the "he" is not Kronborg, whom he addresses."""
    text = (
        "Dr. Howard Archie walked beside Peter Kronborg .\n"
        "Peter Kronborg coughed behind his hand .\n"
        "“Have a troche , Kronborg ,” he said ."
    )
    assert _speakers(extractor.extract(text))[-1] == "Howard Archie"


def test_a_place_the_text_keeps_naming_is_no_speaker(extractor: Extractor) -> None:
    """“… for Mexico to respond …” makes no person of Mexico for a later “he”."""
    places = " ".join(f"Mexico sold goods in {year}." for year in range(2001, 2011))
    text = (
        f"{places}\n\n“Trade is good,” Mr. Smith said.\n\nThe minister, Mr. Guajardo "
        "Villarreal, argues there is little point for Mexico to respond now. ''We must not "
        "overreact to campaign rhetoric,'' he told me."
    )
    assert _speakers(extractor.extract(text))[-1] == "Guajardo Villarreal"


def test_the_subject_of_reported_words_is_not_who_speaks_next(extractor: Extractor) -> None:
    """“Matthews said Pence's speech helped. “…,” he said.”: he is Matthews."""
    text = (
        "Chris Matthews watched Mike Pence debate.\n\n“He was good,” Matthews said.\n\n"
        "Matthews said Pence’s performance should boost the ticket.\n\n"
        "“I thought he was very effective tonight,” he said."
    )
    assert _speakers(extractor.extract(text))[-1] == "Chris Matthews"


def test_pronoun_with_no_named_antecedent_is_the_one_described(extractor: Extractor) -> None:
    """With no named woman before it, "she" is "the girl" the narration is about."""
    text = (
        "A boy came running down the road .\n"
        "The girl looked up from under the oak .\n"
        "“What you run for ?” she asked ."
    )
    assert _speakers(extractor.extract(text))[-1] == "The girl"


def test_a_name_in_passing_does_not_take_the_pronoun(extractor: Extractor) -> None:
    """A person seen acting comes before one named once in passing ("the walls of Milrose")."""
    text = (
        "Jack Durbeyfield leaned on a broken gate , and looked at the house .\n"
        "The wall was high , and it was as old as the walls of Milrose Connecticut .\n"
        "“It is a romantic attempt ,” said he ."
    )
    assert _speakers(extractor.extract(text))[-1] == "Jack Durbeyfield"


def test_a_possessive_in_a_named_subjects_clause_shows_the_gender(extractor: Extractor) -> None:
    """ "Alexandra shook her head.": a first name no list holds is a woman's, not "he"."""
    text = "“Good evening,” said Peter Kronborg.\nAlexandra shook her head.\n“I will go,” he said."
    assert _speakers(extractor.extract(text))[-1] == "Peter Kronborg"


def test_the_subject_of_the_main_clause_is_whom_the_pronoun_means(extractor: Extractor) -> None:
    """A subject in a subordinate clause ("because Mr. Fortescue was …") is not the one acting."""
    text = (
        "“Good evening,” said Katharine Hilbery.\n"
        "Mr. Denham sat down by the fire.\n"
        "He was glad, because Mr. Fortescue was a celebrity.\n"
        "“Have you ever been to Manchester?” he asked."
    )
    assert _speakers(extractor.extract(text))[-1] == "Mr. Denham"


def test_a_pronoun_subject_goes_on_meaning_the_last_named_subject(extractor: Extractor) -> None:
    """Narration whose subjects are all "she" is about the woman it last named as a subject."""
    text = (
        "Mrs. Hall went into the parlour.\n"
        "“Can I take your coat, sir?” she said.\n"
        "“No,” said the stranger.\n"
        "She frowned at Millie, because Millie was slow.\n"
        "She went back to the kitchen.\n"
        "“Very well, sir,” she said."
    )
    assert _speakers(extractor.extract(text))[-1] == "Mrs. Hall"


def test_her_mother_is_of_the_family_of_whoever_calls_her_by_name(extractor: Extractor) -> None:
    """A daughter with no surname belongs to the family of the one who calls her by name."""
    text = (
        "Mrs. Bennet sat by the fire with her daughters Lizzy and Kitty.\n"
        "“I hope you will like it, Lizzy,” said Mr. Bennet.\n"
        "“We are not in a way to know what he likes,” said her mother."
    )
    assert _speakers(extractor.extract(text))[-1] == "Mrs. Bennet"


def test_a_pronoun_is_the_one_of_the_exchange_whose_sex_agrees(extractor: Extractor) -> None:
    """With a woman and a man talking, "he" is the man, not another named in passing."""
    text = (
        "Jack Wallace sold tickets at the gate.\n"
        "“Are you coming now?” said Mrs. Morel.\n"
        "“Not yet,” said Mr. Grey.\n"
        "The crowd pressed round the booth of Jack Wallace.\n"
        "“Go, then,” he said."
    )
    assert _speakers(extractor.extract(text))[-1] == "Mr. Grey"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # The only senator met so far.
            "Sen. Ted Cruz (R-Tex.) spoke in Cleveland on Monday.\n\n"
            "“The day that was abrogated was the day this became personal,” the senator said.",
            "Ted Cruz",
        ),
        (
            # A title's head must be the description's: a campaign is no chairman.
            "The state's campaign chairman, Phil Lovas, left early.\n\n"
            "The campaign said that the rally would go ahead.",
            "The campaign",
        ),
        (
            # A name before a person's noun is where they are from, not who speaks.
            "A New York judge said that the law was unconstitutional.",
            "A New York judge",
        ),
        (
            # "The fund": the organisation named before with that word.
            "IMF cuts forecast\n\nThe International Monetary Fund cut its forecast for the "
            "world economy on Tuesday, citing weak trade, low investment and the uncertainty "
            "that followed the vote in Britain.\n\nThe fund said that growth would slow.",
            "International Monetary Fund",
        ),
        (
            # A name before a document's noun is whose words it carries.
            "A Quinnipiac University poll showed that the race was tied.",
            "Quinnipiac University",
        ),
    ],
)
def test_descriptions_resolve_by_the_head_of_a_title(
    extractor: Extractor, text: str, expected: str
) -> None:
    """A description goes to the bearer of a title with its head noun, or stays itself."""
    assert _speakers(extractor.extract(text))[-1] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Critics include John Smith, who said that the plan would fail.",
        "The plan was praised by John Smith, the chief executive of the group, who said that "
        "it would help.",
    ],
)
def test_a_relative_pronoun_speaker_is_its_antecedent(extractor: Extractor, text: str) -> None:
    """“John Smith, who said …”: “who” resolves to the person the clause describes."""
    statement = next(
        s
        for s in extractor.extract(text).statements
        if s.speaker is not None
        and s.speaker.mention is not None
        and s.speaker.mention.text == "who"
    )
    assert statement.speaker is not None
    assert statement.speaker.name == "John Smith"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # The one just called by name answers to a description of their sex.
            "“Indeed , Mrs. Blaine , he is still delightful company .”\n"
            "“Amory will go to him one day ,” breathed the beautiful lady .",
            "Mrs. Blaine",
        ),
        (
            # A possessive description finds the one title with its head ("son").
            "Mrs. Pett had brought with her her only son , Ogden , a boy of fourteen .\n"
            "Mr. Pett stood in the doorway .\n"
            "“I thought you had ,” said his step-son complacently .",
            "Ogden",
        ),
        (
            # A description set off before a name the parser left unjoined is its title.
            "Near the easel was sitting the artist himself , Basil Hallward , "
            "whose disappearance caused a stir .\n"
            "Lord Henry smiled at the picture .\n"
            "“You do n't understand me ,” answered the artist .",
            "Basil Hallward",
        ),
        (
            # "The mother" of nobody introduced is the woman known, as "she" would be.
            "Mrs. Morel did her work .\n"
            "The boy came in with his cap on .\n"
            "“You can have your dinner soon ,” replied the mother .",
            "Mrs. Morel",
        ),
        (
            # Someone unnamed just entered: "the man" is that stranger, not Dick.
            "Dick opened his eyes slowly .\n"
            "“Wake up there ,” said a rough voice .\n"
            "“Wake up , you young vagabond !” said the man impatiently .",
            "the man",
        ),
    ],
)
def test_descriptions_stand_for_people_already_known(
    extractor: Extractor, text: str, expected: str
) -> None:
    """A description speaks for someone named before, as a reader would link it."""
    assert _speakers(extractor.extract(text))[-1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # A role description right after a sentence about a named person is them.
            "Donald Trump says he has big plans for the final month.\n\n"
            "The Republican presidential nominee noted Friday that his campaign "
            "has not spent much yet.",
            "Donald Trump",
        ),
        (
            # A party the person's title contradicts is someone else's.
            "Republican nominee Donald Trump spoke in Ohio.\n\n"
            "Donald Trump says he has big plans for the final month.\n\n"
            "The Democratic nominee said that the plans would fail.",
            "The Democratic nominee",
        ),
        (
            # A person's name and "campaign" make an organisation of its own.
            "Donald Trump met voters in Ohio on Monday.\n\n"
            "The Trump campaign said that the charges were false.",
            "Trump campaign",
        ),
        (
            # "The campaign" after a sentence about Clinton is not Trump's.
            "Donald Trump met voters in Ohio on Monday.\n\n"
            "The Trump campaign said that the charges were false.\n\n"
            "Hillary Clinton plans to speak on Friday.\n\n"
            "The campaign says that she will announce a new program.",
            "The campaign",
        ),
    ],
)
def test_news_descriptions_follow_the_subject_just_named(
    extractor: Extractor, text: str, expected: str
) -> None:
    """News calls the person or campaign its last sentence was about by a description."""
    assert _speakers(extractor.extract(text))[-1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # An organisation's head noun and another word name it.
            "A federal appeals court ruled Friday that the state's procedure was illegal.\n\n"
            "A three-judge panel of the U.S. Court of Appeals for the Sixth Circuit "
            "overruled a lower court.",
            "U.S. Court of Appeals",
        ),
        (
            # A spokesperson's title that names whom they speak for.
            "A spokeswoman for Hillary Clinton says the campaign did not help her.\n\n"
            "Clinton communications director Jennifer Palmieri spoke to reporters Friday.",
            "Jennifer Palmieri",
        ),
        (
            # A title for someone else is no spokesperson's.
            "A spokeswoman for Hillary Clinton says the campaign did not help her.\n\n"
            "Trump communications director Jennifer Palmieri spoke to reporters Friday.",
            "A spokeswoman for Hillary Clinton",
        ),
    ],
)
def test_an_indefinite_description_is_named_in_the_next_sentence(
    extractor: Extractor, text: str, expected: str
) -> None:
    """News opens with "a federal appeals court" and names it a sentence later."""
    assert _speakers(extractor.extract(text))[0] == expected


def test_a_description_is_no_word_ending_a_name(extractor: Extractor) -> None:
    """A description is no word that ends a name: "the website" is not "Popular Website"."""
    text = (
        "Popular Website Shows Bias When It Comes To Republicans.\n\n"
        "Zero Hedge asked why the ratings differ.\n\n"
        "The website noted that both candidates cited the same studies."
    )
    assert _speakers(extractor.extract(text))[-1] != "Popular Website"


def test_a_name_the_ner_missed_is_the_speaker_not_its_apposition(extractor: Extractor) -> None:
    """The head name of a mention, even unrecognised, beats a name inside its apposition."""
    text = (
        "Ivy Grant met the press.\n"
        "Ivy Grant, the Republican nominee's eldest daughter, said that the plan was fair."
    )
    with extractor.nlp.select_pipes(disable=["quoteattr_extractor"]):
        doc = extractor.nlp(text)
    # As if the NER had missed this mention of the name.
    start = text.index("Ivy Grant,")
    doc.ents = [e for e in doc.ents if e.start_char != start]
    result = extractor.extract_doc(doc)
    assert [s.speaker.name for s in result.statements if s.speaker] == ["Ivy Grant"]


def test_pronoun_with_no_named_antecedent_is_the_one_introduced(extractor: Extractor) -> None:
    """With no named man, "he" is the man a description introduced ("a man behind her")."""
    text = (
        "Mary Brown sat by the window of the coach .\n"
        "After a while she became aware of a man behind her .\n"
        "She felt him watching her .\n"
        "“ Is this your first journey ? ” he asked ."
    )
    assert _speakers(extractor.extract(text))[-1] == "a man"


def test_a_pronoun_goes_on_meaning_the_last_speaker_of_its_sex(extractor: Extractor) -> None:
    """After long narration about him, "he" is the last man to speak, if no other is named."""
    middle = "".join(
        f"He spoke of the {thing} , and she listened politely , watching the fields go by .\n"
        for thing in ("weather", "harvest", "markets", "railways", "hotels", "theatres") * 10
    )
    text = (
        "Mary Brown sat by the window of the coach .\n"
        "After a while she became aware of a man behind her .\n"
        "She felt him watching her .\n"
        "“ Is this your first journey ? ” he asked .\n"
        "“ It is , ” she said .\n" + middle + "“ You will like the city , ” he went on .\n"
    )
    assert len(middle) > 3_000
    assert _speakers(extractor.extract(text))[-1] == "a man"


def test_an_object_wished_for_is_no_person(extractor: Extractor) -> None:
    """ "In want of a wife": an object no clause or pronoun takes up introduces nobody."""
    text = (
        "Every rich farmer in the valley is in want of a wife .\n"
        "The harvest was good that year .\n"
        "“ It will rain tomorrow , ” she said ."
    )
    assert _speakers(extractor.extract(text))[-1] == "she"


def test_the_description_is_the_one_introduced(extractor: Extractor) -> None:
    """ "A man … the man": one speaker, named by the description the text uses most."""
    text = (
        "A man came out from behind the old mill .\n"
        "“ Stop there ! ” said the man .\n"
        "The boy stood still .\n"
        "“ Where do you live ? ” said the man ."
    )
    result = extractor.extract(text)
    entities = {s.speaker.entity for s in result.statements if s.speaker}
    assert len(entities) == 1
    assert _speakers(result) == ["the man", "the man"]
    (person,) = [e for e in result.entities if e.id in entities]
    assert "A man" in [m.text for m in person.mentions]


def test_a_voice_is_the_person_it_introduces(extractor: Extractor) -> None:
    """ "Cried a voice, as a woman stepped out": the voice is hers."""
    text = (
        "The children ran across the yard .\n"
        "“ Come back ! ” cried a sharp voice , as a woman stepped out of the house .\n"
        "“ Come back this minute , ” said the woman ."
    )
    result = extractor.extract(text)
    entities = [s.speaker.entity for s in result.statements if s.speaker]
    assert entities[0] is not None
    assert entities[0] == entities[-1]
    assert _speakers(result)[0] in {"a woman", "the woman"}


def test_the_first_of_them_is_not_the_one_introduced(extractor: Extractor) -> None:
    """ "A fair man … the first man who came in": a clause tells another man apart."""
    text = (
        "A fair man sat on the porch all the afternoon .\n"
        "The first man who came in was a tall officer .\n"
        "“ Who is here ? ” said the first man ."
    )
    assert _speakers(extractor.extract(text))[-1] != "A fair man"


def test_a_bare_quote_after_a_quote_led_in_is_not_the_same_speakers(
    extractor: Extractor,
) -> None:
    """A quote on a line of its own after another's closing mark is a new turn.

    With nobody else in the exchange to give it to, it stays unknown rather
    than going on with the speaker just heard.
    """
    text = "Elizabeth Bennet said: “Where have you been all day?”\n“In the village, buying bread.”"
    assert _dialogue(extractor.extract(text))[-1] == ("unattributed", None)


def test_reported_speech_is_a_turn_of_the_exchange(extractor: Extractor) -> None:
    """Who asked in reported speech ("X asked where …") is the other side of the exchange."""
    text = (
        "Jane Fairfax asked where she had been all day.\n"
        "Elizabeth Bennet answered at once: “In the village, buying bread.”\n"
        "“And did you see anybody there?”"
    )
    assert _dialogue(extractor.extract(text))[-1] == ("turn-taking", "Jane Fairfax")


def test_narration_about_no_one_speaks_through_its_later_clause(extractor: Extractor) -> None:
    """ "There was a noise and X came in.": X, the later clause's subject, speaks next."""
    text = (
        "“Who is there in the dark?” said Elizabeth Bennet.\n"
        "There was a noise in the hall and Jane Fairfax came in.\n"
        "“Only me, come to fetch you home.”"
    )
    assert _dialogue(extractor.extract(text))[-1] == ("narration", "Jane Fairfax")


def test_a_quote_calling_its_speaker_by_title_is_the_addressees(extractor: Extractor) -> None:
    """ "“Thank you, mother.”" after "her mother said." is the one she called by name."""
    text = (
        "Jane Fairfax came home late.\n"
        "“You must have some tea, Jane,” her mother said.\n"
        "“Thank you, mother.”"
    )
    assert _dialogue(extractor.extract(text))[-1] == ("turn-taking", "Jane Fairfax")


@pytest.mark.parametrize(
    ("called", "name"), [("Jane Fairfax!", "Jane Fairfax"), ("Jane dear, and sit by me.", "Jane")]
)
def test_a_name_of_two_words_called_out_answers(
    extractor: Extractor, called: str, name: str
) -> None:
    """A vocative of a first and last name, or a name and "dear", names who answers."""
    text = f"Elizabeth Bennet called out: “Come here at once, {called}”\n“I am coming.”"
    assert _dialogue(extractor.extract(text))[-1] == ("turn-taking", name)


def test_a_pronoun_subject_of_narration_goes_on_meaning_the_named_subject(
    extractor: Extractor,
) -> None:
    """ "He paused. He looked …" before a bare quote: the chain's man, not the last man named."""
    text = (
        "Mr. Hale sat in the study with a book .\n"
        "Mr. Carey went down the stairs slowly and walked past Mr. Hale .\n"
        "“Good night ,” said Mrs. Watson .\n"
        "He paused on the landing .\n"
        "He looked at the door of the study .\n"
        "“I think I will go and say good-bye to her .”"
    )
    assert _dialogue(extractor.extract(text))[-1] == ("narration", "Mr. Carey")


def test_a_person_heard_speaking_speaks_the_quote(extractor: Extractor) -> None:
    """ "He heard her speak." / "He heard Emma's voice." before a quote: the one heard speaks."""
    for hearing in ("He heard her speak .", "He heard Emma Brown 's voice ."):
        text = (
            "“Good night ,” said Philip Carey .\n"
            "Emma Brown knocked at the door and walked in .\n"
            f"{hearing}\n"
            "“Master Philip wants to say good-bye to you , miss .”"
        )
        assert _dialogue(extractor.extract(text))[-1] == ("narration", "Emma Brown")


def test_the_one_a_cue_speaks_to_is_not_its_speaker(extractor: Extractor) -> None:
    """ "said he to Mr. Hale": Mr. Hale is spoken to, so the other man speaks."""
    text = (
        "Mr. Grant came into the room .\n"
        "“Good evening ,” said Mr. Hale .\n"
        "“You are late ,” said he to Mr. Hale ."
    )
    assert _speakers(extractor.extract(text))[-1] == "Mr. Grant"


def test_a_calling_noun_is_the_person_the_narration_goes_on_about(extractor: Extractor) -> None:
    """ "The surgeon leaned over": a calling shows no sex; the speaker's pronoun shows it.

    The last speaker was a woman, so "he" is someone else: the one the
    narration just described, not a man named further back.
    """
    text = (
        "Oliver Twist was born in the workhouse .\n"
        "“She was found in the street ,” said the old woman .\n"
        "The surgeon leaned over the bed , and raised her hand .\n"
        "“The old story ,” he said ."
    )
    assert _speakers(extractor.extract(text))[-1] == "The surgeon"


def test_a_pronoun_of_the_last_speakers_sex_does_not_make_a_calling_hers(
    extractor: Extractor,
) -> None:
    """ "The doctor came forwards. “…,” she moaned.": nothing shows the doctor is a woman."""
    text = (
        "“Is he asleep ?” said Mrs. Carey .\n"
        "The doctor came forwards and stood by the bed .\n"
        "“Do not take him away yet ,” she moaned ."
    )
    assert _speakers(extractor.extract(text))[-1] == "Mrs. Carey"


def test_a_calling_the_next_sentence_calls_he_is_a_man(extractor: Extractor) -> None:
    """ "A certain tall soldier … He came flying back.": the pronoun that goes on shows his sex."""
    text = (
        "Once a certain tall soldier went resolutely to wash a shirt .\n"
        "He came flying back from a brook .\n"
        "“We are going to move tomorrow ,” he said to a group in the street ."
    )
    assert _speakers(extractor.extract(text))[-1] == "a certain tall soldier"


def test_a_word_for_a_thing_is_no_person_a_pronoun_takes_up(extractor: Extractor) -> None:
    """ "A yellow dressing-gown hung there. He …": only a noun of a person counts."""
    text = (
        "A yellow dressing-gown hung behind the door .\n"
        "He looked at it for a long time .\n"
        "“It is not mine ,” he said ."
    )
    assert _speakers(extractor.extract(text))[-1] in {None, "he"}


def test_the_next_sentence_after_a_tag_is_not_the_speakers(extractor: Extractor) -> None:
    """ "“No,” said the stranger. She frowned.": she is whom the stranger answered."""
    text = (
        "Mrs. Hall went into the parlour .\n"
        "“Can I take your coat , sir ?” she said .\n"
        "“No ,” said the stranger .\n"
        "She frowned and went back to the kitchen .\n"
        "“Very well , sir ,” she said ."
    )
    assert _speakers(extractor.extract(text))[-1] == "Mrs. Hall"


def test_a_speaker_named_again_by_a_pronoun_did_not_speak_between(
    extractor: Extractor,
) -> None:
    """ "“A,” she said." / "“B.”" / "“C,” she said.": B is the other side's.

    The quote right before one with its own attribution is someone else's
    (in LitBank 151 times in 161), more often than the speaker of an
    attribution line goes on (177 in 213).
    """
    text = (
        "“Where have you been all day?” said Elizabeth Bennet.\n"
        "“In the village, buying bread,” said John Fairfax.\n"
        "“The bread is very good there,” she said.\n"
        "“The baker is a kind man.”\n"
        "“And the butcher is a rogue,” she said."
    )
    assert _dialogue(extractor.extract(text))[3] == ("turn-taking", "John Fairfax")


def test_a_run_of_bare_turns_takes_its_order_from_the_quote_after_it(
    extractor: Extractor,
) -> None:
    """Turns alternate, so the attributed quote after a run orders it from the end.

    "“A,” said Y." / "“B.”" / "“C.”" / "“D,” said X.": C is not X's, so B is.
    """
    text = (
        "“Where have you been all day?” asked Elizabeth Bennet.\n"
        "“In the village, buying bread,” said Jane Fairfax.\n"
        "“And did you see the baker there?”\n"
        "“He was away at the mill all morning.”\n"
        "“Then I shall go to the mill myself,” said Elizabeth."
    )
    assert _dialogue(extractor.extract(text))[2:4] == [
        ("turn-taking", "Elizabeth Bennet"),
        ("turn-taking", "Jane Fairfax"),
    ]


def test_a_quote_calling_the_narrator_by_name_is_not_the_narrators(
    extractor: Extractor,
) -> None:
    """A narrator the others call "Pip" is not the one who calls "Pip" after "I answered"."""
    text = (
        "“Is that you out there in the rain, Pip?” said Joe Gargery.\n"
        "“Yes,” I answered.\n"
        "“Then come in out of the rain, Pip.”\n"
        "“Thank you, Joe,” I said.\n"
        "“You are wet through, Pip.”"
    )
    assert _dialogue(extractor.extract(text))[2] == ("turn-taking", "Joe Gargery")


def test_an_exclamation_about_someone_does_not_call_them(extractor: Extractor) -> None:
    """ "“Poor Miss Taylor!”" is about Miss Taylor: only a name's own words make a vocative."""
    text = (
        "Emma Woodhouse sat by the fire with her father, who said, “Poor Miss Taylor!\n"
        "I wish she were here again.”\n"
        "“I cannot agree with you, papa.”"
    )
    assert _dialogue(extractor.extract(text))[-1][1] != "Miss Taylor"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # "The statement" is the words of whoever issued "a statement".
            "The Springfield City Council issued a statement on Monday after the vote.\n\n"
            "The statement said that the budget would be cut.",
            "Springfield City Council",
        ),
        (
            # The document met again ("The ad uses …") leads back to its maker.
            "A new ad from Jane Doe's presidential campaign is seizing on comments "
            "her rival made.\n\n"
            "The ad uses footage of the rally.\n\n"
            "The ad then says that the rival has failed the state.",
            "Jane Doe's presidential campaign",
        ),
        (
            # A name before a document's noun is whose it is.
            "Ten people died in May, according to a Chicago Tribune database.",
            "Chicago Tribune",
        ),
    ],
)
def test_a_document_speaks_for_its_maker(extractor: Extractor, text: str, expected: str) -> None:
    """A statement, an ad or a database carries the words of whoever made it."""
    assert _speakers(extractor.extract(text))[-1] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Senator Mark Pagliano met the committee on Monday.\n\n"
        "Pagliano's lawyer said that he would not answer any questions.",
        "President Barack Obama left on Monday.\n\nObama's aides said that the trip had gone well.",
    ],
)
def test_someones_lawyer_is_not_that_someone(extractor: Extractor, text: str) -> None:
    """ "Pagliano's lawyer", "Obama's aides": the people around a person are not that person."""
    speaker = extractor.extract(text).statements[-1].speaker
    assert speaker is not None
    assert speaker.entity is None


def test_her_after_another_person_is_not_the_subjects(extractor: Extractor) -> None:
    """ "Fowler has backed Hillary Clinton since her first bid": "her" is Clinton's."""
    doc = extractor.nlp("Tom Fowler has backed Hillary Clinton since her first bid.")
    fowler = next(ent for ent in doc.ents if ent.text == "Tom Fowler")
    assert narrated_gender(fowler) == {}
    doc = extractor.nlp("Tom Fowler put his hands in his pockets.")
    assert narrated_gender(doc.ents[0]) == {"m": 2}


@pytest.mark.parametrize("modifier", ["GOP", "Republican"])
def test_it_is_no_name_that_only_qualifies_a_noun(extractor: Extractor, modifier: str) -> None:
    """ "The GOP candidate proposes …": "it" does not stand for the modifier "GOP"."""
    text = (
        "The Chicago Tribune sent two reporters to the rally on Sunday.\n\n"
        f"The {modifier} candidate wants to cut taxes for the rich.\n\n"
        "It said that the plan would hurt the poor."
    )
    assert _speakers(extractor.extract(text))[-1] == "Chicago Tribune"


def test_who_after_a_predicate_noun_is_the_subject(extractor: Extractor) -> None:
    """ "Kaine is a former lawyer who opposes …": "who" is Kaine."""
    text = (
        "Tim Kaine spoke on Monday. Kaine is a former civil rights lawyer who said that "
        "the death penalty must end."
    )
    assert _speakers(extractor.extract(text))[-1] == "Tim Kaine"


def test_the_one_a_thing_makes_feel_is_whom_the_pronoun_means(extractor: Extractor) -> None:
    """ "His cough annoyed the doctor. “…,” he thought.": the doctor, not the cougher."""
    text = (
        "Dr. Howard Archie walked beside Peter Kronborg.\n"
        "“It is late,” said Peter Kronborg.\n"
        "As they reached the gate, Peter Kronborg's pace grew brisker.\n"
        "His nervous cough annoyed the doctor.\n"
        "“He coughs like a preacher,” he thought."
    )
    assert _speakers(extractor.extract(text))[-1] == "Howard Archie"


def test_a_quote_going_on_under_the_same_attribution_is_the_same_speaker(
    extractor: Extractor,
) -> None:
    """Two quotes sharing one "he" are one person's, whatever the narration between."""
    text = (
        "Dr. Howard Archie came in with Peter Kronborg.\n"
        "“She is in here,” said Peter Kronborg.\n"
        "His air of importance annoyed the doctor.\n"
        "He beckoned Kronborg in and said sternly: “You have a sick child here.\n"
        "Put the baby down, please,” swinging back the top of the lounge.\n"
        "“We can lift her mattress and carry her in.”"
    )
    assert _speakers(extractor.extract(text))[1:] == ["Howard Archie", "Howard Archie"]


@pytest.mark.parametrize(
    "attribution",
    ["muttered Elizabeth to herself", "cried Elizabeth", "Elizabeth exclaimed"],
)
def test_a_question_asked_of_nobody_is_not_answered(extractor: Extractor, attribution: str) -> None:
    """A question muttered to oneself or cried out asks nobody: its speaker goes on."""
    text = (
        "“Where have you been all day?” said Elizabeth Bennet.\n"
        "“In the village, buying bread,” said Jane Fairfax.\n"
        f"“How could she go there without me?” {attribution}.\n"
        "“I shall never forgive her for it.”"
    )
    assert _dialogue(extractor.extract(text))[-1] == ("continuation", "Elizabeth Bennet")


def test_a_colon_lead_in_names_the_speaker_before_an_unlisted_verb_after(
    extractor: Extractor,
) -> None:
    """ "X resumed: “… ----” Y sank down.": the sentence after a broken-off quote is narration."""
    text = (
        "Jane Fairfax sat by the fire with Elizabeth Bennet.\n"
        "Elizabeth Bennet paused, then resumed: “I have waited for him all these years, "
        "and I shall go on waiting ----” Jane Fairfax sank down beside her chair."
    )
    assert _dialogue(extractor.extract(text)) == [("colon", "Elizabeth Bennet")]


def test_a_question_asking_back_about_the_last_words_is_the_other_sides(
    extractor: Extractor,
) -> None:
    """ "“… his dearest wish!” he returned." / "“Is it her dearest wish?”": the other side asks."""
    text = (
        "“Where have you been all day?” said Elizabeth Bennet.\n"
        "“In the village, buying bread,” said Jane Fairfax.\n"
        "“You would break your mother's dearest wish!” returned Elizabeth.\n"
        "“Is it her dearest wish?”"
    )
    assert _dialogue(extractor.extract(text))[-1] == ("turn-taking", "Jane Fairfax")
