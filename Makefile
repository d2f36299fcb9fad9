# Two commands for a new user:
#   make run   — install every dependency, build (Release) and start the app
#   make test  — install every dependency, build and run the test suite
#   make bench — build and run every speed benchmark of tests/benchmarks/ (by hand, never in CI)
#   make asan  — build with AddressSanitizer + UBSan in build-asan and run the whole test suite
BUILD_DIR ?= build
BUILD_TYPE ?= Release
CMAKE_ARGS ?=
JOBS ?= $(shell nproc)

.PHONY: all deps configure build run test bench asan format clean

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

# The whole suite under AddressSanitizer, LeakSanitizer and UndefinedBehaviorSanitizer, in a build
# dir of its own (-O1 -g: usable speed, exact stacks, asserts on). Every report fails its test:
# halt_on_error, UBSan aborts, no allocation over 1 GB. The options reach the CLI the tests start
# (it is instrumented too); /usr/bin/python3 is not instrumented and ignores them. The suppressions
# in tests/sanitizers/ name only LibTorch and Qt, each with its reason.
ASAN_BUILD_DIR ?= build-asan
SAN_DIR := $(abspath tests/sanitizers)
asan: deps
	cmake -S . -B $(ASAN_BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" -DRX_SANITIZE=ON $(CMAKE_ARGS)
	cmake --build $(ASAN_BUILD_DIR) -j $(JOBS)
	cd $(ASAN_BUILD_DIR) && \
	  ASAN_OPTIONS=halt_on_error=1:abort_on_error=0:detect_leaks=1:max_allocation_size_mb=1024:allocator_may_return_null=0:detect_stack_use_after_return=1:strict_init_order=1:check_initialization_order=1:suppressions=$(SAN_DIR)/asan.supp \
	  LSAN_OPTIONS=suppressions=$(SAN_DIR)/lsan.supp:print_suppressions=0 \
	  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:suppressions=$(SAN_DIR)/ubsan.supp \
	  ctest --output-on-failure --timeout 3600 $(CTEST_ARGS)

format:
	clang-format -i $$(git ls-files '*.cpp' '*.h')

clean:
	rm -rf $(BUILD_DIR)
