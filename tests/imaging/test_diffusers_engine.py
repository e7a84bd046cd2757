"""The diffusers engine on a tiny random pipeline, saved to a folder and loaded back through
the same code path as real weights. Offline, on the CPU, in a few seconds."""

from __future__ import annotations

import inspect
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

pytest.importorskip("diffusers")
pytest.importorskip("transformers")
torch = pytest.importorskip("torch")

from speech2image.imaging.diffusers import (  # noqa: E402 - after the skips above
    DiffusersEngine,
    DiffusersOptions,
    load_text_to_image,
)
from speech2image.imaging.engine import DrawingCancelled  # noqa: E402
from speech2image.scene import Scene  # noqa: E402
from speech2image.testing.diffusers_random import (  # noqa: E402
    build_random_pipeline,
    build_random_tiny_autoencoder,
)

pytestmark = [
    pytest.mark.slow,  # imports torch and diffusers and builds a pipeline: seconds
    # diffusers' Euler scheduler calls np.array() on a torch tensor, which NumPy 2 flags
    # as a DeprecationWarning inside torch; nothing on our side can avoid it.
    pytest.mark.filterwarnings(
        "ignore:__array__ implementation doesn't accept a copy keyword:DeprecationWarning"
    ),
]

SCENE = Scene(text="A red fox jumps over a log.", setting="forest", width=64, height=64)


@pytest.fixture(scope="module", autouse=True)
def one_thread() -> Iterator[None]:
    """Tiny models gain nothing from threads, and two threads on two cores shared with
    other work wait on each other (draws went from 30 ms to 2 s under load)."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny random SD pipeline saved as a diffusers folder."""
    root = tmp_path_factory.mktemp("tiny-diffusers")
    pipeline = build_random_pipeline("tiny", tokenizer_dir=root / "scratch-tokenizer")
    pipeline.save_pretrained(root / "model")
    return root / "model"


@pytest.fixture(scope="module")
def engine(tiny_model: Path) -> DiffusersEngine:
    return DiffusersEngine(DiffusersOptions(model=str(tiny_model), device="cpu"))


def pixels(image: Image.Image) -> np.ndarray:
    return np.asarray(image.convert("RGB"), dtype=np.int16)


def count_unet_calls(engine: DiffusersEngine) -> list[int]:
    """A list whose length grows by one at every UNet forward pass."""
    calls: list[int] = []
    engine.pipeline.unet.register_forward_hook(lambda *_: calls.append(1))
    return calls


def test_loads_a_diffusers_folder_and_draws_the_scene_size(engine: DiffusersEngine) -> None:
    picture = engine.draw(SCENE, seed=1)
    assert picture.image.size == (64, 64)
    assert picture.image.mode == "RGB"
    assert picture.scene.extras["engine"] == "diffusers"
    prompt = picture.scene.extras["prompt"]
    # Fitted to the text encoder: the tiny pipeline's character tokenizer reads 77
    # characters, so the style words stay and the sentence keeps what fits.
    assert len(engine.pipeline.tokenizer(prompt).input_ids) <= 77
    assert prompt.startswith("flat vector illustration, ") and "fox" in prompt
    assert prompt.endswith("solid colors")
    assert picture.scene.extras["diffusion"]["mode"] == "text-to-image"
    assert picture.scene.extras["diffusion"]["steps"] == 1
    assert picture.scene.to_json()["prompt"] == picture.scene.extras["prompt"]


def test_a_scene_size_off_the_grid_of_8_is_returned_at_its_own_size(
    engine: DiffusersEngine,
) -> None:
    picture = engine.draw(Scene(text="a boat", width=70, height=100), seed=1)
    assert picture.image.size == (70, 100)
    assert picture.scene.extras["diffusion"]["size"] == [72, 104]


def test_same_seed_same_pixels_other_seed_other_pixels(engine: DiffusersEngine) -> None:
    first = pixels(engine.draw(SCENE, seed=7).image)
    again = pixels(engine.draw(SCENE, seed=7).image)
    other = pixels(engine.draw(SCENE, seed=8).image)
    assert np.array_equal(first, again)
    assert np.abs(first - other).mean() > 1.0


def test_the_prompt_changes_the_picture(engine: DiffusersEngine) -> None:
    fox = pixels(engine.draw(SCENE, seed=3).image)
    boat = pixels(engine.draw(Scene(text="A blue boat.", width=64, height=64), seed=3).image)
    assert not np.array_equal(fox, boat)


def test_a_draft_with_a_previous_picture_evolves_from_it(engine: DiffusersEngine) -> None:
    black = Image.new("RGB", (64, 64), "black")
    white = Image.new("RGB", (48, 48), "white")  # any size: resized to the drawing's
    from_black = engine.draw(SCENE, draft=True, previous=black, seed=5)
    from_white = engine.draw(SCENE, draft=True, previous=white, seed=5)
    from_text = engine.draw(SCENE, draft=True, seed=5)
    diffusion = from_black.scene.extras["diffusion"]
    assert diffusion["mode"] == "image-to-image"
    assert diffusion["strength"] == 0.5
    assert diffusion["steps"] == 1  # 1 step actually run, though 2 were asked at 0.5
    assert from_text.scene.extras["diffusion"]["mode"] == "text-to-image"
    assert from_black.image.size == (64, 64)
    assert not np.array_equal(pixels(from_black.image), pixels(from_white.image))
    assert not np.array_equal(pixels(from_black.image), pixels(from_text.image))


def test_a_final_picture_ignores_the_previous_one_by_default(engine: DiffusersEngine) -> None:
    previous = Image.new("RGB", (64, 64), "white")
    with_previous = engine.draw(SCENE, previous=previous, seed=2)
    without = engine.draw(SCENE, seed=2)
    assert with_previous.scene.extras["diffusion"]["mode"] == "text-to-image"
    assert np.array_equal(pixels(with_previous.image), pixels(without.image))


def test_guidance_uses_the_style_negative_prompt(tiny_model: Path) -> None:
    guided = DiffusersEngine(
        DiffusersOptions(model=str(tiny_model), device="cpu", guidance_scale=3.0)
    )
    prompts: list[str] = []
    encode = guided.pipeline.encode_prompt

    def spy(*args: object, **kwargs: object) -> object:
        bound = inspect.signature(encode).bind(*args, **kwargs)
        prompts.append(str(bound.arguments.get("negative_prompt")))
        return encode(*args, **kwargs)

    guided.pipeline.encode_prompt = spy
    picture = guided.draw(SCENE, seed=1)
    assert prompts == [picture.scene.extras["negative_prompt"]]
    assert "photorealistic" in prompts[0]  # the flat style's negative words


def test_a_superseded_drawing_stops_between_denoising_steps(tiny_model: Path) -> None:
    engine = DiffusersEngine(DiffusersOptions(model=str(tiny_model), device="cpu", steps=4))
    unet_calls = count_unet_calls(engine)
    polls: list[int] = []

    def should_stop() -> bool:
        polls.append(1)
        return len(polls) > 2  # before drawing, after step 1: go on; after step 2: stop

    with pytest.raises(DrawingCancelled, match="after 2 denoising steps"):
        engine.draw(SCENE, seed=1, should_stop=should_stop)
    assert len(unet_calls) == 2
    finished = engine.draw(SCENE, seed=1, should_stop=lambda: False)
    assert finished.scene.extras["diffusion"]["steps"] == 4
    assert len(unet_calls) == 6


def test_a_drawing_superseded_before_it_starts_runs_no_step(engine: DiffusersEngine) -> None:
    unet_calls = count_unet_calls(engine)
    with pytest.raises(DrawingCancelled):
        engine.draw(SCENE, should_stop=lambda: True)
    assert unet_calls == []


def test_a_tiny_autoencoder_replaces_the_vae(tiny_model: Path, tmp_path: Path) -> None:
    build_random_tiny_autoencoder().save_pretrained(tmp_path / "taesd")
    engine = DiffusersEngine(
        DiffusersOptions(
            model=str(tiny_model), device="cpu", tiny_autoencoder=str(tmp_path / "taesd")
        )
    )
    assert type(engine.pipeline.vae).__name__ == "AutoencoderTiny"
    assert engine.image_to_image.vae is engine.pipeline.vae
    assert engine.draw(SCENE, seed=1).image.size == (64, 64)
    draft = engine.draw(SCENE, draft=True, previous=Image.new("RGB", (64, 64)), seed=1)
    assert draft.image.size == (64, 64)


def test_missing_weights_name_where_to_put_them(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"model_index\.json.*\.safetensors"):
        DiffusersEngine(DiffusersOptions(model=str(tmp_path / "nowhere"), device="cpu"))
    with pytest.raises(FileNotFoundError, match="no such file"):
        DiffusersEngine(DiffusersOptions(model=str(tmp_path / "sd-turbo.safetensors")))
    with pytest.raises(FileNotFoundError, match=r"without model_index\.json"):
        DiffusersEngine(DiffusersOptions(model=str(tmp_path), device="cpu"))
    with pytest.raises(ValueError, match="model is not set"):
        DiffusersEngine(DiffusersOptions(device="cpu"))


def test_pickled_checkpoints_are_refused(tmp_path: Path) -> None:
    (tmp_path / "model.ckpt").write_bytes(b"not read")
    with pytest.raises(ValueError, match="pickled checkpoints"):
        load_text_to_image(DiffusersOptions(model=str(tmp_path / "model.ckpt")), dtype=None)


def test_a_safetensors_file_loads_as_a_single_file_checkpoint(
    tiny_model: Path, tmp_path: Path
) -> None:
    from safetensors.torch import save_file

    # Not a Stable Diffusion checkpoint: routed to from_single_file, which cannot map it.
    save_file({"first_stage_model.nothing": torch.zeros(1)}, tmp_path / "sd.safetensors")
    with pytest.raises(RuntimeError, match="single-file Stable Diffusion checkpoint"):
        load_text_to_image(
            DiffusersOptions(
                model=str(tmp_path / "sd.safetensors"),
                single_file_config=str(tiny_model),
                local_files_only=True,
            ),
            dtype=torch.float32,
        )
    save_file({"conditioner.embedders.1.model.x": torch.zeros(1)}, tmp_path / "xl.safetensors")
    with pytest.raises(RuntimeError, match="single-file SDXL checkpoint"):
        load_text_to_image(
            DiffusersOptions(
                model=str(tmp_path / "xl.safetensors"),
                single_file_config=str(tiny_model),
                local_files_only=True,
            ),
            dtype=torch.float32,
        )
    (tmp_path / "broken.safetensors").write_bytes(b"\x00" * 16)
    with pytest.raises(ValueError, match=r"not a readable \.safetensors"):
        load_text_to_image(DiffusersOptions(model=str(tmp_path / "broken.safetensors")), dtype=None)


# diffusers passes huggingface_hub an argument it has deprecated; not ours to change.
@pytest.mark.filterwarnings(
    "ignore:The `local_dir_use_symlinks` argument is deprecated:UserWarning"
)
def test_a_hub_id_not_in_the_cache_fails_offline_with_a_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(RuntimeError, match="huggingface-cli download"):
        load_text_to_image(
            DiffusersOptions(model="example-org/no-such-model", local_files_only=True),
            dtype=torch.float32,
        )


def test_options_are_checked_up_front() -> None:
    with pytest.raises(ValueError, match="device='tpu'"):
        DiffusersOptions(device="tpu")
    with pytest.raises(ValueError, match="draft_strength=0"):
        DiffusersOptions(draft_strength=0)
    with pytest.raises(ValueError, match="size_px=100"):
        DiffusersOptions(size_px=100)
    with pytest.raises(ValueError, match="steps=0"):
        DiffusersOptions(steps=0)
    assert DiffusersOptions(device="cuda:1").device == "cuda:1"


def test_without_the_extra_the_error_names_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "diffusers", None)
    with pytest.raises(RuntimeError, match=r"pip install 'speech2image\[diffusers\]'") as info:
        DiffusersEngine(DiffusersOptions(model="anything"))
    assert isinstance(info.value.__cause__, ImportError)
