## The programs: one C file each, thin over common/.

bin_PROGRAMS += cmd/acct cmd/acct-adjust cmd/acct-db cmd/acct-edit \
	cmd/case-close cmd/case-list cmd/case-note cmd/case-open \
	cmd/contact-log cmd/invest-req cmd/order-close cmd/order-list \
	cmd/acct-import cmd/acct-list cmd/acct-show cmd/ledger-post \
	cmd/pay-post cmd/plan-agree cmd/plan-calc cmd/plan-check \
	cmd/receipt-print cmd/restore-sched cmd/shutoff-notice cmd/shutoff-sched \
	cmd/affidavit cmd/bill-print cmd/cert-issue cmd/cert-verify \
	cmd/acct-report

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
cmd_case_close_SOURCES = cmd/case-close.c
cmd_case_close_LDADD = $(ACCTKIT_LIBS)
cmd_case_list_SOURCES = cmd/case-list.c
cmd_case_list_LDADD = $(ACCTKIT_LIBS)
cmd_case_note_SOURCES = cmd/case-note.c
cmd_case_note_LDADD = $(ACCTKIT_LIBS)
cmd_case_open_SOURCES = cmd/case-open.c
cmd_case_open_LDADD = $(ACCTKIT_LIBS)
cmd_contact_log_SOURCES = cmd/contact-log.c
cmd_contact_log_LDADD = $(ACCTKIT_LIBS)
cmd_invest_req_SOURCES = cmd/invest-req.c
cmd_invest_req_LDADD = $(ACCTKIT_LIBS)
cmd_order_close_SOURCES = cmd/order-close.c
cmd_order_close_LDADD = $(ACCTKIT_LIBS)
cmd_order_list_SOURCES = cmd/order-list.c
cmd_order_list_LDADD = $(ACCTKIT_LIBS)
cmd_restore_sched_SOURCES = cmd/restore-sched.c
cmd_restore_sched_LDADD = $(ACCTKIT_LIBS)
cmd_shutoff_notice_SOURCES = cmd/shutoff-notice.c
cmd_shutoff_notice_LDADD = $(ACCTKIT_LIBS)
cmd_shutoff_sched_SOURCES = cmd/shutoff-sched.c
cmd_shutoff_sched_LDADD = $(ACCTKIT_LIBS)
cmd_affidavit_SOURCES = cmd/affidavit.c
cmd_affidavit_LDADD = $(ACCTKIT_LIBS)
cmd_bill_print_SOURCES = cmd/bill-print.c
cmd_bill_print_LDADD = $(ACCTKIT_LIBS)
cmd_cert_issue_SOURCES = cmd/cert-issue.c
cmd_cert_issue_LDADD = $(ACCTKIT_LIBS)
cmd_cert_verify_SOURCES = cmd/cert-verify.c
cmd_cert_verify_LDADD = $(ACCTKIT_LIBS)
cmd_acct_report_SOURCES = cmd/acct-report.c
cmd_acct_report_LDADD = $(ACCTKIT_LIBS)
