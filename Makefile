# Parallel Reader: `make run` opens the app on the built-in pair, `make test` runs every test offscreen.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench lint screenshot clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

# qtcheck --install: Qt's missing system libraries are installed when root or `sudo -n` allows,
# else it prints the one command to run and stops here
run: $(STAMP)
	@$(BIN)/python -m reader.ui.app.qtcheck --install
	$(BIN)/reader

test: $(STAMP)
	@QT_QPA_PLATFORM=offscreen $(BIN)/python -m reader.ui.app.qtcheck --install
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python -m tests.bench.run_all

lint: $(STAMP)
	$(BIN)/ruff check reader tests
	$(BIN)/mypy reader

# every picture the docs show, light and dark where they show both (each in its own process:
# one QApplication, one theme); settings and workspaces in temporary folders
SHOT := xvfb-run -a -s "-screen 0 1600x1000x24" $(BIN)/python -m tests.bench
screenshot: $(STAMP)
	$(SHOT).screenshot docs/screenshot.png
	$(SHOT).screenshot_pair_view docs/pair-view-light.png --theme light
	$(SHOT).screenshot_pair_view docs/pair-view-dark.png --theme dark
	$(SHOT).editor_screenshot docs/editor-light.png --theme light
	$(SHOT).editor_screenshot docs/editor-dark.png --theme dark
	$(SHOT).review_screenshot docs/review-panel.png --theme light
	$(SHOT).review_screenshot docs/review-panel-dark.png --theme dark
	$(SHOT).screenshot_banner docs/banner.png
	$(SHOT).screenshot_workbench docs
	$(SHOT).screenshot_lens docs

clean:
	rm -rf $(VENV) build *.egg-info
