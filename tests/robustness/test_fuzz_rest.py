"""Hostile requests to the REST API, as raw bytes over a real loopback socket.

Raw sockets rather than an HTTP client, because clients tidy what they send: they resolve
``..`` segments, escape spaces and refuse control characters, which is exactly what a hostile
client does not do. Every request must get an answer below 500 with no traceback in it, no
file from outside the app's places may ever come back, and the server must go on serving.
"""

from __future__ import annotations

import json
import socket
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speech2image.server.options import ServerOptions
from tests.robustness.test_fuzz_ws import (
    SILENCE_600MS,
    START,
    STOP,
    Served,
    drain,
    fuzz_server,
    open_ws,
)

# Hypothesis fuzzing of the REST API on a real server.
pytestmark = pytest.mark.slow

CANARY = "canary-0d1f7c-must-never-be-served"
"""Written beside the data folder: a traversal that escapes the store would return it."""
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
READ_TIMEOUT_S = 20.0
FUZZ = settings(
    max_examples=1000,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@dataclass(frozen=True)
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes


@dataclass(frozen=True)
class Stored:
    """A server with one stored session whose picture 0 exists."""

    served: Served
    session_id: str

    def request(self, raw: bytes, *, half_close: bool = False) -> Reply | None:
        return send_raw(self.served.url, raw, half_close=half_close)


def send_raw(url: str, raw: bytes, *, half_close: bool = False) -> Reply | None:
    """Send ``raw`` and read the whole answer; ``None`` when the server closed without one
    (what a server may do with bytes that are not HTTP). A silence fails the test.

    ``half_close`` says "that is all" after ``raw``: bytes that only begin a request (a
    blank line, half a header) otherwise leave the server waiting for the rest, as HTTP says
    it should; holding connections open that way is a transport matter (docs/robustness.md).
    """
    host, port = urllib.parse.urlsplit(url).netloc.split(":")
    with socket.create_connection((host, int(port)), timeout=READ_TIMEOUT_S) as sock:
        try:
            sock.sendall(raw)
            if half_close:
                sock.shutdown(socket.SHUT_WR)
        except (BrokenPipeError, ConnectionResetError):
            return None
        chunks = []
        try:
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        except ConnectionResetError:
            pass
        except TimeoutError:
            pytest.fail(f"the server hung: no answer in {READ_TIMEOUT_S} s to {raw[:200]!r}")
    data = b"".join(chunks)
    if not data:
        return None
    head, _, body = data.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return Reply(int(status_line.split()[1]), headers, body)


def http(method: str, target: str | bytes, body: bytes = b"", headers: str = "") -> bytes:
    """A request with ``target`` sent exactly as given."""
    if isinstance(target, str):
        target = target.encode("latin-1")
    head = f" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n{headers}"
    if body or method in ("POST", "PUT", "PATCH"):
        head += f"Content-Length: {len(body)}\r\nContent-Type: application/json\r\n"
    return method.encode() + b" " + target + head.encode() + b"\r\n" + body


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stored]:
    root = tmp_path_factory.mktemp("fuzz-rest")
    (root / "secret.txt").write_text(CANARY)
    options = ServerOptions(max_body_bytes=4096)
    with fuzz_server(root / "data", options) as served:
        with open_ws(served) as ws:
            ws.send(START)
            session_id = json.loads(ws.recv(timeout=READ_TIMEOUT_S))["id"]
            ws.send(SILENCE_600MS)
            ws.send(STOP)
            assert drain(ws)[-1]["type"] == "done"
        yield Stored(served, session_id)


@pytest.fixture(autouse=True)
def no_server_errors(stored: Stored) -> Iterator[None]:
    stored.served.errors.records.clear()
    yield
    assert stored.served.errors.messages() == []


def assert_answered_safely(reply: Reply | None) -> None:
    """Below 500, no traceback, no file from outside the app's places."""
    if reply is None:
        return
    assert reply.status < 500, (reply.status, reply.body[:300])
    assert b"Traceback" not in reply.body
    assert CANARY.encode() not in reply.body
    assert b"root:x:0:0" not in reply.body


def assert_still_serving(stored: Stored) -> None:
    reply = stored.request(http("GET", f"/api/sessions/{stored.session_id}/images/0.png"))
    assert reply is not None and reply.status == 200 and reply.body.startswith(PNG_MAGIC)


# -- strategies ------------------------------------------------------------------------------

TRICKY_SEGMENTS = (
    *("..", ".", "%2e%2e", "%2E%2E", ".%2e", "..%2f..%2f", "%2e%2e%2f", "..\\..\\", "%5c"),
    *("%00", "%252e%252e", "..;", "~", "", "0.png", "-1.png", "1e3.png", "00000000001.png"),
    *("999999.png", "0.PNG", "0.png.png", "0.png%00.txt", "secret.txt", "etc", "passwd"),
    *("api", "sessions", "images", "drafts", "export", "static", "app.js", "index.html"),
)
safe_text = st.text(
    alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E, exclude_characters="?#%"),
    max_size=12,
)
encoded_bytes = st.binary(max_size=8).map(lambda b: urllib.parse.quote_from_bytes(b, safe=""))


def segments(session_id: str) -> st.SearchStrategy[str]:
    return st.sampled_from((*TRICKY_SEGMENTS, session_id)) | safe_text | encoded_bytes


def targets(session_id: str) -> st.SearchStrategy[str]:
    prefixes = st.sampled_from(
        [
            "/",
            "/api/",
            "/api/sessions/",
            f"/api/sessions/{session_id}/",
            f"/api/sessions/{session_id}/images/",
            f"/api/sessions/{session_id}/drafts/",
            "/static/",
            "/sessions/",
        ]
    )
    queries = st.one_of(
        st.just(""),
        st.sampled_from(
            [
                "?limit=-1",
                "?limit=1e3",
                "?offset=-5",
                f"?offset={10**30}",
                f"?limit={10**30}",
                "?format=../../etc/passwd",
                "?format=mp4%00",
                "?token=",
                "?a=1&a=2&a=3",
            ]
        ),
        st.lists(safe_text | encoded_bytes, max_size=4).map(lambda q: "?" + "&".join(q)),
    )
    path = st.lists(segments(session_id), max_size=5).map("/".join)
    return st.tuples(prefixes, path, queries).map("".join)


bodies = st.one_of(
    st.just(b""),
    st.binary(max_size=200),
    st.sampled_from([b"{", b"null", b'{"title": ""}', b'{"title": "\\ud800"}', b'{"title": 5}']),
    st.fixed_dictionaries({"title": st.text(max_size=250)}).map(lambda d: json.dumps(d).encode()),
)


# -- the fuzzers -----------------------------------------------------------------------------


@FUZZ
@given(data=st.data())
def test_any_path_and_query_is_answered_safely(stored: Stored, data: st.DataObject) -> None:
    method = data.draw(st.sampled_from(["GET", "GET", "HEAD", "POST", "PUT", "PATCH", "OPTIONS"]))
    target = data.draw(targets(stored.session_id))
    body = data.draw(bodies) if method in ("POST", "PUT", "PATCH") else b""
    reply = stored.request(http(method, target, body))
    assert_answered_safely(reply)
    if reply is not None and reply.status == 200 and "/images/" in target and method == "GET":
        # Only a real picture of a real session can come back from a picture URL.
        assert reply.body.startswith(PNG_MAGIC)


@settings(FUZZ, max_examples=500)
@given(raw=st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_bytes_that_are_not_http_are_answered_or_dropped(stored: Stored, raw: bytes) -> None:
    assert_answered_safely(stored.request(raw + b"\r\n\r\n", half_close=True))


HOSTILE_BYTES = (
    b"\x00" * 300,
    b"GET",  # a request line cut short, then the half-close
    b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999\r\n\r\nab",  # a body that never comes
    b"GET /" + b"a" * 20_000 + b" HTTP/1.1\r\n\r\n",
    b"POST /api/sessions HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    "é€🙂".encode() * 50,
)
"""Requests that are not HTTP, or not whole, each sent on a connection of its own."""


def test_the_server_still_serves_after_the_fuzzers(stored: Stored) -> None:
    """After the fuzzers above the server still serves a picture. Run alone (``-k``) it
    would prove nothing, so it sends a hostile burst of its own first: every tricky path
    segment, and bytes that are not HTTP or not whole."""
    for segment in TRICKY_SEGMENTS:
        target = f"/api/sessions/{stored.session_id}/images/{segment}"
        assert_answered_safely(stored.request(http("GET", target)))
    for raw in HOSTILE_BYTES:
        assert_answered_safely(stored.request(raw, half_close=True))
    assert_still_serving(stored)


# -- the cases named in the issue, one by one -------------------------------------------------


@pytest.mark.parametrize(
    "target",
    [
        "/api/sessions/../../secret.txt",
        "/api/sessions/%2e%2e/%2e%2e/secret.txt",
        "/api/sessions/..%2F..%2Fsecret.txt/images/0.png",
        "/api/sessions/{id}/images/..%2F..%2F..%2Fsecret.txt",
        "/api/sessions/{id}/images/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.txt",
        "/static/../../../../../etc/passwd",
        "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/static/..%2f..%2f..%2f..%2fetc%2fpasswd",
        "/static/%252e%252e/%252e%252e/etc/passwd",
        "/api/sessions/{id}%00/images/0.png",
        "/api/sessions/{id}/images/0.png%00",
        "/api/sessions/" + "a" * 65,
        "/api/sessions/é",
        "/api/sessions/%ff%fe",
        "/api/sessions/{id}/images/-1.png",
        "/api/sessions/{id}/images/99999999999999999999.png",
        "/api/sessions/{id}/images/1000000.png",
        "/api/sessions/{id}/drafts/-1.png",
        "/api/sessions/{id}/export?format=../../secret",
        "/no/such/route",
        "/api/nothing",
    ],
)
def test_traversal_and_malformed_ids_get_404_or_422(stored: Stored, target: str) -> None:
    reply = stored.request(http("GET", target.replace("{id}", stored.session_id)))
    assert_answered_safely(reply)
    assert reply is not None and reply.status in (400, 404, 422)


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("limit=-1", 422),
        ("limit=abc", 422),
        ("limit=1e3", 422),
        (f"limit={10**30}", 422),
        ("offset=-1", 422),
        (f"offset={10**30}", 422),
        (f"offset={2**63}", 422),
        ("limit=1&offset=0", 200),
    ],
)
def test_absurd_list_numbers_get_422(stored: Stored, query: str, status: int) -> None:
    reply = stored.request(http("GET", f"/api/sessions?{query}"))
    assert reply is not None and reply.status == status, reply


def test_a_huge_query_string_is_refused_or_ignored(stored: Stored) -> None:
    reply = stored.request(http("GET", "/api/sessions?" + "a=1&" * 50_000))
    assert_answered_safely(reply)
    assert_still_serving(stored)


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (b'{"title": "' + b"x" * 10_000 + b'"}', 413),  # over max_body_bytes (4096 here)
        (b'{"title": "' + b"x" * 300 + b'"}', 422),  # over the 200-character title
        (b'{"title": ""}', 422),
        (b'{"title": 5}', 422),
        (b"{", 422),
        (b'{"title": "\\ud800"}', 422),  # a lone surrogate: no database can hold it
        (
            b'{"title": "a\\u0000b <script>x</script> \xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7"}',
            200,
        ),
    ],
)
def test_rename_bodies(stored: Stored, body: bytes, status: int) -> None:
    reply = stored.request(http("PATCH", f"/api/sessions/{stored.session_id}", body))
    assert_answered_safely(reply)
    assert reply is not None and reply.status == status, reply


def test_a_chunked_body_over_the_limit_is_refused(stored: Stored) -> None:
    chunk = b'{"title": "' + b"x" * 8000 + b'"}'
    raw = (
        (
            f"PATCH /api/sessions/{stored.session_id} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            "Connection: close\r\nContent-Type: application/json\r\n"
            "Transfer-Encoding: chunked\r\n\r\n"
        ).encode()
        + f"{len(chunk):x}\r\n".encode()
        + chunk
        + b"\r\n0\r\n\r\n"
    )
    reply = stored.request(raw)
    assert reply is not None and reply.status == 413


@pytest.mark.parametrize("session_id", ["..", "%2e%2e", "a" * 65, "%00", "x y"])
def test_deleting_malformed_ids_gets_404(stored: Stored, session_id: str) -> None:
    reply = stored.request(http("DELETE", f"/api/sessions/{session_id}"))
    assert_answered_safely(reply)
    assert reply is not None and reply.status in (400, 404, 405)
    assert_still_serving(stored)
