# Two commands for a new user:
#   make run   — install every dependency, build (Release) and start the app
#   make test  — install every dependency, build and run the test suite
#   make bench — build and run every speed benchmark of tests/benchmarks/ (by hand, never in CI)
BUILD_DIR ?= build
BUILD_TYPE ?= Release
CMAKE_ARGS ?=
JOBS ?= $(shell nproc)

.PHONY: all deps configure build run test bench format clean

all: build

deps:
	bash scripts/install-deps.sh

configure: deps
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_ARGS)

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	$(BUILD_DIR)/app/resnet-explorer

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure

# Every bench_* program, one after the other (each prints its ratios and figures).
CIFAR10_DIR ?= $(abspath ../shared/data/cifar-10-batches-bin)
bench: build
	@for b in $(BUILD_DIR)/tests/benchmarks/bench_*; do \
	  [ -x "$$b" ] || continue; \
	  echo "== $$(basename $$b)"; \
	  CIFAR10_DIR="$(CIFAR10_DIR)" QT_QPA_PLATFORM=offscreen "$$b" || exit 1; \
	done

format:
	clang-format -i $$(git ls-files '*.cpp' '*.h')

clean:
	rm -rf $(BUILD_DIR)
