"""Mentions: the things a parsed sentence names, with count, colour, size and attributes.

Works on a spaCy ``Doc``. A mention is one noun phrase ("three light blue cars", "an old
wooden chair", "a dog called Rex"); the scene builder turns it into as many scene objects
as its count says. Words that name no thing (:mod:`speech2image.language.drawable`) and
place words (:mod:`speech2image.language.places`) are never mentions.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import Any

from speech2image.language.attributes import (
    ATTRIBUTE_WORDS,
    age_noun,
    attributes_of,
    becomes_colour,
    predicate_attributes,
)
from speech2image.language.concepts import MASS_NOUNS
from speech2image.language.distributive import distribute
from speech2image.language.drawable import Drawability, find_drawability
from speech2image.language.lexicon import PAIRS
from speech2image.language.modifiers import modifiers_before, parse_number, predicate_adjectives
from speech2image.language.nouns import (
    EMOJI,
    ONE_SET_COMPOUNDS,
    PAIRED_NOUNS,
    adverb_as_noun,
    compound_heads,
    event_modifier,
    gerunds_after_things,
    is_noun,
    modifier_before_gerund,
    noun_words,
    singular,
    verbs_tagged_nouns,
    young_animal,
)
from speech2image.language.places import place_of as place_of  # re-exported for relations
from speech2image.language.stand_ins import appositive, stand_ins
from speech2image.language.vocabulary import (
    COLOR_ALIASES,
    COLORS,
    MAX_COUNT,
    NOT_OBJECTS,
    NUMBER_WORDS,
    PLURAL_DEFAULT_COUNT,
    SEASONS,
    SIZE_WORDS,
    TIMES,
    WEATHER,
)
from speech2image.language.word_senses import collected, names_whole, sense_reason

logger = logging.getLogger(__name__)

PRONOUNS = frozenset({"it", "they", "them", "he", "she", "him", "her", "itself", "themselves"})
EXPLETIVE_ADJECTIVES = frozenset(
    {"dark", "light", "late", "early", "cold", "hot", "warm", "cool", "sunny", "windy",
     "cloudy", "foggy", "rainy", "snowy", "quiet", "nice", "great", "fun", "lovely",
     "wonderful", "amazing", "awful", "terrible", "hard", "easy", "difficult", "possible",
     "impossible", "important", "true", "clear", "obvious", "okay", "fine", "bad", "good",
     "sad", "strange", "weird", "funny", "interesting", "boring", "busy", "crowded",
     "noisy", "beautiful", "perfect", "enough", "likely", "sure", "worth", "over", "time"}
)  # fmt: skip
"""Adjectives after "it is" that say something of the moment, not of a thing."""


@dataclass(frozen=True, slots=True)
class Mention:
    """One noun phrase that names something to draw."""

    noun: str
    """The words that named it, singular: ``dining table``."""
    head: int
    """Index of the head token in the doc."""
    start: int
    """Index of the first token of the phrase (after any quantity words)."""
    count: int
    color: str | None = None
    size: str | None = None
    plural: bool = False
    definite: bool = False
    pronoun: str | None = None
    """The pronoun, lower case, when the mention is one ("it"); resolved by the context."""
    has_count: bool = False
    """True when the words gave a count (a number, "a few"), not just a plural."""
    material: str | None = None
    pattern: str | None = None
    finish: str | None = None
    age: str | None = None
    name: str | None = None
    """A proper name given to it ("a dog called Rex")."""
    entity: str | None = None
    """The session's id for this thing, given by the context ("e1")."""
    subject: bool = False
    """True when the phrase is the subject of its verb: the likeliest "she" next."""
    verb: str | None = None
    """The lemma of a verb the model took for a noun right after it ("the ship sails")."""
    governor: int = -1
    """Index of the word the phrase depends on (through a preposition): its clause."""
    clause: int = -1
    """Index of the verb whose subject the governor shares ("wanted to fight him", "jumped
    out and spoke to him"): that subject is not a pronoun of the phrase."""
    agent: bool = False
    """True for the subject of an action verb ("it hid") or a recipient ("gave it milk"):
    likelier a creature than a thing."""
    creature: bool = False
    """True when the sentence speaks of it as of a person or an animal ("a narwhal who
    lived", "a seal whose"), whatever the noun: "she" may then be it."""
    bound: bool = False
    """True for a pronoun that may be the subject of its own clause: a possessive standing
    for the owner of a part ("its head was touching"), "the box has a ball in it"."""
    called: str | None = None
    """The pronoun a resolved mention was said by here ("he" of the hedgehog)."""


def is_expletive_it(token: Any) -> bool:
    """ "It" that points at nothing: "it was the age of wisdom", "it is raining"."""
    head = token.head
    weather_verbs = ("rain", "snow", "pour", "drizzle", "storm", "thunder", "seem", "hail",
                     "depend", "matter", "appear", "happen")  # fmt: skip
    if head.lemma_ in weather_verbs:
        return True
    if head.lemma_ == "turn" and any(c.lower_ == "out" for c in head.children):
        return True  # "it turned out the dragon had a cold"
    if any(c.dep_ in ("xcomp", "ccomp") and c.lemma_ in weather_verbs for c in head.children):
        return True
    if head.lemma_ != "be":
        return False
    if any(c.dep_ in ("attr", "xcomp", "ccomp") for c in head.children):
        return True
    # "It was dark", "it's so nice": the weather or the moment; "it was juicy": a thing.
    said = [c for c in head.children if c.dep_ == "acomp"]
    return any(c.lemma_.lower() in EXPLETIVE_ADJECTIVES for c in said)


def _pronoun_mention(token: Any) -> Mention | None:
    """A pronoun that may point at a thing ("it", "she"), with what is said of it."""
    word = token.lower_
    if word == "it" and is_expletive_it(token):
        return None
    color, size = predicate_adjectives(token)
    part = partitive_count(token)
    prep = token.head
    bound = token.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.lemma_ == "have"
    return Mention(noun=word, head=token.i, start=token.i, count=part or 1, color=color,
                   size=size, pronoun=word, has_count=part is not None, bound=bound,
                   **_role(token))  # fmt: skip


def partitive_count(token: Any) -> int | None:
    """The count of "one of them", "two of the dogs": how many of the thing are meant."""
    of = token.head
    number = of.head
    if token.dep_ != "pobj" or of.lower_ != "of" or number.i >= token.i:
        return None
    if number.pos_ != "NUM" and number.lower_ not in NUMBER_WORDS:
        return None
    return NUMBER_WORDS.get(number.lower_) or parse_number(number.lower_)


_PLACE_PARTS = frozenset({"top", "front", "side", "middle", "bottom", "back", "edge"})


def _clause_of(verb: Any) -> Any:
    """The verb whose subject ``verb`` shares: "didn't want to fight him", "jumped out and
    spoke to him" (a pronoun there is not that subject)."""
    while verb.dep_ == "xcomp" or (verb.dep_ == "conj" and verb.pos_ in ("VERB", "AUX")):
        if verb.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            break
        verb = verb.head
    return verb


def _role(token: Any) -> dict[str, Any]:
    """Where the phrase headed by ``token`` stands in its clause."""
    head = token.head
    governor = head.head.i if head.pos_ == "ADP" else head.i
    while token.doc[governor].lower_ in _PLACE_PARTS and token.doc[governor].dep_ == "pobj":
        governor = token.doc[governor].head.head.i  # "on top of it": the verb's clause
    clause = _clause_of(token.doc[governor]).i
    subject = token.dep_ in ("nsubj", "nsubjpass")
    agent = token.dep_ == "nsubj" and head.pos_ == "VERB" and head.lemma_ != "be"
    agent = agent or token.dep_ == "dative"  # "gave it a bowl of milk": a recipient
    creature = any(
        c.dep_ == "relcl" and any(w.lower_ in ("who", "whom", "whose") for w in c.children)
        for c in token.children
    )
    return {"subject": subject, "governor": governor, "agent": agent, "creature": creature,
            "clause": clause}  # fmt: skip


def _never_a_thing(token: Any, lemma: str) -> bool:
    """Words that are never a drawn thing: seasons, times, weather, filler nouns, and a
    colour said of something ("the leaves are turning red and orange")."""
    if lemma in WEATHER and lemma in WEATHER_THINGS and token.dep_ in _ARGUMENTS:
        return False  # "thunder and lightning kept us awake", "struck by lightning"
    if lemma in NOT_OBJECTS or lemma in SEASONS or lemma in WEATHER or lemma in TIMES:
        return True
    if lemma in COLORS and token.dep_ in ("conj", "attr", "acomp", "oprd"):
        return token.head.pos_ in ("ADJ", "AUX", "VERB") or token.head.lower_ in COLORS
    if lemma in COLORS and becomes_colour(token):
        return True  # "the leaves have turned bright orange": a colour, not an orange
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    # "one grey book", "three glass bowls" parsed with the colour or material a noun.
    attribute = lemma in COLORS or token.lower_ in ATTRIBUTE_WORDS
    if attribute and following is not None and following.pos_ in ("NOUN", "PROPN"):
        return True
    return not any(ch.isalpha() for ch in token.lower_)


WEATHER_THINGS = frozenset({"lightning"})
"""Weather words that are also a thing in the sky, drawn when the sentence speaks of it
as a thing (its subject or object), not only of the weather."""
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "conj", "pobj"})


def _noun_mention(doc: Any, token: Any, drawability: Drawability) -> Mention:
    """The mention of the noun phrase headed by ``token``."""
    lemma = singular(token)
    noun, first = noun_words(doc, token, drawability.blocked)
    noun = event_modifier(token) or noun
    said = modifiers_before(doc, first)
    post_color, post_size = predicate_adjectives(token)
    # "a little hedgehog" tagged NNS: a form that is its own singular, with no -s, is one
    # thing, but for the nouns whose plural is the singular ("the sheep were").
    tagged = token.tag_ in ("NNS", "NNPS") and (token.lower_[-1:] == "s" or lemma in _ZERO_PLURALS)
    plural = (tagged or token.lower_ != lemma) and lemma not in MASS_NOUNS
    plural = plural and lemma not in PAIRED_NOUNS and noun not in ONE_SET_COMPOUNDS
    part = partitive_count(token)
    count = part or said.count
    if lemma in PAIRED_NOUNS and first >= 2 and doc[first - 2].lemma_.lower() == "pair":
        number = doc[first - 3].lower_ if first >= 3 else ""  # "two pairs of jeans"
        count = parse_number(number) or 1 if number else 1  # "a pair" is one
    has_count = part is not None or (count is not None and not (count == 1 and plural))
    if count is None or (count == 1 and plural and part is None):
        count = (2 if lemma in PAIRS else PLURAL_DEFAULT_COUNT) if plural else 1
    if count > MAX_COUNT:
        logger.info("capping %d %s at %d", count, noun, MAX_COUNT)
    count = max(1, min(count, MAX_COUNT))
    young = young_animal(token)
    noun, implied_age = (young, "baby") if young else age_noun(noun)
    before = attributes_of(list(said.words), noun)
    after = predicate_attributes(token, noun)
    surface = drawability.surfaces.get(token.i)
    if surface is not None:
        after = replace(after, **{surface[0]: surface[1]})
    if before.age == "baby" and noun in _YOUNG_PEOPLE:
        noun = "baby"  # "a baby girl" is a baby
    return Mention(
        noun=noun,
        head=token.i,
        start=first,
        count=count,
        color=said.color or post_color,
        size=said.size or post_size,
        plural=plural or count > 1,
        definite=said.definite,
        has_count=has_count,
        material=before.material or after.material,
        pattern=before.pattern or after.pattern,
        finish=before.finish or after.finish,
        age=before.age or after.age or implied_age,
        name=drawability.names.get(token.i),
        **_role(token),
    )


_ZERO_PLURALS = frozenset({"sheep", "fish", "deer", "moose", "salmon", "trout", "bison",
                           "squid", "cod", "aircraft", "offspring", "jellyfish"})  # fmt: skip
_YOUNG_PEOPLE = frozenset({"girl", "boy", "child", "kid", "person", "son", "daughter"})


def find_mentions(doc: Any, drawability: Drawability | None = None) -> list[Mention]:
    """Every drawable noun phrase and pronoun of ``doc``, in reading order.

    ``drawability`` (from :func:`~speech2image.language.drawable.find_drawability`, found
    here when not given) says which words name no thing.
    """
    drawability = drawability or find_drawability(doc)
    mentions: list[Mention] = []
    taken: set[int] = set()
    gerunds = gerunds_after_things(doc)  # "an accordion playing": the accordion
    verbs_as_nouns = verbs_tagged_nouns(doc) | gerunds
    compounds = compound_heads(doc, verbs_as_nouns)
    for token in doc:
        if token.pos_ == "PRON" and token.lower_ in PRONOUNS and token.tag_ != "PRP$":
            if _possessive_before_noun(token):
                continue  # "she forgot her brolly" with "brolly" tagged an adverb
            pronoun = _pronoun_mention(token)
            mentions.extend([pronoun] if pronoun else [])
            continue
        emoji = EMOJI.findall(token.text)
        if emoji:
            mentions.extend(Mention(noun=c, head=token.i, start=token.i, count=1) for c in emoji)
            continue
        if token.i in drawability.people:
            name = drawability.people[token.i]
            mentions.append(Mention(noun="person", head=token.i, start=token.i, count=1,
                                    name=name, **_role(token)))  # fmt: skip
            continue
        if token.i in taken or token.i in verbs_as_nouns or token.i + 1 in compounds:
            continue  # the first word of "teddy bear": the next token heads the phrase
        if token.i in drawability.blocked:
            continue
        if not (is_noun(token, compounds) or modifier_before_gerund(token, gerunds)):
            continue
        if _modifies_next(token, drawability) and token.head.i not in verbs_as_nouns:
            continue
        if _never_a_thing(token, singular(token)):
            continue
        mention = _noun_mention(doc, token, drawability)
        if token.i + 1 in verbs_as_nouns:
            mention = replace(mention, verb=doc[token.i + 1].lemma_.lower())
        if token.dep_ == "compound" and token.head.i in drawability.name_tokens:
            # "my dog Rex sleeps": the name heads the phrase the verb is said of.
            mention = replace(mention, head=token.head.i, **_role(token.head))
        if names_whole(token) or collected(token):  # "on the castle roof": on the castle
            mention = replace(mention, head=token.head.i, **_role(token.head))
        if collected(token):  # "a huge doll collection": "a" counts the collection
            mention = replace(mention, count=PLURAL_DEFAULT_COUNT, plural=True, has_count=False)
        taken.update(range(mention.start, mention.head + 1))
        mentions.append(mention)
    return distribute(doc, _with_ones(doc, mentions))  # "each kid had a backpack"


def _modifies_next(token: Any, drawability: Drawability) -> bool:
    """``token`` is the first word of a compound whose next word names the thing; but "a
    tiny fox hiding under a bush" parsed with "fox" a compound of "hiding" is the fox."""
    return (
        token.dep_ == "compound"
        and token.head.i > token.i
        and token.head.pos_ != "VERB"
        and token.head.i not in drawability.name_tokens  # "our dog Biscuit"
        and token.head.i not in drawability.places.tokens  # "the penguin pool"
        and sense_reason(token.head) is None  # "the car roof": the car
        and not collected(token)  # "my shell collection": shells
    )


def _possessive_before_noun(token: Any) -> bool:
    """ "Her" before a noun the model tagged an adverb: the owner, not a second person."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.lower_ == "her" and after is not None and adverb_as_noun(after)


def _with_ones(doc: Any, mentions: list[Mention]) -> list[Mention]:
    """ "Our old car, the red one": "one" is the thing just named, and what is said of
    it (colour, size) belongs to that thing; "a green one", "this one" and "its head"
    are stand-ins for things said before (see ``language.coreference``)."""
    for s in stand_ins(doc, {m.head for m in mentions}):
        later = [k for k, m in enumerate(mentions) if m.start > s.head]
        mentions.insert(later[0] if later else len(mentions),
                        Mention(noun=s.word, head=s.head, start=s.start, count=s.count,
                                color=s.color, size=s.size, plural=s.count > 1,
                                definite=s.definite, pronoun=s.word, has_count=s.has_count,
                                bound=s.bound, **_role(doc[s.head])))  # fmt: skip
    for token in doc:
        if token.lower_ != "one" or token.pos_ not in ("NOUN", "NUM"):
            continue
        words = [c.lower_ for c in token.children if c.dep_ == "amod"]
        color = next((COLOR_ALIASES.get(w, w) for w in words if w in COLORS), None)
        size = next((SIZE_WORDS[w] for w in words if w in SIZE_WORDS), None)
        before = [k for k, m in enumerate(mentions) if 0 < token.i - m.head <= 4]
        described = appositive(token) and before and (color or size)
        if described and mentions[before[-1]].pronoun is None:
            k = before[-1]
            found = mentions[k]
            mentions[k] = replace(found, color=found.color or color, size=found.size or size)
    return mentions
