# A thin wrapper over CMake + Ninja. `make regress` and `make test` install what is
# missing first (scripts/setup.sh), so each works alone on a fresh Debian 12 machine.
BUILD ?= build
TEST ?= dma_single_copy
SEED ?= 1
VARIANT ?= default
VIEW ?= driver
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
# SAN=address,undefined (or thread): a sanitizer build of its own, build-san-address-undefined,
# on which `make test` runs the sanitizer subset (SAN_TESTS, a CTest regex) instead of everything.
SAN ?=
comma := ,
# The sanitizer subset: every unit test, the register generator's, the waves' (traces through
# Verilator's FST runtime), and every scenario once (seed 1, on the first RTL variant it runs
# on), so every checker's proof runs sanitized.
SAN_TESTS ?= ^(unit/|regtool/|waves/|regress/[a-z0-9_]+/(default/)?seed-1$$|regress/[a-z0-9_]+/slowtiming/seed-1$$|regress/xfail_zoo_errata_not_applied/rev1/seed-1$$)
FUZZ_SECONDS ?= 60
# PGO=1 (with bench): a gcc profile-guided build of its own, build-pgo (scripts/pgo_build.sh:
# instrumented, trained on a regression subset, rebuilt with the profiles), whose engine
# `make bench PGO=1` runs beside the release one.
PGO ?=
ifneq ($(SAN),)
BUILD := build-san-$(subst $(comma),-,$(SAN))
CMAKE_FLAGS := -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTANDEM_SANITIZE=$(SAN)
TEST_SELECT := -R '$(SAN_TESTS)'
else
CMAKE_FLAGS := -DCMAKE_BUILD_TYPE=Release
TEST_SELECT :=
endif
ifneq ($(PGO),)
PGO_BUILD := build-pgo
endif

# The coverage build: Verilated with line, toggle and cover-property coverage, in a folder of
# its own (make test never builds it); only what the regression and the RTL tests need.
COV_BUILD ?= build-coverage

.PHONY: all build setup test regress waves lint bench bench-build fuzz coverage clean

all: build

setup:
	@scripts/setup.sh

build: setup
	@[ -f $(BUILD)/build.ninja ] || cmake -S . -B $(BUILD) -G Ninja $(CMAKE_FLAGS)
	@cmake --build $(BUILD)

test: build
	@ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS) $(TEST_SELECT)

# The main job: the RTL stress for 10^7 cycles on every variant, then every scenario on every
# RTL variant it runs on, ending with the regression's report. GNU make exits 2 whenever a
# recipe fails, whatever the recipe's own code: the last line names the failures and the
# exit codes of what ran (tandem's: 1 failed runs, 130 interrupted; see README).
regress: build
	@echo "RTL stress: 10^7 cycles on every variant"; \
	TCE_STRESS_CYCLES=10000000 ctest --test-dir $(BUILD) -R '^unit/rtl/stress/' -j $(JOBS) --output-on-failure; \
	stress=$$?; $(BUILD)/tandem regress --jobs $(JOBS) --out $(BUILD)/runs; regress=$$?; \
	failed=$$(tail -n +2 $(BUILD)/runs/latest/manifest.tsv 2>/dev/null | grep -vc 'passed$$'); \
	if [ $$stress -ne 0 ] || [ $$regress -ne 0 ]; then \
	  echo "make regress: FAILED: $$failed run(s) did not pass (tandem regress exit code $$regress), RTL stress exit code $$stress"; \
	  exit 1; \
	fi; echo "make regress: passed"

# Runs TEST with waves and opens the run's own layout for VIEW (it opens on the failure, if
# any). An unknown TEST or VIEW stops before anything runs, naming the known ones.
waves: build
	@scripts/waves_args.sh $(BUILD) '$(TEST)' '$(VIEW)' || exit $$?; \
	rc=0; $(BUILD)/tandem run $(TEST) --seed $(SEED) --variant $(VARIANT) --waves fst --out $(BUILD)/runs || rc=$$?; \
	[ $$rc -le 1 ] || exit $$rc; \
	gtkw=$(BUILD)/runs/$(TEST)/$(if $(filter default,$(VARIANT)),,$(VARIANT)/)seed-$(SEED)/waves$(if $(filter driver,$(VIEW)),,-$(VIEW)).gtkw; \
	if [ -n "$$DISPLAY" ]; then gtkwave "$$gtkw"; \
	else echo "no display here: open it with  gtkwave $$gtkw"; fi

# Verilator's lint of the RTL, then clang-tidy (.clang-tidy) and cppcheck over the C++ of
# ours with the build's compile database (scripts/lint_cpp.sh); any finding fails.
lint: build
	@cmake --build $(BUILD) --target lint
	@scripts/lint_cpp.sh $(BUILD) $(JOBS)

# PGO=1 also builds build-pgo (scripts/pgo_build.sh) and runs its engine beside the
# release one in the same rounds (engine_pgo, pgo_engine_vs_engine).
bench: build
ifneq ($(PGO),)
	@scripts/pgo_build.sh $(PGO_BUILD) $(JOBS)
	@TANDEM_PGO_BIN=$(CURDIR)/$(PGO_BUILD)/bench cmake --build $(BUILD) --target bench
else
	@cmake --build $(BUILD) --target bench
endif

# Build times (clean, no-op, one driver .cpp, one .sv) in a scratch folder: slow, run alone.
bench-build: build
	@cmake --build $(BUILD) --target bench-build

# Every fuzzer for FUZZ_SECONDS, with its executions per second and coverage.
fuzz: build
	@fuzz/run.sh --all $(BUILD) $(FUZZ_SECONDS)

# The RTL unit and stress tests, then the whole regression, on the coverage build: every run
# and every model of the tests writes its coverage.dat; tandem regress merges them all and
# writes the annotated sources and the per-module summary into its folder (rtl-coverage/),
# beside the functional coverage in its report. The counters make runs about 12 times slower
# (stress_mix: 40 to 60 s, not 3 to 7): a run may take 600 s here. See README, Coverage.
coverage: setup
	@[ -f $(COV_BUILD)/build.ninja ] || cmake -S . -B $(COV_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release -DTANDEM_COVERAGE=ON
	@cmake --build $(COV_BUILD) --target tandem rtl_tests rtl_stress sim_tests
	@tests=$(abspath $(COV_BUILD))/rtl-tests-coverage; rm -rf $$tests; mkdir -p $$tests; \
	echo "RTL unit and stress tests (coverage into $$tests)"; \
	TANDEM_COVERAGE_DIR=$$tests ctest --test-dir $(COV_BUILD) -R '^unit/(rtl|sim)/' -j $(JOBS) --output-on-failure; \
	rtl=$$?; TANDEM_COVERAGE_DIR=$$tests $(COV_BUILD)/tandem regress --jobs $(JOBS) --timeout 600 --out $(COV_BUILD)/runs; \
	regress=$$?; cat $(COV_BUILD)/runs/latest/rtl-coverage/summary.md 2>/dev/null | head -20; \
	if [ $$rtl -ne 0 ] || [ $$regress -ne 0 ]; then \
	  echo "make coverage: FAILED (RTL tests exit code $$rtl, tandem regress exit code $$regress)"; exit 1; \
	fi; echo "make coverage: reports in $(COV_BUILD)/runs/latest (report.html, rtl-coverage/)"

clean:
	rm -rf $(BUILD)
