#!/usr/bin/env bash
# GPU figures of the diffusers engine in one go: SD-Turbo and SDXL-Turbo with random weights
# (the real architectures, built from configurations in the code: nothing is downloaded but
# the wheels), 512x512, 20 timed runs after 3 warm-ups per mode, without and with
# torch.compile. Needs an NVIDIA GPU with its driver, Python 3.11 with venv, and PyPI (or a
# wheelhouse).
#
# Usage: scripts/gpu-bench.sh [OUT_DIR]          (default: gpu-bench-YYYYmmdd-HHMMSS)
#        scripts/gpu-bench.sh --download DIR     (on an online Linux x86-64 machine with
#                                                 Python 3.11: build a wheelhouse to carry)
# Writes OUT_DIR/<model>[-compile].json (one `bench diffusers --json` report each),
# OUT_DIR/all.json, OUT_DIR/table.md (rows for docs/benchmarks.md), the logs, nvidia-smi's
# view and the installed versions. A run that fails is logged and the others still run.
#
# Environment:
#   PYTHON=python3.11    the interpreter for the venv
#   VENV=.venv-gpu       the venv it makes (reused when it exists)
#   SKIP_INSTALL=1       use $PYTHON as it is (the wheels below already installed)
#   WHEELHOUSE=DIR       install from DIR only (no index), as --download wrote it
#   TORCH_INDEX_URL=URL  an index for a torch build of another CUDA version (the PyPI wheel
#                        for Linux x86-64 is the CUDA 12 build, its libraries nvidia-* wheels)
#   MODELS="sd-turbo sdxl-turbo"  COMPILE="off on"  SIZE=512  RUNS=20  WARMUP=3
#   RUN_TIMEOUT_S=900    the longest one run may take (torch.compile of SDXL takes minutes)
#   DEVICE=cuda          cpu for a dry run of this script (with MODELS=tiny SIZE=64)
set -euo pipefail
cd "$(dirname "$0")/.."

# The extra wheels, with the versions the benchmark was written and tested against (CPU).
EXTRA_WHEELS=(torch==2.13.0 diffusers==0.42.1 transformers==5.24.0 accelerate==1.15.0
              safetensors==0.8.0)

PYTHON=${PYTHON:-python3.11}
VENV=${VENV:-.venv-gpu}
MODELS=${MODELS:-sd-turbo sdxl-turbo}
COMPILE=${COMPILE:-off on}
SIZE=${SIZE:-512}
RUNS=${RUNS:-20}
WARMUP=${WARMUP:-3}
RUN_TIMEOUT_S=${RUN_TIMEOUT_S:-900}
DEVICE=${DEVICE:-cuda}

if [[ ${1:-} == --download ]]; then
  dir=${2:?usage: scripts/gpu-bench.sh --download DIR}
  "$PYTHON" -m pip wheel -w "$dir" ${TORCH_INDEX_URL:+--extra-index-url "$TORCH_INDEX_URL"} \
    setuptools wheel "${EXTRA_WHEELS[@]}" ".[diffusers]"  # setuptools: to build the project
  echo "wheelhouse in $dir: copy it and this tree, then WHEELHOUSE=$dir scripts/gpu-bench.sh"
  exit 0
fi

out=${1:-gpu-bench-$(date -u +%Y%m%d-%H%M%S)}
mkdir -p "$out"

# 1. The venv: the extra wheels first (pinned), then the project with them as constraints.
if [[ -z ${SKIP_INSTALL:-} ]]; then
  [[ -x $VENV/bin/python ]] || "$PYTHON" -m venv "$VENV"
  PY=$VENV/bin/python
  source=()
  if [[ -n ${WHEELHOUSE:-} ]]; then
    source=(--no-index --find-links "$WHEELHOUSE")
  elif [[ -n ${TORCH_INDEX_URL:-} ]]; then
    source=(--extra-index-url "$TORCH_INDEX_URL")
  fi
  constraints=$out/constraints.txt
  printf '%s\n' "${EXTRA_WHEELS[@]}" >"$constraints"
  "$PY" -m pip install -q --upgrade pip "${source[@]}" || true
  "$PY" -m pip install -q "${source[@]}" "${EXTRA_WHEELS[@]}"
  "$PY" -m pip install -q "${source[@]}" -c "$constraints" -e ".[diffusers]"
else
  PY=$PYTHON
fi
"$PY" -m pip freeze >"$out/pip-freeze.txt" 2>/dev/null || true
nvidia-smi >"$out/nvidia-smi.txt" 2>&1 || echo "nvidia-smi not found" >"$out/nvidia-smi.txt"

# 2. The GPU must be seen by this torch, or no figure would be a GPU's.
[[ $DEVICE == cpu ]] || "$PY" - <<'EOF'
import sys

import torch

if not torch.cuda.is_available():
    sys.exit(f"torch {torch.__version__} sees no CUDA device (a CPU build? no driver?)")
print(f"torch {torch.__version__}, CUDA {torch.version.cuda}, {torch.cuda.get_device_name(0)}")
EOF

# 3. Every model without torch.compile first (the quick figures), then with it.
failed=0
for compile in $COMPILE; do
  for model in $MODELS; do
    name=$model$([[ $compile == on ]] && echo -compile || true)
    flags=(--device "$DEVICE" --size "$SIZE" --runs "$RUNS" --warmup "$WARMUP" --model "$model")
    [[ $compile == on ]] && flags+=(--compile)
    echo "== $name: speech2image bench diffusers ${flags[*]}"
    if timeout "$RUN_TIMEOUT_S" "$PY" -m speech2image bench diffusers "${flags[@]}" --json \
        >"$out/$name.json" 2>"$out/$name.log"; then
      "$PY" -c "import json,sys; r=json.load(open(sys.argv[1])); print({m: f['pictures_per_s'] for m, f in r['results'].items()}, 'pictures/s')" "$out/$name.json"
    else
      echo "   failed (exit $?): see $out/$name.log"; rm -f "$out/$name.json"; failed=1
    fi
  done
done

# 4. One JSON and one markdown table of every run that finished.
"$PY" - "$out" <<'EOF'
import json
import sys
from pathlib import Path

from speech2image.bench.diffusers import markdown_table

out = Path(sys.argv[1])
reports = [json.loads(p.read_text()) for p in sorted(out.glob("*.json")) if p.name != "all.json"]
(out / "all.json").write_text(json.dumps(reports, indent=2))
(out / "table.md").write_text(markdown_table(reports))
print((out / "table.md").read_text())
EOF
echo "figures in $out (table.md, all.json)"
exit $failed
