# A thin wrapper over CMake + Ninja. `make regress` and `make test` install what is
# missing first (scripts/setup.sh), so each works alone on a fresh Debian 12 machine.
BUILD ?= build
TEST ?= dma_single_copy
SEED ?= 1
VARIANT ?= default
VIEW ?= driver
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all build setup test regress waves lint bench clean

all: build

setup:
	@scripts/setup.sh

build: setup
	@[ -f $(BUILD)/build.ninja ] || cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release
	@cmake --build $(BUILD)

test: build
	@ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

regress: build
	@$(BUILD)/tandem regress --jobs $(JOBS)

waves: build
	@$(BUILD)/tandem run $(TEST) --seed $(SEED) --variant $(VARIANT) --waves fst --out $(BUILD)/runs; \
	fst=$(BUILD)/runs/$(TEST)/$(if $(filter default,$(VARIANT)),,$(VARIANT)/)seed-$(SEED)/waves.fst; \
	if [ -n "$$DISPLAY" ]; then gtkwave -a waves/$(VIEW).gtkw "$$fst"; \
	else echo "no display here: open it with  gtkwave -a waves/$(VIEW).gtkw $$fst"; fi

lint: build
	@cmake --build $(BUILD) --target lint

bench: build
	@cmake --build $(BUILD) --target bench

clean:
	rm -rf $(BUILD)
