"""Neural image engine over 🤗 diffusers: one-step turbo models (SD-Turbo, SDXL-Turbo, LCM).

Needs the extra (``pip install 'speech2image[diffusers]'``) and weights the user has: a
diffusers folder (with ``model_index.json``), a single ``.safetensors`` checkpoint, or a hub
id already in the user's cache (or downloadable when online). Runs on CUDA or MPS in float16
when present, else on the CPU in float32.

Live continuity, as in StreamDiffusion (Kodaira et al., 2023): a draft of partial text with a
previous picture runs image-to-image from that picture at low strength, so the picture
evolves instead of jumping; a draft superseded by newer text stops between denoising steps
(``callback_on_step_end``) and raises :class:`~speech2image.imaging.engine.DrawingCancelled`.
"""

from __future__ import annotations

import inspect
import logging
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PIL import Image

from speech2image.imaging.diffusers_prompt import build_prompt
from speech2image.imaging.engine import DrawingCancelled, Picture
from speech2image.scene import Scene

logger = logging.getLogger(__name__)

INSTALL_HINT = "pip install 'speech2image[diffusers]'"
DEVICES = ("auto", "cpu", "cuda", "mps")
DTYPES = ("auto", "float32", "float16", "bfloat16")
_HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*/[\w.-]+$")
_SDXL_KEY_PREFIX = "conditioner.embedders.1."
"""Present in SDXL single-file checkpoints only (the second, OpenCLIP-bigG text encoder)."""


@dataclass(frozen=True, kw_only=True)
class DiffusersOptions:
    """The diffusers engine. Defaults suit one-step turbo models (SD-Turbo, SDXL-Turbo)."""

    model: str | None = None
    """A diffusers folder, a single ``.safetensors`` checkpoint, or a hub id (``org/name``)."""
    single_file_config: str | None = None
    """For a single-file checkpoint: a diffusers folder (or hub id) of the same architecture
    whose ``model_index.json`` and component configs describe it. Without it diffusers
    fetches the configs of the matching base model from the hub, which needs a network."""
    local_files_only: bool = False
    """Never reach the hub: a hub id must already be in the local cache."""
    device: str = "auto"
    """``auto`` (CUDA, then MPS, then CPU), ``cpu``, ``cuda``, ``cuda:N`` or ``mps``."""
    dtype: str = "auto"
    """``auto`` (float16 on CUDA and MPS, float32 on the CPU), ``float32``, ``float16``,
    ``bfloat16``."""
    steps: int = 1
    """Denoising steps for a final picture; turbo models are distilled for 1 to 4."""
    draft_steps: int = 1
    """Denoising steps actually run for a draft of partial text."""
    guidance_scale: float = 0.0
    """Classifier-free guidance; turbo models are trained without it (0). Above 1 the
    style's negative prompt is used and each step costs two UNet passes."""
    draft_strength: float = 0.5
    """How far a draft moves from the previous picture, 0 (not at all) to 1 (a new
    picture); drafts without a previous picture are drawn from text alone."""
    final_strength: float | None = None
    """The same for final pictures; ``None`` draws finals from text alone, so a new
    sentence is not tied to the last one's picture."""
    size_px: int | None = None
    """Width and height of the drawing, a multiple of 8; ``None`` uses the scene's size.
    The picture returned always has the scene's size."""
    tiny_autoencoder: str | None = None
    """A TAESD folder (``AutoencoderTiny``: taesd for SD, taesdxl for SDXL) decoding in a
    fraction of the VAE's time, at some cost in detail."""
    channels_last: bool = True
    """Store UNet and VAE weights channels-last, the faster layout for convolutions."""
    compile_unet: bool = False
    """``torch.compile`` the UNet: the first picture takes minutes, later ones are faster."""

    def __post_init__(self) -> None:
        if self.device not in DEVICES and not re.fullmatch(r"cuda:\d+", self.device):
            raise ValueError(f"device={self.device!r} is not one of {', '.join(DEVICES)}, cuda:N")
        if self.dtype not in DTYPES:
            raise ValueError(f"dtype={self.dtype!r} is not one of {', '.join(DTYPES)}")
        for name in ("steps", "draft_steps"):
            if not 1 <= getattr(self, name) <= 50:
                raise ValueError(f"{name}={getattr(self, name)!r} must be between 1 and 50")
        if self.guidance_scale < 0:
            raise ValueError(f"guidance_scale={self.guidance_scale!r} must be 0 or more")
        for name in ("draft_strength", "final_strength"):
            value = getattr(self, name)
            if value is not None and not 0.0 < value <= 1.0:
                raise ValueError(f"{name}={value!r} must be above 0 and at most 1")
        if self.size_px is not None and (self.size_px < 64 or self.size_px % 8):
            raise ValueError(f"size_px={self.size_px!r} must be a multiple of 8, at least 64")


def _import_torch_and_diffusers() -> tuple[Any, Any]:
    try:
        import diffusers
        import torch
    except ImportError as e:
        raise RuntimeError(
            f"The diffusers engine needs PyTorch and diffusers: {INSTALL_HINT} "
            "(install the PyTorch build for your GPU first). Without it, use the embedded "
            "composer (the default engine)."
        ) from e
    return torch, diffusers


def _pick_device(torch: Any, device: str) -> str:
    if device != "auto":
        return device
    if torch.cuda.is_available():
        return "cuda"
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        return "mps"
    return "cpu"


def _pick_dtype(torch: Any, dtype: str, device: str) -> Any:
    if dtype == "auto":
        # Half precision halves memory and doubles speed on GPUs; CPUs have no fast fp16.
        return torch.float32 if device == "cpu" else torch.float16
    return getattr(torch, dtype)


def _dtype_kwargs(diffusers: Any, dtype: Any) -> dict[str, Any]:
    # diffusers renamed `torch_dtype` to `dtype` (and warns on the old name) in the versions
    # that carry `_resolve_dtype`; older versions take only `torch_dtype`.
    from importlib import import_module

    deprecation = import_module("diffusers.utils.deprecation_utils")
    return {"dtype": dtype} if hasattr(deprecation, "_resolve_dtype") else {"torch_dtype": dtype}


def _missing_weights(model: str) -> FileNotFoundError:
    return FileNotFoundError(
        f"model={model!r}: no such file or folder. Put the weights there as a diffusers "
        "folder (with model_index.json, e.g. `huggingface-cli download stabilityai/sd-turbo "
        "--local-dir models/sd-turbo` on a machine that is online) or as a single .safetensors "
        "checkpoint, or pass a hub id such as stabilityai/sd-turbo. See docs/diffusers.md."
    )


def load_text_to_image(options: DiffusersOptions, *, dtype: Any) -> Any:
    """Load the text-to-image pipeline ``options.model`` names (on the CPU, in ``dtype``)."""
    _, diffusers = _import_torch_and_diffusers()
    if not options.model:
        raise ValueError(
            "model is not set: pass --model with a diffusers folder, a .safetensors "
            "checkpoint or a hub id (see docs/diffusers.md)"
        )
    model = options.model
    path = Path(model).expanduser()
    kwargs = {**_dtype_kwargs(diffusers, dtype), "local_files_only": options.local_files_only}
    if path.suffix in (".ckpt", ".pt", ".bin"):
        raise ValueError(
            f"model={model!r}: pickled checkpoints can run code when loaded and are not "
            "read; use a .safetensors checkpoint or a diffusers folder"
        )
    if path.suffix == ".safetensors":
        if not path.is_file():
            raise _missing_weights(model)
        return _load_single_file(diffusers, path, options, kwargs)
    if path.is_dir():
        if not (path / "model_index.json").is_file():
            raise FileNotFoundError(
                f"model={model!r} is a folder without model_index.json: it must be a whole "
                "diffusers pipeline (model_index.json, unet/, vae/, text_encoder/, tokenizer/, "
                "scheduler/), as `huggingface-cli download <hub id> --local-dir` writes it"
            )
        logger.info("loading diffusers pipeline from %s", path)
        return diffusers.AutoPipelineForText2Image.from_pretrained(str(path), **kwargs)
    if path.exists() or not _HUB_ID.fullmatch(model):
        raise _missing_weights(model)
    logger.info("loading diffusers pipeline %s from the hub cache", model)
    try:
        return diffusers.AutoPipelineForText2Image.from_pretrained(model, **kwargs)
    except (OSError, ValueError) as e:
        raise RuntimeError(
            f"model={model!r} could not be loaded as a hub id ({e}). Offline, it must be in "
            "your hub cache already; or download it where you are online "
            f"(`huggingface-cli download {model} --local-dir DIR`) and pass --model DIR; "
            "if you meant a local folder, it does not exist"
        ) from e


def _load_single_file(diffusers: Any, path: Path, options: DiffusersOptions, kwargs: Any) -> Any:
    from safetensors import safe_open

    try:
        with safe_open(str(path), framework="pt") as checkpoint:
            keys = list(checkpoint.keys())
    except Exception as e:  # safetensors raises its own error types for corrupt headers
        raise ValueError(f"model={str(path)!r} is not a readable .safetensors file: {e}") from e
    is_sdxl = any(k.startswith(_SDXL_KEY_PREFIX) for k in keys)
    pipeline_class = (
        diffusers.StableDiffusionXLPipeline if is_sdxl else diffusers.StableDiffusionPipeline
    )
    logger.info("loading single-file checkpoint %s as %s", path, pipeline_class.__name__)
    try:
        return pipeline_class.from_single_file(
            str(path), config=options.single_file_config, **kwargs
        )
    except Exception as e:  # diffusers raises many types for a checkpoint it cannot map
        raise RuntimeError(
            f"model={str(path)!r} could not be loaded as a single-file "
            f"{'SDXL' if is_sdxl else 'Stable Diffusion'} checkpoint ({type(e).__name__}: {e}). "
            "It must be an original-layout checkpoint (model.diffusion_model.*); offline, also "
            "pass single_file_config (--model-config), a diffusers folder of the same "
            "architecture"
        ) from e


class _Superseded(Exception):
    """Raised inside the denoising loop to leave it; becomes DrawingCancelled."""


class DiffusersEngine:
    """Draws scenes with a diffusers text-to-image pipeline (blocking; one call at a time).

    ``pipeline`` is an already built text-to-image pipeline (the benchmark builds one with
    random weights); without it, ``options.model`` is loaded. Loading happens here, once.
    """

    name = "diffusers"

    def __init__(self, options: DiffusersOptions, *, pipeline: Any | None = None) -> None:
        torch, diffusers = _import_torch_and_diffusers()
        self.options = options
        self.device = _pick_device(torch, options.device)
        self.dtype = _pick_dtype(torch, options.dtype, self.device)
        if pipeline is None:
            pipeline = load_text_to_image(options, dtype=self.dtype)
        if options.tiny_autoencoder:
            pipeline.vae = self._load_tiny_autoencoder(diffusers, options.tiny_autoencoder)
        pipeline = pipeline.to(self.device)
        if pipeline.unet.dtype != self.dtype:
            # Only a prebuilt pipeline can differ; loading already used `self.dtype`.
            pipeline = pipeline.to(self.dtype)
        pipeline.set_progress_bar_config(disable=True)
        self._speed_up(torch, pipeline)
        self.pipeline = pipeline
        """The text-to-image pipeline."""
        # Shares every component (no copy of the weights): only the call differs.
        self.image_to_image = diffusers.AutoPipelineForImage2Image.from_pipe(pipeline)
        self.image_to_image.set_progress_bar_config(disable=True)
        # LCM pipelines take guidance but no negative prompt.
        self._takes_negative_prompt = "negative_prompt" in inspect.signature(pipeline).parameters
        self._torch = torch
        logger.info(
            "diffusers engine ready: %s on %s (%s)",
            type(pipeline).__name__,
            self.device,
            str(self.dtype).removeprefix("torch."),
        )

    def _load_tiny_autoencoder(self, diffusers: Any, folder: str) -> Any:
        path = Path(folder).expanduser()
        if not (path / "config.json").is_file():
            raise FileNotFoundError(
                f"tiny_autoencoder={folder!r} is not a TAESD folder (no config.json); download "
                "madebyollin/taesd (SD) or madebyollin/taesdxl (SDXL) there"
            )
        return diffusers.AutoencoderTiny.from_pretrained(
            str(path), **_dtype_kwargs(diffusers, self.dtype)
        )

    def _speed_up(self, torch: Any, pipeline: Any) -> None:
        """SDPA attention, channels-last weights and torch.compile, as the options say."""
        from diffusers.models.attention_processor import AttnProcessor, AttnProcessor2_0

        unet = pipeline.unet
        # diffusers picks PyTorch's fused scaled-dot-product attention by default; a model
        # saved with the plain processor is switched to it (same results, less memory).
        if any(type(p) is AttnProcessor for p in unet.attn_processors.values()):
            unet.set_attn_processor(AttnProcessor2_0())
        if self.options.channels_last:
            unet.to(memory_format=torch.channels_last)
            pipeline.vae.to(memory_format=torch.channels_last)
        if self.options.compile_unet:
            mode = "reduce-overhead" if self.device.startswith("cuda") else None
            pipeline.unet = torch.compile(unet, mode=mode)

    def draw(
        self,
        scene: Scene,
        *,
        draft: bool = False,
        previous: Image.Image | None = None,
        seed: int = 0,
        should_stop: Callable[[], bool] | None = None,
    ) -> Picture:
        """Draw ``scene``; see :meth:`speech2image.imaging.engine.ImageEngine.draw`."""
        # 1. A request superseded while it waited is dropped before any work.
        if should_stop is not None and should_stop():
            raise DrawingCancelled("superseded before drawing")
        # 2. The prompt, fitted to the text encoder's own token count (style words kept).
        tokenizer = self.pipeline.tokenizer
        prompt = build_prompt(scene, count_tokens=lambda text: len(tokenizer(text).input_ids),
                              max_tokens=tokenizer.model_max_length)  # fmt: skip
        # 3. The drawing size: the model needs multiples of 8; the picture has the scene's.
        width, height = self._drawing_size(scene)
        # 4. Image-to-image from the previous picture, or text-to-image.
        strength, steps = self._strength_and_steps(draft)
        start = previous if strength is not None else None
        # 5. Stop between denoising steps when newer text superseded this drawing.
        steps_done = 0

        def on_step_end(_pipe: Any, _step: int, _timestep: Any, kwargs: dict[str, Any]) -> Any:
            nonlocal steps_done
            steps_done += 1
            if should_stop is not None and should_stop():
                raise _Superseded
            return kwargs

        arguments: dict[str, Any] = {
            "prompt": prompt.positive, "guidance_scale": self.options.guidance_scale,
            "generator": self._torch.Generator("cpu").manual_seed(seed),
            "callback_on_step_end": on_step_end, "output_type": "pil",
        }  # fmt: skip
        if self.options.guidance_scale > 1 and self._takes_negative_prompt:
            arguments["negative_prompt"] = prompt.negative
        # 6. Denoise and decode.
        try:
            image = self._denoise(arguments, start, strength, steps, (width, height))
        except _Superseded:
            logger.debug("drawing superseded after %d denoising steps", steps_done)
            raise DrawingCancelled(f"superseded after {steps_done} denoising steps") from None
        if image.size != (scene.width, scene.height):  # the picture has the scene's size
            image = image.resize((scene.width, scene.height), Image.Resampling.LANCZOS)
        # 7. The completed scene keeps how it was drawn.
        diffusion = {
            "model": self.options.model,
            "mode": "image-to-image" if start is not None else "text-to-image",
            "steps": steps_done,
            "strength": strength if start is not None else 1.0,
            "guidance_scale": self.options.guidance_scale,
            "seed": seed,
            "size": [width, height],
        }
        extras = {**scene.extras, "engine": self.name, "prompt": prompt.positive,
                  "negative_prompt": prompt.negative, "diffusion": diffusion}  # fmt: skip
        return Picture(image=image, scene=replace(scene, extras=extras))

    def _strength_and_steps(self, draft: bool) -> tuple[float | None, int]:
        """A draft's or a final's image-to-image strength (``None``: from text) and steps."""
        if draft:
            return self.options.draft_strength, self.options.draft_steps
        return self.options.final_strength, self.options.steps

    def _denoise(
        self,
        arguments: dict[str, Any],
        start: Image.Image | None,
        strength: float | None,
        steps: int,
        size: tuple[int, int],
    ) -> Image.Image:
        """Image-to-image from ``start`` at ``strength``, else text-to-image, at ``size``."""
        with self._torch.inference_mode():
            if start is not None and strength is not None:
                # The pipeline runs int(steps * strength) steps: ask for enough that `steps`
                # of them run (1 step at strength 0.5 is a call for 2).
                result = self.image_to_image(
                    image=start.convert("RGB").resize(size, Image.Resampling.LANCZOS),
                    strength=strength,
                    num_inference_steps=max(steps, math.ceil(steps / strength)),
                    **arguments,
                )
            else:
                width, height = size
                result = self.pipeline(
                    width=width, height=height, num_inference_steps=steps, **arguments
                )
        image: Image.Image = result.images[0]
        return image

    def _drawing_size(self, scene: Scene) -> tuple[int, int]:
        if self.options.size_px is not None:
            return self.options.size_px, self.options.size_px
        # The nearest multiple of 8 (the VAE's and UNet's stride, halves rounded up), at
        # least 64.
        return max(64, int(scene.width / 8 + 0.5) * 8), max(64, int(scene.height / 8 + 0.5) * 8)

    def warm_up(self, *, width: int = 512, height: int = 512) -> None:
        """Draw one throwaway picture, so that the first real one is not slowed by lazy
        initialisation (kernel selection, ``torch.compile``)."""
        self.draw(Scene(text="warm up", width=width, height=height))
