"""Background noise for ``bench asr --snr``: the level it is mixed at is the level asked."""

from __future__ import annotations

import numpy as np
import pytest

from speech2image.bench.noise import NOISES, active_power, make_noise, mix_at_snr
from speech2image.config import SAMPLE_RATE


def speech_like(seconds: float = 4.0) -> np.ndarray:
    """A tone in bursts with silent gaps, so active and whole-file power differ."""
    t = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    bursts = (np.floor(t * 2) % 2 == 0).astype(np.float32)
    return (0.1 * np.sin(2 * np.pi * 220 * t) * bursts).astype(np.float32)


@pytest.mark.parametrize("kind", NOISES)
@pytest.mark.parametrize("snr_db", [0.0, 15.0])
def test_mixed_at_the_asked_snr(kind: str, snr_db: float) -> None:
    audio = speech_like()
    noise = mix_at_snr(audio, kind, snr_db) - audio
    measured = 10 * np.log10(active_power(audio) / np.mean(noise.astype(np.float64) ** 2))
    assert measured == pytest.approx(snr_db, abs=0.1)


def test_active_power_ignores_pauses() -> None:
    audio = speech_like()
    whole = float(np.mean(audio.astype(np.float64) ** 2))
    assert active_power(audio) == pytest.approx(2 * whole, rel=0.05)
    assert active_power(np.zeros(SAMPLE_RATE, dtype=np.float32)) == 0.0


def test_pink_noise_has_more_power_low_than_high() -> None:
    noise = make_noise("pink", np.zeros(SAMPLE_RATE * 2, dtype=np.float32))
    spectrum = np.abs(np.fft.rfft(noise)) ** 2
    frequencies = np.fft.rfftfreq(len(noise), 1 / SAMPLE_RATE)
    low = spectrum[(frequencies > 100) & (frequencies < 200)].mean()
    high = spectrum[(frequencies > 4000) & (frequencies < 8000)].mean()
    assert low > 10 * high


def test_babble_is_the_recording_reversed_and_shifted() -> None:
    audio = speech_like()
    noise = make_noise("babble", audio)
    assert noise.shape == audio.shape
    assert np.mean(noise.astype(np.float64) ** 2) == pytest.approx(1.0, rel=1e-3)
    assert not np.allclose(noise / np.abs(noise).max(), audio / np.abs(audio).max())


def test_unknown_noise_is_refused() -> None:
    with pytest.raises(ValueError, match="noise='hum'"):
        make_noise("hum", speech_like())


def test_loud_mix_does_not_clip() -> None:
    mixed = mix_at_snr(speech_like() * 9, "brown", 0.0)
    assert np.abs(mixed).max() <= 0.99
