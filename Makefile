# escape: Go's escape analysis for C maps.  `make` builds build/libgomap.a and
# build/escape.so; `make check` runs the lit suite; `make demo` shows the plugin.
# `make deps` installs the Debian packages the build and tests need.

CC       ?= gcc
ifeq ($(origin CC),default)
CC       := gcc
endif
CXX      := g++
ifeq ($(origin CXX),default)
CXX      := g++
endif
PYTHON   ?= python3
PREFIX   ?= /usr/local
DESTDIR  ?=
B        := build
SHELL    := /bin/bash

GCC_PLUGIN_DIR := $(shell $(CC) -print-file-name=plugin)
LLVM_BIN       := /usr/lib/llvm-14/bin
LIT            := $(PYTHON) /usr/lib/llvm-14/build/utils/lit/lit.py
DEB_PACKAGES   := gcc-12-plugin-dev llvm-14-tools libclang-14-dev

WARN     := -Wall -Wextra
CFLAGS   ?= -O2 -g
RT_CFLAGS := -std=gnu11 $(WARN) $(CFLAGS) -fPIC -Iruntime
CORE_CFLAGS := -std=c11 $(WARN) $(CFLAGS) -fPIC -Iruntime -Iplugin/core
PLUGIN_CXXFLAGS := -std=gnu++17 $(WARN) -Wno-unused-parameter $(CFLAGS) -fPIC -fno-rtti \
                   -fno-exceptions -I$(GCC_PLUGIN_DIR)/include -Iruntime -Iplugin/core

RT_SRCS   := $(wildcard runtime/*.c)
CORE_SRCS := $(wildcard plugin/core/*.c)
GCC_SRCS  := $(wildcard plugin/gcc/*.cc)
RT_OBJS   := $(RT_SRCS:%.c=$(B)/%.o)
CORE_OBJS := $(CORE_SRCS:%.c=$(B)/%.o)
GCC_OBJS  := $(GCC_SRCS:%.cc=$(B)/%.o)

.PHONY: all check demo install clean deps check-deps lit
all: $(B)/libgomap.a $(B)/escape.so

# ---- runtime ------------------------------------------------------------------
$(B)/runtime/%.o: runtime/%.c runtime/gomap.h runtime/gomap_layout.h $(wildcard runtime/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(RT_CFLAGS) -c $< -o $@

$(B)/libgomap.a: $(RT_OBJS)
	@mkdir -p $(B)
	rm -f $@
	ar rcs $@ $^

# The same runtime under ASan+UBSan, for tests that run programs under the sanitizers
# (lit's %gomap_asan): a map wrongly put on the stack is then caught inside the runtime too.
ASAN_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all -g
RT_ASAN_OBJS := $(RT_SRCS:%.c=$(B)/asan/%.o)
$(B)/asan/runtime/%.o: runtime/%.c runtime/gomap.h runtime/gomap_layout.h $(wildcard runtime/*.h)
	@mkdir -p $(dir $@)
	$(CC) -std=gnu11 $(WARN) -O1 -fPIC $(ASAN_FLAGS) -Iruntime -c $< -o $@

$(B)/libgomap-asan.a: $(RT_ASAN_OBJS)
	rm -f $@
	ar rcs $@ $^

# ---- plugin -------------------------------------------------------------------
$(B)/plugin/core/%.o: plugin/core/%.c $(wildcard plugin/core/*.h) runtime/gomap_layout.h
	@mkdir -p $(dir $@)
	$(CC) $(CORE_CFLAGS) -c $< -o $@

$(B)/plugin/gcc/%.o: plugin/gcc/%.cc $(wildcard plugin/gcc/*.h) $(wildcard plugin/core/*.h) \
                     runtime/gomap_layout.h | check-plugin-headers
	@mkdir -p $(dir $@)
	$(CXX) $(PLUGIN_CXXFLAGS) -c $< -o $@

# Linked with the C driver: cc1 already exports the only libstdc++ symbols the plugin
# uses (operator new/delete), and not loading libstdc++ saves ~3 ms per compile.
$(B)/escape.so: $(CORE_OBJS) $(GCC_OBJS)
	$(CC) -shared -o $@ $^

.PHONY: check-plugin-headers
check-plugin-headers:
	@test -f $(GCC_PLUGIN_DIR)/include/gcc-plugin.h || { \
	  echo "error: GCC plugin headers not found; run 'make deps' (apt-get install gcc-12-plugin-dev)"; \
	  exit 1; }

# ---- dependencies ---------------------------------------------------------------
# Installs what a fresh Debian 12 machine lacks; prints the command when not root.
deps:
	@missing=""; \
	test -f $(GCC_PLUGIN_DIR)/include/gcc-plugin.h || test -f /usr/lib/gcc/x86_64-linux-gnu/12/plugin/include/gcc-plugin.h || missing="$$missing gcc-12-plugin-dev"; \
	test -x $(LLVM_BIN)/FileCheck || missing="$$missing llvm-14-tools"; \
	test -f /usr/lib/llvm-14/build/utils/lit/lit.py || missing="$$missing llvm-14-tools"; \
	test -f /usr/lib/llvm-14/include/clang-c/Index.h || missing="$$missing libclang-14-dev"; \
	missing=$$(echo $$missing | tr ' ' '\n' | sort -u | tr '\n' ' '); \
	if [ -n "$$(echo $$missing)" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "deps: installing$$missing"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing) >/tmp/escape-deps.log 2>&1 \
	      || { cat /tmp/escape-deps.log; exit 1; }; \
	  else \
	    echo "deps: missing packages; run: sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi

# ---- tests ------------------------------------------------------------------------
# lit prints its own summary; tools/lit-summary turns it into "N passed, N failed".
LIT_ARGS ?= -sv
check: deps
	$(MAKE) all $(B)/libgomap-asan.a
	@$(MAKE) -s bench-deps || echo "check: benchmark rivals missing: testsuite/bench is UNSUPPORTED"
	@set -o pipefail; $(LIT) $(LIT_ARGS) testsuite 2>&1 | tee $(B)/check.log | $(PYTHON) testsuite/lit_summary.py

# ---- demo -----------------------------------------------------------------------------
DEMO_SRC := examples/wordfreq.c
demo: deps
	$(MAKE) all
	@echo "== gcc -O2 -fplugin=$(B)/escape.so -fplugin-arg-escape-m $(DEMO_SRC)"
	$(CC) -O2 -Iruntime -fplugin=$(B)/escape.so -fplugin-arg-escape-m $(DEMO_SRC) $(B)/libgomap.a -o $(B)/demo-stack
	@echo "== the same with -fplugin-arg-escape-m=2 (why each map escapes)"
	$(CC) -O2 -Iruntime -fplugin=$(B)/escape.so -fplugin-arg-escape-m=2 -c $(DEMO_SRC) -o /dev/null
	$(CC) -O2 -Iruntime $(DEMO_SRC) $(B)/libgomap.a -o $(B)/demo-heap
	@echo "== run with the plugin"; ./$(B)/demo-stack
	@echo "== run without the plugin"; ./$(B)/demo-heap

# ---- install ----------------------------------------------------------------------------
install: all
	install -d $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(GCC_PLUGIN_DIR)
	install -m 644 runtime/gomap.h runtime/gomap_layout.h $(DESTDIR)$(PREFIX)/include/
	install -m 644 $(B)/libgomap.a $(DESTDIR)$(PREFIX)/lib/
	install -m 755 $(B)/escape.so $(DESTDIR)$(GCC_PLUGIN_DIR)/escape.so
	sed -e 's|@PREFIX@|$(PREFIX)|g' runtime/gomap.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/gomap.pc

clean:
	rm -rf $(B)

# ---- torture: GCC's C torture corpus against the plugin ---------------------------------
# Every compile/execute test of gcc-12-source at -O0 and -O2, without and with the plugin
# (tools/torture/run.py; installs gcc-12-source when root; corpus cached in build/torture).
# A fixed 150-file sample of it runs in `make check` (testsuite/torture/).
TORTURE_ARGS ?= --jobs 2
.PHONY: torture
torture: deps
	$(MAKE) all
	$(PYTHON) tools/torture/run.py $(TORTURE_ARGS)

# ---- bench: gomap against Go 1.19's map and C/C++ tables; plugin compile time -----------
# `make bench` installs the rivals (Debian packages, when root), builds the programs into
# build/bench/ and runs bench/run.py: table on stdout, bench/results.md, bench/results.png.
# `make bench-build` only builds (testsuite/bench/smoke.test uses it).  BENCH_ARGS is
# passed to bench/run.py (e.g. BENCH_ARGS="--reps 7").
BENCH_DEB   := golang-go libglib2.0-dev libhts-dev libboost1.81-dev libabsl-dev gnuplot-nox
BB          := $(B)/bench
BENCH_ARGS  ?=
BENCH_CFLAGS := -std=gnu11 $(WARN) -O2 -Iruntime -Ibench
BENCH_CXXFLAGS := -std=c++17 $(WARN) -O2 -Ibench
BENCH_PROGS := $(addprefix $(BB)/,maps-gomap maps-glib maps-khash maps-boost maps-absl \
               small-stack small-heap knucleotide fasta layout-floor bench-go passtime.so)
BENCH_RUNNER := bench/workload.h bench/runner.h
.PHONY: bench bench-build bench-deps
bench-deps:
	@missing=$$(for p in $(BENCH_DEB); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null \
	  | grep -q 'ok installed' || echo $$p; done | tr '\n' ' '); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then echo "bench: installing $$missing"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing) \
	      >$(B)/bench-deps.log 2>&1 || { cat $(B)/bench-deps.log; exit 1; }; \
	  else echo "bench: missing packages; run: sudo apt-get install -y $$missing"; exit 1; fi; \
	fi
bench-build: all $(BENCH_PROGS)
bench: deps
	@mkdir -p $(B)
	$(MAKE) bench-deps
	$(MAKE) bench-build
	$(PYTHON) bench/run.py --build $(BB) $(BENCH_ARGS)

$(BB)/maps-gomap: bench/maps_c.c $(BENCH_RUNNER) $(B)/libgomap.a
	@mkdir -p $(BB)
	$(CC) $(BENCH_CFLAGS) -DIMPL_GOMAP $< $(B)/libgomap.a -o $@
$(BB)/maps-glib: bench/maps_c.c $(BENCH_RUNNER)
	@mkdir -p $(BB)
	$(CC) $(BENCH_CFLAGS) -DIMPL_GLIB $$(pkg-config --cflags glib-2.0) $< $$(pkg-config --libs glib-2.0) -o $@
$(BB)/maps-khash: bench/maps_c.c $(BENCH_RUNNER)
	@mkdir -p $(BB)
	$(CC) $(BENCH_CFLAGS) -DIMPL_KHASH $< -o $@
$(BB)/maps-boost: bench/maps_cc.cc $(BENCH_RUNNER)
	@mkdir -p $(BB)
	$(CXX) $(BENCH_CXXFLAGS) -DIMPL_BOOST $< -o $@
$(BB)/maps-absl: bench/maps_cc.cc $(BENCH_RUNNER)
	@mkdir -p $(BB)
	$(CXX) $(BENCH_CXXFLAGS) -DIMPL_ABSL $< $$(pkg-config --libs absl_flat_hash_map absl_hash) -o $@
$(BB)/small-stack: bench/small.c bench/workload.h $(B)/libgomap.a $(B)/escape.so
	@mkdir -p $(BB)
	$(CC) $(BENCH_CFLAGS) -fplugin=$(B)/escape.so $< $(B)/libgomap.a -o $@
$(BB)/small-heap: bench/small.c bench/workload.h $(B)/libgomap.a $(B)/escape.so
	@mkdir -p $(BB)
	$(CC) $(BENCH_CFLAGS) -fplugin=$(B)/escape.so -fplugin-arg-escape-transform=no $< $(B)/libgomap.a -o $@
$(BB)/knucleotide: bench/knucleotide.c $(B)/libgomap.a
	@mkdir -p $(BB)
	$(CC) $(BENCH_CFLAGS) -fplugin=$(B)/escape.so $< $(B)/libgomap.a -o $@
$(BB)/fasta: bench/fasta.c
	@mkdir -p $(BB)
	$(CC) $(BENCH_CFLAGS) $< -o $@
$(BB)/layout-floor: bench/floor.c bench/workload.h
	@mkdir -p $(BB)
	$(CC) $(BENCH_CFLAGS) $< -o $@
$(BB)/bench-go: $(wildcard bench/go/*.go) bench/go/go.mod
	@mkdir -p $(BB)
	cd bench/go && GOFLAGS=-mod=mod GOPROXY=off GOCACHE=$(abspath $(BB))/gocache \
	  GOPATH=$(abspath $(BB))/gopath go build -o $(abspath $@) .
$(BB)/passtime.so: bench/passtime.cc | check-plugin-headers
	@mkdir -p $(BB)
	$(CXX) $(PLUGIN_CXXFLAGS) -shared $< -o $@

# ---- escape-clang: the libclang front end (clang/*.c + the core) -----------------------
# The same analysis and diagnostics for Clang users (docs/frontends.md); needs Debian's
# libclang-14-dev (`make deps`).
LIBCLANG_DIR := /usr/lib/llvm-14
CLANG_FE_CFLAGS := -std=gnu11 $(WARN) $(CFLAGS) -Iruntime -Iplugin/core -I$(LIBCLANG_DIR)/include
CLANG_FE_SRCS := $(wildcard clang/*.c)
CLANG_FE_OBJS := $(CLANG_FE_SRCS:%.c=$(B)/%.o)
all: $(B)/escape-clang

$(B)/clang/%.o: clang/%.c clang/fe.h plugin/core/escape.h runtime/gomap_layout.h | check-libclang
	@mkdir -p $(dir $@)
	$(CC) $(CLANG_FE_CFLAGS) -c $< -o $@

$(B)/escape-clang: $(CLANG_FE_OBJS) $(CORE_OBJS)
	$(CC) -o $@ $^ -L$(LIBCLANG_DIR)/lib -lclang -Wl,-rpath,$(LIBCLANG_DIR)/lib

.PHONY: check-libclang
check-libclang:
	@test -f $(LIBCLANG_DIR)/include/clang-c/Index.h || { \
	  echo "error: libclang headers not found; run 'make deps' (apt-get install libclang-14-dev)"; \
	  exit 1; }

# ---- fuzz-runtime: the map runtime under libFuzzer against a reference model -----------
# fuzz/gomap_fuzz.c + runtime/*.c with clang-14 -fsanitize=fuzzer,address,undefined
# (installs clang-14 and libclang-rt-14-dev when missing and root).  Runs SECONDS seconds
# (default 60) on the corpus build/fuzz/corpus; crashes go to build/fuzz/crash-*.
# Prints the executions per second and libFuzzer's cov:/ft: figures (fuzz/README.md).
SECONDS    ?= 60
FUZZ_CLANG := clang-14
FZ         := $(B)/fuzz
.PHONY: fuzz-runtime fuzz-deps fuzz-build
fuzz-deps:
	@missing=""; command -v $(FUZZ_CLANG) >/dev/null || missing="$$missing clang-14"; \
	ls /usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1 \
	  || missing="$$missing libclang-rt-14-dev"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then echo "fuzz: installing$$missing"; mkdir -p $(B); \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing) \
	      >$(B)/fuzz-deps.log 2>&1 || { cat $(B)/fuzz-deps.log; exit 1; }; \
	  else echo "fuzz: missing packages; run: sudo apt-get install -y$$missing"; exit 1; fi; \
	fi
$(FZ)/gomap_fuzz: fuzz/gomap_fuzz.c $(RT_SRCS) $(wildcard runtime/*.h)
	@mkdir -p $(FZ)
	$(FUZZ_CLANG) -std=gnu11 $(WARN) -O1 -g -fsanitize=fuzzer,address,undefined \
	  -fno-sanitize-recover=all -Iruntime fuzz/gomap_fuzz.c $(RT_SRCS) -o $@
fuzz-build: fuzz-deps
	$(MAKE) $(FZ)/gomap_fuzz
fuzz-runtime: fuzz-build
	@mkdir -p $(FZ)/corpus
	@set -o pipefail; cd $(FZ) && ./gomap_fuzz -max_total_time=$(SECONDS) -print_final_stats=1 \
	  -rss_limit_mb=2048 -artifact_prefix=./ corpus 2>&1 | tee fuzz.log \
	  | grep -E "^#[0-9]+.*(pulse|DONE)|ERROR|SUMMARY|check failed" || true; \
	st=$$(grep -E '^#[0-9]+' fuzz.log | tail -1); \
	echo "fuzz-runtime: $$(grep -o 'number_of_executed_units: *[0-9]*' fuzz.log | grep -o '[0-9]*$$') runs" \
	  "in $(SECONDS) s, $$(grep -o 'average_exec_per_sec: *[0-9]*' fuzz.log | grep -o '[0-9]*$$') exec/s," \
	  "$$(echo "$$st" | grep -o 'cov: [0-9]*') $$(echo "$$st" | grep -o 'ft: [0-9]*')," \
	  "crashes: $$(ls crash-* leak-* timeout-* oom-* 2>/dev/null | wc -l)"; \
	! grep -qE 'ERROR|deadly signal|check failed' fuzz.log

# ---- fuzz: random gomap programs, without and with the plugin, under ASan+UBSan ---------
# tools/fuzz/run.py: N programs of tools/fuzz/gen.py (seeds FUZZ_SEED..), each built and run
# both ways; stdout must match and no sanitizer may report.  Failures are saved and reduced
# in build/fuzz-progs/fail-SEED/ (docs/fuzz.md).  150 of them run in `make check`.
# FUZZ_FAMILIES=byteview,swap restricts the generator (default: all, weighted).
N         ?= 1000
FUZZ_SEED ?= 1
FUZZ_JOBS ?= 2
FUZZ_FAMILIES ?= all
.PHONY: fuzz
fuzz: deps
	$(MAKE) all
	$(PYTHON) tools/fuzz/run.py $(N) --seed $(FUZZ_SEED) --jobs $(FUZZ_JOBS) \
	  --families $(FUZZ_FAMILIES)
