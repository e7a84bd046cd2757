"""What the form of a word tells, language by language: its singular, whether it may be a
noun, where a noun phrase names its thing, whether nouns compound.

Plain rules, not a stemmer's or a tagger's: the glossary (:mod:`speech2image.language.
glossary`) needs only to find a word for a thing among its forms, and never to make a verb
of a noun (Spanish "bebe", drinks, stays apart from "bebé", baby).
"""

from __future__ import annotations

PLURAL_ENDINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "es": (("ces", "z"), ("es", ""), ("s", "")),
    "ca": (("ns", "n"), ("es", "a"), ("os", ""), ("s", "")),
    "pt": (("ões", "ão"), ("ães", "ão"), ("ãos", "ão"), ("ns", "m"), ("is", "l"), ("es", ""),
           ("s", "")),
    "fr": (("eaux", "eau"), ("aux", "al"), ("x", ""), ("s", "")),
    "it": (("chi", "co"), ("ghi", "go"), ("che", "ca"), ("i", "o"), ("i", "e"), ("e", "a")),
    "de": (("en", ""), ("er", ""), ("n", ""), ("e", ""), ("s", "")),
    "nl": (("en", ""), ("s", "")),
}  # fmt: skip
"""Plural endings and what the singular ends in instead, per language; other languages drop
a final ``s`` (a plain rule, unlike a stemmer's, that never makes a verb of a noun: Spanish
"bebe", drinks, stays apart from "bebé", baby)."""
_UMLAUTS = str.maketrans("äöü", "aou")
HEAD_FIRST = frozenset({"es", "pt", "fr", "it", "ca", "ro", "gl", "oc", "la", "ht"})
"""Languages whose noun phrases name the thing first ("árbol de hoja caduca", a tree;
"tenis de mesa" is no table); in the others it comes last ("Regenschirm", "Sakeflasche")."""
COMPOUNDING = frozenset({"de", "nl", "sv", "da", "no", "nn", "is", "fi", "et"})
"""Languages that write a noun compound as one word, its head last ("Apfelbaum", a tree)."""
MIN_COMPOUND_HEAD = 4
"""The shortest head of a compound looked up alone ("Apfel|baum"; not "Bahn|hof")."""
INFINITIVE_ENDINGS: dict[str, tuple[str, ...]] = {
    "es": ("ar", "er", "ir"), "pt": ("ar", "er", "ir"), "ca": ("ar", "er", "ir"),
    "gl": ("ar", "er", "ir"), "fr": ("er", "ir", "re"), "it": ("are", "ere", "ire"),
    "ro": ("a", "ea", "i"), "nl": ("en",),
}  # fmt: skip
"""Verb endings: a keyword so ending ("cocinar", to cook) is no noun by its form (German
nouns are known by their capital instead)."""


def singulars(language: str, word: str) -> list[str]:
    """``word`` and the singulars it may be the plural of, in ``language`` ("Äpfel": äpfel,
    apfel; "fleurs": fleurs, fleur)."""
    forms = [word]
    for ending, instead in PLURAL_ENDINGS.get(language, (("s", ""),)):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            forms.append(word[: len(word) - len(ending)] + instead)
    if language == "de":  # "Bäume": Baum, "Äpfel": Apfel
        forms += [f.translate(_UMLAUTS) for f in forms]
    return list(dict.fromkeys(forms))
