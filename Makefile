# Two commands set everything up on a fresh machine:
#   make site   create .venv, install kb_tools, lint the demo, build it with --strict
#   make test   install test extras and Chromium (apt-get) when missing, run the whole suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

AXE    := .tools/node_modules/axe-core/axe.min.js
AXE_VERSION := 4.14.1

.PHONY: site serve lint test chromium clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# The site is built beside the old one and takes its place only when the build succeeds:
# a failed build leaves the previous site/ as it was (mkdocs build alone empties it first).
site: $(VENV)/.installed
	$(BIN)/kb lint
	rm -rf .site-new
	$(BIN)/mkdocs build --strict -d .site-new
	rm -rf site && mv .site-new site

serve: $(VENV)/.installed
	$(BIN)/mkdocs serve

lint: $(VENV)/.installed
	$(BIN)/kb lint

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

# axe-core, for the accessibility tests: from the npm registry into .tools/ (no browser download).
$(AXE):
	@command -v npm >/dev/null 2>&1 || { \
	  echo "Installing Debian's npm for the accessibility checks"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm; }
	npm install --silent --no-audit --no-fund --prefix .tools axe-core@$(AXE_VERSION)

test: $(VENV)/.installed-test chromium $(AXE)
	$(BIN)/python -m pytest

clean:
	rm -rf site $(VENV) .pytest_cache .tools
