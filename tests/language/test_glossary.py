"""The CLDR glossary: things said in another language, drawn though the translation lost them.

Real CLDR annotations (the installed glossary, or one installed with npm into a temporary
folder for this run) and the real spaCy builder; the sentences are everyday ones of this
file's own, not the bench's.
"""

from __future__ import annotations

import functools
import logging
import shutil
import tempfile
from pathlib import Path

import pytest

from speech2image.language import SpacySceneBuilder
from speech2image.language.builder import SourceText
from speech2image.language.glossary import GLOSSARY_META, Glossary
from speech2image.language.source_things import Translation, find_source_things


@functools.cache
def _glossary() -> Glossary:
    installed = Glossary.installed()
    if (installed.folder / GLOSSARY_META).is_file():
        return installed
    if shutil.which("npm") is None:
        pytest.skip("the CLDR glossary is not installed and npm is absent to fetch it")
    from speech2image.imaging.compose.cldr import install_cldr

    return Glossary(install_cldr(Path(tempfile.mkdtemp(prefix="s2i-test-cldr-"))))


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return _glossary()


@pytest.fixture(scope="module")
def glossary_builder(glossary: Glossary) -> SpacySceneBuilder:
    return SpacySceneBuilder(glossary=glossary)


def things(glossary: Glossary, language: str, text: str) -> dict[str, int]:
    words = glossary.language(language)
    assert words is not None
    return {t.thing.noun: t.count for t in find_source_things(words, text)}


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("es", "Los dos gatos miran por la ventana.", {"cat": 2, "window": 1}),
        ("es", "Mi abuela prepara una tarta de manzana.", {"apple": 1}),
        ("de", "Drei Äpfel liegen neben dem Buch.", {"apple": 3, "book": 1}),
        ("de", "Der Hund schläft unter dem Baum.", {"dog": 1, "tree": 1}),
        ("fr", "Un cheval mange près de la maison.", {"horse": 1, "house": 1}),
        ("fr", "Deux oiseaux chantent dans les arbres.", {"bird": 2, "tree": 1}),
        ("it", "Il bambino ha un ombrello e un cane.", {"umbrella": 1, "dog": 1}),
        ("pt", "Duas vacas comem erva perto do rio.", {"cow": 2}),
    ],
)
def test_things_said_in_other_languages_are_found(
    glossary: Glossary, language: str, text: str, expected: dict[str, int]
) -> None:
    found = things(glossary, language, text)
    assert {k: found.get(k) for k in expected} == expected


def test_a_thing_named_in_a_complement_is_found(glossary: Glossary) -> None:
    # The milk emoji is "glass of milk", "vaso de leche", "Glas Milch": milk all the same.
    assert things(glossary, "es", "El niño bebe leche.").get("milk") == 1
    assert things(glossary, "de", "Wir trinken Milch.").get("milk") == 1


def test_a_word_after_a_preposition_in_a_name_is_not_its_thing(glossary: Glossary) -> None:
    # "Sonnenaufgang über dem Meer" (sunrise over the sea) is no name of the sea.
    assert "sunrise" not in things(glossary, "de", "Das Meer ist heute ruhig.")


def test_verbs_and_articles_are_no_things(glossary: Glossary) -> None:
    # "bebe" (drinks) is not "bebé" (baby); "una", "la" are articles.
    assert "baby" not in things(glossary, "es", "El gato bebe agua en la cocina.")
    assert things(glossary, "es", "una la de en y") == {}


def test_a_word_many_emoji_share_is_not_drawn(glossary: Glossary) -> None:
    # "cara" is a keyword of 133 faces, "Tier" of every animal: no one thing.
    spanish, german = glossary.language("es"), glossary.language("de")
    assert spanish is not None and german is not None
    assert spanish.lookup(["cara"]) is None
    assert german.lookup(["tier"]) is None
    assert things(glossary, "es", "Tiene una cara alegre.") == {}


def test_the_things_the_translation_lost_are_drawn(glossary_builder: SpacySceneBuilder) -> None:
    said = SourceText("es", "Un pájaro canta en el árbol.")
    scene = glossary_builder.build("A bird's nest in the air.", source=said)
    nouns = [o.noun for o in scene.objects]
    assert "bird" in nouns and "tree" in nouns
    assert len({o.id for o in scene.objects}) == len(scene.objects)


def test_the_things_the_translation_kept_are_not_drawn_twice(
    glossary_builder: SpacySceneBuilder,
) -> None:
    said = SourceText("fr", "Deux chiens dorment sous un arbre.")
    scene = glossary_builder.build("Two dogs are sleeping under a tree.", source=said)
    assert sorted(o.noun for o in scene.objects) == ["dog", "dog", "tree"]


def test_a_count_said_is_drawn(glossary_builder: SpacySceneBuilder) -> None:
    said = SourceText("es", "Hay tres manzanas en la cesta.")
    scene = glossary_builder.build("There is a basket.", source=said)
    assert [o.noun for o in scene.objects].count("apple") == 3


def test_a_sentence_of_no_things_becomes_one_of_the_things_said(
    glossary_builder: SpacySceneBuilder,
) -> None:
    said = SourceText("de", "Ich habe Blumen für meine Mutter gekauft.")
    scene = glossary_builder.build("I bought it.", source=said)
    assert scene.depiction == "objects"
    assert "flower" in [o.noun for o in scene.objects]


def test_an_english_sentence_is_unchanged(glossary_builder: SpacySceneBuilder) -> None:
    text = "Two cats sit on the old sofa near the window."
    plain = glossary_builder.build(text)
    assert glossary_builder.build(text, source=SourceText("en", text)) == plain


def test_a_missing_glossary_is_one_logged_line_naming_the_command(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    missing = Glossary(tmp_path / "nowhere")
    with caplog.at_level(logging.WARNING):
        assert missing.language("es") is None
        assert missing.language("fr") is None
    lines = [r.getMessage() for r in caplog.records if "CLDR" in r.getMessage()]
    assert len(lines) == 1 and "speech2image assets install --pack cldr" in lines[0]
    builder = SpacySceneBuilder(glossary=missing)
    said = SourceText("es", "Un pájaro canta.")
    assert builder.build("A song.", source=said) == builder.build("A song.")


def test_a_session_draws_a_translated_final_with_the_sentence_as_said() -> None:
    from speech2image.events import FinalTranscript
    from speech2image.session_jobs import source_of

    spanish = FinalTranscript(0, "Dos perros.", 0.0, 1.0, language="es", english="Two.")
    assert source_of(spanish) == SourceText("es", "Dos perros.")
    assert source_of(FinalTranscript(0, "Two dogs.", 0.0, 1.0, language="en")) is None
    assert source_of(FinalTranscript(0, "Two dogs.", 0.0, 1.0)) is None


def test_a_spanish_sentence_in_a_session_draws_what_was_said(
    glossary_builder: SpacySceneBuilder,
) -> None:
    # The real builder and glossary; a scripted recogniser whose translation lost the things.
    from speech2image.events import FinalTranscript, ImageReady
    from speech2image.session_options import SessionOptions
    from speech2image.testing import Cue, ScriptedTranscriber, SolidColorEngine, run_session
    from speech2image.workers import Workers

    final = FinalTranscript(
        0, "Un pájaro canta en el árbol.", 0.0, 1.5, language="es", english="A nest in the air."
    )
    workers = Workers(
        make_transcriber=lambda: ScriptedTranscriber([Cue(1.5, final)]),
        builder=glossary_builder,
        engine=SolidColorEngine(),
    )
    events = run_session(workers, options=SessionOptions(drafts=False), seconds=3.0)
    pictures = [e for e in events if isinstance(e, ImageReady)]
    assert len(pictures) == 1
    nouns = {o.noun for o in pictures[0].scene.objects}
    assert {"bird", "tree", "nest"} <= nouns


def test_a_keyword_of_one_emoji_alone_names_it(glossary: Glossary) -> None:
    # "Kaffee" and "Großvater" are keywords of the hot beverage and the old man alone.
    assert things(glossary, "de", "Mein Großvater trinkt Kaffee.") == {"man": 1, "coffee": 1}
    assert "man" in things(glossary, "it", "Il nonno dorme.")


def test_a_keyword_that_is_a_word_of_a_name_is_no_thing(glossary: Glossary) -> None:
    # "mesa" is of "tenis de mesa" (ping pong), "rossa" of "mela rossa" (the red apple).
    assert things(glossary, "es", "El perro duerme debajo de la mesa.") == {"dog": 1}
    assert "apple" not in things(glossary, "it", "Ha comprato una macchina rossa.")


def test_a_german_compound_is_found_by_its_head(glossary: Glossary) -> None:
    # "Käsestück" (cheese wedge) names cheese by its first part; an unknown compound by
    # its last ("Apfelbaum": Baum, a tree).
    assert things(glossary, "de", "Wir essen Brot und Käse.") == {"bread": 1, "cheese": 1}
    assert things(glossary, "de", "Der Apfelbaum blüht.") == {"tree": 1}
    assert "flower" in things(glossary, "de", "Ich habe Blumen gekauft.")


def test_the_word_after_a_subject_pronoun_is_a_verb(glossary: Glossary) -> None:
    # "elle porte" (she carries) is no door; "la porte" is.
    assert things(glossary, "fr", "Elle porte un parapluie.") == {"umbrella": 1}
    assert "door" in things(glossary, "fr", "Le chat dort devant la porte.")
    assert "door" not in things(glossary, "it", "Lei porta un ombrello.")


def test_the_translation_chooses_between_the_senses_of_a_word(glossary: Glossary) -> None:
    # "livre": the pound by its name, a book by its keyword; "fiori": clubs or flowers.
    french, italian = glossary.language("fr"), glossary.language("it")
    assert french is not None and italian is not None
    assert {t.noun for t in french.senses(["livre"]).all} >= {"pound", "book"}
    book = Translation(("he", "read", "a", "book"), frozenset({"book"}))
    said = find_source_things(french, "Il lit un livre.", book)
    assert [t.thing.noun for t in said] == ["book"]
    flowers = Translation(("i", "bought", "flower"), frozenset({"flower"}))
    said = find_source_things(italian, "Ho comprato dei fiori.", flowers)
    assert [t.thing.noun for t in said] == ["flower"]


def test_a_keyword_thing_the_translation_contradicts_is_dropped(glossary: Glossary) -> None:
    # "jour" (day) is a keyword of the sun alone; where the translation draws a day there,
    # no sun; with no translation, or one that draws nothing there, the sun stays.
    french = glossary.language("fr")
    assert french is not None and french.senses(["jour"]).weak
    text = "Un chat dort tout le jour."
    day = Translation(("a", "cat", "sleep", "all", "day"), frozenset({"cat", "day"}))
    assert "sun" not in {t.thing.noun for t in find_source_things(french, text, day)}
    assert "sun" in {t.thing.noun for t in find_source_things(french, text)}


def test_the_glossary_warms_up_every_installed_language(glossary: Glossary) -> None:
    fresh = Glossary(glossary.folder)
    fresh.warm_up(background=False)
    installed = {p.stem for p in glossary.folder.glob("*.json") if p.name != GLOSSARY_META}
    assert {"en", "es", "de", "fr"} <= installed <= fresh.loaded


def test_the_glossaries_read_are_kept_for_the_next_warm_up(
    glossary: Glossary, tmp_path: Path
) -> None:
    from speech2image.language.glossary_cache import CACHE_FILE

    for name in ("en.json", "es.json", GLOSSARY_META):
        shutil.copy(glossary.folder / name, tmp_path / name)
    Glossary(tmp_path).warm_up(background=False)
    assert (tmp_path / CACHE_FILE).is_file()
    (tmp_path / "es.json").unlink()  # read from the kept file, not the annotations
    kept = Glossary(tmp_path)
    kept.warm_up()
    spanish = kept.language("es")
    assert spanish is not None and spanish.lookup(["perro"]) is not None
    # A changed installation stales the kept file: Spanish is then read again, and gone.
    (tmp_path / GLOSSARY_META).write_text("{}", encoding="utf-8")
    fresh = Glossary(tmp_path)
    fresh.warm_up(background=False)
    assert fresh.language("es") is None and fresh.language("en") is not None


def test_a_guessed_singular_the_translation_contradicts_is_dropped(glossary: Glossary) -> None:
    # "fils" (sons, a son) is the plural of "fil" (thread) by form alone.
    french = glossary.language("fr")
    assert french is not None and french.senses(["fils"]).weak
    assert not french.senses(["chien"]).weak
    son = Translation(("my", "son", "ride", "a", "bike"), frozenset({"son", "bike"}))
    text = "Mon fils fait du vélo."
    assert [t.thing.noun for t in find_source_things(french, text, son)] == ["bicycle"]
    assert [t.thing.noun for t in find_source_things(french, text)] == ["yarn", "bicycle"]
