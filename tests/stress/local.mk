## tests/stress: crash consistency and concurrency (issue 9).  The quick
## forms, tests/cli/crash.t and tests/cli/concurrency.t, run in make check;
## make check-stress runs the long forms (see tests/stress/README).

STRESS_CRASH_FLAGS = -k 100
STRESS_CONCURRENCY_FLAGS = -c 3000 -b 1000 -r 100

## Each script prints TAP as it goes, kept in tests/stress/NAME.log.  A
## script fails if it says "not ok" (a TODO, a known bug, does not count),
## bails out, or stops before its plan.
check-stress: all
	@$(MKDIR_P) tests/stress; rc=0; \
	for t in crash concurrency; do \
	  case $$t in \
	  crash) flags='$(STRESS_CRASH_FLAGS)' ;; \
	  *) flags='$(STRESS_CONCURRENCY_FLAGS)' ;; \
	  esac; \
	  echo "check-stress: tests/stress/$$t $$flags"; \
	  ( $(AM_TESTS_ENVIRONMENT) \
	    $(SHELL) $(top_srcdir)/tests/stress/$$t $$flags ) 2>&1 | \
	    tee tests/stress/$$t.log; \
	  if grep -v '# TODO' tests/stress/$$t.log \
	     | grep '^not ok\|^Bail out!' >/dev/null \
	     || ! grep '^1\.\.[0-9]' tests/stress/$$t.log >/dev/null; then \
	    rc=1; echo "check-stress: tests/stress/$$t FAILED"; \
	  fi; \
	done; \
	if test $$rc = 0; then echo "check-stress: passed"; \
	else echo "check-stress: FAILED: see tests/stress/*.log"; fi; \
	exit $$rc
.PHONY: check-stress

EXTRA_DIST += tests/stress/README tests/stress/crash tests/stress/concurrency
CLEANFILES += tests/stress/crash.log tests/stress/concurrency.log
