# The front door: `make test` and `make demo` are all a new user needs on Debian.
# Everything else wraps cmake/ctest; the build itself lives in CMakeLists.txt.

BUILD_DIR ?= build
BUILD_TYPE ?= Release
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=

# Debian packages the build, the tests and the demo need (one list, used by `deps`).
DEB_PACKAGES := build-essential cmake pkg-config git ca-certificates tzdata python3 \
	libcurl4-openssl-dev libgumbo-dev libxapian-dev xapian-tools nlohmann-json3-dev \
	catch2 libpugixml-dev zlib1g-dev libssl-dev libuchardet-dev libcli11-dev \
	libhowardhinnant-date-dev libre2-dev chromium man-db clang libclang-rt-14-dev file liblinear-tools \
	fonts-noto-cjk

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

PREFIX ?= /usr/local

.PHONY: all deps configure cli build test test-asan fuzz fuzz-build demo bench accuracy train install package package-test clean

all: build

## deps: install every missing Debian package (apt-get; sudo when not root)
deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "make deps: installing$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

## build: configure and compile (Release by default; BUILD_TYPE=Debug for a debug build)
build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

configure: deps
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS)

## cli: only the rumorwatch binary (what `make demo` needs), not the tests
cli: configure
	cmake --build $(BUILD_DIR) -j $(JOBS) --target rumorwatch

## test: build and run every test through CTest; non-zero exit on any failure
test: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

# Sanitizer and fuzz builds live beside the normal one and never share its cache.
ASAN_BUILD_DIR ?= build-asan
FUZZ_BUILD_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_CXX ?= clang++
SANITIZER_ENV := ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan-suppressions.txt:print_suppressions=0

## test-asan: the whole suite under AddressSanitizer+UndefinedBehaviorSanitizer (Debug),
## then, when clang is installed, a short run of every libFuzzer target (CTest label fuzz)
test-asan: deps
	cmake -S . -B $(ASAN_BUILD_DIR) -DCMAKE_BUILD_TYPE=Debug -DRUMORWATCH_SANITIZE=ON $(CMAKE_FLAGS)
	cmake --build $(ASAN_BUILD_DIR) -j $(JOBS)
	$(SANITIZER_ENV) ctest --test-dir $(ASAN_BUILD_DIR) --output-on-failure -j $(JOBS)
	@if command -v $(FUZZ_CXX) >/dev/null 2>&1; then \
	  $(MAKE) --no-print-directory fuzz-build && \
	  $(SANITIZER_ENV) ctest --test-dir $(FUZZ_BUILD_DIR) -L fuzz --output-on-failure -j $(JOBS); \
	else echo "make test-asan: $(FUZZ_CXX) not found, fuzz targets skipped"; fi

fuzz-build: deps
	cmake -S . -B $(FUZZ_BUILD_DIR) -DCMAKE_CXX_COMPILER=$(FUZZ_CXX) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" \
	  -DRUMORWATCH_FUZZ=ON -DRUMORWATCH_BUILD_TESTS=OFF $(CMAKE_FLAGS)
	cmake --build $(FUZZ_BUILD_DIR) -j $(JOBS) --target $$(cd tests/fuzz && ls fuzz_*.cpp | sed 's/\.cpp$$//')

## fuzz: run every libFuzzer target for FUZZ_SECONDS (default 60) over its seed corpus;
## executions per target in $(FUZZ_BUILD_DIR)/fuzz-summary.txt, crashes in fuzz-artifacts/
fuzz: fuzz-build
	@rm -f $(FUZZ_BUILD_DIR)/fuzz-summary.txt; status=0; \
	for src in tests/fuzz/fuzz_*.cpp; do \
	  t=$$(basename $$src .cpp); c=$${t#fuzz_}; mkdir -p $(FUZZ_BUILD_DIR)/fuzz-corpus/$$c $(FUZZ_BUILD_DIR)/fuzz-artifacts; \
	  echo "== $$t ($(FUZZ_SECONDS) s)"; \
	  $(SANITIZER_ENV) $(FUZZ_BUILD_DIR)/tests/fuzz/$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
	    -print_final_stats=1 -artifact_prefix=$(FUZZ_BUILD_DIR)/fuzz-artifacts/$$c- \
	    $(FUZZ_BUILD_DIR)/fuzz-corpus/$$c tests/fuzz/corpus/$$c > $(FUZZ_BUILD_DIR)/fuzz-$$c.log 2>&1; rc=$$?; \
	  runs=$$(grep -o 'stat::number_of_executed_units: *[0-9]*' $(FUZZ_BUILD_DIR)/fuzz-$$c.log | grep -o '[0-9]*$$'); \
	  echo "$$c executions=$${runs:-?} exit=$$rc" | tee -a $(FUZZ_BUILD_DIR)/fuzz-summary.txt; \
	  [ $$rc -eq 0 ] || { status=1; tail -30 $(FUZZ_BUILD_DIR)/fuzz-$$c.log; }; \
	done; exit $$status

## demo: serve seeds/demo on loopback, crawl it, index it, print the timeline
demo: cli
	bash seeds/demo/run-demo.sh $(BUILD_DIR)/query/rumorwatch demo-out

## bench: every stage on generated news worlds beside its floor (tests/bench/README.md);
## writes bench/results.json and prints a table. BENCH_SCALE=full for the 100,000-article figures.
BENCH_SCALE ?= small
bench: build
	cmake --build $(BUILD_DIR) -j $(JOBS) --target benches
	python3 tests/bench/run_bench.py --build-dir $(BUILD_DIR) --scale $(BENCH_SCALE)

## accuracy: score every stage against the demo world's labels (crawl path; the report's
## JSON goes to $(BUILD_DIR)/accuracy.json), the labeled sentence table included (through
## `rumorwatch classify`), then the blind status corpus per split, language and topic, and the
## learned model left out one topic at a time. ACCURACY_FLAGS=--direct for the fast file path.
ACCURACY_FLAGS ?=
accuracy: build
	$(BUILD_DIR)/tests/accuracy/rumorwatch_accuracy $(ACCURACY_FLAGS) \
	  --json $(BUILD_DIR)/accuracy.json \
	  $(if $(wildcard tests/accuracy/thresholds.json),--thresholds tests/accuracy/thresholds.json)
	python3 tests/accuracy/blind/blind_eval.py --rumorwatch $(BUILD_DIR)/query/rumorwatch \
	  --json $(BUILD_DIR)/blind-accuracy.json
	@if command -v liblinear-train >/dev/null 2>&1; then \
	  echo "== learned status model: leave one topic out (dev split of the left-out topic)"; \
	  python3 tests/accuracy/train/train_status.py --rumorwatch $(BUILD_DIR)/query/rumorwatch --loto; \
	else echo "make accuracy: liblinear-train not found (make deps), leave-one-topic-out skipped"; fi

## train: retrain the learned status model (parser/analysis/data/status_model.tsv) with LIBLINEAR from
## the committed training data (never the blind test split), then rebuild with it
train: build
	python3 tests/accuracy/train/train_status.py --rumorwatch $(BUILD_DIR)/query/rumorwatch
	cmake --build $(BUILD_DIR) -j $(JOBS)

## install: the binary, man page, completion, shipped data and systemd units under PREFIX
install: build
	cmake --install $(BUILD_DIR) --prefix $(PREFIX)

## package: a Debian package built by CPack (build/rumorwatch_*.deb)
package: build
	cd $(BUILD_DIR) && cpack -G DEB

## package-test: install the .deb into a scratch dpkg root, run it, remove it
package-test: package
	bash tests/query/cli/package_check.sh $(BUILD_DIR)

clean:
	rm -rf $(BUILD_DIR) $(ASAN_BUILD_DIR) $(FUZZ_BUILD_DIR) demo-out
