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
	libhowardhinnant-date-dev

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build test demo bench accuracy clean

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
build: deps
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS)
	cmake --build $(BUILD_DIR) -j $(JOBS)

## test: build and run every test through CTest; non-zero exit on any failure
test: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

## demo: serve seeds/demo on loopback, crawl it, index it, print the timeline
demo: build
	bash seeds/demo/run-demo.sh $(BUILD_DIR)/query/rumorwatch demo-out

## bench: every stage on generated news worlds beside its floor (tests/bench/README.md);
## writes bench/results.json and prints a table. BENCH_SCALE=full for the 100,000-article figures.
BENCH_SCALE ?= small
bench: build
	python3 tests/bench/run_bench.py --build-dir $(BUILD_DIR) --scale $(BENCH_SCALE)

## accuracy: status classification on the labeled table (accuracy, confusion matrix, misses)
accuracy: build
	$(BUILD_DIR)/tests/parser_status_table_test

clean:
	rm -rf $(BUILD_DIR) demo-out
