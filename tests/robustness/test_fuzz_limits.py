"""The server's limits: each one reached over a real socket, each one configurable from
``speech2image serve`` flags and ``S2I_*`` variables, and every bad value refused with one
line naming the flag, the variable and the range."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from speech2image.server.limits import RateWindow
from speech2image.server.options import LIMIT_RANGES, ServerOptions, server_options_from_env
from tests.robustness.test_fuzz_ws import (
    RECEIVE_TIMEOUT_S,
    START,
    STOP,
    Served,
    assert_refused,
    converse,
    drain,
    fuzz_server,
    open_ws,
    send_all,
)

# Limits fuzzed against a real server and `serve` in subprocesses.
pytestmark = pytest.mark.slow

# -- the limits ------------------------------------------------------------------------------

TIGHT = ServerOptions(
    max_sessions=2, max_texts_per_min=3, max_messages_per_s=2.0, idle_timeout_s=1.0
)


@pytest.fixture(scope="module")
def tight(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    with fuzz_server(tmp_path_factory.mktemp("tight"), TIGHT) as server:
        yield server


def text(words: str) -> str:
    return json.dumps({"type": "text", "text": words})


def test_typed_sentences_past_the_rate_are_refused(tight: Served) -> None:
    outcome = converse(tight, [START, *(text(f"A cat number {k}.") for k in range(4))])
    assert outcome.finals()[:3] == [f"A cat number {k}." for k in range(3)]
    assert_refused(outcome, "limited to 3 a minute")


def test_a_flood_of_tiny_frames_is_refused(tight: Served) -> None:
    """20 messages pass (2 a second over 10 s); the flood of empty frames after them does not."""
    outcome = converse(tight, [START, *([b""] * 40)])
    assert_refused(outcome, "more than 2 messages a second")


@pytest.mark.parametrize("opening", [[], [START]])
def test_a_silent_connection_is_closed(tight: Served, opening: list[str]) -> None:
    outcome = converse(tight, opening, stop=False)
    assert_refused(outcome, "nothing received for 1 s")


def test_sessions_past_the_limit_are_told_to_come_back(tmp_path: Path) -> None:
    """On a server of its own: sessions the other tests ended may still be finishing."""
    with fuzz_server(tmp_path, TIGHT) as tight, open_ws(tight) as first, open_ws(tight) as second:
        for ws in (first, second):
            ws.send(START)
            assert json.loads(ws.recv(timeout=RECEIVE_TIMEOUT_S))["type"] == "session"
        outcome = converse(tight, [START], stop=False)
        assert_refused(outcome, "the server is busy")
        assert outcome.close_code == 1013
        send_all(first, [STOP])
        assert drain(first)[-1]["type"] == "done"


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    gaps_s=st.lists(st.floats(0.0, 3.0), max_size=100),
    count=st.integers(1, 8),
    window_s=st.floats(0.5, 10.0),
)
def test_rate_window_allows_exactly_count_in_any_window(
    gaps_s: list[float], count: int, window_s: float
) -> None:
    now = [0.0]
    window = RateWindow(count=count, window_s=window_s, clock=lambda: now[0])
    allowed: list[float] = []
    for gap in gaps_s:
        now[0] += gap
        recent = [t for t in allowed if now[0] - t < window_s]
        assert window.allow() == (len(recent) < count)
        if len(recent) < count:
            allowed.append(now[0])


@pytest.fixture(autouse=True)
def no_server_errors(request: pytest.FixtureRequest) -> Iterator[None]:
    """Reaching a limit is the client's doing: the server logs nothing at ERROR for it."""
    if "tight" not in request.fixturenames:
        yield
        return
    tight: Served = request.getfixturevalue("tight")
    tight.errors.records.clear()
    yield
    assert tight.errors.messages() == []


# -- configuration ---------------------------------------------------------------------------

LIMIT_NAMES = [name for name, _, _ in LIMIT_RANGES]


def flag_of(name: str) -> str:
    return "--" + name.replace("_", "-")


@pytest.mark.parametrize("name", LIMIT_NAMES)
def test_each_limit_reads_its_variable_and_its_flag_wins(
    monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    low, high = next((lo, hi) for n, lo, hi in LIMIT_RANGES if n == name)
    kind = type(getattr(ServerOptions(), name))
    from_env, from_flag = kind(high), kind(max(low, 1))
    monkeypatch.setenv(f"S2I_{name.upper()}", str(from_env))
    assert getattr(server_options_from_env(), name) == from_env
    assert getattr(server_options_from_env(**{name: from_flag}), name) == from_flag
    monkeypatch.setenv(f"S2I_{name.upper()}", "lots")
    with pytest.raises(ValueError, match=f"S2I_{name.upper()}='lots'"):
        server_options_from_env()


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    name=st.sampled_from(LIMIT_NAMES),
    value=st.one_of(
        st.integers(-(10**12), 10**12),
        st.floats(allow_nan=True, allow_infinity=True),
        st.booleans(),
        st.text(max_size=5),
        st.none(),
    ),
)
def test_any_value_of_a_limit_is_taken_or_refused_by_name(name: str, value: object) -> None:
    low, high = next((lo, hi) for n, lo, hi in LIMIT_RANGES if n == name)
    try:
        options = ServerOptions(**{name: value})
    except ValueError as e:
        assert flag_of(name) in str(e) and f"S2I_{name.upper()}" in str(e)
        return
    accepted = getattr(options, name)
    assert isinstance(accepted, int | float) and not isinstance(accepted, bool)
    assert math.isfinite(accepted) and low <= accepted <= high


def speech2image(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "speech2image", *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, **(env or {})},
    )


def test_serve_help_lists_every_limit_with_its_variable() -> None:
    result = speech2image("serve", "--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    for name in LIMIT_NAMES:
        assert flag_of(name) in text and f"S2I_{name.upper()}" in text


@pytest.mark.parametrize(
    ("args", "env", "says"),
    [
        (["--max-sessions", "0"], {}, "max_sessions (--max-sessions, S2I_MAX_SESSIONS)"),
        (["--max-audio-speed", "nan"], {}, "must be a number from 1 to 1000"),
        ([], {"S2I_IDLE_TIMEOUT_S": "-5"}, "idle_timeout_s (--idle-timeout-s"),
        ([], {"S2I_MAX_FRAME_BYTES": "1e9"}, "S2I_MAX_FRAME_BYTES='1e9' is not a valid int"),
        (["--max-text-chars", "lots"], {}, "invalid int value"),
    ],
)
def test_serve_refuses_bad_limits_in_one_line(args: list[str], env: dict[str, str], says: str):
    result = speech2image("serve", "--port", "1", *args, env=env)
    assert result.returncode == 2
    assert says in result.stderr and "Traceback" not in result.stderr
