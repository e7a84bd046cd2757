"""What ``bench diffusers`` times, and the facts of the device it times it on.

A model is either the name of an architecture built with random weights from the
configurations written in :mod:`speech2image.testing.diffusers_random` (``tiny``,
``sd-turbo``, ``sdxl-turbo``: nothing is downloaded, and the time a network takes does not
depend on its weights' values) or the user's weights (a diffusers folder, a ``.safetensors``
checkpoint, a hub id), loaded by the engine itself. The device facts are what a figure needs
beside it to mean anything: the GPU's (or CPU's) name, the library versions, and the peak
memory of the drawing, read on CUDA from the caching allocator's counters, elsewhere from the
process's peak resident set.
"""

from __future__ import annotations

import platform
import resource
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from speech2image.testing.diffusers_random import ARCHITECTURES, build_random_pipeline

RANDOM_MODELS = ARCHITECTURES
"""Model names built with random weights; any other ``--model`` is the user's weights."""

_COMPONENTS = ("unet", "text_encoder", "text_encoder_2", "vae")
_VERSIONED = ("torch", "diffusers", "transformers", "accelerate")


def is_random_model(model: str) -> bool:
    """Whether ``model`` names a random-weight architecture rather than weights on disk."""
    return model in RANDOM_MODELS


def build_random(model: str, *, scratch: Path) -> Any:
    """The text-to-image pipeline of architecture ``model`` with seeded random weights, in
    float32 on the CPU (the engine then moves it to the device and its dtype).

    ``scratch`` is a folder for the character tokenizer; the pipeline has read it once built.
    """
    if not is_random_model(model):
        raise ValueError(f"model={model!r} is not one of {', '.join(RANDOM_MODELS)}")
    return build_random_pipeline(model, tokenizer_dir=scratch)


def parameter_counts_m(pipeline: Any) -> dict[str, float]:
    """Millions of parameters in each network of ``pipeline`` (proof of the architecture:
    SD 2.1's UNet has 866 M, SDXL's 2,567 M)."""
    counts = {}
    for name in _COMPONENTS:
        module = getattr(pipeline, name, None)
        if module is not None:
            total = sum(p.numel() for p in module.parameters())
            counts[name] = round(total / 1e6, 1)
    return counts


@dataclass(frozen=True, slots=True)
class DeviceFacts:
    """The device a benchmark ran on, as its report prints it."""

    device: str
    """``cuda``, ``cuda:N``, ``mps`` or ``cpu``."""
    name: str
    """The GPU's name (``torch.cuda.get_device_name``) or the CPU's model name."""
    versions: dict[str, str]
    """Versions of torch, diffusers, transformers, accelerate and CUDA (absent ones left out)."""


def device_facts(torch: Any, device: str) -> DeviceFacts:
    """The name of ``device`` and the versions of the libraries doing the work."""
    if device.startswith("cuda"):
        name = str(torch.cuda.get_device_name(torch.device(device)))
    elif device == "mps":
        name = f"Apple MPS ({platform.machine()})"
    else:
        name = _cpu_name()
    versions = {}
    for package in _VERSIONED:
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            continue
    if getattr(torch.version, "cuda", None):
        versions["cuda"] = str(torch.version.cuda)
    return DeviceFacts(device=device, name=name, versions=versions)


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


class PeakMemory:
    """Peak memory while drawing: GPU memory allocated on CUDA (reset once the pipeline is
    built and placed, so that building does not count), the process's peak RSS elsewhere."""

    def __init__(self, torch: Any, device: str) -> None:
        self._torch = torch
        self._cuda = device.startswith("cuda")
        self._device = device
        self.kind = "gpu" if self._cuda else "rss"
        """``gpu`` (CUDA allocator) or ``rss`` (the process's peak resident set)."""

    def reset(self) -> None:
        """Start counting from now (CUDA only: the peak RSS of a process cannot be reset)."""
        if self._cuda:
            self._torch.cuda.synchronize(self._device)
            self._torch.cuda.reset_peak_memory_stats(self._device)

    def synchronize(self) -> None:
        """Wait for the device's queued work, so a timer stops when the picture is done."""
        if self._cuda:
            self._torch.cuda.synchronize(self._device)

    def peak_mb(self) -> float:
        """The peak since :meth:`reset` (CUDA) or since the process started."""
        if self._cuda:
            return round(self._torch.cuda.max_memory_allocated(self._device) / 2**20, 1)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        # Linux reports kilobytes, macOS bytes.
        return round(peak / 2**20 if sys.platform == "darwin" else peak / 1024, 1)
