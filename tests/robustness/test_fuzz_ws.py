"""Hostile clients of ``/ws``, over a real loopback socket to the real app.

Every hostile connection must end in an ``error`` message and a close with a protocol code
(never 1011, never a hang, never a traceback in the server's log), and a well-behaved
session opened beside them must keep working. The stages are the fakes of
:mod:`speech2image.testing` (the model is irrelevant to the protocol); the session store is
real, so hostile text reaches SQLite and the files too.
"""

from __future__ import annotations

import json
import logging
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

from speech2image.server.options import ServerOptions
from speech2image.server.state import Loaded
from speech2image.session import Workers
from speech2image.store import SessionStore
from speech2image.testing import (
    ScriptedTranscriber,
    SolidColorEngine,
    WordSceneBuilder,
    sentence_script,
)
from tests.server.conftest import running_server

# Hypothesis fuzzing against a real server: tens of seconds.
pytestmark = pytest.mark.slow

CHOICES = {"style": ("flat", "sketch"), "pack": ("openmoji",), "asr": ("local",)}
LIMITS = ServerOptions(
    max_sessions=32, resume_grace_s=1.0, max_frame_bytes=64 * 1024, max_text_chars=500
)
"""Small limits, so the fuzzer reaches them with small examples."""
PROTOCOL_CLOSES = (1008, 1009, 1013)
"""Close codes that mean "you broke the protocol or a limit"; 1011 would be a server bug."""
RECEIVE_TIMEOUT_S = 20.0
"""Far beyond any answer here; reaching it means the server hung on the input."""
FUZZ = settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


class ErrorLog(logging.Handler):
    """Collects every ERROR the server logs: an unhandled exception shows up here."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if not record.name.startswith("websockets.client"):  # the test's own side
            self.records.append(record)

    def messages(self) -> list[str]:
        return [self.format(r) for r in self.records]


def fake_load(data_dir: Path):
    """Fake stages that finish a sentence every 0.5 s of audio, and a real store."""

    def load() -> Loaded:
        workers = Workers(
            # Called with the session's "asr" choice when the client names one.
            make_transcriber=lambda asr=None: ScriptedTranscriber(
                sentence_script(["A red car waits.", "The cat sleeps."], seconds_each=0.5)
            ),
            builder=WordSceneBuilder(),
            engine=SolidColorEngine(),
        )
        return Loaded(workers, SessionStore(data_dir), CHOICES)

    return load


@dataclass
class Served:
    """A running server and the errors it logged."""

    url: str
    errors: ErrorLog = field(default_factory=ErrorLog)

    @property
    def ws_url(self) -> str:
        return self.url.replace("http://", "ws://") + "/ws"


@contextmanager
def fuzz_server(
    data_dir: Path, options: ServerOptions = LIMITS, *, load: Callable[[], Any] | None = None
) -> Iterator[Served]:
    """A real server on a loopback port whose ERROR logs are collected; ``load`` defaults
    to the fake stages and a real store in ``data_dir``."""
    errors = ErrorLog()
    loggers = [logging.getLogger(), logging.getLogger("uvicorn")]  # uvicorn's don't propagate
    for logger in loggers:
        logger.addHandler(errors)
    try:
        with running_server(options, load=load or fake_load(data_dir)) as url:
            yield Served(url, errors)
    finally:
        for logger in loggers:
            logger.removeHandler(errors)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    with fuzz_server(tmp_path_factory.mktemp("fuzz-ws")) as server:
        yield server


@pytest.fixture(autouse=True)
def no_server_errors(request: pytest.FixtureRequest) -> Iterator[None]:
    """Each test ends with nothing logged at ERROR by the server (no unhandled exception)."""
    if "served" not in request.fixturenames:
        yield
        return
    served: Served = request.getfixturevalue("served")
    served.errors.records.clear()
    yield
    assert served.errors.messages() == []


# -- talking to the server ------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """Everything the server said on one connection, and how it closed it."""

    messages: list[dict[str, Any]]
    close_code: int | None
    close_reason: str

    def kinds(self) -> list[str]:
        return [m["type"] for m in self.messages]

    def finals(self) -> list[str]:
        return [m["text"] for m in self.messages if m["type"] == "final"]


def open_ws(served: Served, path: str = "/ws") -> ClientConnection:
    return connect(
        served.ws_url.removesuffix("/ws") + path,
        compression=None,
        proxy=None,
        max_size=None,
        open_timeout=10,
        close_timeout=5,
    )


def drain(ws: ClientConnection) -> list[dict[str, Any]]:
    """Every message until the server closes; a silence past the timeout fails (a hang)."""
    messages = []
    while True:
        try:
            raw = ws.recv(timeout=RECEIVE_TIMEOUT_S)
        except ConnectionClosed:
            return messages
        except TimeoutError:
            pytest.fail(f"the server hung: no message or close in {RECEIVE_TIMEOUT_S} s")
        messages.append(json.loads(raw))


def send_all(ws: ClientConnection, frames: list[str | bytes]) -> None:
    """Send frames until the server has closed (it may close after any of them)."""
    for frame in frames:
        try:
            ws.send(frame)
        except ConnectionClosed:
            return


def converse(served: Served, frames: list[str | bytes], *, stop: bool = True) -> Outcome:
    """Send ``frames`` (then ``stop`` if the session got that far) and read to the close."""
    with open_ws(served) as ws:
        send_all(ws, frames)
        if stop:
            send_all(ws, [json.dumps({"type": "stop"})])
        messages = drain(ws)
        return Outcome(messages, ws.close_code, ws.close_reason or "")


def assert_refused(outcome: Outcome, says: str = "") -> None:
    """One ``error`` message, last, naming the problem; then a protocol close."""
    assert outcome.kinds()[-1:] == ["error"], outcome.messages
    message = outcome.messages[-1]["message"]
    assert isinstance(message, str) and message and says in message
    assert "Traceback" not in message
    assert outcome.close_code in PROTOCOL_CLOSES, (outcome.close_code, outcome.close_reason)
    assert len(outcome.close_reason.encode()) <= 123  # the most a close frame can carry


def assert_finished(outcome: Outcome) -> None:
    assert outcome.kinds()[0] == "session" and outcome.kinds()[-1] == "done", outcome.messages
    assert "error" not in outcome.kinds()
    assert outcome.close_code == 1000


SILENCE_600MS = np.zeros(9600, dtype="<i2").tobytes()
START = json.dumps({"type": "start"})
STOP = json.dumps({"type": "stop"})


@contextmanager
def bystander(served: Served) -> Iterator[None]:
    """A well-behaved session open while the hostile ones run; it must finish normally."""
    with open_ws(served) as ws:
        ws.send(START)
        assert json.loads(ws.recv(timeout=RECEIVE_TIMEOUT_S))["type"] == "session"
        yield
        send_all(ws, [SILENCE_600MS, STOP])
        messages = drain(ws)
        assert messages[-1]["type"] == "done" and ws.close_code == 1000
        assert "A red car waits." in [m["text"] for m in messages if m["type"] == "final"]


# -- what the server should say (a model of docs/protocol.md) --------------------------------


def is_valid_text(text: object) -> bool:
    return (
        isinstance(text, str)
        and any(unicodedata.category(c)[0] not in "CZ" for c in text)  # something visible
        and len(text) <= LIMITS.max_text_chars
        and not any(0xD800 <= ord(c) <= 0xDFFF for c in text)
    )


def parse(frame: str | bytes) -> dict[str, Any] | None:
    """The message as the server reads it, or ``None`` when it must be refused as such."""
    if isinstance(frame, bytes):
        return None
    try:
        value = json.loads(frame)
    except (ValueError, RecursionError):
        return None
    return value if isinstance(value, dict) and isinstance(value.get("type"), str) else None


def is_valid_start(frame: str | bytes) -> bool:
    request = parse(frame)
    if request is None or request["type"] != "start" or request.get("session") is not None:
        return False
    rate = request.get("sample_rate", 16_000)
    if isinstance(rate, bool) or not isinstance(rate, int) or not 8000 <= rate <= 96000:
        return False
    return all(request.get(k) in (None, "", *CHOICES[k]) for k in CHOICES)


def expected_session(frames: list[str | bytes]) -> tuple[bool, list[str]]:
    """Whether frames sent after a good ``start`` (and a final ``stop``) end in ``done``,
    and the typed sentences that become finals on the way (as finals: stripped)."""
    typed: list[str] = []
    for frame in frames:
        if isinstance(frame, bytes):
            if len(frame) % 2:
                return False, typed
            continue
        request = parse(frame)
        if request is None:
            return False, typed
        if request["type"] == "stop":
            return True, typed
        if request["type"] != "text" or not is_valid_text(request.get("text")):
            return False, typed
        typed.append(request["text"].strip())  # a typed sentence is stripped
    return True, typed


# -- strategies ------------------------------------------------------------------------------

HOSTILE_TEXTS = (
    "\x00",
    "a\x00b",
    "\x1b[31mred\x1b[0m",
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "مرحبا بالعالم",
    "\u202eevil\u202c.png",
    "👩‍👩‍👧‍👦🐈‍⬛🏳️‍🌈",
    "?!.,;:…",
    "\ud800",
    "a\udfffb",
    " \t\n ",
    "x" * (LIMITS.max_text_chars + 1),
    "'; DROP TABLE sessions; --",
    "../../etc/passwd",
)
scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
sample_rates = (
    st.sampled_from([-1, 0, 1, 1e12, "abc", "16000", 16000.0, True, 7999, 8000, 96000, 96001])
    | st.integers()
    | json_values
)
texts = st.sampled_from(HOSTILE_TEXTS) | st.text(max_size=80) | json_values


def choice_values(name: str) -> st.SearchStrategy[Any]:
    return st.sampled_from((None, "", *CHOICES[name])) | json_values


starts = st.fixed_dictionaries(
    {"type": st.just("start")},
    optional={
        "sample_rate": sample_rates,
        "style": choice_values("style"),
        "pack": choice_values("pack"),
        "asr": choice_values("asr"),
        "session": st.none() | st.text("0123456789abcdef", min_size=12, max_size=12) | json_values,
    },
)
requests = st.one_of(
    starts,
    st.fixed_dictionaries({"type": st.just("text")}, optional={"text": texts}),
    st.fixed_dictionaries({"type": st.sampled_from(["stop", "dance", "", "START", "text "])}),
    st.dictionaries(st.text(max_size=8), json_values, max_size=3),
    json_values,
)
text_frames = st.one_of(
    requests.map(json.dumps),  # escapes non-ASCII, so lone surrogates travel as \\ud800
    st.text(max_size=200),
    st.sampled_from(["", "{", "null", "[]", '{"type": 1}', "[" * 5000, '{"type": "start"']),
)
frames = text_frames | st.binary(max_size=3200)


# -- the fuzzers -----------------------------------------------------------------------------


@FUZZ
@given(frame=frames)
def test_any_opening_message_starts_a_session_or_is_refused(served: Served, frame) -> None:
    with bystander(served):
        outcome = converse(served, [frame])
    if is_valid_start(frame):
        assert_finished(outcome)
    else:
        assert_refused(outcome)


@FUZZ
@given(sent=st.lists(frames, min_size=1, max_size=5))
def test_any_messages_after_start_finish_or_are_refused(served: Served, sent) -> None:
    with bystander(served):
        outcome = converse(served, [START, *sent])
    finishes, typed = expected_session(sent)
    assert outcome.kinds()[0] == "session"
    if finishes:
        assert_finished(outcome)
        # Typed sentences come back verbatim, in order, each with a picture one can fetch.
        assert [t for t in outcome.finals() if t in typed] == typed
        finals = [m for m in outcome.messages if m["type"] == "image" and m["final"]]
        assert len(finals) == len(outcome.finals())
    else:
        assert_refused(outcome)


# -- the cases named in the issue, one by one -------------------------------------------------


@pytest.mark.parametrize(
    ("rate", "says"),
    [(-1, "between"), (0, "between"), (1e12, "integer"), ("abc", "integer"), (None, "integer")],
)
def test_absurd_sample_rates_are_refused(served: Served, rate: object, says: str) -> None:
    outcome = converse(served, [json.dumps({"type": "start", "sample_rate": rate})])
    assert_refused(outcome, says)


@pytest.mark.parametrize(
    ("frames", "says"),
    [
        ([b"\x01\x02"], 'audio before "start"'),
        ([json.dumps({"type": "text", "text": "hi"})], 'first message must be "start"'),
        ([START, b"\0\0\0"], "whole 16-bit samples"),
        ([START, json.dumps({"type": "dance"})], "unknown message type"),
        ([START, json.dumps({"type": "🐈" * 200})], "unknown message type"),
        ([START, json.dumps({"type": "text", "text": 5})], "non-empty string"),
        ([START, json.dumps({"type": "text", "text": "\x00\x07\u200b"})], "control characters"),
        ([START, json.dumps({"type": "text", "text": "a\ud800"})], "Unicode"),
        ([START, "[" * 50_000], "malformed JSON"),
        ([START, json.dumps({"a": {"b": [1] * 10}})], '"type"'),
        ([START, b"\0" * (LIMITS.max_frame_bytes + 2)], "byte limit"),
        # Counted in bytes, not characters: 20,000 emoji are 80,000 bytes.
        (
            [START, json.dumps({"type": "text", "text": "🐈" * 20_000}, ensure_ascii=False)],
            "byte limit",
        ),
    ],
)
def test_named_hostile_inputs_are_refused(served: Served, frames, says: str) -> None:
    with bystander(served):
        outcome = converse(served, frames)
    assert_refused(outcome, says)


def test_a_frame_over_the_transport_limit_closes_with_1009(served: Served) -> None:
    """Past uvicorn's own limit (16 MiB here) the frame never reaches the app: uvicorn
    closes with 1009, and drops the socket while the client is still writing, so the client
    may see only the drop (1006). Either way the server goes on serving."""
    with bystander(served), open_ws(served) as ws:
        ws.send(START)
        ws.recv(timeout=RECEIVE_TIMEOUT_S)
        send_all(ws, [b"\0" * (17 << 20)])
        drain(ws)
        assert ws.close_code in (1009, 1006)


def broken_transcriber(asr: str | None = None) -> ScriptedTranscriber:
    raise RuntimeError("the transcriber cannot start")


def test_a_session_that_fails_ends_its_connection_at_once(tmp_path: Path) -> None:
    """Found by the fuzzer (its fake once refused the "asr" argument): a session that
    failed never sent "done", and its connection waited two minutes after "stop"."""

    def load() -> Loaded:
        workers = Workers(
            make_transcriber=broken_transcriber,
            builder=WordSceneBuilder(),
            engine=SolidColorEngine(),
        )
        return Loaded(workers, choices=CHOICES)

    with fuzz_server(tmp_path, load=load) as server:
        outcome = converse(server, [START])
        assert outcome.kinds()[0] == "session" and outcome.kinds()[-1] == "error"
        assert outcome.close_code == 1011
        # The failure is logged with its traceback, once, and nothing else is.
        assert [r.getMessage() for r in server.errors.records] == [
            f"session {outcome.messages[0]['id']} failed"
        ]
