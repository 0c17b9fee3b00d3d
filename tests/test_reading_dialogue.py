"""Reading a conversation as a reader does: who answers, who goes on, tags, asides and scenes."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from quoteattr.api import Extractor
from quoteattr.model import Result, Span
from quoteattr.resolve.dialogue import _vocatives
from quoteattr.resolve.entities import EntityTable, _gender_of


def _speakers(result: Result) -> list[str | None]:
    return [s.speaker.name if s.speaker else None for s in result.statements]


# --- Who answers: the one a question was put to, a quote of assent, and a reply's description


def test_the_one_a_question_was_put_to_answers(extractor: Extractor) -> None:
    """After "“…?” she whispered to the nurse.", the nurse answers, not the last other speaker."""
    text = (
        "Mrs. Hale lay in the bed by the window.\n"
        "“Is the doctor coming back tonight?” said Mrs. Hale.\n"
        "“Not tonight, madam,” said Mr. Thornton.\n"
        "The nurse brought a glass of water to the bed.\n"
        "“Is the child asleep?” she whispered to the nurse.\n"
        "“Fast asleep.”\n"
    )
    speakers = _speakers(extractor.extract(text))
    assert speakers[-2] == "Mrs. Hale"
    assert speakers[-1] not in {"Mrs. Hale", "Mr. Thornton"}
    assert speakers[-1] is not None
    assert "nurse" in speakers[-1].lower()


def test_a_quote_of_assent_answers_the_one_before(extractor: Extractor) -> None:
    """After "“…,” he answered.", a line "“Very well, …”" is another's: none assents to oneself."""
    text = (
        "“Go and say good-bye to your aunt,” said Mary Dawson.\n"
        "“I do not want to say good-bye,” said Tom Dawson.\n"
        "“Very well, then run upstairs and get your hat.”\n"
    )
    speakers = _speakers(extractor.extract(text))
    assert speakers == ["Mary Dawson", "Tom Dawson", "Mary Dawson"]


def test_a_refusal_goes_on(extractor: Extractor) -> None:
    """A refusal is no assent: after "“…,” he said.", a line "“No, I won't.”" goes on."""
    text = (
        "“Go and say good-bye to your aunt,” said Mary Dawson.\n"
        "“I do not want to say good-bye,” said Tom Dawson.\n"
        "“No, I will not go.”\n"
    )
    speakers = _speakers(extractor.extract(text))
    assert speakers == ["Mary Dawson", "Tom Dawson", "Tom Dawson"]


def test_a_role_replying_is_not_the_one_replied_to(extractor: Extractor) -> None:
    """After "“Snake, …?” inquired Jim.", "replied the leader" is the one called, not Jim."""
    text = (
        "Snake Anson stood by the door of the cabin.\n"
        "“Fire feels good,” said Bill Hardy.\n"
        "“Snake, what is this deal with the rancher?” inquired Jim Wilson.\n"
        "“You will learn when I do,” replied the leader.\n"
    )
    speakers = _speakers(extractor.extract(text))
    assert speakers[-1] != "Jim Wilson"
    assert speakers[-1] is not None
    assert "Snake" in speakers[-1]


# --- Turns a reader follows: replies to a name called, going on, broken-off quotes, callings


def test_a_name_called_after_and_is_answered(extractor: Extractor) -> None:
    text = (
        "“Alice has made the tea,” said Mrs. Pryor.\n"
        "“Walter met us on the road,” said Alice.\n"
        "“That is a good girl! — and Walter, where have you been all day?”\n"
        "“Fishing.”\n"
    )
    assert _speakers(extractor.extract(text))[-1] == "Walter"


def test_he_replying_to_a_name_called_is_that_person(extractor: Extractor) -> None:
    text = (
        "We sat down at the table after the long day.\n"
        "“It is time you found some work, Walter,” said I, as soon as a pause in his story"
        " allowed me to get in a word.\n"
        "“What can I do?” replied he.\n"
        "“Walter has been fishing,” said Mrs. Pryor.\n"
    )
    result = extractor.extract(text)
    reply = next(s for s in result.statements if s.text.startswith("“What"))
    assert reply.speaker is not None
    assert reply.speaker.name == "Walter"


def test_the_narrator_is_not_whom_they_call(extractor: Extractor) -> None:
    text = (
        "I came home late that evening.\n"
        "“Come in, Walter,” said Mrs. Pryor.\n"
        "“Sit here by the fire, Walter,” said Alice.\n"
        "“You are late again, Walter,” said I, sitting down.\n"
        "“I know,” said Walter.\n"
    )
    assert _speakers(extractor.extract(text))[2] != "Walter"


def test_mamma_calls_the_mother(extractor: Extractor) -> None:
    text = (
        "“Is it not strange?” said Walter Pryor.\n"
        "“Very strange,” said my mother.\n"
        "“Is it not, mamma?”\n"
    )
    assert _speakers(extractor.extract(text))[-1] != "my mother"


def test_continued_the_description_is_the_last_speaker(extractor: Extractor) -> None:
    text = (
        "“Who are you to order me about?” said Tom Gale.\n"
        "“I am the heir of the whole valley,” said Walter Pryor, and he lay down upon the grass.\n"
        "Tom Gale looked at him for a long time.\n"
        "“All of it is mine,” continued the prostrate man.\n"
    )
    assert _speakers(extractor.extract(text))[-1] == "Walter Pryor"


def test_a_quote_broken_off_is_cut_short_by_the_other(extractor: Extractor) -> None:
    text = (
        "“Where were you?” asked Mrs. Pryor.\n"
        "“Down by the river,” said Walter Pryor.\n"
        "“Well, under the old bridge there lies --” “It is no bridge now.”\n"
    )
    speakers = _speakers(extractor.extract(text))
    assert speakers[-2] == "Walter Pryor"
    assert speakers[-1] == "Mrs. Pryor"


def test_a_name_before_a_dash_pointing_back_is_not_called() -> None:
    from quoteattr.resolve.dialogue import _set_off

    class _Word:
        def __init__(self, text: str, pos: str) -> None:
            self.text, self.lower_, self.pos_ = text, text.lower(), pos
            self.ent_type_ = "PERSON" if pos == "PROPN" else ""

    words = [_Word("Walter", "PROPN"), _Word("--", "PUNCT"), _Word("that", "PRON")]
    assert not _set_off(words, 0)  # type: ignore[arg-type]
    words[2] = _Word("come", "VERB")
    assert _set_off(words, 0)  # type: ignore[arg-type]


def test_another_word_for_a_calling_is_the_same_person(extractor: Extractor) -> None:
    text = (
        "A parson rode up the lane on a grey mare.\n"
        "“Good evening,” said Walter Pryor.\n"
        "“Good evening to you,” said the parson.\n"
        "The clergyman explained that he had been hunting old records.\n"
        "“I found your name in them,” said he.\n"
    )
    speakers = _speakers(extractor.extract(text))
    assert speakers[-1] == speakers[2] is not None
    assert speakers[-1] != "The clergyman"


# --- Reading a conversation as a reader does: who is who across its turns


def test_an_indefinite_description_taken_up_later_is_that_person(extractor: Extractor) -> None:
    text = (
        "“How much?” asked a gentleman on his way to the office.\n"
        "“Ten cents,” said Dick Hunter.\n"
        "“That is a lot,” said the gentleman.\n"
    )
    result = extractor.extract(text)
    first, last = result.statements[0].speaker, result.statements[-1].speaker
    assert first is not None
    assert last is not None
    assert first.entity is not None
    assert first.entity == last.entity


def test_a_name_given_when_asked_calls_nobody(extractor: Extractor) -> None:
    text = (
        "“How much?” asked a gentleman on his way to the office.\n"
        "“Ten cents,” said Dick Hunter.\n"
        "“Be quick about it,” said the gentleman.\n"
        "“Where shall I bring the change?” asked Dick Hunter.\n"
        "“To my office.”\n"
        "“What name?”\n"
        "“Greyson, -- office on second floor.”\n"
        "“All right, sir; I'll bring it.”\n"
        "“I wonder whether he will come,” said Mr. Greyson to himself.\n"
    )
    assert _speakers(extractor.extract(text))[-2] == "Dick Hunter"


def test_a_he_of_the_narration_no_rule_resolves_is_the_last_man_to_speak(
    extractor: Extractor,
) -> None:
    filler = "The fire burned low and the rain beat on the windows of the hall.\n" * 50
    text = (
        "Douglas stood before the fire.\n"
        "“It is a strange story,” said Douglas.\n"
        f"{filler}"
        "“Will you tell it to us?” I asked.\n"
        "“Perhaps,” he answered.\n"
        "“Tonight?” I said.\n"
        "He laughed for the first time.\n"
        "“Not tonight.”\n"
    )
    assert _speakers(extractor.extract(text))[-1] == "Douglas"


def test_the_voice_of_a_person_is_theirs(extractor: Extractor) -> None:
    text = (
        "John Reed was a schoolboy of fourteen.\n"
        "The door opened.\n"
        "“Boh! Madam Mope!” cried the voice of John Reed.\n"
    )
    assert _speakers(extractor.extract(text))[0] == "John Reed"


def test_a_description_that_names_itself_is_that_person(extractor: Extractor) -> None:
    text = (
        "Mary Lennox was a disagreeable child.\n"
        "A large officer came into the nursery.\n"
        "“There is a child here!” he cried out.\n"
        "“I am Mary Lennox,” the little girl said.\n"
    )
    assert _speakers(extractor.extract(text))[-1] == "Mary Lennox"


def test_a_quote_broken_off_is_answered_on_the_same_line(extractor: Extractor) -> None:
    text = (
        "“You will meet me here?” asked Douglas.\n"
        "“Well then,” said Mrs. Griffin.\n"
        "“After dinner --” “Yes, after dinner.”\n"
    )
    assert _speakers(extractor.extract(text))[-1] == "Douglas"


def test_a_title_in_an_attribution_ends_no_sentence(extractor: Extractor) -> None:
    text = (
        "“Where is the key?” asked Mr. Hobbs.\n"
        "“In the drawer,” said his nephew Tom.\n"
        "“Did you look there?” said Mr. Hobbs, who was growing cross.\n"
        "“Yes, twice.”\n"
    )
    last = extractor.extract(text).statements[-1]
    assert last.rule == "turn-taking"
    assert last.speaker is not None
    assert last.speaker.name == "Tom"


def test_a_bare_surname_called_out_is_the_man_of_that_family(extractor: Extractor) -> None:
    text = (
        "Dr. Walter Grant met Peter Hobbs at the gate.\n"
        "Peter Hobbs was a tall man with a thin beard.\n"
        "Mrs. Hobbs waved from the window, and Peter Hobbs waved back.\n"
        "“It is cold tonight,” said Dr. Grant.\n"
        "Peter Hobbs coughed.\n"
        "He felt in his pocket.\n"
        "“Have a cough drop, Hobbs,” he said.\n"
        "“They are good for the throat.”\n"
        "“Thank you, thank you.”\n"
    )
    # Nobody calls himself by name: "he" is the last man to speak, who goes
    # on speaking to Hobbs; Hobbs answers.
    assert _speakers(extractor.extract(text))[1:] == ["Grant", "Grant", "Peter Hobbs"]


def test_a_reply_calls_by_name_the_one_it_answers(extractor: Extractor) -> None:
    text = (
        "“Good luck to you,” the stranger said in a low tone.\n"
        "The ship settled lower in the water.\n"
        "CHAPTER I.\n"
        "THE OLD FRIENDS.\n"
        "“Harry, old thing!”\n"
        "“Sally, old girl!”\n"
        "The two friends shook hands in the street.\n"
        "“Not seen you for ages,” said Harry.\n"
    )
    assert _speakers(extractor.extract(text))[1:3] == ["Sally", "Harry"]


def test_a_name_the_parser_reads_as_a_noun_is_called_out(extractor: Extractor) -> None:
    words = ["Nutmeg", "met", "Nutmeg", ".", "\n", "“", "Nutmeg", ",", "old", "bean", "!", "”"]
    spaces = [True, True, False, False, False, False, False, True, True, False, False, False]
    pos = ["PROPN", "VERB", "PROPN", "PUNCT", "SPACE", "PUNCT"]
    pos += ["NOUN", "PUNCT", "ADJ", "NOUN", "PUNCT", "PUNCT"]
    doc = Doc(extractor.nlp.vocab, words=words, spaces=spaces, pos=pos)
    table = EntityTable(doc.text)
    table.add(Span.from_spacy(doc[0:1]), "PERSON")
    table.add(Span.from_spacy(doc[2:3]), "PERSON")
    assert list(_vocatives(table, list(doc[5:]))) == [0]
    # A common noun that names nobody calls nobody.
    assert list(_vocatives(table, list(doc[8:]))) == []


def test_a_quote_goes_to_the_one_its_answer_calls_by_name(extractor: Extractor) -> None:
    text = (
        "Martha Brown was the cook at the farm.\n"
        "Tom was hiding behind the sofa in the parlour.\n"
        "He held his breath, but a hand pulled the sofa away.\n"
        "“You bad boy, your aunt will be cross with you.”\n"
        "“Hullo, Martha!” he said.\n"
    )
    assert _speakers(extractor.extract(text)) == ["Martha Brown", "Tom"]


def test_a_quote_that_calls_someone_keeps_its_speaker(extractor: Extractor) -> None:
    text = (
        "Martha Brown was the cook at the farm.\n"
        "Tom was hiding behind the sofa in the parlour.\n"
        "He held his breath, but a hand pulled the sofa away.\n"
        "“Oh, Martha, you found me.”\n"
        "“Now, Susan, fetch the broom,” said Martha.\n"
    )
    assert _speakers(extractor.extract(text))[0] == "Tom"


# --- A name's tag on the line after a quote, voices, dash-marked turns and "her mother" again


def test_a_name_and_said_on_the_line_after_a_quote_is_its_tag(extractor: Extractor) -> None:
    text = (
        "Tom Hale and Ned Price stood at the window .\n"
        "“ Our old house ! ”\n"
        "Ned Price said .\n"
        "Tom turned away from the window .\n"
    )
    statement = extractor.extract(text).statements[0]
    assert statement.rule == "after-cue"
    assert statement.speaker is not None
    assert statement.speaker.name == "Ned Price"


def test_a_name_and_a_gesture_after_a_quote_is_no_tag(extractor: Extractor) -> None:
    text = "Tom Hale and Mary Price stood at the window .\n“ Is it you ? ”\nMary Price nodded .\n"
    assert extractor.extract(text).statements[0].rule != "after-cue"


def test_a_voice_going_on_before_a_quote_is_its_owners(extractor: Extractor) -> None:
    text = (
        "Tom Hale and Mary Price stood at the window .\n"
        "“ It is late , ” said Mary Price .\n"
        "She went to the door .\n"
        "Tom Hale ’s deep voice went on .\n"
        "“ We shall go down now . ”\n"
    )
    assert _speakers(extractor.extract(text))[-1] == "Tom Hale"


def test_words_after_the_tag_of_a_dash_turn_are_its_speakers(extractor: Extractor) -> None:
    """Without a dash of their own they go on the turn, even after a question."""
    text = (
        "Tom Hale came up the stairs with a lamp .\n"
        "Ned Price sat by the window .\n"
        "— Are you awake , Ned ?\n"
        "Tom said .\n"
        "— I am ,\n"
        "Ned said .\n"
        "— It is late , Ned , is it not ?\n"
        "he said kindly .\n"
        "You have slept all day .\n"
        "— I have not !\n"
        "Ned said .\n"
        "— Come down to breakfast !\n"
        "Tom said .\n"
    )
    result = extractor.extract(text)
    going_on = next(s for s in result.statements if s.text.startswith("You have"))
    assert going_on.speaker is not None
    assert going_on.speaker.name == "Tom Hale"


def test_her_mother_again_is_whom_her_mother_stood_for(extractor: Extractor) -> None:
    """With nothing to show whose mother, "her mother" is the one so called before."""
    text = (
        "Mrs. Price sat by the fire with her daughters Jane and Kitty .\n"
        "“ It will rain , Jane , ” said Mr. Price .\n"
        "“ Never mind the rain , ” said her mother .\n"
        "“ When is the ball , Jane ? ”\n"
        "“ To-morrow . ”\n"
        "“ So it is , ” cried her mother .\n"
    )
    assert _speakers(extractor.extract(text))[-1] == "Mrs. Price"


# --- Tags a reader sees: an inverted phrasal verb, and a bare tag set off before the next quote


def test_an_inverted_phrasal_verb_names_its_speaker(extractor: Extractor) -> None:
    text = (
        "“ Certainly , ” said the colonel .\n"
        "“ Come here , my boy , ” went on Uncle Walter , with a broad smile .\n"
        "“ We shall sail for the islands next week . ”\n"
    )
    assert _speakers(extractor.extract(text))[-2:] == ["Uncle Walter", "Uncle Walter"]


def test_a_bare_tag_on_the_next_line_belongs_to_the_outcry(extractor: Extractor) -> None:
    text = (
        "“ I have nobody to leave behind me here , ” said Peter Blake .\n"
        "“ Oh ! ”\n"
        "I said , “ I guessed that you would say so before long . ”\n"
    )
    statements = extractor.extract(text).statements
    outcry = next(s for s in statements if "Oh" in s.content[0].text)
    assert outcry.speaker is not None
    assert outcry.speaker.mention is not None
    assert outcry.speaker.mention.text == "I"


def test_a_name_and_cue_running_into_a_cited_phrase_is_no_tag(extractor: Extractor) -> None:
    text = (
        "The mayor spoke on Monday :\n"
        "“ We will open the new bridge in June . ”\n"
        "Reporters claimed “ delays ” would push the work into the autumn .\n"
    )
    statements = extractor.extract(text).statements
    bridge = next(s for s in statements if "bridge" in s.content[0].text)
    assert bridge.speaker is None or bridge.speaker.name != "Reporters"


# --- Reading narration around quotes: asides, headings, vocatives and clauses after a cue


def _dialogue(result: Result) -> list[tuple[str | None, str | None]]:
    return [(s.rule, s.speaker.name if s.speaker else None) for s in result.statements]


def test_a_capitalised_he_after_a_full_stop_opens_a_new_sentence(extractor: Extractor) -> None:
    """Only "I" is written with a capital mid-sentence: "He started." is narration."""
    text = (
        "“And where is the school?” asked Tom Baker.\n"
        "“The school is over there.”\n"
        "He started joyfully.\n"
    )
    rule, _ = _dialogue(extractor.extract(text))[-1]
    assert rule != "after-cue"


def test_you_see_is_an_aside_to_the_reader(extractor: Extractor) -> None:
    text = (
        "“Do cats eat bats?” said Alice Brown to herself.\n"
        "and sometimes, “Do bats eat cats?”\n"
        "for, you see, as she could not answer either question, it did not matter.\n"
    )
    names = [name for _, name in _dialogue(extractor.extract(text))]
    assert "you" not in names


def test_a_chapter_heading_is_no_part_of_a_name() -> None:
    text = "CHAPTER I. Mary walked down the hill."
    table = EntityTable(text)
    index = table.add(Span.of(text, 0, 15), "PERSON")
    assert index is not None
    assert table.clusters[index].name == "Mary"


def test_a_function_word_opening_a_sentence_names_nobody() -> None:
    text = "Down, down, down. Would the fall never end?"
    assert EntityTable(text).add(Span.of(text, 0, 4), "PERSON") is None


def test_a_name_and_my_dear_calls_that_person(extractor: Extractor) -> None:
    text = (
        "“Dinah will miss me very much to-night!” said Alice Brown.\n"
        "Dinah was the cat.\n"
        "“I hope they remember her saucer of milk. Dinah my dear! "
        "I wish you were down here with me!”\n"
    )
    assert _dialogue(extractor.extract(text))[-1][1] == "Alice Brown"


def test_another_person_acting_after_the_cue_speaks_next(extractor: Extractor) -> None:
    text = (
        "Tom Baker and Mary Lane sat under the oak.\n"
        "“You were afraid,” said Mary Lane.\n"
        "“I do not believe you,” Tom Baker said; but Mary Lane tossed her head.\n"
        "“Who is afraid of the dark? I love the night.”\n"
    )
    assert _dialogue(extractor.extract(text))[-1] == ("narration", "Mary Lane")


def test_the_last_person_a_sentence_shows_acting_speaks(extractor: Extractor) -> None:
    text = (
        "“We shall have a fine Christmas,” said Meg March.\n"
        "Meg stopped talking, Amy got out of the chair, and Jo sat up by the fire.\n"
        "“The slippers are quite worn out.”\n"
    )
    assert _dialogue(extractor.extract(text))[-1] == ("narration", "Jo")


def test_a_cue_in_a_clause_of_time_is_not_the_quote_before_it(extractor: Extractor) -> None:
    """ "“…?” and seemed disappointed when she answered, “No.”": her cue is the answer's."""
    text = (
        "Mrs. Hall laid the table for the stranger.\n"
        "“To-morrow?” he said.\n"
        "“There is no speedier delivery?” and seemed quite disappointed when she answered, “No.”\n"
    )
    statements = extractor.extract(text).statements
    assert [s.speaker.name for s in statements if "speedier" in s.text and s.speaker] != [
        "Mrs. Hall"
    ]


def test_a_he_of_the_narration_is_never_the_narrator(extractor: Extractor) -> None:
    """A narrator who says "I" and whom the others call Ralph is not the "He" who nods."""
    text = (
        "Rolfe came up the hill at sunset.\n"
        "“I would your princess were alive,” I said presently.\n"
        "“So do I,” he answered softly.\n"
        "“If I did not think to meet her again, I could not smile, Ralph, as I do now.”\n"
        "“It is a strange thing,” I said, as I refilled my pipe.\n"
        "“Yet I came to persuade thee, Ralph!” he cried, with another laugh.\n"
        "“There was more passing than usual,” I said; "
        "“but I did not attend. What is the lodestar?”\n"
        "“The star that draws us all, woman.”\n"
        "“Humph! The maids have come, then?”\n"
        "He nodded.\n"
        "“There is a goodly ship down there.”\n"
    )
    assert _dialogue(extractor.extract(text))[-1][1] != "Ralph"


# --- Agreement and nods answer; a pronoun is not whom its clause names; "him" never leads in


@pytest.mark.parametrize("word", ["Precisely", "Exactly", "Quite so", "Of course", "True"])
def test_a_quote_of_agreement_answers_the_one_before(extractor: Extractor, word: str) -> None:
    """After "“…,” said Arthur.", a line opening "“Precisely. …”" is the other side's."""
    text = (
        "“Who sent the parcel?” asked Arthur Benton.\n"
        "“The grocer sent it,” said Mary Dawson.\n"
        "“The grocer must be rich,” said Arthur Benton.\n"
        f"“{word}. He owns half the street.”\n"
    )
    speakers = _speakers(extractor.extract(text))
    assert speakers[-2] == "Arthur Benton"
    assert speakers[-1] == "Mary Dawson"


def test_a_pronoun_is_not_whom_its_own_clause_names(extractor: Extractor) -> None:
    """A "he" that "drove his mule in behind Arthur Benton" is not Arthur Benton."""
    text = (
        "An old man came out of the dark and stopped by the fire.\n"
        "“I may head north,” said Arthur Benton.\n"
        "“One place is the same as another to me,” replied the old man.\n"
        "Then with gentle slaps he drove his mule in behind Arthur Benton.\n"
        "“Yes, I am old. I am lonely, too.”\n"
    )
    speakers = _speakers(extractor.extract(text))
    assert speakers[0] == "Arthur Benton"
    assert speakers[-1] is not None
    assert speakers[-1] != "Arthur Benton"
    assert "old man" in speakers[-1].lower()


def test_an_object_pronoun_does_not_lead_in_with_a_colon(extractor: Extractor) -> None:
    """A lead-in "… said, with more kindness than expected of him:" is not spoken by "him"."""
    text = (
        "Arthur Benton came into the room. The nurse sat by the fire.\n"
        "She rose and, going to the window, said, with more kindness than "
        "might have been expected of him: “You must not talk about leaving yet.”\n"
    )
    result = extractor.extract(text)
    quote = next(s for s in result.statements if "leaving" in s.text)
    assert quote.speaker is not None
    assert quote.speaker.mention is not None
    assert quote.speaker.mention.text.lower() != "him"
    assert quote.speaker.name != "Arthur Benton"


def test_a_nod_after_a_question_is_no_cue_of_it(extractor: Extractor) -> None:
    """A "He nodded." after "“…?”" is the one asked answering, not the question's cue."""
    text = (
        "“Where have you been?” asked Mary Dawson.\n"
        "“At the harbour,” said Arthur Benton.\n"
        "“The ship has come in, then?”\n"
        "He nodded.\n"
    )
    question = extractor.extract(text).statements[-1]
    assert "ship" in question.text
    assert question.cue is None or question.cue.text != "nodded"


# --- A name said alone calls that person; a title of rank says its bearer's sex; "my father"


def test_a_name_alone_with_no_question_before_calls_that_person(extractor: Extractor) -> None:
    text = (
        "Tom Smith lay in bed. His mother came in and looked at him.\n"
        "“Tom.”\n"
        "“Oh, yes.”\n"
        "“Get up at once,” said Mrs. Smith.\n"
    )
    result = extractor.extract(text)
    names = [s.speaker.name if s.speaker else None for s in result.statements]
    assert names == ["Mrs. Smith", "Tom Smith", "Mrs. Smith"]


def test_a_name_alone_after_a_question_answers_it(extractor: Extractor) -> None:
    text = (
        "“Who came to the door?” asked Mrs. Smith.\n"
        "“Harris.”\n"
        "“What did he want?” asked Mrs. Smith.\n"
    )
    result = extractor.extract(text)
    asked = [s for s in result.statements if "?" in s.text]
    assert all(s.speaker is not None and s.speaker.name == "Mrs. Smith" for s in asked)


def test_a_title_of_rank_says_the_bearers_sex() -> None:
    assert _gender_of("Count Dracula") == "m"
    assert _gender_of("Duchess Anne") == "f"
    assert _gender_of("Count") is None


def test_the_narrators_own_kin_is_whom_a_pronoun_after_them_means(extractor: Extractor) -> None:
    text = (
        "I was sent down to the workshop, where old Bob Jones was scolding his boy.\n"
        "“Get out of here, Jim,” said old Bob Jones.\n"
        "My father's face would always brighten when Bob's name was mentioned.\n"
        "“I tell you,” he would say to me, “he was an able man.”\n"
    )
    result = extractor.extract(text)
    last = result.statements[-1].speaker
    assert last is not None
    assert last.name is not None
    assert last.name.lower() == "my father"


# --- Descriptions that stand for someone of the scene: "the other", "the painter", "the old woman"


def test_the_other_is_the_other_speaker(extractor: Extractor) -> None:
    text = (
        "Down the trail came a man with a mule.\n"
        "“Good evening,” said the man.\n"
        "“Good evening,” replied Walter Brand.\n"
        "“I never ride with anybody,” said Brand.\n"
        "“There is room for two,” said the other, quietly.\n"
    )
    speakers = _speakers(extractor.extract(text))
    assert speakers[-1] == speakers[0] != speakers[-2]


def test_her_visitor_is_the_one_she_served(extractor: Extractor) -> None:
    text = (
        "A man came in from the snow and sat by the fire.\n"
        "“Bring me some tea,” said the man.\n"
        "Mrs. Ogilvie brought the tray into the parlour.\n"
        "“Your tea is ready, sir,” said Mrs. Ogilvie.\n"
        "“Leave it on the table,” said her visitor.\n"
    )
    speakers = _speakers(extractor.extract(text))
    assert speakers[-1] == speakers[0] != "Mrs. Ogilvie"


def test_a_calling_answers_the_name_called(extractor: Extractor) -> None:
    text = (
        "Lord Arthur Penrose walked across the studio towards Edward Hale.\n"
        "“I must be going soon, Edward,” said Lord Arthur.\n"
        "“What is the hurry?” said the painter, without looking up.\n"
    )
    assert _speakers(extractor.extract(text))[-1] == "Edward Hale"


def test_a_calling_is_nobody_named_without_a_name_called(extractor: Extractor) -> None:
    text = (
        "Lord Arthur Penrose walked across the studio towards Edward Hale.\n"
        "“I must be going soon,” said Lord Arthur.\n"
        "“What is the hurry?” said the painter, without looking up.\n"
    )
    assert _speakers(extractor.extract(text))[-1] not in {"Arthur Penrose", "Edward Hale"}


def test_the_one_woman_of_the_scene(extractor: Extractor) -> None:
    text = (
        "The nurse sat by the bed.\n"
        "“Poor dear,” said the nurse, and she drew the curtain.\n"
        "“Where did she come from?” asked Dr. Thomas Crane, putting on his gloves.\n"
        "“She was brought here last night,” replied the old woman.\n"
    )
    speakers = _speakers(extractor.extract(text))
    assert speakers[-1] == speakers[0]


def test_a_woman_described_so_before_is_not_the_one_of_the_scene(extractor: Extractor) -> None:
    text = (
        "A thin, elderly woman sat down by the window of the inn.\n"
        + "The rain fell on the roofs of the town all that evening.\n" * 60
        + "Mrs. Julia Harker poured the tea for her husband.\n"
        "“It is a long way to the coast,” said Mrs. Harker.\n"
        "“It is,” said Mr. Harker.\n"
        "“Not so far,” said the thin woman.\n"
    )
    assert _speakers(extractor.extract(text))[-1] == "the thin woman"


def test_that_gentleman_is_the_one_just_named(extractor: Extractor) -> None:
    text = (
        "Sir Giles Ormond and Captain Peter Vance sat by the fire.\n"
        "“Vance is coming with me,” said Sir Giles. “Are you not, Vance?”\n"
        "“Rather,” said that gentleman.\n"
    )
    assert _speakers(extractor.extract(text))[-1] == "Vance"


def test_her_cousin_is_the_other_of_two(extractor: Extractor) -> None:
    text = (
        "Emily Hale came into the library. Robert Ward followed her.\n"
        "“Will you sit down?” said Robert.\n"
        "“I will stand,” said Emily.\n"
        "“As you please,” said her cousin.\n"
    )
    assert _speakers(extractor.extract(text))[-1] == "Robert Ward"
