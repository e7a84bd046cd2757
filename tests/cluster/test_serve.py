"""The live app with its engines on a real two-node Ray cluster on loopback.

Two replicas of every engine; real speech streamed through ``/ws`` on a real socket; a
replica killed in the middle of a session.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from speech2image.asr.options import TranscriberOptions
from speech2image.cluster.options import ClusterOptions, Replicas
from speech2image.config import from_env
from speech2image.factory import PipelineOptions, load_server
from speech2image.server.options import ServerOptions
from tests.cluster.client import DATA, of_type, pcm16, stream
from tests.server.conftest import running_server

pytestmark = pytest.mark.slow

SPEECH = DATA / "three_sentences.flac"
NOUNS = ("car", "tree", "cat", "sofa", "house")
"""Of 'A red car is parked next to a big tree. The cat sleeps on the sofa. Two birds fly
over the house.' (tiny.en on a loaded machine mishears a word or two)."""


def heard(finals: list[dict[str, Any]]) -> set[str]:
    text = " ".join(f["text"].lower() for f in finals)
    return {noun for noun in NOUNS if noun in text}


def get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())


@pytest.fixture(scope="module")
def ingress(ray_cluster: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on a loopback port, its engines deployed on the cluster, two replicas each."""
    two = Replicas(count=2)
    cluster = ClusterOptions(
        address=ray_cluster,
        asr_replicas=two,
        language_replicas=two,
        image_replicas=two,
        deploy_timeout_s=240.0,
    )
    options = ServerOptions(data_dir=tmp_path_factory.mktemp("data"))
    pipeline = PipelineOptions(transcriber=from_env(TranscriberOptions), cluster=cluster)
    loaded = load_server(options, pipeline)  # deploys: every replica loads and warms up
    with running_server(options, load=lambda: loaded) as url:
        yield url


def test_sessions_are_served_by_more_than_one_replica(ingress: str) -> None:
    pcm = pcm16(SPEECH)
    results: list[list[dict[str, Any]]] = []
    sessions = [
        threading.Thread(target=lambda: results.append(stream(ingress, pcm))) for _ in range(2)
    ]
    for session in sessions:
        session.start()
    for session in sessions:
        session.join(timeout=180)
    assert len(results) == 2
    for messages in results:
        finals = of_type(messages, "final")
        assert len(finals) >= 2 and len(heard(finals)) >= 3, finals
        pictures = {m["index"] for m in of_type(messages, "image") if m["final"]}
        assert pictures == {f["index"] for f in finals}  # every final got its picture
        assert of_type(messages, "error") == []
    report = get_json(ingress + "/api/cluster")["cluster"]
    for name in ("Recognizer", "SceneBuilding", "Drawing"):
        deployment = report["deployments"][name]
        assert deployment["replicas"].get("RUNNING") == 2
        assert len(deployment["answered_by_replica"]) == 2, (name, deployment)
    health = get_json(ingress + "/healthz")
    assert health["status"] == "ok"
    assert all(r["healthy"] and r["running"] == 2 for r in health["replicas"].values())


def _replica_actors(app: str) -> list[str]:
    import ray

    return sorted(
        actor["name"]
        for actor in ray.util.list_named_actors(all_namespaces=True)
        if actor["name"].startswith(f"SERVE_REPLICA::{app}#")
    )


def _wait_running(ingress: str, name: str, count: int, deadline_s: float) -> None:
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        replicas = get_json(ingress + "/api/cluster")["cluster"]["deployments"][name]["replicas"]
        if replicas.get("RUNNING") == count and len(replicas) == 1:
            return
        time.sleep(0.5)
    raise AssertionError(f"{name} did not get back to {count} running replicas: {replicas}")


def test_a_replica_killed_mid_session_costs_at_most_the_sentence_in_flight(
    ingress: str,
) -> None:
    import ray

    killed: list[str] = []

    def kill_on_first_final(message: dict[str, Any]) -> None:
        if message["type"] == "final" and not killed:
            for app in ("s2i-asr", "s2i-image"):
                name = _replica_actors(app)[0]
                ray.kill(ray.get_actor(name, namespace="serve"))
                killed.append(name)

    messages = stream(ingress, pcm16(SPEECH), speed=1.0, on_message=kill_on_first_final)
    assert len(killed) == 2
    finals = of_type(messages, "final")
    errors = of_type(messages, "error")
    assert len(errors) <= 1, errors  # at most the sentence in flight
    assert len(finals) >= 2 and len(heard(finals)) >= 3, finals  # it went on
    pictures = {m["index"] for m in of_type(messages, "image") if m["final"]}
    assert len(pictures) >= len(finals) - len(errors)
    # Nothing stored is lost: the store holds every final sentence and its pictures.
    session_id = messages[0]["id"]
    manifest = get_json(f"{ingress}/api/sessions/{session_id}")
    assert [s["text"] for s in manifest["sentences"]] == [f["text"] for f in finals]
    assert sum(s["url"] is not None for s in manifest["sentences"]) == len(pictures)
    # Ray restarts the killed replicas.
    for name in ("Recognizer", "Drawing"):
        _wait_running(ingress, name, 2, 120.0)
    assert not set(killed) & set(_replica_actors("s2i-asr") + _replica_actors("s2i-image"))


def test_a_hung_replica_times_out_its_call_and_other_sessions_go_on(ingress: str) -> None:
    import ray
    from ray import serve

    from speech2image.cluster.remote import RemoteDeployment, RemoteEngine, RemoteSceneBuilder
    from speech2image.events import FinalTranscript, SessionEnded, StageFailed
    from speech2image.session import SessionOptions
    from speech2image.stage import StageTimeouts
    from speech2image.testing import ScriptedTranscriber, run_session, sentence_script
    from speech2image.workers import Workers
    from tests.cluster import hanging

    ray.cloudpickle.register_pickle_by_value(hanging)  # the replicas cannot import tests/
    serve.run(hanging.hanging_app(), name="s2i-test-hang", route_prefix=None)
    try:
        timeouts = StageTimeouts(image_timeout_s=3.0)
        scene_handle = serve.get_deployment_handle("SceneBuilding", app_name="s2i-language")
        hang_handle = serve.get_deployment_handle("HangingDrawing", app_name="s2i-test-hang")
        sentences = ["A cat sits on a mat.", "A dog runs in the park."]
        workers = Workers(
            make_transcriber=lambda *args, **kwargs: ScriptedTranscriber(
                sentence_script(sentences)
            ),
            builder=RemoteSceneBuilder(
                RemoteDeployment("SceneBuilding", scene_handle, timeout_s=30)
            ),
            engine=RemoteEngine(RemoteDeployment("HangingDrawing", hang_handle, timeout_s=3.0)),
            timeouts=timeouts,
            remote_calls=4,
        )
        other: list[list[dict[str, Any]]] = []
        beside = threading.Thread(target=lambda: other.append(stream(ingress, pcm16(SPEECH))))
        beside.start()
        events = run_session(workers, seconds=5.0, options=SessionOptions(drafts=False))
        beside.join(timeout=180)
        workers.close()
    finally:
        serve.delete("s2i-test-hang")
    finals = [e for e in events if isinstance(e, FinalTranscript)]
    failures = [e for e in events if isinstance(e, StageFailed)]
    assert [f.text for f in finals] == sentences
    assert failures and all(f.stage == "image" for f in failures)
    assert any("did not answer within 3 s" in f.message for f in failures)
    assert isinstance(events[-1], SessionEnded)
    # The session beside it, on the real replicas, was not held up.
    assert len(other) == 1 and of_type(other[0], "error") == []
    assert len(of_type(other[0], "final")) >= 2


def test_a_second_ingress_attaches_to_the_deployed_engines(ingress: str, ray_cluster: str) -> None:
    import asyncio

    from speech2image.factory import load_workers

    options = ClusterOptions(address=ray_cluster, attach=True, deploy_timeout_s=60.0)
    workers = load_workers(PipelineOptions(cluster=options))
    try:
        report = workers.cluster.report()  # type: ignore[attr-defined]
        assert {d["replicas"].get("RUNNING") for d in report["deployments"].values()} == {2}
        assert workers.builder is not None
        scene = asyncio.run(
            workers.language.call(
                workers.builder.build, "A dog sleeps under a tree.", context=None, final=False
            )
        )
        assert {o.noun for o in scene.objects} == {"dog", "tree"}
    finally:
        workers.close()
    assert get_json(ingress + "/healthz")["status"] == "ok"  # the first ingress is untouched
