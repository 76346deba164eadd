## tests/valgrind: make check-valgrind runs the shell tests (CLI_TESTS but
## VALGRIND_SKIP) with every acctkit program under valgrind memcheck, and
## fails on any error and any definite or indirect leak (issue 9).  An
## ordinary build only: a sanitizer build cannot run under valgrind.  See
## tests/valgrind/README.
##
##   make -j2 check-valgrind
##   make check-valgrind VALGRIND_TESTS=tests/cli/acct-show.t    (one test)
##
## While it runs, tests/valgrind/bin holds one link to tests/valgrind/wrap
## a program and goes first in the tests' PATH; what valgrind finds is kept
## in tests/valgrind/log, a file a program run (only those with a report
## are left).  The TAP of each test is in its usual tests/cli/NAME.log, the
## summary in tests/valgrind/test-suite.log.

VALGRIND = valgrind
# Left out: the two races timed for programs at native speed; under
# valgrind each takes many minutes and is no longer the same race (figures
# in the README).  Both run under the sanitizers.
VALGRIND_SKIP = tests/cli/crash.t tests/cli/concurrency.t
# empty: CLI_TESTS but VALGRIND_SKIP
VALGRIND_TESTS =
VALGRIND_SUPPRESSIONS =
VALGRIND_TESTS_ENVIRONMENT = \
	PATH='$(abs_top_builddir)/tests/valgrind/bin':"$$PATH"; \
	VALGRIND='$(VALGRIND)'; VALGRIND_CMD_DIR='$(abs_top_builddir)/cmd'; \
	VALGRIND_LOG_DIR='$(abs_top_builddir)/tests/valgrind/log'; \
	VALGRIND_SUPPRESSIONS='$(VALGRIND_SUPPRESSIONS)'; \
	export PATH VALGRIND VALGRIND_CMD_DIR VALGRIND_LOG_DIR \
	VALGRIND_SUPPRESSIONS;

check-valgrind: all
	@if test -n '$(SAN_CFLAGS)'; then \
	  echo "check-valgrind: this build has the sanitizers" \
	    "(--enable-sanitizers); valgrind needs an ordinary build" >&2; \
	  exit 1; \
	fi; \
	$(VALGRIND) --version >/dev/null 2>&1 || { \
	  echo "check-valgrind: no '$(VALGRIND)' (apt-get install valgrind)" >&2; \
	  exit 1; }
	@rm -rf tests/valgrind/bin tests/valgrind/log; \
	$(MKDIR_P) tests/valgrind/bin tests/valgrind/log && \
	for p in $(bin_PROGRAMS); do \
	  ln -s '$(abs_top_srcdir)/tests/valgrind/wrap' \
	    tests/valgrind/bin/`basename $$p` || exit 1; \
	done
	@st=0; tests='$(VALGRIND_TESTS)'; \
	if test -z "$$tests"; then \
	  for t in $(CLI_TESTS); do \
	    case ' $(VALGRIND_SKIP) ' in \
	    *" $$t "*) ;; \
	    *) tests="$$tests $$t" ;; \
	    esac; \
	  done; \
	fi; \
	$(MAKE) $(AM_MAKEFLAGS) check TESTS="$$tests" \
	  TEST_SUITE_LOG=tests/valgrind/test-suite.log \
	  TESTS_ENVIRONMENT='$$(VALGRIND_TESTS_ENVIRONMENT)' || st=1; \
	runs=`ls tests/valgrind/log | wc -l`; \
	find tests/valgrind/log -type f -size 0 -exec rm -f {} +; \
	bad=`ls tests/valgrind/log | wc -l`; \
	rm -rf tests/valgrind/bin; \
	test $$bad -gt 0 || rmdir tests/valgrind/log; \
	echo "check-valgrind: $$runs program runs under valgrind"; \
	if test $$bad -gt 0; then \
	  st=1; \
	  for f in tests/valgrind/log/*; do \
	    echo "== $$f"; head -n 60 "$$f"; \
	  done; \
	  echo "check-valgrind: valgrind found errors or leaks in $$bad" \
	    "program runs: tests/valgrind/log"; \
	fi; \
	if test $$st = 0; then echo "check-valgrind: passed"; \
	else echo "check-valgrind: FAILED"; fi; \
	exit $$st
.PHONY: check-valgrind

EXTRA_DIST += tests/valgrind/local.mk tests/valgrind/wrap \
	tests/valgrind/README
MOSTLYCLEANFILES += tests/valgrind/test-suite.log
# what an interrupted or failed run leaves
CLEANFILES += tests/valgrind/bin/* tests/valgrind/log/*
