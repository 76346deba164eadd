## Man pages: mdoc, one a program, and the overview and store pages.

dist_man_MANS += man/acct.1 man/acct-adjust.1 man/acct-db.1 man/acct-edit.1 man/acct-import.1 \
	man/acct-list.1 man/acct-show.1 man/ledger-post.1 man/pay-post.1 man/plan-agree.1 man/plan-calc.1 \
	man/plan-check.1 man/receipt-print.1 \
	man/case-close.1 man/case-list.1 man/case-note.1 man/case-open.1 \
	man/contact-log.1 man/invest-req.1 man/order-close.1 man/order-list.1 \
	man/restore-sched.1 man/shutoff-notice.1 man/shutoff-sched.1 \
	man/affidavit.1 man/bill-print.1 man/cert-issue.1 man/cert-verify.1 \
	man/acct-report.1 \
	man/acctkit-store.5 man/acctkit.7
