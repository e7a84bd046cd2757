"""The local microphone as an audio source (PortAudio, through sounddevice)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import numpy as np

from speech2image.audio.resample import StreamResampler


class MicrophoneError(RuntimeError):
    """No usable input device, or PortAudio is missing; the message says what to do."""


def _sounddevice() -> Any:
    try:
        import sounddevice
    except ImportError as e:
        raise MicrophoneError(
            "recording needs the sounddevice package: pip install sounddevice"
        ) from e
    except OSError as e:  # sounddevice raises OSError when libportaudio is absent
        raise MicrophoneError(
            "recording needs the PortAudio library: sudo apt-get install libportaudio2"
        ) from e
    return sounddevice


def input_devices() -> list[dict[str, Any]]:
    """The input devices PortAudio sees (index, name, default sample rate)."""
    sd = _sounddevice()
    return [
        {"index": i, "name": d["name"], "sample_rate": int(d["default_samplerate"])}
        for i, d in enumerate(sd.query_devices())
        if d["max_input_channels"] > 0
    ]


class MicrophoneSource:
    """Chunks of ``chunk_ms`` from an input device, resampled to 16 kHz mono."""

    def __init__(self, *, device: int | str | None = None, chunk_ms: int = 100) -> None:
        sd = _sounddevice()
        try:
            info = sd.query_devices(device, kind="input")
        except (ValueError, sd.PortAudioError) as e:
            raise MicrophoneError(
                "no microphone found"
                + (f" matching {device!r}" if device is not None else "")
                + ": plug one in, or list devices with `speech2image listen --devices`"
            ) from e
        self._sd = sd
        self.device = device
        self.name = str(info["name"])
        self.sample_rate = int(info["default_samplerate"])
        self.block = max(1, self.sample_rate * chunk_ms // 1000)

    async def chunks(self) -> AsyncIterator[np.ndarray]:
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue[np.ndarray] = asyncio.Queue(maxsize=200)
        resampler = StreamResampler(self.sample_rate)

        def on_audio(data: np.ndarray, frames: int, time: Any, status: Any) -> None:
            # PortAudio's thread: hand a copy to the event loop, never block here.
            loop.call_soon_threadsafe(_offer, queue, data[:, 0].copy())

        try:
            stream = self._sd.InputStream(
                device=self.device,
                channels=1,
                samplerate=self.sample_rate,
                dtype="int16",
                blocksize=self.block,
                callback=on_audio,
            )
        except self._sd.PortAudioError as e:
            raise MicrophoneError(f"cannot open the microphone {self.name!r}: {e}") from e
        with stream:
            while True:
                yield resampler.process(await queue.get())


def _offer(queue: asyncio.Queue[np.ndarray], chunk: np.ndarray) -> None:
    if queue.full():
        queue.get_nowait()  # the consumer stalled: drop the oldest audio, keep the newest
    queue.put_nowait(chunk)
