# speech2image: everything a fresh Debian machine with Python 3.11 needs, in two commands.
#   make run    set up, then start the main job
#   make test   set up (with dev tools), then run the whole test suite
# Set-up is idempotent: a second run only checks stamps and returns.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
# torch first, pinned, so pip takes the CPU build on disk here instead of the registry's
# newest CUDA build (several GB). Override for a GPU build: make TORCH_SPEC="torch==X" ...
TORCH_SPEC ?= torch==2.13.0
# Debian packages: npm fetches OpenMoji, libportaudio2 lets `listen` use the microphone,
# fonts-dejavu-core draws video captions,
# espeak-ng and sox make test speech, chromium and chromium-driver run the browser tests.
# Installed with apt-get when running as root.
APT_RUN  := npm libportaudio2 fonts-dejavu-core wordnet-base
APT_TEST := $(APT_RUN) espeak-ng sox chromium chromium-driver
HOST ?= 127.0.0.1
PORT ?= 8000
ESLINT := tools/eslint/node_modules/.bin/eslint

.PHONY: run test setup setup-dev system-packages system-packages-test assets lint bench clean

run: setup assets
	$(BIN)/speech2image serve --host $(HOST) --port $(PORT)

test: setup-dev system-packages-test assets
	$(BIN)/ruff check src tests
	$(BIN)/python -m pytest -q

setup: $(VENV)/.installed
setup-dev: $(VENV)/.installed-dev

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	@$(MAKE) --no-print-directory system-packages
	$(BIN)/pip install -q "$(TORCH_SPEC)"
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed pyproject.toml
	$(BIN)/pip install -q -e ".[dev,diffusers,assemblyai,cluster]"
	touch $@

system-packages:
	@missing=""; for p in $(APT_RUN); do { dpkg -s $$p >/dev/null 2>&1 || command -v $$p >/dev/null; } || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "please install these Debian packages:$$missing (sudo apt-get install$$missing)"; fi; \
	fi

system-packages-test:
	@$(MAKE) --no-print-directory system-packages APT_RUN="$(APT_TEST)"

# OpenMoji and Fluent Emoji both: a thing the picture's pack lacks is drawn from the other.
assets: setup
	$(BIN)/speech2image assets install --pack openmoji
	$(BIN)/speech2image assets install --pack fluent
	$(BIN)/speech2image assets install --pack cldr

lint: setup-dev $(ESLINT)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy
	$(ESLINT) -c tools/eslint/eslint.config.mjs src/speech2image/server/static

# ESLint for the page's JavaScript, pinned by tools/eslint/package-lock.json (npm registry).
$(ESLINT): tools/eslint/package-lock.json
	npm ci --prefix tools/eslint --no-audit --no-fund
	touch $@

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
