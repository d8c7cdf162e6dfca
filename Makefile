# The whole workflow: edit content/, run `make measures OFFICE=kksec`, attach build/<office>/*.docx.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
OFFICE ?= kksec
YEAR   ?=
ARGS   := --office $(OFFICE) $(if $(YEAR),--year $(YEAR))
STAMP  := $(VENV)/.installed

ROUND  ?=
.PHONY: measures preface pdf report site check score test bench clean all FORCE

# What a document is made from, so that make rebuilds only when one of them changed: the
# content (every office's, since another office's contacts are checked for), the project's
# templates, the package. The year is the office's latest unless YEAR is given. Content
# kept elsewhere (MEASURES_CONTENT) and a set SOURCE_DATE_EPOCH are not known to make: then it
# always rebuilds.
DOC_YEAR := $(or $(YEAR),$(notdir $(patsubst %/,%,$(dir $(lastword $(sort \
              $(wildcard content/offices/$(OFFICE)/[0-9][0-9][0-9][0-9]/publication.yaml)))))))
INPUTS   := $(if $(MEASURES_CONTENT)$(SOURCE_DATE_EPOCH),FORCE,$(wildcard content/*/*.yaml content/*/*/*.yaml \
              content/*/*/*/*.yaml templates/*.docx measures/*.py measures/*/*.py))
DOC      := build/$(OFFICE)/measures-$(DOC_YEAR).docx
PREFACE  := build/$(OFFICE)/preface-$(DOC_YEAR).docx

# The venv is (re)made when pyproject.toml changes.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

ifeq ($(DOC_YEAR),)
# No such office or year: the command says so.
measures: $(STAMP)  ## build/<office>/measures-<year>.docx
	$(BIN)/measures build $(ARGS)

preface: $(STAMP)  ## build/<office>/preface-<year>.docx
	$(BIN)/measures preface $(ARGS)
else
# The document's path is printed whether it was rebuilt or already up to date.
measures: $(DOC)
	@echo $(DOC)

$(DOC): $(STAMP) $(INPUTS)
	$(BIN)/measures build $(ARGS) >/dev/null

preface: $(PREFACE)
	@echo $(PREFACE)

$(PREFACE): $(STAMP) $(INPUTS)
	$(BIN)/measures preface $(ARGS) >/dev/null
endif

all: $(STAMP)  ## every office's measures document, in worker processes
	$(BIN)/measures build --all $(if $(YEAR),--year $(YEAR))

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

bench: $(STAMP)  ## whole-process timings beside their baselines, written to bench/results.md
	$(BIN)/python -m bench.run

clean:
	rm -rf build

FORCE:
