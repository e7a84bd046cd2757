"""Fixtures for the session store: real events from a whole session run with the fakes,
real SQLite files and real picture files in ``tmp_path``."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from speech2image.events import Event, FinalTranscript, ImageReady
from speech2image.scene import Scene
from speech2image.session import Workers
from speech2image.store import SessionStore
from speech2image.testing import (
    ScriptedTranscriber,
    SolidColorEngine,
    WordSceneBuilder,
    run_session,
    sentence_script,
)

STORY = [
    "A red car is parked next to a big tree.",
    "The cat sleeps on the sofa.",
    "Two birds fly over the house.",
    "The dog plays in the green park.",
]


def story_events(sentences: list[str] = STORY, *, size_px: int = 128) -> list[Event]:
    """Every event of a real session over the fakes: partials, finals, pictures; and a draft
    picture before each final (replayed as fast as possible, the session skips its drafts)."""
    workers = Workers(
        make_transcriber=lambda: ScriptedTranscriber(sentence_script(sentences)),
        builder=WordSceneBuilder(),
        engine=SolidColorEngine(size_px=size_px),
    )
    try:
        played = run_session(workers, seconds=2.0 * len(sentences) + 1)
    finally:
        workers.close()
    events: list[Event] = []
    for event in played:
        if isinstance(event, FinalTranscript):
            draft = Scene(text=event.text.split()[0])
            events.append(ImageReady(event.index, False, draft, b"draft", elapsed_ms=1.0))
        events.append(event)
    return events


@pytest.fixture(scope="session")
def events() -> list[Event]:
    return story_events()


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "data")


def record(
    store: SessionStore, events: list[Event], session_id: str = "abc123", *, audio_s: float = 9.0
) -> str:
    """Store ``events`` as session ``session_id``, with ``audio_s`` seconds of a tone."""
    recorder = store.create(session_id=session_id, title="The story", source="story.flac")
    if audio_s:
        t = np.arange(round(audio_s * 16_000)) / 16_000
        recorder.append_audio((0.2 * np.sin(2 * np.pi * 220 * t)).astype(np.float32))
    for event in events:
        recorder(event)
    recorder.close()
    return session_id


@pytest.fixture
def stored(store: SessionStore, events: list[Event]) -> str:
    """The id of a stored four-sentence session with pictures and audio."""
    return record(store, events)
