"""The AssemblyAI engine against the fake v3 server on loopback, through the real client."""

from __future__ import annotations

import contextlib
import logging
import re
import time
from collections.abc import Callable, Iterator

import numpy as np
import pytest

from speech2image.asr.assemblyai import (
    AssemblyAIOptions,
    AssemblyAITranscriber,
    CloudTranscriberError,
    ReceivedTurn,
    Secret,
    TurnMapper,
    assemblyai_configured,
    to_pcm16,
)
from speech2image.asr.assemblyai_protocol import (
    TurnMessage,
    TurnWord,
    classify_close,
    classify_http_status,
    parse_server_message,
    streaming_url,
)
from speech2image.asr.assemblyai_replay import Pace
from speech2image.asr.backend import TranscriptEvent
from speech2image.events import FinalTranscript, PartialTranscript
from speech2image.testing.fake_assemblyai import FakeAssemblyAI, FakeFaults

KEY = "aai-test-key-5f1c9e"
BYTES_PER_S = 32_000

StartFake = Callable[..., FakeAssemblyAI]


@pytest.fixture
def start_fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[StartFake]:
    """Start fake servers on 127.0.0.1 and point the environment at the last one."""
    with contextlib.ExitStack() as stack:

        def start(
            transcripts: list[str], *, env_key: str = KEY, **kwargs: object
        ) -> FakeAssemblyAI:
            fake = stack.enter_context(
                FakeAssemblyAI(transcripts, api_key=KEY, **kwargs).serve_in_thread()  # type: ignore[arg-type]
            )
            monkeypatch.setenv("ASSEMBLYAI_STREAMING_URL", fake.url)
            monkeypatch.setenv("ASSEMBLYAI_API_KEY", env_key)
            return fake

        yield start


def make(**overrides: object) -> AssemblyAITranscriber:
    """A transcriber from the environment, unpaced and with short limits for tests."""
    values: dict[str, object] = {
        "pace_lead_s": None,
        "reconnect_delay_s": 0.01,
        "connect_timeout_s": 5.0,
        "finish_timeout_s": 5.0,
    }
    values.update(overrides)
    transcriber = AssemblyAITranscriber(options=AssemblyAIOptions.from_env(**values))
    return transcriber


def speech(seconds: float, seed: int = 0) -> np.ndarray:
    """Quiet noise: the fake does not listen, but the conversion to PCM runs on real samples."""
    rng = np.random.default_rng(seed)
    return (rng.standard_normal(round(seconds * 16_000)) * 0.05).astype(np.float32)


def script(fake: FakeAssemblyAI, *indices: int) -> np.ndarray:
    """Audio the fake hears as its transcripts ``indices``, one after the other."""
    return np.concatenate([fake.utterance(i) for i in indices])


def stream(transcriber: AssemblyAITranscriber, audio: np.ndarray) -> list[TranscriptEvent]:
    """Insert ``audio`` in 100 ms chunks, collecting events, then finish."""
    events: list[TranscriptEvent] = []
    for start in range(0, audio.size, 1600):
        transcriber.insert_audio_chunk(audio[start : start + 1600])
        events += transcriber.process_iter()
    return events + transcriber.finish()


def finals(events: list[TranscriptEvent]) -> list[FinalTranscript]:
    return [e for e in events if isinstance(e, FinalTranscript)]


def assert_monotonic(events: list[TranscriptEvent]) -> None:
    ends = [0.0]
    for final in finals(events):
        assert final.start_s >= ends[-1] - 1e-9, final
        assert final.end_s >= final.start_s
        ends.append(final.end_s)
    assert [f.index for f in finals(events)] == list(range(len(finals(events))))


# -- the pure parts ----------------------------------------------------------------------------


def turn(
    words: list[tuple[str, int, int]], *, end: bool, formatted: bool, order: int = 0
) -> TurnMessage:
    return TurnMessage(
        turn_order=order,
        transcript=" ".join(w for w, _, _ in words),
        end_of_turn=end,
        turn_is_formatted=formatted,
        words=tuple(TurnWord(text=w, start_ms=s, end_ms=e) for w, s, e in words),
    )


def test_mapper_turns_partials_into_partials_and_formatted_turns_into_numbered_sentences() -> None:
    mapper = TurnMapper()
    partial = turn([("a", 0, 250), ("red", 300, 550)], end=False, formatted=False)
    unformatted = turn(
        [
            ("a", 0, 250),
            ("red", 300, 550),
            ("ball", 600, 850),
            ("it", 900, 1150),
            ("rolls", 1200, 1450),
        ],
        end=True,
        formatted=False,
    )
    formatted = turn(
        [
            ("A", 0, 250),
            ("red", 300, 550),
            ("ball.", 600, 850),
            ("It", 900, 1150),
            ("rolls.", 1200, 1450),
        ],
        end=True,
        formatted=True,
    )
    assert mapper.map(ReceivedTurn(10.0, partial)) == [PartialTranscript("a red", 10.0)]
    # The unformatted end of turn is shown, but only the formatted one is final.
    assert mapper.map(ReceivedTurn(10.0, unformatted)) == [
        PartialTranscript("a red ball it rolls", 10.0)
    ]
    assert mapper.map(ReceivedTurn(10.0, formatted)) == [
        FinalTranscript(0, "A red ball.", 10.0, 10.85),
        FinalTranscript(1, "It rolls.", 10.9, 11.45),
        PartialTranscript("", 11.45),
    ]
    assert mapper.last_end_s == pytest.approx(11.45)


def test_mapper_keeps_a_reformatted_turn_whole_and_never_goes_back_in_time() -> None:
    mapper = TurnMapper()
    mapper.map(ReceivedTurn(0.0, turn([("Hello.", 0, 2000)], end=True, formatted=True)))
    # "twenty five" became "25": text and words no longer line up one to one.
    merged = TurnMessage(
        turn_order=1,
        transcript="I have 25 cats.",
        end_of_turn=True,
        turn_is_formatted=True,
        words=(TurnWord("I", 1500, 1700), TurnWord("cats.", 3000, 3400)),
    )
    (final,) = mapper.map(ReceivedTurn(0.0, merged))
    assert final == FinalTranscript(1, "I have 25 cats.", 2.0, 3.4)


def test_mapper_finishes_an_open_turn_and_maps_unformatted_finals_when_asked() -> None:
    mapper = TurnMapper(format_turns=False)
    assert mapper.map(ReceivedTurn(0.0, turn([("hi", 0, 200)], end=True, formatted=False))) == [
        FinalTranscript(0, "hi", 0.0, 0.2)
    ]
    mapper.map(
        ReceivedTurn(1.0, turn([("so", 0, 100), ("then", 200, 300)], end=False, formatted=False))
    )
    assert mapper.flush() == [FinalTranscript(1, "so then", 1.0, 1.3), PartialTranscript("", 1.3)]
    assert mapper.flush() == []


def test_pcm16_conversion_round_trips_int16() -> None:
    samples = np.array([-32768, -1, 0, 1, 32767], dtype=np.int16)
    pcm = to_pcm16(samples.astype(np.float32) / 32768.0)
    assert np.frombuffer(pcm, dtype="<i2").tolist() == samples.tolist()
    assert np.frombuffer(to_pcm16(np.array([2.0, -2.0])), dtype="<i2").tolist() == [32767, -32768]


@pytest.mark.parametrize(
    ("code", "reason", "kind"),
    [
        (1008, "Unauthorized Connection: Missing Authorization header", "auth"),
        (1008, "Unauthorized Connection: Too many concurrent sessions", "quota"),
        (1008, "Unauthorized Connection: insufficient account balance", "quota"),
        (3009, "Unauthorized Connection: Too many concurrent sessions", "quota"),
        (3008, "Session Expired: Maximum session duration exceeded", "session"),
        (3005, "Session Expired: Maximum session duration exceeded", "session"),
        (3007, "Input duration violation: 20 ms. Expected between 50 and 1000 ms", "protocol"),
        (4001, "Not Authorized", "auth"),
        (4002, "Insufficient Funds", "quota"),
        (1011, "internal error", "network"),
        (1006, "", "network"),
        (3005, "Session Cancelled: An error occurred", "network"),
    ],
)
def test_close_codes_are_classified(code: int, reason: str, kind: str) -> None:
    verdict = classify_close(code, reason)
    assert verdict.kind == kind
    assert str(code) in verdict.message
    assert verdict.retry == (kind == "network")


def test_http_refusals_are_classified() -> None:
    assert classify_http_status(401).kind == "auth"
    assert classify_http_status(402).kind == "quota"
    assert classify_http_status(503).retry


def test_streaming_url_adds_the_v3_parameters_and_keeps_the_proxy_query() -> None:
    url = streaming_url(
        "ws://proxy:8080/aai/v3/ws?tenant=7",
        sample_rate=16_000,
        format_turns=True,
        speech_model="universal-streaming-english",
    )
    assert url == (
        "ws://proxy:8080/aai/v3/ws?tenant=7&sample_rate=16000&encoding=pcm_s16le"
        "&format_turns=true&speech_model=universal-streaming-english"
    )
    with pytest.raises(ValueError, match="streaming_url='https://x'"):
        streaming_url("https://x", sample_rate=16_000, format_turns=True, speech_model=None)


def test_server_messages_parse_and_malformed_ones_are_named() -> None:
    message = parse_server_message(
        '{"type": "Turn", "turn_order": 3, "turn_is_formatted": true, "end_of_turn": true,'
        ' "transcript": "Hi.", "end_of_turn_confidence": 0.7,'
        ' "words": [{"start": 10, "end": 20, "text": "Hi.", "confidence": 0.9,'
        ' "word_is_final": true}]}'
    )
    assert message == TurnMessage(3, "Hi.", True, True, 0.7, (TurnWord("Hi.", 10, 20, 0.9, True),))
    assert parse_server_message('{"type": "SpeechStarted", "timestamp": 5}') is None
    with pytest.raises(ValueError, match="malformed Turn"):
        parse_server_message('{"type": "Turn"}')


# -- options and the key -----------------------------------------------------------------------


def test_options_read_the_key_and_url_from_the_environment_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ASSEMBLYAI_API_KEY", KEY)
    monkeypatch.setenv("ASSEMBLYAI_STREAMING_URL", "ws://127.0.0.1:9/v3/ws")
    options = AssemblyAIOptions.from_env(frame_ms=100)
    assert options.api_key == Secret(KEY)
    assert options.streaming_url == "ws://127.0.0.1:9/v3/ws"
    assert options.frame_ms == 100
    assert KEY not in repr(options) and KEY not in str(options.api_key)
    assert assemblyai_configured()
    with pytest.raises(ValueError, match="ASSEMBLYAI_API_KEY only"):
        AssemblyAIOptions.from_env(api_key=Secret("x"))
    with pytest.raises(ValueError, match="frame_ms=20"):
        AssemblyAIOptions(frame_ms=20)
    with pytest.raises(TypeError, match="not pickled"):
        Secret(KEY).__reduce__()


def test_a_missing_key_is_a_clear_error_before_any_connection(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("ASSEMBLYAI_API_KEY", raising=False)
    assert not assemblyai_configured()
    with pytest.raises(ValueError, match="ASSEMBLYAI_API_KEY is not set"):
        AssemblyAITranscriber(options=AssemblyAIOptions())


# -- against the fake server -------------------------------------------------------------------


def test_partials_and_finals_arrive_with_session_times(start_fake: StartFake) -> None:
    fake = start_fake(["A red ball. It bounces.", "Two cats sleep."])
    transcriber = make()
    events = stream(transcriber, script(fake, 0, 1))  # 1.9 s + 1.3 s

    partials = [e.text for e in events if isinstance(e, PartialTranscript) and e.text]
    assert partials[:3] == ["a", "a red", "a red ball"]
    assert "two cats sleep" in partials
    assert finals(events) == [
        FinalTranscript(0, "A red ball.", 0.0, pytest.approx(0.85)),  # type: ignore[arg-type]
        FinalTranscript(1, "It bounces.", pytest.approx(0.9), pytest.approx(1.45)),  # type: ignore[arg-type]
        FinalTranscript(2, "Two cats sleep.", pytest.approx(1.9), pytest.approx(2.75)),  # type: ignore[arg-type]
    ]
    assert isinstance(events[-1], PartialTranscript) and events[-1].text == ""
    # The v3 connection parameters, the key in the header, and a graceful end.
    (connection,) = fake.connections
    assert connection.authorized
    assert connection.query["sample_rate"] == "16000"
    assert connection.query["encoding"] == "pcm_s16le"
    assert connection.query["format_turns"] == "true"
    assert connection.audio_bytes == 3.2 * BYTES_PER_S
    assert connection.controls == ["ForceEndpoint", "Terminate"]
    assert fake.terminated == 1
    assert transcriber.termination is not None
    assert transcriber.termination.audio_duration_seconds == 3
    assert transcriber.pop_notices() == []


def test_finish_ends_the_turn_in_progress_and_pads_the_last_frame(start_fake: StartFake) -> None:
    fake = start_fake(["Hello there friend."])
    transcriber = make()
    transcriber.insert_audio_chunk(fake.utterance(0)[: round(0.62 * 16_000)])
    events = transcriber.finish()
    # Two words heard when ForceEndpoint arrived; the 20 ms tail was padded to 50 ms.
    assert [f.text for f in finals(events)] == ["Hello there"]
    assert fake.connections[0].audio_bytes == BYTES_PER_S * 65 // 100
    assert transcriber.finish() == []
    with pytest.raises(RuntimeError, match="after finish"):
        transcriber.insert_audio_chunk(speech(0.1))


def test_bad_chunks_raise_value_error(start_fake: StartFake) -> None:
    start_fake(["Hi."])
    transcriber = make()
    try:
        with pytest.raises(ValueError, match="1-D"):
            transcriber.insert_audio_chunk(np.zeros((2, 100), dtype=np.float32))
        with pytest.raises(ValueError, match="NaN"):
            transcriber.insert_audio_chunk(np.array([np.nan], dtype=np.float32))
        with pytest.raises(ValueError, match="int32"):
            transcriber.insert_audio_chunk(np.zeros(10, dtype=np.int32))
    finally:
        transcriber.close()


def test_the_key_never_reaches_logs_reprs_or_errors(
    start_fake: StartFake, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    fake = start_fake(["A red ball."])
    transcriber = make()
    stream(transcriber, script(fake, 0))
    assert "Authorization" in caplog.text  # the websockets debug log ran...
    assert KEY not in caplog.text  # ...with the key redacted
    assert KEY not in repr(transcriber) and KEY not in repr(transcriber.options)


@pytest.mark.parametrize("refusal", ["close", "http"])
def test_a_bad_key_is_a_clear_error(
    start_fake: StartFake, caplog: pytest.LogCaptureFixture, refusal: str
) -> None:
    caplog.set_level(logging.DEBUG)
    wrong = "aai-wrong-key-0000"
    faults = FakeFaults(reject_http_status=401 if refusal == "http" else None)
    fake = start_fake(["Hi."], env_key=wrong, faults=faults)
    transcriber = make()
    with pytest.raises(CloudTranscriberError) as caught:
        transcriber.wait_connected(5.0)
    error = caught.value
    assert error.kind == "auth"
    assert error.code == (401 if refusal == "http" else 1008)
    assert "rejected the API key" in str(error) and "ASSEMBLYAI_API_KEY" in str(error)
    assert wrong not in str(error) and wrong not in caplog.text
    # Every later call says the same, and nothing was retried.
    with pytest.raises(CloudTranscriberError, match="rejected the API key"):
        transcriber.insert_audio_chunk(speech(0.1))
    assert len(fake.connections) == (0 if refusal == "http" else 1)


@pytest.mark.parametrize(
    ("code", "reason", "kind"),
    [
        (1008, "Unauthorized Connection: insufficient account balance", "quota"),
        (3008, "Session Expired: Maximum session duration exceeded", "session"),
    ],
)
def test_quota_and_closed_sessions_fail_after_handing_over_what_was_heard(
    start_fake: StartFake, code: int, reason: str, kind: str
) -> None:
    faults = FakeFaults(close_after_bytes=2 * BYTES_PER_S, close_code=code, close_reason=reason)
    fake = start_fake(["A red ball.", "Two cats sleep."], faults=faults)
    transcriber = make()
    heard: list[TranscriptEvent] = []
    with pytest.raises(CloudTranscriberError) as caught:
        audio = script(fake, 0, 1)  # the first turn ends at 1.3 s, the close comes at 2 s
        for start in range(0, audio.size, 1600):
            transcriber.insert_audio_chunk(audio[start : start + 1600])
            heard += transcriber.process_iter()
        heard += transcriber.finish()
    error = caught.value
    assert error.kind == kind and error.code == code
    assert reason in str(error)
    # The first sentence arrived, through the events or on the error.
    assert [f.text for f in finals(heard + list(error.events))] == ["A red ball."]


def test_a_dropped_connection_reconnects_and_loses_nothing(start_fake: StartFake) -> None:
    # Dropped at 1.0 s, in the middle of the first turn: everything is re-sent.
    fake = start_fake(
        ["A red ball. It bounces.", "Two cats sleep."],
        faults=FakeFaults(drop_after_bytes=BYTES_PER_S),
    )
    transcriber = make()
    events = stream(transcriber, script(fake, 0, 1))
    assert [f.text for f in finals(events)] == ["A red ball.", "It bounces.", "Two cats sleep."]
    assert_monotonic(events)
    assert len(fake.connections) == 2
    # No final before the drop: all of it went again (what was sent into the dead
    # connection, however much that was, and the rest).
    assert fake.connections[1].audio_bytes == 3.2 * BYTES_PER_S
    (notice,) = transcriber.pop_notices()
    assert re.search(r"close code 1006.*reconnected and re-sent \d+\.\d s of audio", notice)
    assert len(transcriber.session_ids) == 2


@pytest.mark.slow
def test_after_a_drop_only_audio_since_the_last_final_is_resent(start_fake: StartFake) -> None:
    # The first turn ends at 1.3 s (its last word at 0.85 s); the drop comes at 1.5 s.
    fake = start_fake(
        ["One two three.", "Four five six."], faults=FakeFaults(drop_after_bytes=48_000)
    )
    # Paced near real time, so the final is home 0.2 s before the network fails.
    transcriber = make(pace_lead_s=0.05)
    events = stream(transcriber, script(fake, 0, 1))
    texts = [f.text for f in finals(events)]
    assert texts == ["One two three.", "Four five six."]
    assert_monotonic(events)
    resent_s = 2.6 - 0.85
    assert fake.connections[1].audio_bytes == pytest.approx(resent_s * BYTES_PER_S, abs=32)


def test_a_network_that_stays_down_is_a_network_error(start_fake: StartFake) -> None:
    start_fake(["Hi there."], faults=FakeFaults(drop_after_bytes=3200, drops=100))
    transcriber = make(max_reconnects=2)
    with pytest.raises(CloudTranscriberError) as caught:
        for _ in range(500):  # 50 s of audio: far more than two reconnects take
            transcriber.insert_audio_chunk(speech(0.1))
            transcriber.process_iter()
            time.sleep(0.01)
    assert caught.value.kind == "network"
    assert "could not reconnect (2 attempts)" in str(caught.value)


def test_a_stalled_service_blocks_the_insert_and_bounds_memory(start_fake: StartFake) -> None:
    start_fake(["Hi."], faults=FakeFaults(stop_reading_after_bytes=3200))
    transcriber = make(max_queued_audio_s=0.5, max_blocked_s=0.5, send_buffer_bytes=16_384)
    inserted_s = 0.0
    with pytest.raises(CloudTranscriberError) as caught:
        while inserted_s < 120:
            transcriber.insert_audio_chunk(speech(0.1))
            inserted_s += 0.1
    assert caught.value.kind == "timeout"
    assert "not keeping up" in str(caught.value)
    # The queue, the socket buffers and the stalled server's buffers hold only seconds.
    assert inserted_s < 30


def test_audio_is_paced_to_real_time_beyond_the_lead() -> None:
    frame = BYTES_PER_S // 10  # 100 ms
    pace = Pace(0.2, start_s=100.0)
    # Sent all at once: the first 0.3 s go at once, then each frame waits its turn, so
    # 1 s of audio with a 0.2 s lead cannot be sent in less than 0.8 s.
    delays = [pace.delay_s(frame, now_s=100.0) for _ in range(10)]
    assert delays[:3] == [0.0, 0.0, 0.0]
    assert delays[-1] == pytest.approx(0.7)
    # Once real time caught up, the next frame goes at once.
    assert pace.delay_s(frame, now_s=100.9) == 0.0
    unpaced = Pace(None, start_s=0.0)
    assert {unpaced.delay_s(frame, now_s=0.0) for _ in range(50)} == {0.0}
