"""Broken audio files of every container ``decode_file`` reads: truncated, bit-flipped,
overwritten and random. Each must decode to sane samples or raise ``AudioDecodeError``;
nothing else may escape, and nothing may hang.

The seed files are encoded here with PyAV (no ffmpeg binary needed): 1.5 s of a rising tone
with a little noise, stereo, at a rate typical of each container.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speech2image.audio.decode import AudioDecodeError, decode_file

# Broken files through the real decoder and the CLI in subprocesses.
pytestmark = pytest.mark.slow

CONTAINERS: dict[str, tuple[str, str, int]] = {
    "wav": ("wav", "pcm_s16le", 16_000),
    "flac": ("flac", "flac", 44_100),
    "ogg": ("ogg", "vorbis", 44_100),
    "mp3": ("mp3", "libmp3lame", 44_100),
    "m4a": ("ipod", "aac", 44_100),
    "webm": ("webm", "libopus", 48_000),
}
"""Extension: (PyAV container format, encoder, sample rate)."""
SEED_S = 1.5
DECODE_LIMIT_S = 30
"""Far beyond any decode here (milliseconds); reaching it means the decoder hung."""
FUZZ = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def encode_seed(path: Path, ext: str) -> None:
    """Write ``SEED_S`` seconds of stereo tone in the container ``ext`` names."""
    import av

    container_format, codec, rate = CONTAINERS[ext]
    t = np.arange(int(SEED_S * rate)) / rate
    tone = 0.3 * np.sin(2 * np.pi * (220 + 200 * t) * t)
    tone += 0.01 * np.random.default_rng(0).standard_normal(t.size)
    stereo = np.stack([tone, 0.8 * tone]).astype(np.float32)
    with av.open(str(path), "w", format=container_format) as out:
        stream = out.add_stream(codec, rate=rate)
        stream.layout = "stereo"
        if codec == "vorbis":
            stream.codec_context.options = {"strict": "-2"}  # FFmpeg's own, "experimental"
        step = stream.codec_context.frame_size or 1024
        for start in range(0, t.size, step):
            chunk = np.ascontiguousarray(stereo[:, start : start + step])
            frame = av.AudioFrame.from_ndarray(chunk, format="fltp", layout="stereo")
            frame.sample_rate, frame.pts, frame.time_base = rate, start, Fraction(1, rate)
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("seeds")
    contents = {}
    for ext in CONTAINERS:
        path = folder / f"seed.{ext}"
        encode_seed(path, ext)
        contents[ext] = path.read_bytes()
    return contents


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("broken")


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """Fail instead of hanging: FFmpeg hands control back to Python after every frame."""

    def hung(signum: int, frame: object) -> None:
        raise TimeoutError(f"decoding did not finish in {seconds} s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def decode_or_refuse(path: Path, data: bytes) -> np.ndarray | None:
    """Decode ``data`` saved as ``path``: sane samples, or ``None`` for a clear refusal."""
    path.write_bytes(data)
    try:
        with time_limit(DECODE_LIMIT_S):
            samples = decode_file(path)
    except AudioDecodeError as e:
        message = str(e)
        assert message.startswith(str(path)) and "Traceback" not in message
        return None
    assert samples.dtype == np.float32 and samples.ndim == 1 and samples.size > 0
    assert np.isfinite(samples).all() and np.abs(samples).max() <= 1.0
    return samples


# -- mutations --------------------------------------------------------------------------------


def truncated(seed: bytes, fraction: float) -> bytes:
    return seed[: int(len(seed) * fraction)]


def bit_flipped(seed: bytes, positions: list[int]) -> bytes:
    data = bytearray(seed)
    for position in positions:
        data[(position // 8) % len(data)] ^= 1 << (position % 8)
    return bytes(data)


def overwritten(seed: bytes, at: int, junk: bytes) -> bytes:
    at %= len(seed)
    return seed[:at] + junk + seed[at + len(junk) :]


Mutation = tuple[str, object]
"""A mutation's kind and its parameters: drawn small, applied in the test, so that a failing
example prints as a few numbers rather than a 300 kB file."""

mutations: st.SearchStrategy[Mutation] = st.one_of(
    st.tuples(st.just("truncate"), st.floats(0.0, 1.0)),
    # Headers are where parsers go wrong: half the flips land in the first 2 kB.
    st.tuples(
        st.just("flip"),
        st.lists(st.integers(0, 8 * 2048) | st.integers(0, 2**24), min_size=1, max_size=40),
    ),
    st.tuples(
        st.just("overwrite"), st.tuples(st.integers(0, 2**20), st.binary(min_size=1, max_size=512))
    ),
)


def mutate(seed: bytes, mutation: Mutation) -> bytes:
    kind, parameters = mutation
    if kind == "truncate":
        return truncated(seed, parameters)  # type: ignore[arg-type]
    if kind == "flip":
        return bit_flipped(seed, parameters)  # type: ignore[arg-type]
    return overwritten(seed, *parameters)  # type: ignore[misc]


# -- the fuzzers ------------------------------------------------------------------------------


@pytest.mark.parametrize("ext", list(CONTAINERS))
def test_the_seeds_decode(seeds: dict[str, bytes], scratch: Path, ext: str) -> None:
    samples = decode_or_refuse(scratch / f"seed.{ext}", seeds[ext])
    assert samples is not None and abs(samples.size / 16_000 - SEED_S) < 0.1


@pytest.mark.parametrize("ext", list(CONTAINERS))
def test_broken_files_decode_or_are_refused(
    seeds: dict[str, bytes], scratch: Path, ext: str
) -> None:
    @FUZZ
    @given(mutation=mutations)
    def check(mutation: Mutation) -> None:
        decode_or_refuse(scratch / f"broken.{ext}", mutate(seeds[ext], mutation))

    check()


@pytest.mark.parametrize("ext", [*CONTAINERS, "bin"])
def test_random_bytes_are_refused(scratch: Path, ext: str) -> None:
    @settings(FUZZ, max_examples=60)
    @given(data=st.binary(min_size=1, max_size=4096))
    def check(data: bytes) -> None:
        decode_or_refuse(scratch / f"random.{ext}", data)

    check()


@pytest.mark.parametrize("fraction", [0.2, 0.5, 0.85])
def test_a_truncated_wav_says_so(seeds: dict[str, bytes], scratch: Path, fraction: float) -> None:
    path = scratch / "cut.wav"
    path.write_bytes(truncated(seeds["wav"], fraction))
    with pytest.raises(AudioDecodeError, match="truncated"):
        decode_file(path)


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("empty.wav", b"", "empty"),
        ("header-only.wav", b"RIFF\x24\x00\x00\x00WAVEfmt ", "not a readable audio file"),
        ("text.mp3", b"<html><script>alert(1)</script></html>", "not a readable audio file"),
        ("zeros.flac", bytes(8192), "not a readable audio file|contains no audio samples"),
    ],
)
def test_named_broken_files_are_refused(scratch: Path, name: str, data: bytes, says: str) -> None:
    path = scratch / name
    path.write_bytes(data)
    with pytest.raises(AudioDecodeError, match=says):
        decode_file(path)


def test_a_wav_chunk_pointing_past_the_end_is_handled(
    seeds: dict[str, bytes], scratch: Path
) -> None:
    """Found by the fuzzer: Python's ``wave`` raised a bare RuntimeError while reading a
    chunk whose size points 16 MB past the end, and it escaped ``decode_file``."""
    data = bytearray(seeds["wav"])
    at = data.index(b"LIST") + 4
    data[at : at + 4] = (0x0100001A).to_bytes(4, "little")
    decode_or_refuse(scratch / "long-chunk.wav", bytes(data))


def test_the_cli_says_one_line_about_a_broken_file(seeds: dict[str, bytes], scratch: Path) -> None:
    """``speech2image transcribe`` on a WAV cut inside its header: exit 2, one line, no
    traceback."""
    path = scratch / "cli.wav"
    path.write_bytes(seeds["wav"][:30])
    result = subprocess.run(
        [sys.executable, "-m", "speech2image", "transcribe", str(path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
