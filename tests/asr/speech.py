"""Short espeak-ng recordings made by the tests themselves (espeak-ng and sox, Debian)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from speech2image.audio.decode import decode_file


def speak(
    folder: Path, name: str, ssml: str, *, voice: str = "en-us", speed: int = 150
) -> np.ndarray:
    """``ssml`` (``<break time="…"/>`` for pauses) read by espeak-ng, 16 kHz mono float32."""
    if shutil.which("espeak-ng") is None or shutil.which("sox") is None:
        pytest.skip("needs espeak-ng and sox")
    wav, flac = folder / f"{name}.wav", folder / f"{name}.flac"
    subprocess.run(
        [
            "espeak-ng",
            "-m",
            "-v",
            voice,
            "-s",
            str(speed),
            "-w",
            str(wav),
            f"<speak>{ssml}</speak>",
        ],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [
            "sox",
            "-q",
            str(wav),
            "-r",
            "16000",
            "-c",
            "1",
            "-b",
            "16",
            str(flac),
            "pad",
            "0.3",
            "0.3",
        ],
        check=True,
        capture_output=True,
    )
    return decode_file(flac)
