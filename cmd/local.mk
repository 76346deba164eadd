## The programs: one C file each, thin over common/.

bin_PROGRAMS += cmd/acct cmd/acct-adjust cmd/acct-db cmd/acct-edit \
	cmd/acct-import cmd/acct-list cmd/acct-show cmd/ledger-post \
	cmd/pay-post cmd/plan-agree cmd/plan-calc cmd/plan-check \
	cmd/receipt-print

cmd_acct_SOURCES = cmd/acct.c
cmd_acct_LDADD = $(ACCTKIT_LIBS)
cmd_acct_adjust_SOURCES = cmd/acct-adjust.c
cmd_acct_adjust_LDADD = $(ACCTKIT_LIBS)
cmd_acct_db_SOURCES = cmd/acct-db.c
cmd_acct_db_LDADD = $(ACCTKIT_LIBS)
cmd_acct_edit_SOURCES = cmd/acct-edit.c
cmd_acct_edit_LDADD = $(ACCTKIT_LIBS)
cmd_acct_import_SOURCES = cmd/acct-import.c
cmd_acct_import_LDADD = $(ACCTKIT_LIBS)
cmd_acct_list_SOURCES = cmd/acct-list.c
cmd_acct_list_LDADD = $(ACCTKIT_LIBS)
cmd_acct_show_SOURCES = cmd/acct-show.c
cmd_acct_show_LDADD = $(ACCTKIT_LIBS)
cmd_ledger_post_SOURCES = cmd/ledger-post.c
cmd_ledger_post_LDADD = $(ACCTKIT_LIBS)
cmd_pay_post_SOURCES = cmd/pay-post.c
cmd_pay_post_LDADD = $(ACCTKIT_LIBS)
cmd_receipt_print_SOURCES = cmd/receipt-print.c
cmd_receipt_print_LDADD = $(ACCTKIT_LIBS)
cmd_plan_agree_SOURCES = cmd/plan-agree.c
cmd_plan_agree_LDADD = $(ACCTKIT_LIBS)
cmd_plan_calc_SOURCES = cmd/plan-calc.c
cmd_plan_calc_LDADD = $(ACCTKIT_LIBS)
cmd_plan_check_SOURCES = cmd/plan-check.c
cmd_plan_check_LDADD = $(ACCTKIT_LIBS)
