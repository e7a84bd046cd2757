"""The MP4 export: H.264 with pan-and-zoom, crossfades and captions, and the session's audio
in AAC (PyAV, whose wheel bundles FFmpeg with libx264 and AAC)."""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from speech2image.config import SAMPLE_RATE
from speech2image.store.audio import read_pcm
from speech2image.store.export.renderer import ShotRenderer
from speech2image.store.export.timeline import Shot

logger = logging.getLogger(__name__)

Progress = Callable[[float], None]
T = TypeVar("T")


@dataclass(frozen=True, kw_only=True)
class VideoOptions:
    """How an MP4 export is drawn and encoded."""

    width_px: int = 1280
    height_px: int = 720
    fps: int = 25
    crossfade_s: float = 0.5
    """Each cut is a crossfade this long, centred on the cut."""
    preset: str = "ultrafast"
    """x264 speed preset. Encoding is most of an export's time: at 720p here "ultrafast"
    takes 3 ms a frame, "superfast" 5 and "veryfast" 9, and the 15 s budget for a
    30-sentence (about 2,250-frame) export leaves room for "ultrafast" only."""
    x264_params: str = "cabac=1:deblock=1:bframes=2"
    """Put back the parts of x264's defaults that "ultrafast" drops and that matter most
    here, for 5 % more time: CABAC and B-frames halve the file (about 0.7 Mbit/s), the
    deblocking filter keeps the blurred backgrounds free of blocks."""
    crf: int = 23
    """x264 constant quality, 0 (lossless) to 51; 23 is x264's default."""
    audio_bitrate: int = 64_000
    """AAC bit rate of the muxed speech, in bit/s."""


def write_mp4(
    shots: list[Shot],
    out: Path,
    *,
    audio: Path | None = None,
    options: VideoOptions | None = None,
    attribution: str = "",
    progress: Progress | None = None,
) -> Path:
    """Encode the timeline (and the raw PCM ``audio``, when given) as an MP4 at ``out``;
    the clip art's ``attribution`` goes in the file's ``comment`` and ``copyright`` tags."""
    import av  # the video stack loads only for video exports

    options = options or VideoOptions()
    renderer = ShotRenderer(
        shots, width=options.width_px, height=options.height_px, crossfade_s=options.crossfade_s
    )
    total_frames = max(1, round(shots[-1].end_s * options.fps))
    with av.open(str(out), "w", format="mp4", options={"movflags": "+faststart"}) as container:
        if attribution:
            container.metadata["comment"] = attribution
            container.metadata["copyright"] = attribution
        video = container.add_stream("libx264", rate=options.fps)
        video.width, video.height = options.width_px, options.height_px
        video.pix_fmt = "yuv420p"
        video.options = {
            "preset": options.preset,
            "crf": str(options.crf),
            "x264-params": options.x264_params,
        }
        sound = None
        if audio is not None:
            sound = container.add_stream("aac", rate=48_000, layout="mono")
            sound.bit_rate = options.audio_bitrate
        # 1. Audio first (small): the muxer interleaves it with the video as that arrives.
        if sound is not None and audio is not None:
            for packet in _encode_audio(sound, audio, shots[-1].end_s):
                container.mux(packet)

        # 2. Frames, drawn on a second thread while this one encodes (both release the GIL).
        def draw(n: int) -> av.VideoFrame:
            frame = av.VideoFrame.from_ndarray(renderer.frame(n / options.fps), format="yuv420p")
            frame.pts = n
            frame.time_base = Fraction(1, options.fps)
            return frame

        step = max(1, total_frames // 100)
        for n, frame in enumerate(prefetch(draw, total_frames)):
            container.mux(video.encode(frame))
            if progress is not None and n % step == 0:
                progress(n / total_frames)
        container.mux(video.encode(None))
    if progress is not None:
        progress(1.0)
    return out


def prefetch(make: Callable[[int], T], count: int, *, depth: int = 6) -> Iterator[T]:
    """``make(0)``, ``make(1)``, … ``make(count - 1)``, computed ``depth`` ahead on a worker
    thread; an error in ``make`` is raised here, and stopping early stops the worker."""
    results: queue.Queue[Any] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def work() -> None:
        try:
            for n in range(count):
                if stop.is_set():
                    return
                results.put(make(n))
            results.put(_END)
        except BaseException as e:  # handed over to the consumer, which re-raises it
            results.put(e)

    worker = threading.Thread(target=work, name="s2i-export-frames", daemon=True)
    worker.start()
    try:
        while (item := results.get()) is not _END:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        while worker.is_alive():  # unblock a worker waiting on a full queue
            with contextlib.suppress(queue.Empty):
                results.get_nowait()
            worker.join(timeout=0.01)


_END = object()


def _encode_audio(stream: Any, pcm: Path, duration_s: float) -> Iterator[Any]:
    import av

    samples = read_pcm(pcm)[: round(duration_s * SAMPLE_RATE)]
    if samples.size == 0:
        return
    frame = av.AudioFrame.from_ndarray(
        np.ascontiguousarray(samples[None, :]), format="s16", layout="mono"
    )
    frame.sample_rate = SAMPLE_RATE
    frame.pts = 0
    frame.time_base = Fraction(1, SAMPLE_RATE)
    codec = stream.codec_context
    resampler = av.AudioResampler(
        format=codec.format.name, layout="mono", rate=codec.sample_rate, frame_size=codec.frame_size
    )
    for resampled in [*resampler.resample(frame), *resampler.resample(None)]:
        yield from stream.encode(resampled)
    yield from stream.encode(None)
