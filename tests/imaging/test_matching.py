"""Asset matching: confident matches only, curated names that exist, ideas as symbols, ages
and roles as people, false friends refused, and unmatched things left out of the picture."""

from __future__ import annotations

import functools
import json

import pytest

from speech2image.config import default_assets_dir
from speech2image.imaging.compose.aliases import (
    AGE_VARIANTS,
    ALIASES,
    GENERIC_PEOPLE,
    PERSON_GROUPS,
    RELATED_ALIASES,
    alias_for,
)
from speech2image.imaging.compose.assets import is_installed, load_index
from speech2image.imaging.compose.matching import (
    MATCH_THRESHOLD,
    AssetMatch,
    AssetMatcher,
    drop_unmatched,
)
from speech2image.imaging.compose.symbols import CONCEPT_ASSETS, CONCEPT_SYMBOLS, GENERAL_THINGS
from speech2image.scene import CONCEPTS, Relation, Scene, SceneObject, Skipped


@functools.cache
def openmoji_names() -> frozenset[str]:
    """Every asset name of the installed OpenMoji pack and of the project's own drawings."""
    if not is_installed(default_assets_dir(), "openmoji"):
        pytest.skip("OpenMoji is not installed (speech2image assets install)")
    return frozenset(e.name.lower() for e in load_index(default_assets_dir(), "openmoji"))


@functools.cache
def shared_matcher() -> AssetMatcher:
    openmoji_names()
    return AssetMatcher(default_assets_dir(), "openmoji")


@pytest.fixture
def matcher() -> AssetMatcher:
    return shared_matcher()


# -- the tables name assets that exist ------------------------------------------------------


def test_every_concept_has_a_symbol_that_exists() -> None:
    names = openmoji_names()
    assert set(CONCEPT_ASSETS) == set(CONCEPTS)
    assert {k: v for k, v in CONCEPT_ASSETS.items() if v.lower() not in names} == {}
    assert CONCEPT_ASSETS["growth"] == "chart increasing"
    assert CONCEPT_ASSETS["agreement"] == "handshake"
    assert CONCEPT_ASSETS["question"] == "thinking face"
    assert "calendar" in CONCEPT_ASSETS["date"]


def test_every_curated_name_exists() -> None:
    names = openmoji_names()
    for table in (ALIASES["openmoji"], CONCEPT_SYMBOLS, GENERAL_THINGS, AGE_VARIANTS):
        assert {k: v for k, v in table.items() if v.lower() not in names} == {}
    assert {v for v in GENERIC_PEOPLE.values() if v not in names} == set()
    assert set(ALIASES["openmoji"]) >= RELATED_ALIASES


def test_a_pack_without_aliases_uses_openmojis() -> None:
    assert alias_for("tuxpaint", "grandfather") == "old man"
    assert alias_for("openmoji", "fisherman") == "person rowing boat"
    assert alias_for("openmoji", "xylograph") is None


# -- matching --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("noun", "asset"),
    [
        ("grandfather", "old man"), ("grandma", "old woman"), ("car", "automobile"),
        ("dentist", "health worker"), ("baker", "cook"), ("sofa", "couch"),
        ("fisherman", "person rowing boat"), ("bus stop", "bus stop"), ("wizard", "mage"),
        ("fruit", "red apple"), ("puppy", "dog"), ("🐸", "frog"),
    ],
)  # fmt: skip
def test_curated_and_exact_names(matcher: AssetMatcher, noun: str, asset: str) -> None:
    match = matcher.match(noun)
    assert match.entry.name.lower() == asset
    assert match.confident


def test_age_picks_the_person_who_shows_it(matcher: AssetMatcher) -> None:
    assert matcher.match("woman", age="old").entry.name == "old woman"
    assert matcher.match("man", age="old").entry.name == "old man"
    assert matcher.match("woman").entry.name == "woman"
    # A baby animal stays the animal (the layout draws it smaller).
    assert matcher.match("elephant", age="baby").entry.name == "elephant"


@pytest.mark.parametrize("noun", ["edge", "friday", "monday", "thing", "way"])
def test_false_friends_match_nothing(matcher: AssetMatcher, noun: str) -> None:
    assert not matcher.match(noun).confident


def test_logos_flags_and_real_people_are_never_matched_to_ordinary_nouns(
    matcher: AssetMatcher,
) -> None:
    for noun in ("edge", "bush", "chrome", "firefox", "president"):
        entry = matcher.match(noun).entry
        assert not entry.group.startswith(("extras-openmoji/brand", "flags")), noun
        assert entry.name.lower() != "trump", noun


def test_concepts_are_drawn_as_their_symbol(matcher: AssetMatcher) -> None:
    growth = matcher.concept("growth")
    assert growth is not None and growth.entry.name == "chart increasing" and growth.confident
    date = matcher.concept("date")
    assert date is not None and "calendar" in date.entry.name
    assert matcher.concept("not an idea") is None


def test_drawable_nouns_are_what_the_pack_draws_by_name(matcher: AssetMatcher) -> None:
    nouns = matcher.drawable_nouns()
    assert {"grandfather", "dog", "teddy bear", "fruit", "bus stop", "dentist"} <= nouns
    assert not {"edge", "friday", "trump", "machine"} & nouns


@pytest.mark.slow
@pytest.mark.parametrize(
    ("noun", "person"),
    [("postman", True), ("musician", True), ("cyclist", True), ("river", False),
     ("dinner", False), ("computer", False)],
)  # fmt: skip
def test_role_nouns_become_people_and_only_they(
    matcher: AssetMatcher, noun: str, person: bool
) -> None:
    matcher.embedder.load()
    match = matcher.match(noun)
    is_person = match.confident and match.entry.group.startswith("people-body/person")
    assert is_person == person, (noun, match.entry.name, match.score)


@pytest.mark.slow
def test_unrelated_nouns_have_no_confident_match(matcher: AssetMatcher) -> None:
    matcher.embedder.load()
    for noun in ("spreadsheet", "corner", "calculator", "error"):
        match = matcher.match(noun)
        assert not match.confident, (noun, match.entry.name, match.score)
        assert match.score < MATCH_THRESHOLD or match.fallback


# -- leaving out what has no confident match -------------------------------------------------


def _scene(*nouns: str, relations: tuple[Relation, ...] = ()) -> Scene:
    objects = tuple(SceneObject(id=f"o{k}", noun=n, group=k) for k, n in enumerate(nouns))
    return Scene(text=" and ".join(nouns), objects=objects, relations=relations)


def _match(matcher: AssetMatcher, score: float, fallback: bool = False) -> AssetMatch:
    return AssetMatch(matcher.entries[0], score, fallback)


def test_unconfident_objects_are_dropped_with_their_relations(matcher: AssetMatcher) -> None:
    scene = _scene("dog", "gizmo", "gizmo", relations=(Relation("o0", "near", "o1"),))
    matches = [_match(matcher, 1.0), _match(matcher, 0.4, True), _match(matcher, 0.4, True)]
    trimmed, kept = drop_unmatched(scene, matches, has_previous=False)
    assert [o.noun for o in trimmed.objects] == ["dog"]
    assert kept == matches[:1]
    assert trimmed.relations == ()
    assert trimmed.skipped == (Skipped("gizmo", "no confident match"),)
    assert trimmed.depiction == "objects"


def test_a_fallback_is_dropped_whatever_its_score(matcher: AssetMatcher) -> None:
    trimmed, _ = drop_unmatched(_scene("gizmo"), [_match(matcher, 0.9, True)], has_previous=True)
    assert trimmed.objects == ()
    assert trimmed.depiction == "previous"
    trimmed, _ = drop_unmatched(_scene("gizmo"), [_match(matcher, 0.5)], has_previous=False)
    assert trimmed.depiction == "empty"


def test_a_confident_scene_is_unchanged(matcher: AssetMatcher) -> None:
    scene = _scene("dog", "cat", relations=(Relation("o0", "near", "o1"),))
    matches = [_match(matcher, 1.0), _match(matcher, MATCH_THRESHOLD)]
    assert drop_unmatched(scene, matches, has_previous=False) == (scene, matches)


def test_skipped_phrases_reach_the_scene_json(matcher: AssetMatcher) -> None:
    scene = Scene(text="an old gizmo", objects=(SceneObject(id="o0", noun="gizmo", age="old"),))
    trimmed, _ = drop_unmatched(scene, [_match(matcher, 0.3, True)], has_previous=False)
    data = json.loads(json.dumps(trimmed.to_json()))
    assert data["skipped"] == [{"words": "old gizmo", "reason": "no confident match"}]
    assert data["objects"] == [] and data["depiction"] == "empty"


@pytest.mark.slow
@pytest.mark.parametrize(
    "noun", ["lap", "page", "hammock", "club", "gold", "pram", "kitchen shelf"]
)  # fmt: skip
def test_spelling_false_friends_are_refused(matcher: AssetMatcher, noun: str) -> None:
    """MiniLM's word pieces put "lap" near "laptop" and "hammock" near "hamster": never
    drawn by such a neighbour, only by a drawing of the thing itself, once the pack has
    one (the project's own drawings add a hammock, a pram, a shelf)."""
    matcher.embedder.load()
    match = matcher.match(noun)
    own = match.entry.name.lower() == noun.split()[-1]
    assert not match.confident or own, (noun, match.entry.name, match.score)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("noun", "asset"),
    [("gecko", "lizard"), ("toad", "frog"), ("skyscraper", "office building"),
     ("apple pie", "pie"), ("front door", "door"), ("rocking chair", "chair")],
)  # fmt: skip
def test_near_meanings_are_still_matched(matcher: AssetMatcher, noun: str, asset: str) -> None:
    matcher.embedder.load()
    match = matcher.match(noun)
    assert match.confident and match.entry.name == asset, (noun, match.entry.name)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("noun", "asset"), [("firework", "fireworks"), ("glove", "gloves"), ("sock", "socks")]
)  # fmt: skip
def test_an_asset_named_in_the_plural_draws_the_singular(
    matcher: AssetMatcher, noun: str, asset: str
) -> None:
    matcher.embedder.load()
    match = matcher.match(noun)
    assert match.confident and match.entry.name == asset, (noun, match.entry.name)


@pytest.mark.slow
@pytest.mark.parametrize("noun", ["tennis player", "bus driver", "football player"])
def test_a_compound_whose_head_is_a_person_is_a_person(matcher: AssetMatcher, noun: str) -> None:
    """Not the tennis racket nor the bus: the head word says what the thing is."""
    matcher.embedder.load()
    match = matcher.match(noun)
    assert match.confident and match.entry.group.startswith(PERSON_GROUPS), match.entry.name


@pytest.mark.slow
@pytest.mark.parametrize("noun", ["pavement", "basement"])
def test_a_noun_of_a_thing_is_no_role_noun(matcher: AssetMatcher, noun: str) -> None:
    """ "-ent" ends "student" and "resident", but "pavement" is no person."""
    matcher.embedder.load()
    match = matcher.match(noun)
    assert not (match.confident and match.entry.group.startswith(PERSON_GROUPS)), match.entry.name


@pytest.mark.parametrize(
    ("noun", "asset"),
    [("labrador", "dog"), ("oak", "deciduous tree"), ("pine", "evergreen tree"),
     ("daffodil", "blossom"), ("salmon", "fish"), ("shed", "hut")],
)  # fmt: skip
def test_a_kind_is_drawn_as_its_general_thing(matcher: AssetMatcher, noun: str, asset: str) -> None:
    match = matcher.match(noun)
    assert match.confident and match.entry.name == asset, (noun, match.entry.name)


# -- British words and plural names --------------------------------------------------------


@pytest.mark.parametrize(
    ("noun", "asset"),
    [
        ("telly", "television"),
        ("chips", "french fries"),
        ("brolly", "umbrella"),
        ("mate", "person standing"),
    ],
)
def test_british_words_draw_the_thing(matcher: AssetMatcher, noun: str, asset: str) -> None:
    found = matcher.match(noun)
    assert found.confident and found.entry.name.lower() == asset


def test_a_singular_draws_the_asset_of_its_curated_plural(matcher: AssetMatcher) -> None:
    assert "stairs" in ALIASES["openmoji"] and "stair" not in ALIASES["openmoji"]
    assert matcher.match("stair").entry is matcher.match("stairs").entry
    assert matcher.match("stair").confident


@pytest.mark.parametrize("noun", ["harpist", "cellist"])
def test_one_who_plays_a_thing_is_a_person(matcher: AssetMatcher, noun: str) -> None:
    found = matcher.match(noun)
    assert found.confident and found.entry.group.startswith(PERSON_GROUPS), found.entry.name


def test_a_thing_named_like_a_role_is_no_person(matcher: AssetMatcher) -> None:
    assert not matcher.match("batter").entry.group.startswith(PERSON_GROUPS)


@pytest.mark.parametrize(
    ("noun", "asset"), [("duckling", "baby chick"), ("fawn", "deer"), ("umpire", "person standing")]
)
def test_the_young_of_animals_and_sports_roles(
    matcher: AssetMatcher, noun: str, asset: str
) -> None:
    found = matcher.match(noun)
    assert found.confident and found.entry.name.lower() == asset
