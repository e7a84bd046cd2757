"""Diffusers pipelines with random weights, built from configurations written here.

No weights can be downloaded in this project's workplace, so the engine is tested with a
tiny pipeline and benchmarked with the real architectures at random weights (the speed of a
network does not depend on the values of its weights). Three architectures:

``tiny``
    A few thousand parameters in each part, as in diffusers' own pipeline tests: draws a
    64x64 picture in milliseconds. Tests save it to a folder and load it back through the
    same code path as real weights.
``sd-turbo``
    SD-Turbo: the Stable Diffusion 2.1 base UNet (865 M parameters), the OpenCLIP ViT-H text
    encoder (1024 wide, 23 layers, as SD 2 uses the penultimate layer) and the SD VAE.
``sdxl-turbo``
    SDXL-Turbo: the SDXL UNet (2.6 G parameters), the CLIP ViT-L and OpenCLIP ViT-bigG text
    encoders and the SDXL VAE.

The configurations are those of the published ``model_index.json`` and component
``config.json`` files, copied by hand. The tokenizer is a character-level CLIP tokenizer
written to a folder (the real 49,408-token vocabulary cannot be fetched here); prompts are
still padded to CLIP's 77 tokens, so the text encoder does the same work.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ARCHITECTURES = ("tiny", "sd-turbo", "sdxl-turbo")
"""Names accepted by :func:`build_random_pipeline`."""

_SCHEDULER = {
    "beta_start": 0.00085,
    "beta_end": 0.012,
    "beta_schedule": "scaled_linear",
    "num_train_timesteps": 1000,
    "prediction_type": "epsilon",
    # Turbo models are distilled for "trailing" spacing: 1 step starts at t=999.
    "timestep_spacing": "trailing",
    "steps_offset": 1,
}

_SD_VAE: dict[str, Any] = {
    "in_channels": 3,
    "out_channels": 3,
    "latent_channels": 4,
    "block_out_channels": [128, 256, 512, 512],
    "down_block_types": ["DownEncoderBlock2D"] * 4,
    "up_block_types": ["UpDecoderBlock2D"] * 4,
    "layers_per_block": 2,
    "norm_num_groups": 32,
    "act_fn": "silu",
    "sample_size": 512,
    "scaling_factor": 0.18215,
}

SD_TURBO: dict[str, dict[str, Any]] = {
    "unet": {
        "sample_size": 64,
        "in_channels": 4,
        "out_channels": 4,
        "block_out_channels": [320, 640, 1280, 1280],
        "down_block_types": [
            "CrossAttnDownBlock2D",
            "CrossAttnDownBlock2D",
            "CrossAttnDownBlock2D",
            "DownBlock2D",
        ],
        "up_block_types": [
            "UpBlock2D",
            "CrossAttnUpBlock2D",
            "CrossAttnUpBlock2D",
            "CrossAttnUpBlock2D",
        ],
        "layers_per_block": 2,
        "attention_head_dim": [5, 10, 20, 20],
        "cross_attention_dim": 1024,
        "use_linear_projection": True,
        "norm_num_groups": 32,
        "flip_sin_to_cos": True,
        "freq_shift": 0,
        "act_fn": "silu",
    },
    "text_encoder": {
        "vocab_size": 49408,
        "hidden_size": 1024,
        "intermediate_size": 4096,
        "num_attention_heads": 16,
        "num_hidden_layers": 23,
        "max_position_embeddings": 77,
        "hidden_act": "gelu",
        "projection_dim": 512,
        "layer_norm_eps": 1e-5,
    },
    "vae": _SD_VAE,
    "scheduler": _SCHEDULER,
}
"""Component configurations of SD-Turbo (SD 2.1 base architecture)."""

SDXL_TURBO: dict[str, dict[str, Any]] = {
    "unet": {
        "sample_size": 64,
        "in_channels": 4,
        "out_channels": 4,
        "block_out_channels": [320, 640, 1280],
        "down_block_types": ["DownBlock2D", "CrossAttnDownBlock2D", "CrossAttnDownBlock2D"],
        "up_block_types": ["CrossAttnUpBlock2D", "CrossAttnUpBlock2D", "UpBlock2D"],
        "layers_per_block": 2,
        "transformer_layers_per_block": [1, 2, 10],
        "attention_head_dim": [5, 10, 20],
        "cross_attention_dim": 2048,
        "use_linear_projection": True,
        "addition_embed_type": "text_time",
        "addition_embed_type_num_heads": 64,
        "addition_time_embed_dim": 256,
        "projection_class_embeddings_input_dim": 2816,
        "norm_num_groups": 32,
        "flip_sin_to_cos": True,
        "freq_shift": 0,
        "act_fn": "silu",
    },
    "text_encoder": {
        "vocab_size": 49408,
        "hidden_size": 768,
        "intermediate_size": 3072,
        "num_attention_heads": 12,
        "num_hidden_layers": 12,
        "max_position_embeddings": 77,
        "hidden_act": "quick_gelu",
        "projection_dim": 768,
        "layer_norm_eps": 1e-5,
    },
    "text_encoder_2": {
        "vocab_size": 49408,
        "hidden_size": 1280,
        "intermediate_size": 5120,
        "num_attention_heads": 20,
        "num_hidden_layers": 32,
        "max_position_embeddings": 77,
        "hidden_act": "gelu",
        "projection_dim": 1280,
        "layer_norm_eps": 1e-5,
    },
    "vae": {**_SD_VAE, "sample_size": 1024, "scaling_factor": 0.13025, "force_upcast": True},
    "scheduler": _SCHEDULER,
}
"""Component configurations of SDXL-Turbo (SDXL base architecture)."""

TINY: dict[str, dict[str, Any]] = {
    "unet": {
        "sample_size": 32,
        "in_channels": 4,
        "out_channels": 4,
        "block_out_channels": [32, 64],
        "down_block_types": ["DownBlock2D", "CrossAttnDownBlock2D"],
        "up_block_types": ["CrossAttnUpBlock2D", "UpBlock2D"],
        "layers_per_block": 1,
        "attention_head_dim": 8,
        "cross_attention_dim": 32,
        "norm_num_groups": 32,
    },
    "text_encoder": {
        "vocab_size": 1000,
        "hidden_size": 32,
        "intermediate_size": 37,
        "num_attention_heads": 4,
        "num_hidden_layers": 2,
        "max_position_embeddings": 77,
        "projection_dim": 32,
        "layer_norm_eps": 1e-5,
    },
    "vae": {
        "in_channels": 3,
        "out_channels": 3,
        "latent_channels": 4,
        "block_out_channels": [32, 64],
        "down_block_types": ["DownEncoderBlock2D"] * 2,
        "up_block_types": ["UpDecoderBlock2D"] * 2,
        "layers_per_block": 1,
        "norm_num_groups": 32,
        "sample_size": 64,
    },
    "scheduler": _SCHEDULER,
}
"""A tiny SD-shaped pipeline: 64x64 pictures (latents 32x32, VAE scale factor 2)."""

TINY_AUTOENCODER: dict[str, Any] = {
    "encoder_block_out_channels": [16, 16],
    "decoder_block_out_channels": [16, 16],
    "num_encoder_blocks": [1, 1],
    "num_decoder_blocks": [1, 1],
    "latent_channels": 4,
}
"""A tiny TAESD (:class:`diffusers.AutoencoderTiny`) matching :data:`TINY`'s scale factor 2."""


_SPECIAL_TOKEN_IDS: dict[str, Any] = {"bos_token_id": 512, "eos_token_id": 513, "pad_token_id": 513}
"""The ids of ``<|startoftext|>`` and ``<|endoftext|>`` in the character tokenizer: the text
encoder pools its output at the end-of-text token, which it finds by this id."""


def _byte_characters() -> list[str]:
    """The 256 printable characters CLIP's byte-level BPE uses for the 256 byte values."""
    printable = [
        *range(ord("!"), ord("~") + 1),
        *range(ord("¡"), ord("¬") + 1),
        *range(ord("®"), ord("ÿ") + 1),
    ]
    codes = printable[:]
    extra = 0
    for byte in range(256):
        if byte not in printable:
            codes.append(256 + extra)
            extra += 1
    return [chr(c) for c in codes]


def write_character_tokenizer(folder: Path) -> Path:
    """Write a character-level CLIP tokenizer (``vocab.json``, ``merges.txt``) to ``folder``.

    Every byte is a token, alone or word-final (``</w>``), plus CLIP's two special tokens:
    514 ids, all below :data:`TINY`'s vocabulary size. ``CLIPTokenizer.from_pretrained``
    loads it in transformers 4 and 5 alike.
    """
    folder.mkdir(parents=True, exist_ok=True)
    characters = _byte_characters()
    tokens = [*characters, *(c + "</w>" for c in characters), "<|startoftext|>", "<|endoftext|>"]
    vocab = {token: index for index, token in enumerate(tokens)}
    (folder / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    (folder / "merges.txt").write_text("#version: 0.2\n", encoding="utf-8")
    (folder / "special_tokens_map.json").write_text(
        json.dumps(
            {
                "bos_token": "<|startoftext|>",
                "eos_token": "<|endoftext|>",
                "unk_token": "<|endoftext|>",
                "pad_token": "<|endoftext|>",
            }
        ),
        encoding="utf-8",
    )
    (folder / "tokenizer_config.json").write_text(
        json.dumps({"model_max_length": 77, "tokenizer_class": "CLIPTokenizer"}),
        encoding="utf-8",
    )
    return folder


def build_random_pipeline(arch: str, *, tokenizer_dir: Path, seed: int = 0) -> Any:
    """A text-to-image pipeline of architecture ``arch`` with seeded random weights.

    ``tokenizer_dir`` is a scratch folder for the character tokenizer. Returns a
    ``StableDiffusionPipeline`` (``tiny``, ``sd-turbo``) or ``StableDiffusionXLPipeline``
    (``sdxl-turbo``) in float32 on the CPU. The real architectures take tens of seconds and
    4 GB (SD-Turbo) or 14 GB (SDXL-Turbo) of memory to build.
    """
    if arch not in ARCHITECTURES:
        raise ValueError(f"arch={arch!r} is not one of {', '.join(ARCHITECTURES)}")
    torch, diffusers, transformers = _import_diffusers()
    configs = {"tiny": TINY, "sd-turbo": SD_TURBO, "sdxl-turbo": SDXL_TURBO}[arch]
    tokenizer_path = write_character_tokenizer(tokenizer_dir)
    tokenizer = transformers.CLIPTokenizer.from_pretrained(tokenizer_path)
    # Seed each part separately so a part's weights do not depend on the order of building.
    torch.manual_seed(seed)
    unet = diffusers.UNet2DConditionModel(**configs["unet"])
    torch.manual_seed(seed + 1)
    vae = diffusers.AutoencoderKL(**configs["vae"])
    torch.manual_seed(seed + 2)
    text_encoder = transformers.CLIPTextModel(
        transformers.CLIPTextConfig(**configs["text_encoder"], **_SPECIAL_TOKEN_IDS)
    )
    scheduler = diffusers.EulerDiscreteScheduler(**configs["scheduler"])
    if arch != "sdxl-turbo":
        return diffusers.StableDiffusionPipeline(
            unet=unet,
            vae=vae,
            text_encoder=text_encoder,
            tokenizer=tokenizer,
            scheduler=scheduler,
            safety_checker=None,
            feature_extractor=None,
            requires_safety_checker=False,
        )
    torch.manual_seed(seed + 3)
    text_encoder_2 = transformers.CLIPTextModelWithProjection(
        transformers.CLIPTextConfig(**configs["text_encoder_2"], **_SPECIAL_TOKEN_IDS)
    )
    return diffusers.StableDiffusionXLPipeline(
        unet=unet,
        vae=vae,
        text_encoder=text_encoder,
        text_encoder_2=text_encoder_2,
        tokenizer=tokenizer,
        tokenizer_2=tokenizer,
        scheduler=scheduler,
        force_zeros_for_empty_prompt=True,
    )


def build_random_tiny_autoencoder(*, seed: int = 0) -> Any:
    """A tiny TAESD (``AutoencoderTiny``) with random weights, for :data:`TINY` pipelines."""
    torch, diffusers, _ = _import_diffusers()
    torch.manual_seed(seed)
    return diffusers.AutoencoderTiny(**TINY_AUTOENCODER)


def _import_diffusers() -> tuple[Any, Any, Any]:
    """``torch``, ``diffusers`` and ``transformers``, or an install hint."""
    try:
        import diffusers
        import torch
        import transformers
    except ImportError as e:
        raise RuntimeError(
            "Random-weight pipelines need the diffusers extra: "
            "pip install 'speech2image[diffusers]'"
        ) from e
    return torch, diffusers, transformers
