## Tests: Check suites for common/ (tests/unit), shell tests of the programs
## (tests/cli), the man pages' lint.  Everything speaks TAP.

UNIT_TESTS = tests/unit/check_money tests/unit/check_date \
	tests/unit/check_csvio tests/unit/check_ledger \
	tests/unit/check_account tests/unit/check_policy tests/unit/check_out \
	tests/unit/check_template tests/unit/check_doc tests/unit/check_explain \
	tests/unit/check_receipt tests/unit/check_clerk tests/unit/check_plan \
	tests/unit/check_agreement tests/unit/check_cases tests/unit/check_orders \
	tests/unit/check_collect tests/unit/check_bill tests/unit/check_cert \
	tests/unit/check_affidavit tests/unit/check_report tests/unit/check_held \
	tests/unit/check_text
check_PROGRAMS += $(UNIT_TESTS)
UNIT_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
UNIT_LDADD = $(ACCTKIT_LIBS) $(CHECK_LIBS)
tests_unit_check_money_SOURCES = tests/unit/check_money.c
tests_unit_check_money_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_money_LDADD = $(UNIT_LDADD)
tests_unit_check_date_SOURCES = tests/unit/check_date.c
tests_unit_check_date_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_date_LDADD = $(UNIT_LDADD)
tests_unit_check_csvio_SOURCES = tests/unit/check_csvio.c
tests_unit_check_csvio_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_csvio_LDADD = $(UNIT_LDADD)
tests_unit_check_ledger_SOURCES = tests/unit/check_ledger.c
tests_unit_check_ledger_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_ledger_LDADD = $(UNIT_LDADD)
tests_unit_check_account_SOURCES = tests/unit/check_account.c
tests_unit_check_account_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_account_LDADD = $(UNIT_LDADD)
tests_unit_check_policy_SOURCES = tests/unit/check_policy.c
tests_unit_check_policy_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_policy_LDADD = $(UNIT_LDADD)
tests_unit_check_out_SOURCES = tests/unit/check_out.c
tests_unit_check_out_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_out_LDADD = $(UNIT_LDADD)
tests_unit_check_template_SOURCES = tests/unit/check_template.c
tests_unit_check_template_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_template_LDADD = $(UNIT_LDADD)
tests_unit_check_doc_SOURCES = tests/unit/check_doc.c
tests_unit_check_doc_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_doc_LDADD = $(UNIT_LDADD)
tests_unit_check_explain_SOURCES = tests/unit/check_explain.c
tests_unit_check_explain_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_explain_LDADD = $(UNIT_LDADD)
tests_unit_check_receipt_SOURCES = tests/unit/check_receipt.c
tests_unit_check_receipt_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_receipt_LDADD = $(UNIT_LDADD)
tests_unit_check_clerk_SOURCES = tests/unit/check_clerk.c
tests_unit_check_clerk_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_clerk_LDADD = $(UNIT_LDADD)
tests_unit_check_plan_SOURCES = tests/unit/check_plan.c
tests_unit_check_plan_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_plan_LDADD = $(UNIT_LDADD)
tests_unit_check_agreement_SOURCES = tests/unit/check_agreement.c
tests_unit_check_agreement_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_agreement_LDADD = $(UNIT_LDADD)
tests_unit_check_cases_SOURCES = tests/unit/check_cases.c
tests_unit_check_cases_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_cases_LDADD = $(UNIT_LDADD)
tests_unit_check_orders_SOURCES = tests/unit/check_orders.c
tests_unit_check_orders_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_orders_LDADD = $(UNIT_LDADD)
tests_unit_check_collect_SOURCES = tests/unit/check_collect.c
tests_unit_check_collect_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_collect_LDADD = $(UNIT_LDADD)
tests_unit_check_bill_SOURCES = tests/unit/check_bill.c
tests_unit_check_bill_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_bill_LDADD = $(UNIT_LDADD)
tests_unit_check_cert_SOURCES = tests/unit/check_cert.c
tests_unit_check_cert_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_cert_LDADD = $(UNIT_LDADD)
tests_unit_check_affidavit_SOURCES = tests/unit/check_affidavit.c
tests_unit_check_affidavit_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_affidavit_LDADD = $(UNIT_LDADD)
tests_unit_check_report_SOURCES = tests/unit/check_report.c
tests_unit_check_report_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_report_LDADD = $(UNIT_LDADD)
tests_unit_check_held_SOURCES = tests/unit/check_held.c
tests_unit_check_held_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_held_LDADD = $(UNIT_LDADD)
tests_unit_check_text_SOURCES = tests/unit/check_text.c
tests_unit_check_text_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_text_LDADD = $(UNIT_LDADD)

CLI_TESTS = tests/cli/acct.t tests/cli/acct-adjust.t tests/cli/acct-db.t \
	tests/cli/case-close.t tests/cli/case-list.t tests/cli/case-note.t \
	tests/cli/case-open.t tests/cli/contact-log.t tests/cli/invest-req.t \
	tests/cli/order-close.t tests/cli/order-list.t tests/cli/acct-edit.t \
	tests/cli/acct-import.t tests/cli/acct-list.t tests/cli/acct-show.t \
	tests/cli/ledger-post.t tests/cli/pay-post.t tests/cli/plan-agree.t \
	tests/cli/plan-calc.t tests/cli/plan-check.t tests/cli/receipt-print.t \
	tests/cli/restore-sched.t tests/cli/shutoff-notice.t \
	tests/cli/shutoff-sched.t tests/cli/collections-month.t \
	tests/cli/affidavit.t tests/cli/bill-print.t tests/cli/cert-issue.t \
	tests/cli/cert-verify.t tests/cli/acct-report.t \
	tests/cli/acct-report-work.t tests/cli/nightly.t \
	tests/cli/crash.t tests/cli/concurrency.t tests/cli/hostile.t \
	tests/cli/security.t tests/cli/help-man.t tests/cli/completion.t \
	tests/cli/fuzz-regress.t \
	tests/cli/csv-input.t tests/cli/man-lint.t

TESTS += $(UNIT_TESTS) $(CLI_TESTS)

include tests/stress/local.mk
include tests/fuzz/local.mk
include tests/hostile/local.mk
include tests/install/local.mk
include tests/valgrind/local.mk
EXTRA_DIST += $(CLI_TESTS) tests/cli/lib.sh tests/summary \
	tests/fixtures tests/bench/gen tests/bench/run tests/bench/README

TAP_DRIVER = env AM_TAP_AWK='$(AWK)' $(SHELL) $(top_srcdir)/build-aux/tap-driver.sh
LOG_DRIVER = $(TAP_DRIVER)
TEST_EXTENSIONS = .t
T_LOG_DRIVER = $(TAP_DRIVER)
T_LOG_COMPILER = $(SHELL)
AM_TESTS_ENVIRONMENT = \
	top_srcdir='$(abs_top_srcdir)'; top_builddir='$(abs_top_builddir)'; \
	PATH='$(abs_top_builddir)/cmd':"$$PATH"; \
	ACCTKIT_DATADIR='$(abs_top_srcdir)/data'; MANDOC='$(MANDOC)'; \
	SQLITE3='$(SQLITE3)'; CK_TAP_LOG_FILE_NAME=-; LC_ALL=C; TZ=UTC; \
	export top_srcdir top_builddir PATH ACCTKIT_DATADIR MANDOC SQLITE3 \
	CK_TAP_LOG_FILE_NAME LC_ALL TZ; unset ACCTKIT_DB ACCTKIT_TODAY;

## make test: the whole suite, then one closing line "tests: N passed, N failed".
test:
	@$(MAKE) $(AM_MAKEFLAGS) check; st=$$?; \
	$(SHELL) $(top_srcdir)/tests/summary test-suite.log; exit $$st
.PHONY: test
