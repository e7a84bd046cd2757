"""Bad input to ``serve --ray``: one clear line and exit code 2, never a hang or a traceback.

And the optional extra stays optional: nothing outside :mod:`speech2image.cluster` imports
Ray.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.cluster.conftest import free_port

pytestmark = pytest.mark.slow


def _speech2image(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """The real command, in this process (the fixture's cluster connection included):
    its exit code and its stderr."""
    from speech2image.cli import main

    code = main(list(args))
    return code, capsys.readouterr().err


def _one_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.startswith("speech2image serve:")]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr, stderr
    return lines[0]


def test_an_unreachable_address_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    address = f"127.0.0.1:{free_port()}"  # nothing listens there
    code, stderr = _speech2image(capsys, "serve", "--ray", address, "--port", str(free_port()))
    assert code == 2
    line = _one_line(stderr)
    assert f"no Ray cluster answers at {address}" in line and "--ray" in line


def test_a_malformed_address_names_the_flag(capsys: pytest.CaptureFixture[str]) -> None:
    code, stderr = _speech2image(capsys, "serve", "--ray", "not an address")
    assert code == 2
    assert "--ray 'not an address' is not a cluster address" in _one_line(stderr)


def test_without_ray_the_message_names_the_extra(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray fails, as if not installed
    code, stderr = _speech2image(capsys, "serve", "--ray", "--port", str(free_port()))
    assert code == 2
    assert "pip install 'speech2image[cluster]'" in _one_line(stderr)


def test_a_bad_replica_count_names_its_flag(capsys: pytest.CaptureFixture[str]) -> None:
    code, stderr = _speech2image(capsys, "serve", "--ray", "--image-replicas", "zero")
    assert code == 2
    assert "--image-replicas='zero' must be a number of replicas or 'auto'" in stderr
    code, stderr = _speech2image(capsys, "serve", "--asr-replicas", "2")
    assert code == 2
    assert "--asr-replicas needs --ray" in stderr


def test_replicas_beyond_the_cluster_name_the_flag(
    ray_cluster: str, capsys: pytest.CaptureFixture[str]
) -> None:
    port = str(free_port())
    code, stderr = _speech2image(
        capsys, "serve", "--ray", ray_cluster, "--asr-replicas", "40", "--port", port
    )
    assert code == 2
    line = _one_line(stderr)
    assert "--asr-replicas 40" in line and "lower --asr-replicas" in line


def test_nothing_outside_the_cluster_package_imports_ray() -> None:
    code = (
        "import sys, speech2image, speech2image.factory, speech2image.server.app\n"
        "from speech2image.cli import build_parser\n"
        "build_parser()\n"
        "from speech2image.cluster import options, config\n"
        "loaded = sorted(m for m in sys.modules if m == 'ray' or m.startswith('ray.'))\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
