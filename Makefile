# escape: Go's escape analysis for C maps.
#
#   make            build/libgomap.a (runtime), build/escape.so (GCC plugin), and
#                   build/escape-clang when libclang's headers are installed
#   make check      the whole lit suite, ends with "N passed, N failed"
#   make demo       the plugin on examples/wordfreq.c, -m and -m=2, then run it
#   make report     build/escape-report and the HTML report of the examples (build/report/)
#   make sarif-validate  their SARIF logs through npx @microsoft/sarif-multitool (optional)
#   make install    PREFIX=/usr/local DESTDIR= PLUGINDIR=<gcc's plugin dir>; make uninstall
#   make clang      escape-clang (installs libclang-14-dev when root)
#   make deps       the Debian packages building and testing need
#   make report-deps chromium, for the report's browser test (testsuite/output)
#   make torture | bench | fuzz N=... | fuzz-runtime SECONDS=... | clean
#
# Sections below: settings, deps, runtime, plugin, clang, tests, install, torture, bench, fuzz.
# Header dependencies are tracked (-MMD): an edit to a header rebuilds what includes it.

# ==== settings ================================================================================
ifeq ($(origin CC),default)
CC       := gcc
endif
ifeq ($(origin CXX),default)
CXX      := g++
endif
PYTHON   ?= python3
PREFIX   ?= /usr/local
DESTDIR  ?=
B        := build
SHELL    := /bin/bash

GCC_PLUGIN_DIR := $(shell $(CC) -print-file-name=plugin)
# GCC's own plugin directory for the system prefixes; under any other PREFIX the
# plugin stays inside it (nothing is written outside PREFIX and DESTDIR).
PLUGINDIR      ?= $(if $(filter /usr /usr/local,$(PREFIX)),$(GCC_PLUGIN_DIR),$(PREFIX)/lib/gcc-plugin)
LLVM_BIN       := /usr/lib/llvm-14/bin
LIT            := $(PYTHON) /usr/lib/llvm-14/build/utils/lit/lit.py
LIBCLANG_DIR   := /usr/lib/llvm-14
HAVE_LIBCLANG  := $(wildcard $(LIBCLANG_DIR)/include/clang-c/Index.h)

WARN     := -Wall -Wextra
CFLAGS   ?= -O2 -g
DEPFLAGS  = -MMD -MP
RT_CFLAGS := -std=gnu11 $(WARN) $(CFLAGS) -fPIC -Iruntime
CORE_CFLAGS := -std=c11 $(WARN) $(CFLAGS) -fPIC -Iruntime -Iplugin/core
PLUGIN_CXXFLAGS := -std=gnu++17 $(WARN) -Wno-unused-parameter $(CFLAGS) -fPIC -fno-rtti \
                   -fno-exceptions -I$(GCC_PLUGIN_DIR)/include -Iruntime -Iplugin/core
CLANG_FE_CFLAGS := -std=gnu11 $(WARN) $(CFLAGS) -Iruntime -Iplugin/core -I$(LIBCLANG_DIR)/include

RT_SRCS   := $(wildcard runtime/*.c)
CORE_SRCS := $(wildcard plugin/core/*.c)
GCC_SRCS  := $(wildcard plugin/gcc/*.cc)
CLANG_FE_SRCS := $(wildcard plugin/clang/*.c)
RT_OBJS   := $(RT_SRCS:%.c=$(B)/%.o)
RT_ASAN_OBJS := $(RT_SRCS:%.c=$(B)/asan/%.o)
CORE_OBJS := $(CORE_SRCS:%.c=$(B)/%.o)
GCC_OBJS  := $(GCC_SRCS:%.cc=$(B)/%.o)
CLANG_FE_OBJS := $(CLANG_FE_SRCS:%.c=$(B)/%.o)

ALL := $(B)/libgomap.a $(B)/escape.so $(if $(HAVE_LIBCLANG),$(B)/escape-clang) $(B)/escape-report

.PHONY: all clang deps report-deps report sarif-validate check demo install uninstall clean torture \
        bench bench-build bench-deps bench-deps-present fuzz fuzz-runtime fuzz-deps fuzz-build
all: $(ALL)
clang: deps
	$(MAKE) $(B)/escape-clang

# ==== deps: Debian packages ===================================================================
# $(call apt_install,WHAT,PACKAGES...): installs the packages not yet installed when root,
# else prints the apt-get command and fails.  Its log is build/WHAT-deps.log.
define apt_install
	@missing=$$(for p in $(2); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null \
	  | grep -q 'ok installed' || echo $$p; done | tr '\n' ' '); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then echo "$(1): installing $$missing"; mkdir -p $(B); \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing) \
	      >$(B)/$(1)-deps.log 2>&1 || { cat $(B)/$(1)-deps.log; exit 1; }; \
	  else echo "$(1): missing packages; run: sudo apt-get install -y $$missing"; exit 1; fi; \
	fi
endef

# What building and testing the product needs (make check, make demo); never the rivals.
DEB_PACKAGES := gcc-12-plugin-dev llvm-14-tools libclang-14-dev pkgconf python3-jsonschema
deps:
	$(call apt_install,deps,$(DEB_PACKAGES))

# The report's browser test (testsuite/output/report-browser.test) needs a headless
# browser; `make check` installs it when root, else that test is UNSUPPORTED.
REPORT_DEB := chromium
report-deps:
	$(call apt_install,report,$(REPORT_DEB))

# ==== runtime: build/libgomap.a, and the same under ASan+UBSan for the tests ==================
$(B)/runtime/%.o: runtime/%.c
	@mkdir -p $(dir $@)
	$(CC) $(RT_CFLAGS) $(DEPFLAGS) -c $< -o $@

$(B)/libgomap.a: $(RT_OBJS)
	rm -f $@
	ar rcs $@ $^

# lit's %gomap_asan: a map wrongly put on the stack is caught inside the runtime too.
# Frame pointers, so that ASan's and LeakSanitizer's traces reach the user's code.
ASAN_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all -g
$(B)/asan/runtime/%.o: runtime/%.c
	@mkdir -p $(dir $@)
	$(CC) -std=gnu11 $(WARN) -O1 -fPIC $(ASAN_FLAGS) -Iruntime $(DEPFLAGS) -c $< -o $@

$(B)/libgomap-asan.a: $(RT_ASAN_OBJS)
	rm -f $@
	ar rcs $@ $^

# ==== plugin: the analysis core (plain C11) and the GCC front end =============================
$(B)/plugin/core/%.o: plugin/core/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CORE_CFLAGS) $(DEPFLAGS) -c $< -o $@

$(B)/plugin/gcc/%.o: plugin/gcc/%.cc | check-plugin-headers
	@mkdir -p $(dir $@)
	$(CXX) $(PLUGIN_CXXFLAGS) $(DEPFLAGS) -c $< -o $@

# Two objects (plugin/gcc/loader.h): escape.so, the loader GCC loads (plugin.cc), and
# escape-analysis.so, everything else, which the loader loads only for units that may
# need it.  Linked with the C driver: cc1 already exports the only libstdc++ symbols
# the plugin uses (operator new/delete), and not loading libstdc++ saves ~3 ms per
# compile.  Each exports only its entry points (plugin/gcc/exports.map).
GCC_LOADER_OBJ := $(B)/plugin/gcc/plugin.o
$(B)/escape.so: $(GCC_LOADER_OBJ) plugin/gcc/exports.map | $(B)/escape-analysis.so
	$(CC) -shared -Wl,--version-script=plugin/gcc/exports.map -o $@ $(GCC_LOADER_OBJ)
$(B)/escape-analysis.so: $(CORE_OBJS) $(filter-out $(GCC_LOADER_OBJ),$(GCC_OBJS)) plugin/gcc/exports.map
	$(CC) -shared -Wl,--version-script=plugin/gcc/exports.map -o $@ \
	  $(CORE_OBJS) $(filter-out $(GCC_LOADER_OBJ),$(GCC_OBJS))

.PHONY: check-plugin-headers
check-plugin-headers:
	@test -f $(GCC_PLUGIN_DIR)/include/gcc-plugin.h || { \
	  echo "error: GCC plugin headers not found; run 'make deps' (apt-get install gcc-12-plugin-dev)"; \
	  exit 1; }

# ==== clang: escape-clang, the libclang front end (docs/frontends.md) =========================
$(B)/plugin/clang/%.o: plugin/clang/%.c | check-libclang
	@mkdir -p $(dir $@)
	$(CC) $(CLANG_FE_CFLAGS) $(DEPFLAGS) -c $< -o $@

$(B)/escape-clang: $(CLANG_FE_OBJS) $(CORE_OBJS)
	$(CC) -o $@ $^ -L$(LIBCLANG_DIR)/lib -lclang -Wl,-rpath,$(LIBCLANG_DIR)/lib

.PHONY: check-libclang
check-libclang:
	@test -f $(LIBCLANG_DIR)/include/clang-c/Index.h || { \
	  echo "error: libclang headers not found; run 'make clang' or 'make deps' (apt-get install libclang-14-dev)"; \
	  exit 1; }

-include $(RT_OBJS:.o=.d) $(RT_ASAN_OBJS:.o=.d) $(CORE_OBJS:.o=.d) $(GCC_OBJS:.o=.d) \
         $(CLANG_FE_OBJS:.o=.d)

# ==== tests: make check, make demo ============================================================
# lit prints a line per finished test (-v); testsuite/lit_summary.py passes them on and ends
# with "N passed, N failed".  The benchmark smoke test needs the rivals `make bench`
# installs: without them it is UNSUPPORTED (make check never installs them).
LIT_ARGS ?= -v
check: deps
	$(MAKE) $(B)/libgomap.a $(B)/escape.so $(B)/escape-clang $(B)/libgomap-asan.a $(B)/escape-report
	@if [ "$$(id -u)" = 0 ]; then $(MAKE) -s report-deps \
	  || echo "check: chromium could not be installed: testsuite/output/report-browser.test is UNSUPPORTED"; \
	else $(MAKE) -s report-deps 2>/dev/null >/dev/null \
	  || echo "check: chromium not installed (run: sudo apt-get install -y chromium): testsuite/output/report-browser.test is UNSUPPORTED"; fi
	@$(MAKE) -s bench-deps-present 2>/dev/null \
	  || echo "check: benchmark rivals not installed (make bench installs them): testsuite/bench is UNSUPPORTED"
	@set -o pipefail; $(LIT) $(LIT_ARGS) testsuite 2>&1 | tee $(B)/check.log \
	  | $(PYTHON) testsuite/lit_summary.py

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

# ==== report: build/escape-report (tools/report/escape-report.py), the examples' report ========
$(B)/escape-report: tools/report/escape-report.py
	@mkdir -p $(B)
	install -m 755 $< $@

REPORT_SRCS := $(wildcard examples/*.c)
report: deps
	$(MAKE) all
	@rm -rf $(B)/report-json && mkdir -p $(B)/report-json
	@set -e; for f in $(REPORT_SRCS); do \
	  echo "== $(CC) -O2 -fplugin=$(B)/escape.so -fplugin-arg-escape-json=$(B)/report-json $$f"; \
	  $(CC) -O2 -Iruntime -fplugin=$(B)/escape.so -fplugin-arg-escape-json=$(B)/report-json \
	    -fplugin-arg-escape-sarif=$(B)/report-json -c $$f -o /dev/null; done
	$(B)/escape-report -o $(B)/report $(B)/report-json/*.json
	@echo "report: open $(B)/report/index.html (SARIF logs: $(B)/report-json/*.sarif)"

# Optional: the SARIF logs of `make report` through Microsoft's SARIF multitool (npm
# package @microsoft/sarif-multitool, fetched by npx; not part of make check, whose
# schema check is offline: testsuite/output/sarif.test).
sarif-validate: report
	npx -y @microsoft/sarif-multitool validate $(B)/report-json/*.sarif

clean:
	rm -rf $(B)

# ==== install: headers, library, gomap.pc, the plugin into PLUGINDIR, escape-clang ============
# PLUGINDIR defaults to GCC's plugin directory for PREFIX=/usr or /usr/local, so that
# -fplugin=escape finds it, and to PREFIX/lib/gcc-plugin for any other prefix
# (-fplugin=PREFIX/lib/gcc-plugin/escape.so); set it to put the plugin elsewhere.
HEADERS   := runtime/gomap.h runtime/gomap_layout.h runtime/gomap_typed.h runtime/gomap_fast.h
INSTALLED := $(addprefix $(PREFIX)/include/,$(notdir $(HEADERS))) $(PREFIX)/lib/libgomap.a \
             $(PREFIX)/lib/pkgconfig/gomap.pc $(PLUGINDIR)/escape.so $(PLUGINDIR)/escape-analysis.so \
             $(PREFIX)/bin/escape-clang
install: all
	install -d $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PLUGINDIR)
	install -m 644 $(HEADERS) $(DESTDIR)$(PREFIX)/include/
	install -m 644 $(B)/libgomap.a $(DESTDIR)$(PREFIX)/lib/
	install -m 755 $(B)/escape.so $(B)/escape-analysis.so $(DESTDIR)$(PLUGINDIR)/
	sed -e 's|@PREFIX@|$(PREFIX)|g' runtime/gomap.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/gomap.pc
	if [ -f $(B)/escape-clang ]; then install -d $(DESTDIR)$(PREFIX)/bin && \
	  install -m 755 $(B)/escape-clang $(DESTDIR)$(PREFIX)/bin/escape-clang; fi
uninstall:
	rm -f $(addprefix $(DESTDIR),$(INSTALLED))

# ==== torture: GCC's C torture corpus against the plugin ======================================
# Every compile/execute test of gcc-12-source at -O0 and -O2, without and with the plugin
# (tools/torture/run.py; installs gcc-12-source when root; corpus cached in build/torture).
# A fixed 150-file sample of it runs in `make check` (testsuite/torture/).
TORTURE_ARGS ?= --jobs 2
torture: deps
	$(MAKE) all
	$(PYTHON) tools/torture/run.py $(TORTURE_ARGS)

# ==== bench: gomap against Go 1.19's map and C/C++ tables; plugin compile time ================
# `make bench` installs the rivals (Debian packages, when root), builds the programs into
# build/bench/ and runs bench/run.py: table on stdout, bench/results.md, bench/results.png.
# `make bench-build` only builds (testsuite/bench/smoke.test uses it).  BENCH_ARGS is
# passed to bench/run.py (e.g. BENCH_ARGS="--reps 7").
BENCH_DEB   := golang-go libglib2.0-dev libhts-dev libboost1.81-dev libabsl-dev gnuplot-nox valgrind
BB          := $(B)/bench
BENCH_ARGS  ?=
BENCH_CFLAGS := -std=gnu11 $(WARN) -O2 -Iruntime -Ibench
BENCH_CXXFLAGS := -std=c++17 $(WARN) -O2 -Ibench
BENCH_PROGS := $(addprefix $(BB)/,maps-gomap maps-glib maps-khash maps-boost maps-absl \
               small-stack small-heap knucleotide fasta layout-floor hash-floor bench-go passtime.so)
BENCH_RUNNER := bench/workload.h bench/runner.h
bench-deps:
	$(call apt_install,bench,$(BENCH_DEB))
# Only says whether the rivals are there.
bench-deps-present:
	@for p in $(BENCH_DEB); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null \
	  | grep -q 'ok installed' || exit 1; done
bench-build: all $(BENCH_PROGS)
bench: deps
	@mkdir -p $(B)
	$(MAKE) bench-deps
	$(MAKE) bench-build
	$(PYTHON) bench/run.py --build $(BB) $(BENCH_ARGS)

$(BB)/maps-gomap: bench/maps_c.c $(BENCH_RUNNER) $(B)/libgomap.a $(B)/escape.so
	@mkdir -p $(BB)
	$(CC) $(BENCH_CFLAGS) -fplugin=$(B)/escape.so -DIMPL_GOMAP $< $(B)/libgomap.a -o $@
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
$(BB)/hash-floor: bench/hashfloor.c bench/workload.h $(B)/libgomap.a
	@mkdir -p $(BB)
	$(CC) $(BENCH_CFLAGS) $< $(B)/libgomap.a -o $@
$(BB)/bench-go: $(wildcard bench/go/*.go) bench/go/go.mod
	@mkdir -p $(BB)
	cd bench/go && GOFLAGS=-mod=mod GOPROXY=off GOCACHE=$(abspath $(BB))/gocache \
	  GOPATH=$(abspath $(BB))/gopath go build -o $(abspath $@) .
$(BB)/passtime.so: bench/passtime.cc | check-plugin-headers
	@mkdir -p $(BB)
	$(CXX) $(PLUGIN_CXXFLAGS) -shared $< -o $@

# ==== fuzz: random gomap programs, and the runtime under libFuzzer ============================
# make fuzz: tools/fuzz/run.py, N programs of tools/fuzz/gen.py (seeds FUZZ_SEED..), each
# built and run without and with the plugin under ASan+UBSan; stdout must match and no
# sanitizer may report.  Failures are saved and reduced in build/fuzz-progs/fail-SEED/
# (docs/fuzz.md).  150 of them run in `make check`.  FUZZ_FAMILIES=byteview,swap restricts
# the generator (default: all, weighted); FUZZ_ARGS goes to run.py as it is.
N         ?= 1000
FUZZ_SEED ?= 1
FUZZ_JOBS ?= 2
FUZZ_FAMILIES ?= all
FUZZ_ARGS ?=
fuzz: deps
	$(MAKE) all
	$(PYTHON) tools/fuzz/run.py $(N) --seed $(FUZZ_SEED) --jobs $(FUZZ_JOBS) \
	  --families $(FUZZ_FAMILIES) $(FUZZ_ARGS)

# make fuzz-runtime: tools/fuzz/runtime_fuzz.c + runtime/*.c with clang-14
# -fsanitize=fuzzer,address,undefined against a reference model, SECONDS seconds (default 60)
# on the corpus build/fuzz/corpus; crashes go to build/fuzz/crash-*.  Prints the executions
# per second and libFuzzer's cov:/ft: figures (tools/fuzz/README.md).
SECONDS    ?= 60
FUZZ_CLANG := clang-14
FZ         := $(B)/fuzz
fuzz-deps:
	$(call apt_install,fuzz,clang-14 libclang-rt-14-dev)
$(FZ)/gomap_fuzz: tools/fuzz/runtime_fuzz.c $(RT_SRCS) $(wildcard runtime/*.h)
	@mkdir -p $(FZ)
	$(FUZZ_CLANG) -std=gnu11 $(WARN) -O1 -g -fsanitize=fuzzer,address,undefined \
	  -fno-sanitize-recover=all -Iruntime tools/fuzz/runtime_fuzz.c $(RT_SRCS) -o $@
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
