"""``speech2image bench diffusers``: the command on the tiny random pipeline (CPU), its
arguments, its markdown table, and the full-size architectures' parameter counts (built on
PyTorch's meta device: no memory, no download).

The CUDA run itself is ``scripts/gpu-bench.sh``'s; ``test_the_bench_runs_on_cuda`` runs the
tiny model there where a GPU is present.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json

import pytest

pytest.importorskip("diffusers")
pytest.importorskip("transformers")
torch = pytest.importorskip("torch")

from speech2image.bench.diffusers import chosen_model, markdown_table, summary  # noqa: E402
from speech2image.cli import main  # noqa: E402
from speech2image.testing.diffusers_random import SD_TURBO, SDXL_TURBO  # noqa: E402

pytestmark = [
    # diffusers' Euler scheduler calls np.array() on a torch tensor, which NumPy 2 flags
    # as a DeprecationWarning inside torch; nothing on our side can avoid it.
    pytest.mark.filterwarnings(
        "ignore:__array__ implementation doesn't accept a copy keyword:DeprecationWarning"
    ),
]


def _bench(*arguments: str) -> dict:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["bench", "diffusers", *arguments, "--json"]) == 0
    return json.loads(out.getvalue())


@pytest.mark.slow
def test_the_tiny_model_is_timed_in_both_modes_on_the_cpu() -> None:
    report = _bench("--model", "tiny", "--size", "64", "--runs", "3", "--warmup", "1",
                    "--device", "cpu")  # fmt: skip
    assert report["random_weights"] is True
    assert report["device"] == "cpu"
    assert report["name"]
    assert report["dtype"] == "float32"
    assert report["compile"] is False
    assert report["peak_memory_kind"] == "rss"
    assert report["peak_memory_mb"] > 0
    assert report["parameters_m"]["unet"] > 0
    assert set(report["versions"]) >= {"torch", "diffusers", "transformers"}
    assert set(report["results"]) == {"text-to-image", "draft"}
    for figures in report["results"].values():
        assert 0 < figures["min_ms"] <= figures["p50_ms"] <= figures["p95_ms"]
        assert figures["pictures_per_s"] > 0
    table = markdown_table([report])
    assert table.count("\n| tiny |") == 2
    assert "| off | draft |" in table


@pytest.mark.slow
def test_the_older_spelling_times_the_same_model_without_drafts() -> None:
    report = _bench("--random-weights", "--arch", "tiny", "--size", "64", "--runs", "1",
                    "--warmup", "0", "--device", "cpu", "--no-draft")  # fmt: skip
    assert report["model"] == "tiny"
    assert set(report["results"]) == {"text-to-image"}


@pytest.mark.gpu
@pytest.mark.slow
def test_the_bench_runs_on_cuda() -> None:
    if not torch.cuda.is_available():
        pytest.skip("no CUDA device")
    report = _bench("--model", "tiny", "--size", "64", "--runs", "2", "--device", "cuda")
    assert report["dtype"] == "float16"
    assert report["peak_memory_kind"] == "gpu"
    assert report["name"] == torch.cuda.get_device_name(0)


def _args(**given: object) -> argparse.Namespace:
    defaults = {"model": None, "random_weights": False, "arch": None, "size": 512, "runs": 20,
                "warmup": 3}  # fmt: skip
    return argparse.Namespace(**{**defaults, **given})


def test_the_model_is_an_architecture_or_the_users_weights() -> None:
    assert chosen_model(_args(model="sdxl-turbo"), ValueError) == "sdxl-turbo"
    assert chosen_model(_args(model="models/sd-turbo"), ValueError) == "models/sd-turbo"
    assert chosen_model(_args(random_weights=True, arch="tiny"), ValueError) == "tiny"


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({}, "pass --model"),
        ({"model": "tiny", "random_weights": True}, "pass one"),
        ({"arch": "tiny"}, "--arch needs --random-weights"),
        ({"model": "tiny", "size": 100}, "multiple of 8"),
        ({"model": "tiny", "runs": 0}, "--runs must be at least 1"),
        ({"model": "tiny", "warmup": -1}, "--warmup at least 0"),
    ],
)
def test_bad_arguments_are_named(given: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        chosen_model(_args(**given), ValueError)


def test_the_summary_has_percentiles_and_the_rate() -> None:
    figures = summary([0.1] * 19 + [0.3])
    assert figures["p50_ms"] == 100.0
    assert figures["p95_ms"] == pytest.approx(110.0)
    assert figures["min_ms"] == 100.0
    assert figures["pictures_per_s"] == pytest.approx(20 / 2.2, abs=1e-3)


def _millions(module: torch.nn.Module) -> float:
    return round(sum(p.numel() for p in module.parameters()) / 1e6, 1)


@pytest.mark.slow
def test_the_full_size_configurations_are_the_published_architectures() -> None:
    """Parameter counts of SD 2.1 (SD-Turbo) and SDXL (SDXL-Turbo), built without memory."""
    from diffusers import AutoencoderKL, UNet2DConditionModel
    from transformers import CLIPTextConfig, CLIPTextModel, CLIPTextModelWithProjection

    with torch.device("meta"):
        assert _millions(UNet2DConditionModel(**SD_TURBO["unet"])) == 865.9
        assert _millions(CLIPTextModel(CLIPTextConfig(**SD_TURBO["text_encoder"]))) == 340.4
        assert _millions(AutoencoderKL(**SD_TURBO["vae"])) == 83.7
        assert _millions(UNet2DConditionModel(**SDXL_TURBO["unet"])) == 2567.5
        assert _millions(CLIPTextModel(CLIPTextConfig(**SDXL_TURBO["text_encoder"]))) == 123.1
        second = CLIPTextModelWithProjection(CLIPTextConfig(**SDXL_TURBO["text_encoder_2"]))
        assert _millions(second) == 694.7
