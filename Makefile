# The whole workflow: edit content/, run `make measures OFFICE=kksec`, attach build/<office>/*.docx.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
OFFICE ?= kksec
YEAR   ?=
ARGS   := --office $(OFFICE) $(if $(YEAR),--year $(YEAR))
STAMP  := $(VENV)/.installed

ROUND  ?=
.PHONY: measures preface pdf report site check score test bench clean

# The venv is (re)made when pyproject.toml changes.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

measures: $(STAMP)  ## build/<office>/measures-<year>.docx
	$(BIN)/measures build $(ARGS)

preface: $(STAMP)  ## build/<office>/preface-<year>.docx
	$(BIN)/measures preface $(ARGS)

pdf: $(STAMP)  ## both documents as PDF (needs LibreOffice)
	$(BIN)/measures pdf $(ARGS)

report: $(STAMP)  ## build/<office>/report-<year>-<6m|12m>.docx, the progress report (O39)
	$(BIN)/measures report $(ARGS) $(if $(ROUND),--round $(ROUND))

site: $(STAMP)  ## build/<office>/site/, the publication as a web page to upload
	$(BIN)/measures site $(ARGS)

check: $(STAMP)  ## validate all content
	$(BIN)/measures check

score: $(STAMP)  ## the analysis of an office's latest ITA result
	$(BIN)/measures score $(firstword $(wildcard content/offices/$(OFFICE)/*/ita-*.yaml))

test: $(STAMP)  ## lint, types, then the suite
	$(BIN)/ruff check measures tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python -m pytest -q bench --benchmark-only --benchmark-columns=min,median,max,rounds

clean:
	rm -rf build
