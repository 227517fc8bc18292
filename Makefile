# Two commands: `make run` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test browser bench corpus train clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]" --config-settings editable_mode=compat
	$(BIN)/python -m compileall -q verifier
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python examples/run_examples.py

test: $(STAMP) browser
	$(BIN)/python -m pytest

# The HTML report's browser test (tests/test_scan_html.py) needs Debian's chromium; install it when missing
# (VERIFIER_SKIP_BROWSER=1 skips that test and this install).
browser:
	@[ "$$VERIFIER_SKIP_BROWSER" = 1 ] || command -v chromium >/dev/null || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[test,bench]" --config-settings editable_mode=compat
	$(BIN)/python -m compileall -q verifier   # byte-code for the cold-start figures, even under PYTHONDONTWRITEBYTECODE
	$(BIN)/python bench/cold_start.py
	$(BIN)/python bench/rules_speed.py
	$(BIN)/python bench/segmenter.py
	$(BIN)/python bench/score_throughput.py 100000
	$(BIN)/python bench/agreement_speed.py
	$(BIN)/python bench/scan_throughput.py

# Rebuild corpora/messages/processed/ and corpora/MANIFEST.json from the written sources.
corpus: $(STAMP)
	$(BIN)/verifier corpus

# Rebuild models/message_clf/ from corpora/ (and measure it on ../shared/data when that folder exists).
EXTERNAL ?= ../shared/data
train: $(STAMP)
	$(BIN)/verifier train $(if $(wildcard $(EXTERNAL)),--external $(EXTERNAL))

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build *.egg-info
