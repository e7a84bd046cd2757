"""A process that records sessions into a data folder, for the crash and concurrency tests.

    python session_writer.py DATA_DIR PREFIX SESSIONS SENTENCES [PAUSE_S]

Records SESSIONS sessions named PREFIX0, PREFIX1, … of SENTENCES sentences each, through the
real recorder, printing ``committed SESSION INDEX`` after each sentence's picture is stored.
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

import numpy as np
from PIL import Image

from speech2image.events import FinalTranscript, ImageReady, SessionEnded
from speech2image.scene import Scene
from speech2image.store import SessionStore


def picture(index: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), (index * 37 % 256, 90, 160)).save(buffer, format="PNG")
    return buffer.getvalue()


def main(data_dir: str, prefix: str, sessions: int, sentences: int, pause_s: float) -> None:
    store = SessionStore(Path(data_dir))
    for n in range(sessions):
        session_id = f"{prefix}{n}"
        recorder = store.create(session_id=session_id, title=f"{prefix} story {n}")
        for i in range(sentences):
            recorder.append_audio(np.full(16_000, 0.1, dtype=np.float32))
            text = f"Sentence {i} of {session_id}."
            recorder(FinalTranscript(i, text, float(i), i + 0.8))
            recorder(ImageReady(i, True, Scene(text=text), picture(i)))
            if recorder.failure is not None:
                raise SystemExit(f"recording failed: {recorder.failure}")
            print(f"committed {session_id} {i}", flush=True)
            time.sleep(pause_s)
        recorder(SessionEnded(session_id, sentences))


if __name__ == "__main__":
    pause_s = float(sys.argv[5]) if len(sys.argv) > 5 else 0.0
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), pause_s)
