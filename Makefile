# The whole workflow: edit content/, run `make measures OFFICE=kksec`, attach build/<office>/*.docx.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
OFFICE ?= kksec
YEAR   ?=
ROUND  ?=
STAMP  := $(VENV)/.installed

# OFFICE, YEAR and ROUND end up in shell commands: each is checked here, as typed (`value`,
# so `$(id)` is seen as typed, not expanded), and anything but a plain office id, year or
# round stops make before any recipe runs. Characters allowed are removed one by one: what
# is left (a space, ; $ ` quotes…) is what makes the value unsafe.
_ID_CHARS := a b c d e f g h i j k l m n o p q r s t u v w x y z - _
_left      = $(if $(2),$(call _left,$(subst $(firstword $(2)),,$(1)),$(wordlist 2,99,$(2))),$(1))
_unsafe    = $(or $(call _left,$(1),$(2)),$(if $(1),,empty))
_DIGITS   := 0 1 2 3 4 5 6 7 8 9
_spaced    = $(if $(2),$(call _spaced,$(subst $(firstword $(2)),$(firstword $(2)) ,$(1)),$(wordlist 2,99,$(2))),$(1))
ifneq ($(call _unsafe,$(value OFFICE),$(_ID_CHARS) $(_DIGITS))$(filter -% _%,$(value OFFICE)),)
$(error OFFICE='$(value OFFICE)' ใช้ไม่ได้: รหัสหน่วยงานเป็นชื่อสั้น ๆ ภาษาอังกฤษตัวเล็ก ตัวเลข - หรือ _ ไม่มีช่องว่าง ตรงกับชื่อโฟลเดอร์ใน content/offices เช่น make measures OFFICE=kksec)
endif
ifneq ($(value YEAR),)
ifneq ($(call _unsafe,$(value YEAR),$(_DIGITS))$(words $(call _spaced,$(value YEAR),$(_DIGITS))),4)
$(error YEAR='$(value YEAR)' ใช้ไม่ได้: ปีเป็นเลขอารบิก 4 หลัก ปีพุทธศักราช เช่น make measures YEAR=2565)
endif
endif
ifneq ($(words $(value ROUND)) $(filter 6 12,$(value ROUND)),$(if $(value ROUND),1 $(value ROUND),0 ))
$(error ROUND='$(value ROUND)' ใช้ไม่ได้: รอบรายงานเป็น 6 (ครึ่งปี) หรือ 12 (ทั้งปี) เช่น make report ROUND=6)
endif
# A file name found in content/ reaches the shell in single quotes.
_quoted    = '$(subst ','\'',$(1))'
ARGS   := --office $(OFFICE) $(if $(YEAR),--year $(YEAR))

.PHONY: measures preface pdf report site serve check score test bench clean all FORCE

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

serve: $(STAMP)  ## the live preview: rebuilds on every saved edit, pages at http://127.0.0.1:8000/
	$(BIN)/measures serve $(ARGS)

check: $(STAMP)  ## validate all content
	$(BIN)/measures check

score: $(STAMP)  ## the analysis of an office's latest ITA result
	$(BIN)/measures score $(call _quoted,$(firstword $(wildcard content/offices/$(OFFICE)/*/ita-*.yaml)))

test: $(STAMP)  ## lint, types, then the suite
	$(BIN)/ruff check measures tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

bench: $(STAMP)  ## whole-process timings beside their baselines, written to bench/results.md
	$(BIN)/python -m bench.run

clean:
	rm -rf build

FORCE:
