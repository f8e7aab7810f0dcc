# kiemphieu: one non-recursive Makefile.
#   make            build bin/kiemphieu (and the library)
#   make demo       install what is missing, build, tally the sample congress
#   make check      install what is missing, build, run every test (the
#                   Windows build's too, under Wine: make check-windows)
#   make windows    build-win/kiemphieu-VERSION-windows-x64.zip (MinGW-w64)
#   make bench      throughput and memory beside libcsv's bare parser
#   make bench-campaign  progress over 52,105 congresses: -j 1, -j 2, cat
#   make install    PREFIX=/usr/local DESTDIR=
#   make sanitize   unit and end-to-end tests under ASan+UBSan
#   make lint       cppcheck and gcc -fanalyzer
#   make fuzz       libFuzzer targets, FUZZ_SECONDS each (clang)
#   make valgrind   unit and end-to-end tests under valgrind
# WERROR=1 turns warnings into errors (CI does).

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
MANDIR ?= $(PREFIX)/share/man
LOCALEDIR ?= $(PREFIX)/share/locale
DESTDIR ?=

CC ?= cc
AR ?= ar
BUILD ?= build
CFLAGS ?= -O2 -g
WARNINGS = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wformat=2 -Wconversion -Wvla -Wcast-qual \
	-Wwrite-strings
ifeq ($(WERROR),1)
WARNINGS += -Werror
endif
SANITIZE ?=
ifeq ($(SANITIZE),1)
CFLAGS += -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
LDFLAGS += -fsanitize=address,undefined
endif
VERSION := $(shell cat VERSION)
ALL_CPPFLAGS = -Iinclude -D_GNU_SOURCE -DKP_VERSION='"$(VERSION)"' -DKP_LOCALEDIR='"$(LOCALEDIR)"' \
	-DKP_MODULEDIR='"$(LIBDIR)/kiemphieu"' $(CPPFLAGS)
ALL_CFLAGS = $(WARNINGS) -pthread $(CFLAGS)
# PDF (minutes --format pdf) with cairo and pango, when they are there
# (not for Windows: kiemphieu.exe has no PDF, see docs/dependencies.md)
ifneq ($(WINDOWS),1)
PDF_CFLAGS := $(shell pkg-config --cflags pangocairo 2>/dev/null)
PDF_LIBS := $(shell pkg-config --libs pangocairo 2>/dev/null)
endif
# the program's own libraries; the modules' (PDF, Excel) are theirs
CORE_LIBS = -lcsv -ljansson -lunistring -lnettle -lpthread -ldl
XLSX_LIBS = -lzip -lexpat -lxlsxwriter
LIBS = $(CORE_LIBS) $(XLSX_LIBS) $(PDF_LIBS)

# translations: po/LANG.po -> $(BUILD)/locale/LANG/LC_MESSAGES/kiemphieu.mo
PO = $(wildcard po/*.po)
MO = $(PO:po/%.po=$(BUILD)/locale/%/LC_MESSAGES/kiemphieu.mo)
XGETTEXT_FLAGS = --from-code=UTF-8 --add-comments=TRANSLATORS: \
	--keyword=_ --keyword=N_ --keyword=Q_:1,2 --keyword=P_:1c,2 \
	--keyword=kp_error:5 --keyword=kp_warning:5 --keyword=kp_diag:6 \
	--keyword=kp_error_errno:6 \
	--keyword=kp_cli_usage:2 --keyword=add_reason:2 --flag=add_reason:2:c-format \
	--flag=kp_error:5:c-format --flag=kp_warning:5:c-format \
	--flag=kp_diag:6:c-format --flag=kp_cli_usage:2:c-format \
	--flag=kp_error_errno:6:c-format \
	--package-name=kiemphieu --package-version=$(VERSION) \
	--msgid-bugs-address=https://github.com/kiemphieu/kiemphieu/issues \
	--sort-by-file --add-location=file --no-wrap

# one platform module: src/os_posix.c here, src/os_win32.c for make windows
OTHER_OS = src/os_win32.c
ifeq ($(WINDOWS),1)
OTHER_OS = src/os_posix.c
endif
LIB_SRC = $(filter-out src/main.c src/cmd_%.c src/modules.c $(OTHER_OS),$(wildcard src/*.c))
CMD_SRC = src/main.c $(wildcard src/cmd_*.c)
LIB_OBJ = $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
# kiemphieu's modules, loaded when first used (src/modules.c): the program
# holds everything else, and exports it to them
PDF_MODULE_SRC = src/pdf.c
XLSX_MODULE_SRC = src/xlsx.c src/book_xlsx.c
MODULES = $(BUILD)/kiemphieu-pdf.so $(BUILD)/kiemphieu-xlsx.so
PROG_OBJ = $(filter-out $(PDF_MODULE_SRC:src/%.c=$(BUILD)/obj/%.o) \
	$(XLSX_MODULE_SRC:src/%.c=$(BUILD)/obj/%.o),$(LIB_OBJ)) $(BUILD)/obj/modules.o
CMD_OBJ = $(CMD_SRC:src/%.c=$(BUILD)/obj/%.o)
LIBA = $(BUILD)/libkiemphieu.a
BIN = $(BUILD)/kiemphieu
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TOOLS = $(BUILD)/kpgen $(BUILD)/kpbench

.PHONY: windows check-windows windows-deps windows-build all deps test-deps demo check test unit e2e bench bench-campaign install uninstall \
	sanitize lint clean pot docs-images data-check fuzz fuzz-build fuzz-regress valgrind

all: $(BIN) $(MODULES) $(MO) bin/kiemphieu

# bin/ holds a copy of the program, its modules and catalogues beside it
bin/kiemphieu: $(BIN) $(MODULES) $(MO)
	@mkdir -p bin
	cp $(MODULES) bin/
	cp $(BIN) $@
	rm -rf bin/locale && cp -R $(BUILD)/locale bin/locale

$(BUILD)/locale/%/LC_MESSAGES/kiemphieu.mo: po/%.po
	@mkdir -p $(dir $@)
	msgfmt --check --output-file=$@ $<

# po/kiemphieu.pot from the sources, and each po/LANG.po brought up to date
# with it (then translate what msgmerge marked new or fuzzy)
pot:
	xgettext $(XGETTEXT_FLAGS) --output=po/kiemphieu.pot src/*.c src/*.h
	@sed -i '/^"POT-Creation-Date:/d' po/kiemphieu.pot
	@for p in $(PO); do msgmerge --quiet --update --backup=none --no-wrap $$p po/kiemphieu.pot; done

ifneq ($(PDF_LIBS),)
$(BUILD)/obj/pdf.o $(BUILD)/pic/pdf.o: ALL_CPPFLAGS += -DKP_HAVE_PDF $(PDF_CFLAGS)
endif

$(BUILD)/obj/%.o: src/%.c $(wildcard include/kiemphieu/*.h) $(wildcard src/*.h) VERSION
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/pic/%.o: src/%.c $(wildcard include/kiemphieu/*.h) $(wildcard src/*.h) VERSION
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -fPIC -c -o $@ $<

$(LIBA): $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

# -rdynamic: the modules call the program's own functions; -Bsymbolic: a
# module's calls to its own functions stay its own
$(BIN): $(CMD_OBJ) $(PROG_OBJ)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -rdynamic -o $@ $(CMD_OBJ) $(PROG_OBJ) $(CORE_LIBS)

$(BUILD)/kiemphieu-pdf.so: $(PDF_MODULE_SRC:src/%.c=$(BUILD)/pic/%.o)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -shared -Wl,-Bsymbolic -o $@ $^ $(PDF_LIBS)

$(BUILD)/kiemphieu-xlsx.so: $(XLSX_MODULE_SRC:src/%.c=$(BUILD)/pic/%.o)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -shared -Wl,-Bsymbolic -o $@ $^ $(XLSX_LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(LIBA) tests/unit/unit.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -Wno-missing-prototypes $(LDFLAGS) \
		-o $@ $< $(LIBA) -lcmocka $(LIBS)

$(BUILD)/%: tools/%.c $(LIBA)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(LIBA) $(LIBS)

deps:
	@scripts/install-deps

test-deps:
	@scripts/install-deps --test

demo: deps
	@$(MAKE) --no-print-directory all
	@echo '$$ kiemphieu tally --contest dbd data/bac-ninh-2020/dai-dong   # a tie, then a second round'
	@$(BIN) tally --contest dbd data/bac-ninh-2020/dai-dong
	@echo
	@echo '$$ kiemphieu progress --as-of 2020-05-15 data/bac-ninh-2020    # the campaign: 17/20 pilots done'
	@$(BIN) progress --as-of 2020-05-15 data/bac-ninh-2020
	@echo
	@echo '$$ kiemphieu progress --lang vi --format html --as-of 2020-05-15 data/bac-ninh-2020 > $(BUILD)/tien-do.html'
	@$(BIN) progress --lang vi --format html --as-of 2020-05-15 data/bac-ninh-2020 > $(BUILD)/tien-do.html
	@echo 'the dashboard, in Vietnamese: open $(BUILD)/tien-do.html in a browser (docs/dashboard.png shows it)'

# every test: Debian's, then kiemphieu.exe's under Wine (the first time,
# its libraries are built from Debian's source packages: about 6 minutes)
check: test-deps
	@$(MAKE) --no-print-directory test
	@$(MAKE) --no-print-directory check-windows

test: $(BIN) $(MODULES) $(MO) $(UNIT_BIN) $(TOOLS)
	@tests/run-unit $(UNIT_BIN)
	@tests/data-check $(BUILD)/kpgen
	@tests/contract $(BIN)
	@tests/man-check $(BIN)
	@tests/po-check $(BIN)
	@tests/e2e/run $(BIN)
	@tests/i18n-check $(BIN)
	@tests/readme-check $(BIN)
	@tests/browser-check $(BIN) $(BUILD)/browser
	@tests/libreoffice-check $(BIN)

sanitize: test-deps
	@LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
		$(MAKE) --no-print-directory BUILD=build-san SANITIZE=1 test

# the pictures of the pages in docs/, from the browser test's renderings
docs-images: check
	cp $(BUILD)/browser/minutes.png docs/minutes.png
	cp $(BUILD)/browser/dashboard-vi.png docs/dashboard.png
	$(BIN) minutes --format pdf -o $(BUILD)/minutes.pdf data/bac-ninh-2020/dai-dong
	pdftoppm -r 80 -png -f 1 -l 1 -singlefile $(BUILD)/minutes.pdf docs/minutes-pdf

# the benchmark's input is made when it runs, never committed
BENCH_DIR = $(BUILD)/bench/1m

$(BENCH_DIR)/ballots/bench.csv: $(BUILD)/kpgen
	@echo 'making a 1,000,000 x 25 ballot file in $(BENCH_DIR)'
	@rm -rf $(BENCH_DIR)
	@$(BUILD)/kpgen ballots $(BENCH_DIR) -b 1000000 -c 25 -s 21

# the same ballots as an Excel workbook, for the .xlsx reader's throughput
BENCH_XLSX_DIR = $(BUILD)/bench/1m-xlsx

$(BENCH_XLSX_DIR)/ballots/bench.xlsx: $(BENCH_DIR)/ballots/bench.csv $(BUILD)/kpgen
	@echo 'making the same ballots as an Excel workbook in $(BENCH_XLSX_DIR)'
	@rm -rf $(BENCH_XLSX_DIR)
	@$(BUILD)/kpgen xlsx $(BENCH_DIR) $(BENCH_XLSX_DIR)

bench: deps
	@$(MAKE) --no-print-directory all $(TOOLS) $(BENCH_DIR)/ballots/bench.csv \
		$(BENCH_XLSX_DIR)/ballots/bench.xlsx
	@$(BUILD)/kpbench $(BIN) $(BENCH_DIR) $(BENCH_XLSX_DIR)
	@echo
	@$(BUILD)/kpbench --small $(BIN) data/bac-ninh-2020/hoa-long

# the nationwide campaign: 52,105 congresses, about 10 million ballots and
# 1.6 GB, made on first use (about 20 s) and kept under build/
NATIONAL_DIR = $(BUILD)/bench/national

$(NATIONAL_DIR)/campaign.csv: $(BUILD)/kpgen
	@echo 'making a campaign of 52,105 congresses in $(NATIONAL_DIR)'
	@rm -rf $(NATIONAL_DIR)
	@$(BUILD)/kpgen national $(NATIONAL_DIR) -n 52105

bench-campaign: deps
	@$(MAKE) --no-print-directory all $(TOOLS) $(NATIONAL_DIR)/campaign.csv
	@$(BUILD)/kpbench --campaign $(BIN) $(NATIONAL_DIR)

install: $(BIN) $(MODULES) $(LIBA) $(MO)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)/kiemphieu $(DESTDIR)$(INCLUDEDIR)/kiemphieu
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/kiemphieu
	install -m 644 $(MODULES) $(DESTDIR)$(LIBDIR)/kiemphieu/
	install -m 644 $(LIBA) $(DESTDIR)$(LIBDIR)/libkiemphieu.a
	install -m 644 include/kiemphieu/*.h $(DESTDIR)$(INCLUDEDIR)/kiemphieu/
	install -d $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(PREFIX)/share/bash-completion/completions
	install -m 644 docs/kiemphieu.1 $(DESTDIR)$(MANDIR)/man1/kiemphieu.1
	install -m 644 contrib/kiemphieu.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/kiemphieu
	@for m in $(MO); do l=$${m#$(BUILD)/locale/}; l=$${l%%/*}; \
		echo "install $$m -> $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/kiemphieu.mo"; \
		install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
		install -m 644 $$m $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/kiemphieu.mo || exit 1; \
	done

uninstall:
	rm -rf $(DESTDIR)$(LIBDIR)/kiemphieu
	rm -f $(DESTDIR)$(BINDIR)/kiemphieu $(DESTDIR)$(LIBDIR)/libkiemphieu.a \
		$(DESTDIR)$(MANDIR)/man1/kiemphieu.1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions/kiemphieu \
		$(DESTDIR)$(LOCALEDIR)/*/LC_MESSAGES/kiemphieu.mo
	rm -rf $(DESTDIR)$(INCLUDEDIR)/kiemphieu

# libFuzzer targets (clang): each runs FUZZ_SECONDS, or FUZZ_RUNS executions
# when set, from the seed corpus in tests/fuzz/corpus (copied: new inputs
# stay under build-fuzz/). A crash leaves its input in build-fuzz/.
# FUZZ_OPTS adds libFuzzer options (e.g. -max_len=1024); -reload=0 because
# each target runs alone (rereading its corpus cost a tenth of the time).
FUZZ_SECONDS ?= 60
FUZZ_RUNS ?= -1
FUZZ_OPTS ?=
FUZZ_TARGETS = csv congress load paths summary xlsx fastpath
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all

fuzz-build: test-deps
	@scripts/install-deps --fuzz
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang CFLAGS='$(FUZZ_FLAGS)' build-fuzz/libkiemphieu.a
	@for t in $(FUZZ_TARGETS); do \
		clang $(ALL_CPPFLAGS) -g -O1 -fsanitize=fuzzer,address,undefined \
			-fno-sanitize-recover=all -o build-fuzz/fuzz_$$t \
			tests/fuzz/fuzz_$$t.c build-fuzz/libkiemphieu.a $(LIBS) || exit 1; \
	done

fuzz: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p build-fuzz/corpus/$$t; cp -n tests/fuzz/corpus/$$t/* build-fuzz/corpus/$$t/; \
		echo "fuzzing $$t"; \
		(cd build-fuzz && ./fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -runs=$(FUZZ_RUNS) \
			-reload=0 $(FUZZ_OPTS) -print_final_stats=1 corpus/$$t > fuzz_$$t.log 2>&1); s=$$?; \
		grep -E 'stat::number_of_executed_units|ERROR|SUMMARY|runtime error' build-fuzz/fuzz_$$t.log; \
		[ $$s -eq 0 ] || { echo "fuzz_$$t found a problem: build-fuzz/fuzz_$$t.log"; exit 1; }; \
	done

# every input of the seed corpora once, crashes found earlier included
fuzz-regress: fuzz-build
	@n=0; for t in $(FUZZ_TARGETS); do \
		build-fuzz/fuzz_$$t -runs=0 tests/fuzz/corpus/$$t > build-fuzz/regress_$$t.log 2>&1 || \
			{ cat build-fuzz/regress_$$t.log; echo "fuzz: 0 passed, 1 failed"; exit 1; }; \
		n=$$((n + $$(ls tests/fuzz/corpus/$$t | wc -l))); \
	done; echo "fuzz corpus: $$n passed, 0 failed"

# every unit test and end-to-end case under valgrind: no error, no leak
valgrind: test-deps
	@scripts/install-deps --lint
	@$(MAKE) --no-print-directory BUILD=build-vg CFLAGS='-O1 -g' $(BIN:$(BUILD)/%=build-vg/%) $(MODULES:$(BUILD)/%=build-vg/%) $(MO:$(BUILD)/%=build-vg/%) \
		$(UNIT_BIN:$(BUILD)/%=build-vg/%)
	@RUN_WRAPPER=tests/valgrind-run tests/run-unit $(UNIT_BIN:$(BUILD)/%=build-vg/%)
	@KP_REAL=$(CURDIR)/build-vg/kiemphieu tests/e2e/run tests/valgrind-kiemphieu

lint:
	@scripts/install-deps --lint
	cppcheck --quiet --error-exitcode=1 --enable=warning,portability \
		--inline-suppr -Iinclude -D_GNU_SOURCE src tools
	$(MAKE) --no-print-directory BUILD=build-lint CFLAGS='-O0 -fanalyzer' WERROR=1 build-lint/libkiemphieu.a

# --- Windows: kiemphieu.exe, cross-compiled with MinGW-w64, tested under Wine
# The libraries are Debian's source packages built for Windows
# (scripts/build-windows-deps, once, into build-win/deps); the program is
# one static executable with everything in it: no modules, no DLL.
WIN_BUILD = build-win
WIN_DEPS = $(CURDIR)/$(WIN_BUILD)/deps
WIN_CC = x86_64-w64-mingw32-gcc-posix
WIN_ZIP = $(WIN_BUILD)/kiemphieu-$(VERSION)-windows-x64.zip

ifeq ($(WINDOWS),1)
# the Windows build of the same objects: make windows sets these
ALL_CPPFLAGS += -isystem $(WIN_DEPS)/include -D__USE_MINGW_ANSI_STDIO=1 -D_POSIX_THREAD_SAFE_FUNCTIONS -D_FILE_OFFSET_BITS=64 -DXML_STATIC -DZIP_STATIC \
	-D_WIN32_WINNT=0x0A00
WIN_LIBS = -L$(WIN_DEPS)/lib -lcsv -ljansson -lunistring -lnettle -lintl -lzip \
	-lxlsxwriter -lexpat -lz -lshell32 -lbcrypt -ladvapi32
$(BUILD)/kiemphieu.exe: $(CMD_OBJ) $(LIB_OBJ)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -static -o $@ $^ $(WIN_LIBS)

$(BUILD)/tests/%.exe: tests/unit/%.c $(LIBA) tests/unit/unit.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -Wno-missing-prototypes $(LDFLAGS) -static \
		-o $@ $< $(LIBA) -lcmocka-static $(WIN_LIBS)
endif

windows-deps:
	@scripts/build-windows-deps $(WIN_DEPS)

windows-build: windows-deps
	@$(MAKE) --no-print-directory WINDOWS=1 BUILD=$(WIN_BUILD) CC=$(WIN_CC) \
		AR=x86_64-w64-mingw32-ar CFLAGS='-O2' $(WIN_BUILD)/kiemphieu.exe \
		$(MO:$(BUILD)/%=$(WIN_BUILD)/%) \
		$(UNIT_SRC:tests/unit/%.c=$(WIN_BUILD)/tests/%.exe)

# the zip a clerk unpacks: the program, its catalogue, the sample
# campaign, the README in Vietnamese and English, the manual as HTML, and
# what the libraries were built from
windows: windows-build
	@scripts/pack-windows $(WIN_BUILD) $(VERSION) $(WIN_ZIP)

check-windows: windows $(BIN)
	@tests/windows-check $(WIN_BUILD) $(WIN_ZIP) $(BIN)

clean:
	rm -rf build build-san build-lint build-fuzz build-vg bin build-win/*.exe build-win/obj build-win/tests
