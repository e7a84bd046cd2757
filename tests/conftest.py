"""Shared fixtures: the committed recordings, audio encoders and the real models, loaded once."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest

DATA = Path(__file__).parent / "data"


@contextmanager
def tmpfs(folder: Path, size: str) -> Iterator[Path]:
    """A tmpfs of ``size`` (``mount`` syntax, e.g. ``4m``) at ``folder``/mnt, unmounted
    afterwards: a disk that fills up. Skips the test where mounting is not allowed."""
    mount = folder / "mnt"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.fixture(scope="session", autouse=True)
def private_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Sessions that tests store (and the subprocesses they start) go to a temporary data
    folder, never the user's. Installed clip-art packs are found as usual."""
    folder = tmp_path_factory.mktemp("s2i-data")
    previous = os.environ.get("S2I_DATA_DIR")
    os.environ["S2I_DATA_DIR"] = str(folder)
    yield folder
    if previous is None:
        del os.environ["S2I_DATA_DIR"]
    else:
        os.environ["S2I_DATA_DIR"] = previous


@pytest.fixture(scope="session")
def three_sentences() -> Path:
    """espeak-ng reading: "A red car is parked next to a big tree. The cat sleeps on the
    sofa. Two birds fly over the house." (9.2 s, made by scripts/make-audio.sh)."""
    return DATA / "three_sentences.flac"


@pytest.fixture(scope="session")
def one_sentence() -> Path:
    """espeak-ng reading: "The brown dog plays in the green park." (3.4 s)."""
    return DATA / "one_sentence.flac"


def encode_audio(
    samples: np.ndarray, path: Path, *, sample_rate: int = 16_000, channels: int = 1
) -> Path:
    """Encode float32 mono ``samples`` (at 16 kHz) to ``path``'s container with PyAV,
    resampled to ``sample_rate`` with ``channels`` channels."""
    import av

    codec = {
        ".wav": "pcm_s16le",
        ".flac": "flac",
        ".ogg": "libopus",
        ".mp3": "libmp3lame",
        ".m4a": "aac",
        ".webm": "libopus",
    }[path.suffix]
    layout = "mono" if channels == 1 else "stereo"
    with av.open(str(path), "w") as container:
        stream = container.add_stream(codec, rate=sample_rate, layout=layout)
        pcm = (np.clip(samples, -1, 1) * 32767).astype(np.int16)[None, :]
        frame = av.AudioFrame.from_ndarray(pcm, format="s16", layout="mono")
        frame.sample_rate = 16_000
        frame.time_base = Fraction(1, 16_000)
        frame.pts = 0
        resampler = av.AudioResampler(
            format=stream.codec_context.format.name,
            layout=layout,
            rate=sample_rate,
            frame_size=stream.codec_context.frame_size or None,
        )
        for out in [*resampler.resample(frame), *resampler.resample(None)]:
            for packet in stream.encode(out):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return path


@pytest.fixture(scope="session")
def whisper():
    """The real Whisper tiny.en recognizer, loaded once for the whole run."""
    from speech2image.asr.whisper import WhisperRecognizer

    return WhisperRecognizer()


@pytest.fixture
def builder():
    """The real spaCy scene builder, loaded once per run (tests/faithfulness/fixtures.py)."""
    from tests.faithfulness.fixtures import shared_builder

    return shared_builder()


@pytest.fixture
def composer():
    """The real clip-art composer over the installed OpenMoji pack, loaded once per run."""
    from tests.faithfulness.fixtures import shared_composer

    return shared_composer()
