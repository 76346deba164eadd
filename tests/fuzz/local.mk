## Fuzzing (issue 9).  libFuzzer targets, one per kind of input, built by
## clang with AddressSanitizer and UndefinedBehaviorSanitizer apart from the
## ordinary build (the common/ sources they need are compiled again):
##
##   make fuzz          each target for FUZZ_SECONDS (20) on its corpus
##   make fuzz-long     each target for 600 seconds
##   make -j2 fuzz      two targets at a time
##
## Each run starts from the seed corpus in tests/fuzz/corpus/TARGET and keeps
## what it finds in tests/fuzz/work/TARGET (build tree), replays the
## regression inputs of tests/fuzz/regress/TARGET first, and fails on any
## crash, leak, undefined behaviour, timeout or broken property; the input
## is left in tests/fuzz/artifacts.  The same targets built by the ordinary
## compiler with tests/fuzz/replay.c run the corpus and the regression
## inputs in make check (tests/cli/fuzz-regress.t).

FUZZ_TARGETS = csv money date template plan
FUZZ_SECONDS = 20
FUZZ_CC = clang
FUZZ_CFLAGS = -g -O1 -fno-omit-frame-pointer -Wall -Wextra \
	-Wno-sign-compare -Wno-unused-parameter
FUZZ_SANITIZE = address,undefined -fno-sanitize-recover=all
FUZZ_CPPFLAGS = -I$(top_builddir) -I$(top_builddir)/gl/lib \
	-I$(top_srcdir)/gl/lib -I$(top_srcdir)/common -I$(top_builddir)/common \
	-I$(top_srcdir)/tests/fuzz \
	-DACCTKIT_DEFAULT_DB='"$(localstatedir)/lib/acctkit/acctkit.db"' \
	-DACCTKIT_PKGDATADIR='"$(pkgdatadir)"'
# what the targets call, and the few gnulib modules that calls (xalloc)
FUZZ_LIB_SRCS = common/account.c common/agreement.c common/csvio.c \
	common/date.c common/diag.c common/ledger.c common/money.c \
	common/plan.c common/template.c common/text.c gl/lib/c-strcasecmp.c \
	gl/lib/exitfail.c gl/lib/ialloc.c gl/lib/xalloc-die.c gl/lib/xmalloc.c
FUZZ_LIB = tests/fuzz/libfuzzacct.a
FUZZ_BINS = tests/fuzz/fuzz_csv tests/fuzz/fuzz_money tests/fuzz/fuzz_date \
	tests/fuzz/fuzz_template tests/fuzz/fuzz_plan

# The library: compiled with coverage for libFuzzer and the sanitizers,
# into tests/fuzz/obj so as never to mix with the ordinary objects.
$(FUZZ_LIB): $(FUZZ_LIB_SRCS:%=$(top_srcdir)/%) config.h
	@$(MKDIR_P) tests/fuzz/obj
	$(AM_V_GEN)rm -f $@ tests/fuzz/obj/*.o && \
	for src in $(FUZZ_LIB_SRCS); do \
		obj=tests/fuzz/obj/`echo $$src | tr / _ | sed 's/\.c$$/.o/'`; \
		$(FUZZ_CC) $(FUZZ_CPPFLAGS) $(FUZZ_CFLAGS) \
			-fsanitize=fuzzer-no-link,$(FUZZ_SANITIZE) \
			-c -o $$obj $(top_srcdir)/$$src || exit 1; \
	done && \
	$(AR) cr $@ tests/fuzz/obj/*.o

# A target: its one file, linked with libFuzzer's main.
FUZZ_LINK = $(FUZZ_CC) $(FUZZ_CPPFLAGS) $(FUZZ_CFLAGS) \
	-fsanitize=fuzzer,$(FUZZ_SANITIZE) -o $@ $< $(FUZZ_LIB) $(CSV_LIBS) -lm
tests/fuzz/fuzz_csv: $(top_srcdir)/tests/fuzz/fuzz_csv.c \
		$(top_srcdir)/tests/fuzz/fuzz.h $(FUZZ_LIB)
	$(AM_V_CCLD)$(FUZZ_LINK)
tests/fuzz/fuzz_money: $(top_srcdir)/tests/fuzz/fuzz_money.c \
		$(top_srcdir)/tests/fuzz/fuzz.h $(FUZZ_LIB)
	$(AM_V_CCLD)$(FUZZ_LINK)
tests/fuzz/fuzz_date: $(top_srcdir)/tests/fuzz/fuzz_date.c \
		$(top_srcdir)/tests/fuzz/fuzz.h $(FUZZ_LIB)
	$(AM_V_CCLD)$(FUZZ_LINK)
tests/fuzz/fuzz_template: $(top_srcdir)/tests/fuzz/fuzz_template.c \
		$(top_srcdir)/tests/fuzz/fuzz.h $(FUZZ_LIB)
	$(AM_V_CCLD)$(FUZZ_LINK)
tests/fuzz/fuzz_plan: $(top_srcdir)/tests/fuzz/fuzz_plan.c \
		$(top_srcdir)/tests/fuzz/fuzz.h $(FUZZ_LIB)
	$(AM_V_CCLD)$(FUZZ_LINK)

fuzz-build: $(FUZZ_BINS)

# One target's run; `make -j2 fuzz` runs two at once.
FUZZ_RUN = $(SHELL) $(top_srcdir)/tests/fuzz/run $(FUZZ_SECONDS) \
	$(top_srcdir)/tests/fuzz tests/fuzz
fuzz-csv: tests/fuzz/fuzz_csv
	@$(FUZZ_RUN) csv
fuzz-money: tests/fuzz/fuzz_money
	@$(FUZZ_RUN) money
fuzz-date: tests/fuzz/fuzz_date
	@$(FUZZ_RUN) date
fuzz-template: tests/fuzz/fuzz_template
	@$(FUZZ_RUN) template
fuzz-plan: tests/fuzz/fuzz_plan
	@$(FUZZ_RUN) plan

fuzz: fuzz-check-clang
	@$(MAKE) $(AM_MAKEFLAGS) fuzz-build
	@$(MAKE) $(AM_MAKEFLAGS) fuzz-csv fuzz-money fuzz-date fuzz-template \
		fuzz-plan
	@cat tests/fuzz/stats/csv tests/fuzz/stats/money tests/fuzz/stats/date \
		tests/fuzz/stats/template tests/fuzz/stats/plan
fuzz-long:
	@$(MAKE) $(AM_MAKEFLAGS) fuzz FUZZ_SECONDS=600

# Said plainly, rather than as a compiler's error about an option.
fuzz-check-clang:
	@$(MKDIR_P) tests/fuzz
	@echo 'int LLVMFuzzerTestOneInput(void) { return 0; }' \
		>tests/fuzz/probe.c
	@$(FUZZ_CC) -fsanitize=fuzzer,address,undefined -o tests/fuzz/probe \
		tests/fuzz/probe.c >/dev/null 2>&1 || { \
		rm -f tests/fuzz/probe tests/fuzz/probe.c; \
		echo "fuzz: '$(FUZZ_CC) -fsanitize=fuzzer' does not link: install" \
		"clang and libclang-rt-14-dev (apt-get install clang" \
		"libclang-rt-14-dev)" >&2; exit 1; }
	@rm -f tests/fuzz/probe tests/fuzz/probe.c

fuzz-clean:
	rm -rf tests/fuzz/obj tests/fuzz/work tests/fuzz/artifacts \
		tests/fuzz/stats tests/fuzz/logs $(FUZZ_LIB) $(FUZZ_BINS)

.PHONY: fuzz fuzz-long fuzz-build fuzz-clean fuzz-check-clang fuzz-csv \
	fuzz-money fuzz-date fuzz-template fuzz-plan
CLEANFILES += $(FUZZ_LIB) $(FUZZ_BINS)

## The same targets in make check, built by the ordinary compiler (and the
## sanitizer build) with replay.c as main.
FUZZ_REPLAY = tests/fuzz/replay-csv tests/fuzz/replay-money \
	tests/fuzz/replay-date tests/fuzz/replay-template tests/fuzz/replay-plan
check_PROGRAMS += $(FUZZ_REPLAY)
tests_fuzz_replay_csv_SOURCES = tests/fuzz/fuzz_csv.c tests/fuzz/replay.c \
	tests/fuzz/fuzz.h
tests_fuzz_replay_csv_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests/fuzz
tests_fuzz_replay_csv_LDADD = $(ACCTKIT_LIBS)
tests_fuzz_replay_money_SOURCES = tests/fuzz/fuzz_money.c tests/fuzz/replay.c \
	tests/fuzz/fuzz.h
tests_fuzz_replay_money_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests/fuzz
tests_fuzz_replay_money_LDADD = $(ACCTKIT_LIBS)
tests_fuzz_replay_date_SOURCES = tests/fuzz/fuzz_date.c tests/fuzz/replay.c \
	tests/fuzz/fuzz.h
tests_fuzz_replay_date_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests/fuzz
tests_fuzz_replay_date_LDADD = $(ACCTKIT_LIBS)
tests_fuzz_replay_template_SOURCES = tests/fuzz/fuzz_template.c \
	tests/fuzz/replay.c tests/fuzz/fuzz.h
tests_fuzz_replay_template_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests/fuzz
tests_fuzz_replay_template_LDADD = $(ACCTKIT_LIBS)
tests_fuzz_replay_plan_SOURCES = tests/fuzz/fuzz_plan.c tests/fuzz/replay.c \
	tests/fuzz/fuzz.h
tests_fuzz_replay_plan_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests/fuzz
tests_fuzz_replay_plan_LDADD = $(ACCTKIT_LIBS)

EXTRA_DIST += tests/fuzz/local.mk tests/fuzz/run tests/fuzz/README \
	tests/fuzz/corpus tests/fuzz/regress tests/fuzz/dict
