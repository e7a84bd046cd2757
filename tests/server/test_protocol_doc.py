"""docs/protocol.md against the code: every event on the wire, every field, every error code.

The server, ``listen --json`` and the docs share one wire format, ``Event.to_wire``; these
tests fail when an event, a field or an error code is added, renamed or dropped on one side
only.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from speech2image import events
from speech2image.events import ErrorCode, Event
from speech2image.scene import Scene

PROTOCOL = Path(__file__).parents[2] / "docs" / "protocol.md"
SOURCE = Path(events.__file__).parent


def _samples() -> dict[type[Event], list[Event]]:
    """Each event class with every optional field set (and, where it differs, unset)."""
    scene = Scene(text="a red ball")
    return {
        events.SessionStarted: [events.SessionStarted("abc", sentences=2)],
        events.PartialTranscript: [events.PartialTranscript("a red", 1.25, language="en")],
        events.FinalTranscript: [
            events.FinalTranscript(0, "una pelota", 0.5, 1.5, language="es", english="a ball"),
            events.FinalTranscript(1, "a ball", 2.0, 3.0),
        ],
        events.ImageReady: [
            events.ImageReady(
                0, True, scene, b"\x89PNG-bytes", url="/api/sessions/abc/images/0.png"
            )
        ],
        events.StageFailed: [events.StageFailed("image", "could not draw", 3)],
        events.SessionEnded: [events.SessionEnded("abc", 2)],
    }


def _event_classes() -> set[type[Event]]:
    found: set[type[Event]] = set()
    pending = list(Event.__subclasses__())
    while pending:
        cls = pending.pop()
        found.add(cls)
        pending.extend(cls.__subclasses__())
    # dataclass(slots=True) makes a new class; the one it replaced is still a subclass.
    return {cls for cls in found if getattr(sys.modules[cls.__module__], cls.__name__) is cls}


def _section(title: str) -> str:
    text = PROTOCOL.read_text(encoding="utf-8")
    start = text.index(f"## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end > 0 else None]


def _documented_messages() -> dict[str, set[str]]:
    """Wire type to the top-level fields of its example in the "Server → client" table."""
    documented: dict[str, set[str]] = {}
    for line in _section("Server → client").splitlines():
        example = re.match(r"\| `(\{.*?\})` \|", line)
        if example is None:
            continue
        # Drop nested objects ("scene": {...}) so only top-level keys are read.
        flat = re.sub(r"\{[^{}]*\}", "{}", example.group(1)[1:-1])
        kind = re.search(r'"type": "(\w+)"', flat)
        assert kind is not None, line
        documented.setdefault(kind.group(1), set()).update(re.findall(r'"(\w+)":', flat))
    return documented


def test_every_event_class_has_a_sample() -> None:
    assert _event_classes() == set(_samples())


def test_every_event_on_the_wire_is_documented_with_its_fields() -> None:
    documented = _documented_messages()
    wired: dict[str, set[str]] = {}
    for cls, samples in _samples().items():
        for sample in samples:
            wire = sample.to_wire()
            assert next(iter(wire)) == "type" and wire["type"] == cls.type
            wired.setdefault(cls.type, set()).update(wire)
    assert set(wired) == set(documented)
    for kind, fields in wired.items():
        assert fields == documented[kind], kind


def test_an_image_on_the_wire_carries_no_picture_bytes() -> None:
    (image,) = _samples()[events.ImageReady]
    assert "png" not in image.to_wire() and "PNG-bytes" not in repr(image.to_wire())


@pytest.mark.parametrize(("stage", "code"), [("asr", "asr_failed"), ("image", "image_failed")])
def test_a_stage_failure_carries_its_stage_code(stage: str, code: str) -> None:
    assert events.StageFailed(stage, "it broke").to_wire()["code"] == code


def test_every_error_code_is_documented_and_every_documented_code_exists() -> None:
    errors = _section("Limits and errors")
    documented = set()
    for line in errors.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and cells[0] not in ("what", "---"):
            documented.update(re.findall(r"^`([a-z_]+)`$", cells[-2 if len(cells) == 4 else 1]))
    assert documented == {code.value for code in ErrorCode}


def test_every_error_code_is_sent_somewhere() -> None:
    """No dead codes: each one is named in the code that sends errors."""
    sources = "\n".join(
        path.read_text(encoding="utf-8")
        for path in [SOURCE / "events.py", SOURCE / "session.py", *(SOURCE / "server").glob("*.py")]
    )
    for code in ErrorCode:
        assert f"ErrorCode.{code.name}" in sources, code


def test_the_page_acts_on_codes_not_on_message_text() -> None:
    page = (SOURCE / "server" / "static" / "app.js").read_text(encoding="utf-8")
    for code in re.findall(r'= "([a-z_]+)";', page):
        if "_" in code:
            assert code in {c.value for c in ErrorCode}, code
    assert "onError(message)" in page
    assert not re.search(r"\.test\((text|message)", page)
