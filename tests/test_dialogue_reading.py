"""Reading a conversation as a reader does: who is who across its turns."""

from __future__ import annotations

from spacy.tokens import Doc

from quoteattr.api import Extractor
from quoteattr.model import Result, Span
from quoteattr.resolve.dialogue import _vocatives
from quoteattr.resolve.entities import EntityTable


def _speakers(result: Result) -> list[str | None]:
    return [s.speaker.name if s.speaker else None for s in result.statements]


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
