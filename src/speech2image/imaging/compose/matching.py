"""Open-vocabulary asset matching: from a noun to the clip art that draws it, or to nothing.

Steps for one noun: an emoji character names its own asset; a word that never names a
thing (a weekday, "edge") matches nothing; an age picks the person who shows it (an old
woman); a curated alias, a category word or an abstract idea's symbol names an asset; an
asset whose name is the noun; a role noun (fisherman, dentist) is the nearest person; else
the cosine similarity of the noun's all-MiniLM-L6-v2 embedding to every asset name's
embedding, logos, flags and signs left out. Below :data:`MATCH_THRESHOLD` a compound may
still be drawn as its head word ("kitchen chair" as a chair); otherwise the match is a
fallback and the composer leaves the thing out (:func:`drop_unmatched`), recording it in
the scene as skipped: a picture without junk is better than a gear for "machine".

A concept object (an idea of :data:`speech2image.scene.CONCEPTS`) is drawn with its
:data:`~speech2image.imaging.compose.symbols.CONCEPT_ASSETS` entry, never by embedding.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from speech2image.imaging.compose.aliases import (
    AGE_VARIANTS,
    COMMON_NOUNS,
    GENERIC_PEOPLE,
    MAN_SUFFIXES,
    NEVER_MATCHED,
    PERSON_GROUPS,
    RELATED_ALIASES,
    RELATED_SCORE,
    ROLE_SUFFIXES,
    UNMATCHED_GROUPS,
    UNMATCHED_NAMES,
    alias_for,
)
from speech2image.imaging.compose.assets import AssetEntry, load_index
from speech2image.imaging.compose.embedding import TextEmbedder, embedding_model_path
from speech2image.imaging.compose.embedding import (
    ensure_pack_embeddings as _ensure_pack_embeddings,
)
from speech2image.imaging.compose.extras import EXTRA_NOUNS
from speech2image.imaging.compose.senses import false_friend, in_place, kind_of, same_kind
from speech2image.imaging.compose.symbols import CONCEPT_ASSETS, CONCEPT_SYMBOLS, GENERAL_THINGS
from speech2image.language.kinds import kinds_of
from speech2image.scene import Scene, SceneObject, Skipped

MATCH_THRESHOLD = 0.62
"""Cosine similarity below which a match is a fallback (measured on COCO names: true
matches such as "motorcycle" - "motorcycle" or "couch" - "couch and lamp" score >= 0.65,
near misses such as "toaster" - "bread" below 0.6)."""
CONCEPT_SCORE = 0.8
"""Score recorded for an abstract idea drawn as its symbol (wisdom as an owl)."""
ROLE_THRESHOLD = 0.5
"""Least similarity of an ``-er``/``-ist`` noun to its nearest asset, a person, for it to be
drawn as a person ("musician" - "singer" 0.69, "pedestrian" - "person" 0.65)."""
ROLE_ASSET_THRESHOLD = 0.6
"""Least similarity of a role noun to a person asset for that asset to draw it ("cyclist" -
"person biking" 0.78); below it a plain person is drawn ("mayor" - "police officer" 0.57
would be wrong)."""
HEAD_THRESHOLD = 0.5
"""Least similarity of a compound to the asset of its head word for the compound to be
drawn as its head ("kitchen chair" - "chair" passes, "sea lion" - "lion" should not)."""
MATCH_MARGIN = 0.08
"""Least lead of an embedding match over the nearest asset of another kind. A noun that is
only *about* several things lies about as near to each ("blackboard": skateboard 0.64,
clipboard 0.60; "waterfall": fountain 0.63, flood 0.62; "wardrobe": dress 0.67, woman's
clothes 0.60), while a true match stands out ("garage" - "parking garage" 0.79 against
0.55, "sandcastle" - "castle" 0.64 against 0.47, "web" - "spider web" 0.65 against 0.49)."""
CLEAR_SCORE = 0.8
"""Similarity at which an embedding match needs no margin."""
ROLE_MARGIN = 0.08
"""How far the nearest person may trail the nearest asset for a role noun to be drawn as a
person: a role word near no drawing of its own lies near the people of its world too
("librarian": books 0.59, teacher 0.53; "zookeeper": frog 0.47, guard 0.43; "patient":
patient file 0.58, person 0.51)."""
ROLE_FLOOR = 0.4
"""Least similarity of a role noun to the nearest person for it to be drawn as one. A word
the pack's annotations give a thing as a tag names that thing, never a person ("dinner" is
a tag of "fork and knife with plate")."""

__all__ = [
    "MATCH_THRESHOLD",
    "AssetMatch",
    "AssetMatcher",
    "TextEmbedder",
    "drop_unmatched",
    "embedding_model_path",
    "ensure_pack_embeddings",
]


def ensure_pack_embeddings(
    assets_dir: Path, pack: str, embedder: TextEmbedder | None = None
) -> np.ndarray:
    """The pack's asset-embedding matrix (computed and cached when missing), with the
    common nouns' query embeddings; ``assets install`` calls it."""
    return _ensure_pack_embeddings(assets_dir, pack, embedder or TextEmbedder(), COMMON_NOUNS)


@dataclass(frozen=True, slots=True)
class AssetMatch:
    """The asset chosen for a noun, how well it matched, and whether it is a fallback."""

    entry: AssetEntry
    score: float
    fallback: bool
    embedded: bool = False
    """True when found by embedding similarity, not by name or a curated alias."""

    @property
    def confident(self) -> bool:
        """True when the composer draws it: not a fallback and at least the threshold."""
        return not self.fallback and self.score >= MATCH_THRESHOLD


class AssetMatcher:
    """Matches nouns to one pack's assets (thread-safe; results memoised)."""

    def __init__(
        self,
        assets_dir: Path,
        pack: str,
        embedder: TextEmbedder | None = None,
        usable: Callable[[AssetEntry], bool] | None = None,
    ) -> None:
        self.pack = pack
        self._usable = usable or (lambda entry: True)
        self.entries = load_index(assets_dir, pack)
        self.embedder = embedder or TextEmbedder()
        self._matrix = ensure_pack_embeddings(assets_dir, pack, self.embedder)
        self._queries = self.embedder.query_cache(assets_dir)
        self._queries.load()
        self._by_name: dict[str, list[AssetEntry]] = {}
        for entry in self.entries:
            self._by_name.setdefault(entry.name.lower(), []).append(entry)
        self._by_id = {e.id: e for e in self.entries}
        self._matchable = np.array([_ordinary(e) for e in self.entries])
        self._person = np.array([e.group.startswith(PERSON_GROUPS) for e in self.entries])
        self._thing_tags = frozenset(
            t.lower() for e, p in zip(self.entries, self._person, strict=True) if not p
            for t in e.tags
        )  # fmt: skip
        self._memo: dict[tuple[str, str | None], AssetMatch] = {}
        self._lock = threading.Lock()

    def drawable_nouns(self) -> frozenset[str]:
        """Nouns this pack draws by name: curated aliases, category words, asset names of
        one or two words (logos, flags and signs left out)."""
        names = {e.name.lower() for e in self.entries if len(e.name.split()) <= 2 and _ordinary(e)}
        aliases = {n for n in COMMON_NOUNS if alias_for(self.pack, n) or n in names}
        return frozenset((names | aliases | set(GENERAL_THINGS) | set(EXTRA_NOUNS)) - NEVER_MATCHED)

    def match(self, noun: str, *, age: str | None = None) -> AssetMatch:
        """The asset that draws ``noun`` (see the module docstring for the steps)."""
        key = (noun.strip().lower(), age)
        with self._lock:
            found = self._memo.get(key)
        if found is None:
            found = self._match(*key)
            with self._lock:
                self._memo[key] = found
        return found

    def concept(self, idea: str) -> AssetMatch | None:
        """The symbol that draws ``idea`` (one of the scene's CONCEPTS), or ``None``."""
        name = CONCEPT_ASSETS.get(idea) or CONCEPT_SYMBOLS.get(idea)
        entry = self._named(name) if name else None
        return None if entry is None else AssetMatch(entry, CONCEPT_SCORE, False)

    def _named(self, name: str | None, *, ordinary: bool = False) -> AssetEntry | None:
        """The usable asset called ``name``; ``ordinary`` leaves out logos, flags, signs."""
        for entry in self._by_name.get((name or "").lower(), []):
            if self._usable(entry) and (_ordinary(entry) or not ordinary):
                return entry
        return None

    def _match(self, noun: str, age: str | None, *, use_kinds: bool = True) -> AssetMatch:
        # 1. An emoji names its own asset.
        hexcode = "-".join(f"{ord(c):X}" for c in noun)
        if hexcode in self._by_id:
            return AssetMatch(self._by_id[hexcode], 1.0, False)
        # 2. Words that never name a thing match nothing.
        if noun in NEVER_MATCHED or not noun:
            return AssetMatch(self.entries[0], 0.0, True)
        # 3. An age shows on people: an old woman, a baby.
        aged = self._named(AGE_VARIANTS.get((age or "", noun)))
        if aged is not None:
            return AssetMatch(aged, 1.0, False)
        # 4. The project's own drawing of the thing (a shelf, a pram: :mod:`.extras`), a
        # curated alias, a category word, the noun itself, an abstract idea's symbol.
        extra = self._named(EXTRA_NOUNS.get(noun))
        if extra is not None:
            return AssetMatch(extra, 1.0, False)
        named = self._named(alias_for(self.pack, noun)) or self._named(GENERAL_THINGS.get(noun))
        if named is not None:
            return AssetMatch(named, RELATED_SCORE if noun in RELATED_ALIASES else 1.0, False)
        named = self._named(noun, ordinary=True) or self._plural_named(noun)
        named = named or self._named(alias_for(self.pack, f"{noun}s"))  # "stair": stairs
        if named is not None:
            return AssetMatch(named, 1.0, False)
        symbol = self._named(CONCEPT_SYMBOLS.get(noun))
        if symbol is not None:
            return AssetMatch(symbol, CONCEPT_SCORE, False)
        # 5. The nearest asset by embedding (a role noun: the nearest person).
        scores = self._scores(noun)
        role = self._role(noun, scores)
        if role is not None:
            return role
        best, score = self._best(scores, self._matchable & ~self._person)
        if self._stands_out(noun, best, score, scores):
            return AssetMatch(best, score, False, embedded=True)
        # 6. A compound as its head word, when the compound is close to the head's asset.
        head = self._head(noun, scores, use_kinds=use_kinds)
        if head is not None:
            return head
        # 7. A rare noun as the nearest kind the pack draws (a heron as a bird).
        kind = self._kind(noun) if use_kinds else None
        return kind if kind is not None else AssetMatch(best, score, True)

    def _kind(self, noun: str) -> AssetMatch | None:
        """The first of the noun's WordNet kinds (:func:`kinds_of`) that the pack draws by
        name or curated alias, else the first it matches confidently by embedding; never a
        person, whom a thing's kind never names (the kinds of a person's word are people,
        and role nouns were taken by :meth:`_role`)."""
        found = [self._match(k, None, use_kinds=False) for k in kinds_of(noun)[:_MAX_KINDS]]
        found = [
            m for m in found
            if m.confident and (not m.embedded or m.score >= KIND_SCORE)
            and not m.entry.group.startswith(PERSON_GROUPS)
        ]  # fmt: skip
        named = next((m for m in found if not m.embedded), None)
        return named or next(iter(found), None)

    def _stands_out(self, noun: str, best: AssetEntry, score: float, scores: np.ndarray) -> bool:
        """Whether an embedding match is confident: near enough, no false friend of the
        noun's spelling, and clear of the nearest asset of another kind
        (:data:`MATCH_MARGIN`). People are not among the candidates: a thing's word lies
        near the people who use it ("cockpit" - "pilot" 0.67), and a role noun that names
        a person was taken by :meth:`_role`."""
        if score < MATCH_THRESHOLD or false_friend(noun, best.name.lower()):
            return False
        if self._other_compound(noun, best):
            return False
        if score >= CLEAR_SCORE:
            return True
        kind = kind_of(best.name.lower())
        masked = np.where(self._matchable & ~self._person, scores, -1.0)
        for row in np.argsort(-masked)[:12]:
            other = self.entries[int(row)]
            if other is best or same_kind(kind, other.name.lower()):
                continue
            return score - float(masked[row]) >= MATCH_MARGIN
        return True

    def _other_compound(self, noun: str, entry: AssetEntry) -> bool:
        """True when ``entry`` is another compound of the noun's head word whose first word
        is not the noun's, and the noun's first word is a thing of its own: "monkey bar"
        is no "chocolate bar", "climbing frame" no "picture frame"."""
        words, name = noun.split(), entry.name.lower().split()
        if len(words) != 2 or len(name) < 2 or name[-1] != words[-1] or words[0] in name:
            return False
        return self._named(alias_for(self.pack, words[0]) or words[0], ordinary=True) is not None

    def _plural_named(self, noun: str) -> AssetEntry | None:
        """The asset whose name is the noun's plural ("firework" drawn by "fireworks")."""
        if " " in noun or len(noun) < 3 or not noun.isalpha():
            return None
        forms = [noun + "s", noun + "es"]
        if noun.endswith("y") and noun[-2] not in "aeiou":
            forms.append(noun[:-1] + "ies")
        return next(filter(None, (self._named(f, ordinary=True) for f in forms)), None)

    def _scores(self, noun: str) -> np.ndarray:
        return np.asarray(self._matrix @ self._queries.get([noun])[0])

    def _best(self, scores: np.ndarray, allowed: np.ndarray) -> tuple[AssetEntry, float]:
        """The best usable asset among ``allowed`` rows (some drawings of the optional packs
        cannot be rendered: the next best is taken)."""
        masked = np.where(allowed, scores, -1.0)
        ranked = np.argsort(-masked)[:8]
        best = next((int(k) for k in ranked if self._usable(self.entries[int(k)])), int(ranked[0]))
        return self.entries[best], float(max(0.0, min(1.0, masked[best])))

    def _role(self, noun: str, scores: np.ndarray) -> AssetMatch | None:
        """A role noun as a person: "postman" always; "musician" when its nearest asset is a
        person. The nearest person asset draws it when close, else a plain person."""
        if len(noun) < 5 or " " in noun or noun.endswith(_NOT_ROLE_ENDINGS):
            return None
        ending = next((e for e in MAN_SUFFIXES if noun.endswith(e)), None)
        person, person_score = self._best(scores, self._person & self._matchable)
        if ending is None:
            if not noun.endswith(ROLE_SUFFIXES):
                return None
            overall, overall_score = self._best(scores, self._matchable)
            nearest = overall.group.startswith(PERSON_GROUPS) and overall_score >= ROLE_THRESHOLD
            near = person_score >= max(ROLE_FLOOR, overall_score - ROLE_MARGIN)
            near = near and noun not in self._thing_tags  # "dinner" tags a plate, "diaper" a pin
            if not (nearest or near or self._player_of(noun)):
                return None
        if person_score >= ROLE_ASSET_THRESHOLD:
            return AssetMatch(person, max(person_score, MATCH_THRESHOLD), False)
        generic = self._named(GENERIC_PEOPLE[ending or ""])
        return None if generic is None else AssetMatch(generic, MATCH_THRESHOLD, False)

    def _player_of(self, noun: str) -> bool:
        """True for a role noun made of a thing's name and "-ist" ("harpist", "cellist"):
        the one who plays it is a person, whose nearest drawing is the thing itself
        ("harpist" - "harp" 0.87). Not "-er", which also makes things of things ("a
        batter" of eggs, a "locker")."""
        stem = noun.removesuffix("ist")
        if stem == noun or len(stem) < 3:
            return False
        entry = self._named(stem, ordinary=True) or self._named(f"{stem}o", ordinary=True)
        return entry is not None and not entry.group.startswith(PERSON_GROUPS)

    def _head(self, noun: str, scores: np.ndarray, *, use_kinds: bool) -> AssetMatch | None:
        """A compound ("kitchen chair") drawn as its head word's asset; a compound whose head
        is a person ("tennis player") always, since the head says what it is. A kind's head
        (``use_kinds`` off) is matched without kinds of its own."""
        words = noun.split()
        if len(words) < 2:
            return None
        head = self.match(words[-1]) if use_kinds else self._match(words[-1], None, use_kinds=False)
        row = next((k for k, e in enumerate(self.entries) if e is head.entry), None)
        if not head.confident or row is None or self._other_compound(noun, head.entry):
            return None
        if scores[row] < HEAD_THRESHOLD and not head.entry.group.startswith(PERSON_GROUPS):
            return None  # a person is a person whatever the job: "tennis player", "bus driver"
        return AssetMatch(head.entry, head.score, False)


KIND_SCORE = 0.7
"""Least similarity of a kind's embedding match for it to draw the rare noun: "gastropod" -
"snail" 0.86 and "rodent" - "rat" 0.77 draw a slug and a capybara, while "taste" - "tongue"
0.63 (a crumb's kind) would be junk."""
_MAX_KINDS = 6
"""Kinds of a rare noun tried, nearest first (each costs one embedding pass, once)."""
_NOT_ROLE_ENDINGS = ("ment", "ness", "ance", "ence", "ion")
"""Endings of nouns of things and ideas that the role endings (-ant, -ent, -ian) would
take for people: "pavement", "silence", "fashion"."""


def drop_unmatched(
    scene: Scene, matches: Sequence[AssetMatch], *, has_previous: bool
) -> tuple[Scene, list[AssetMatch]]:
    """The scene without the objects that have no confident match, and their matches.

    A match found by similarity (not by name or a curated alias, which score 1) to a
    place's own sense of a word ("slide" as "playground slide") is no match away from that
    place: the slides of a meeting are no playground's (:func:`in_place`).
    Each dropped noun phrase is recorded once in ``scene.skipped`` as "no confident match";
    relations that name a dropped object are dropped too. When nothing is left to draw the
    depiction becomes ``"previous"`` (a previous picture is kept) or ``"empty"``.
    """
    keep = [
        m.confident and (m.score >= 1.0 or in_place(o.noun, m.entry.name, scene))
        for o, m in zip(scene.objects, matches, strict=True)
    ]
    if all(keep):
        return scene, list(matches)
    kept = [(o, m) for o, m, k in zip(scene.objects, matches, keep, strict=True) if k]
    ids = {o.id for o, _ in kept}
    skipped = list(scene.skipped)
    for obj, k in zip(scene.objects, keep, strict=True):
        entry = Skipped(_phrase(obj), "no confident match")
        if not k and entry not in skipped:
            skipped.append(entry)
    depiction = scene.depiction
    if not kept and scene.objects:
        depiction = "previous" if has_previous else "empty"
    trimmed = replace(
        scene,
        objects=tuple(o for o, _ in kept),
        relations=tuple(r for r in scene.relations if r.subject in ids and r.object in ids),
        skipped=tuple(skipped),
        depiction=depiction,
    )
    return trimmed, [m for _, m in kept]


def _ordinary(entry: AssetEntry) -> bool:
    """True for an asset an ordinary noun may match: not a logo, flag, sign or real person."""
    return (
        not entry.group.startswith(UNMATCHED_GROUPS) and entry.name.lower() not in UNMATCHED_NAMES
    )


def _phrase(obj: SceneObject) -> str:
    """The words of a skipped object as the scene JSON records them ("old fisherman")."""
    return " ".join(w for w in (obj.age, obj.noun) if w)
