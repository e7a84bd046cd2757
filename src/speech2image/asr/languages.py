"""The languages Whisper's multilingual models know, by the codes ``--language`` takes."""

from __future__ import annotations

WHISPER_LANGUAGES = (
    *("af", "am", "ar", "as", "az", "ba", "be", "bg", "bn", "bo", "br", "bs", "ca", "cs"),
    *("cy", "da", "de", "el", "en", "es", "et", "eu", "fa", "fi", "fo", "fr", "gl", "gu"),
    *("ha", "haw", "he", "hi", "hr", "ht", "hu", "hy", "id", "is", "it", "ja", "jw", "ka"),
    *("kk", "km", "kn", "ko", "la", "lb", "ln", "lo", "lt", "lv", "mg", "mi", "mk", "ml"),
    *("mn", "mr", "ms", "mt", "my", "ne", "nl", "nn", "no", "oc", "pa", "pl", "ps", "pt"),
    *("ro", "ru", "sa", "sd", "si", "sk", "sl", "sn", "so", "sq", "sr", "su", "sv", "sw"),
    *("ta", "te", "tg", "th", "tk", "tl", "tr", "tt", "uk", "ur", "uz", "vi", "yi", "yo"),
    "zh",
)
"""The 99 language codes of Whisper tiny to large-v2 (openai/whisper, tokenizer.py)."""

AUTO = "auto"
"""``--language auto``: Whisper detects the language of each final pass."""


def check_language(language: str, *, multilingual: bool) -> None:
    """Raise ``ValueError`` naming the field when ``language`` is unknown, or is not
    English for an English-only model."""
    if language != AUTO and language not in WHISPER_LANGUAGES:
        raise ValueError(
            f"language={language!r} is not a language Whisper knows; use auto or one of "
            f"Whisper's codes such as en, es, de, fr, it, pt, nl, ja, zh"
        )
    if not multilingual and language != "en":
        raise ValueError(
            f"language={language!r} needs a multilingual model: tiny.en knows English only; "
            "use --asr-model base (S2I_ASR_MODEL=base)"
        )
