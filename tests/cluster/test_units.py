"""The pure parts of running on a cluster: replica options, the config file, and the stage
that lets remote calls run side by side. No cluster needed (milliseconds)."""

from __future__ import annotations

import asyncio
import threading

import pytest

from speech2image.cluster.config import serve_config, to_yaml
from speech2image.cluster.options import ClusterOptions, Replicas, parse_replicas
from speech2image.cluster.watch import HangWatch
from speech2image.server.state import Loaded
from speech2image.stage import ConcurrentStage, StageBroken, StageTimeout


def test_replicas_are_a_number_or_auto() -> None:
    assert parse_replicas("3", flag="--asr-replicas", min_replicas=1, max_replicas=4) == (
        Replicas(count=3)
    )
    auto = parse_replicas("auto", flag="--asr-replicas", min_replicas=2, max_replicas=8)
    assert auto.serve_options()["autoscaling_config"]["max_replicas"] == 8
    assert auto.fewest == 2
    for bad in ("0", "-1", "two"):
        with pytest.raises(ValueError, match="--asr-replicas"):
            parse_replicas(bad, flag="--asr-replicas", min_replicas=1, max_replicas=4)
    with pytest.raises(ValueError, match="--min-replicas"):
        parse_replicas("auto", flag="--image-replicas", min_replicas=5, max_replicas=2)


def test_the_resources_needed_are_the_fewest_replicas_times_their_reservations() -> None:
    options = ClusterOptions(
        asr_replicas=Replicas(count=2),
        image_replicas=Replicas(count=None, min_replicas=3, max_replicas=6),
        image_num_gpus=1.0,
    )
    need = options.needed()
    assert need["CPU"] == pytest.approx(2 * 0.5 + 1 * 0.25 + 3 * 0.25)
    assert need["GPU"] == 3.0
    assert options.actor_options("s2i-image") == {"num_cpus": 0.25, "num_gpus": 1.0}


def test_the_config_file_is_what_ray_serve_accepts() -> None:
    yaml = pytest.importorskip("yaml")
    options = ClusterOptions(asr_replicas=Replicas(count=4), image_replicas=Replicas(count=None))
    config = serve_config(
        options, engine_args={"engine": "composer"}, env={"S2I_ASR_MODEL": "tiny.en"}
    )
    text = to_yaml(config)
    assert yaml.safe_load(text) == config
    schema = pytest.importorskip("ray.serve.schema")
    parsed = schema.ServeDeploySchema.model_validate(yaml.safe_load(text))
    by_name = {app.name: app for app in parsed.applications}
    assert by_name["s2i-asr"].deployments[0].num_replicas == 4
    image = by_name["s2i-image"]
    assert image.import_path == "speech2image.cluster.replicas:drawing_app"
    assert image.deployments[0].autoscaling_config["max_replicas"] == 4
    assert by_name["s2i-language"].runtime_env == {"env_vars": {"S2I_ASR_MODEL": "tiny.en"}}


def test_remote_calls_of_one_stage_run_side_by_side() -> None:
    stage = ConcurrentStage("image", timeout_s=30.0, max_calls=2)
    both = threading.Barrier(2, timeout=10)  # each call waits for the other to be running

    async def main() -> list[int]:
        return list(await asyncio.gather(stage.call(both.wait), stage.call(both.wait)))

    assert sorted(asyncio.run(main())) == [0, 1]
    stage.close()


def test_a_call_past_its_time_out_fails_and_the_others_go_on() -> None:
    stage = ConcurrentStage("image", timeout_s=0.2, max_calls=2)
    release = threading.Event()

    async def main() -> tuple[BaseException | int, int]:
        hung = stage.call(release.wait)
        fine = stage.call(lambda: 7)
        results = await asyncio.gather(hung, fine, return_exceptions=True)
        return results[0], results[1]  # type: ignore[return-value]

    hung, fine = asyncio.run(main())
    release.set()
    assert isinstance(hung, StageTimeout) and "did not answer within 0.2 s" in str(hung)
    assert fine == 7
    stage.close()
    with pytest.raises(StageBroken):
        asyncio.run(stage.call(lambda: 1))


def test_a_replica_whose_call_never_returns_fails_its_health_check() -> None:
    now = [100.0]
    watch = HangWatch(hung_after_s=10.0, clock=lambda: now[0])
    watch.check()  # idle: healthy
    checked: list[str] = []

    def call() -> str:
        now[0] += 9.0
        watch.check()  # 9 s into the call: still healthy
        now[0] += 2.0
        with pytest.raises(RuntimeError, match="hung after 10 s"):
            watch.check()
        checked.append("both")
        return "done"

    assert watch.run(call) == "done" and checked == ["both"]
    watch.check()  # the call returned: healthy again
    with pytest.raises(ValueError, match="hung_after_s"):
        HangWatch(hung_after_s=0)


def test_every_import_path_of_the_config_builds_its_application() -> None:
    import importlib

    from speech2image.cluster.config import IMPORT_PATHS

    serve = pytest.importorskip("ray.serve")
    for import_path in IMPORT_PATHS.values():
        module, _, name = import_path.partition(":")
        application = getattr(importlib.import_module(module), name)({"engine": "composer"})
        assert isinstance(application, serve.Application)


def test_in_local_mode_the_cluster_endpoint_says_null() -> None:
    from fastapi.testclient import TestClient

    from speech2image.server.app import create_app
    from speech2image.testing import ScriptedTranscriber, SolidColorEngine, WordSceneBuilder
    from speech2image.workers import Workers

    workers = Workers(
        make_transcriber=lambda *args, **kwargs: ScriptedTranscriber([]),
        builder=WordSceneBuilder(),
        engine=SolidColorEngine(),
    )
    with TestClient(create_app(load=lambda: Loaded(workers))) as client:
        assert client.get("/api/cluster").json() == {"cluster": None}
        health = client.get("/healthz").json()
        assert health["status"] == "ok" and "replicas" not in health


def test_replicas_the_cluster_cannot_place_are_refused_naming_the_flag(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ray = pytest.importorskip("ray")
    from speech2image.cluster.deploy import check_resources

    monkeypatch.setattr(ray, "cluster_resources", lambda: {"CPU": 4.0})  # a CPU-only cluster
    check_resources(ClusterOptions(asr_replicas=Replicas(count=4)))  # 2.5 CPUs: fits
    with pytest.raises(ValueError, match=r"--asr-replicas 8.*lower --asr-replicas"):
        check_resources(ClusterOptions(asr_replicas=Replicas(count=8)))
    diffusers = ClusterOptions(image_replicas=Replicas(count=2), image_num_gpus=1.0)
    with pytest.raises(ValueError, match=r"--image-replicas.*--device cpu"):
        check_resources(diffusers)
