#!/bin/sh
# acct-report cases, orders, plans and activity: three weeks of the sample
# office's work (data/sample, as ./quickstart loads it), done with the
# programs, then each report against counts worked out by hand below, and
# each total against an independent SQL count or sum.
. "$top_srcdir/tests/cli/lib.sh"
sample=$top_srcdir/data/sample
me=$(id -un)
on() { ACCTKIT_TODAY=$1; export ACCTKIT_TODAY; }
quiet() {
	"$@" >/dev/null 2>&1 || { echo "Bail out! cannot run: $*"; exit 1; }
}

# The work, by the test's own login ($me), but what the second clerk, bea,
# did: the programs record the login of the user running them, so her
# contacts are inserted and her case and agreement handed to her.
#
# cases (category, opened, due, closed, days to close):
#   C2026-00001 other   1001 11-16 due 12-16, closed 11-25 (9)
#   C2026-00002 billing 1002 11-20 due 12-20, closed 12-04 (14)
#   C2026-00003 other   1052 11-27 due 12-27, open
#   C2026-00004 billing 1009 11-30 due 12-30, closed 12-03 (3)
#   C2026-00005 service 1003 11-30 due 12-10, closed 12-02 (2)
#   C2026-00006 shutoff 1017 11-30 due 12-01, open: overdue from 12-02
#   C2026-00007 meter   1005 12-01 due 12-11, closed 12-03 (2), bea's
# orders (type, requested, scheduled, closed):
#   O2026-000001 investigation 1009 11-30 12-01, completed 12-01
#   O2026-000002 investigation 1003 11-30 12-14, completed 12-14
#   O2026-000003 restoration   1041 11-30 11-30, completed 12-02: 48 hours,
#                late (restore.within_hours 24)
#   O2026-000004 investigation 1044 12-02 12-03, cancelled 12-03
#   O2026-000005 investigation 1030 12-04 12-18, open
#   O2026-000006 shutoff       1012 12-14 12-14, completed 12-14
#   O2026-000007 shutoff       1029 12-14 12-14, cancelled 12-14 (paid)
#   O2026-000008 shutoff       1017 12-14 12-14, completed 12-14
#   O2026-000009 restoration   1012 12-15 12-15, completed 12-17: late
#   O2026-000010 restoration   1017 12-15 12-15, completed 12-16: 24 hours,
#                not later than 24, so on time
# agreements (agreed, amount, paid, status after plan-check on 12-14):
#   P2026-000001 1033 11-27  941.61    0.00 cancelled 11-30
#   P2026-000002 1027 11-30 1138.11    0.00 broken (down payment missed)
#   P2026-000003 1015 12-01  319.13  319.13 kept (paid at once)
#   P2026-000004 1048 12-02  260.68   50.00 in force (down paid), bea's
on 2026-11-27
quiet acct-db init
quiet acct-db holidays load "$top_srcdir/data/holidays/us-federal.csv"
quiet acct-db clerks add --role supervisor sup1
quiet acct-import "$sample/accounts.csv"
quiet ledger-post "$sample/ledger.csv"

on 2026-11-16
quiet case-open --category other --channel phone \
	--summary 'asked about a letter' 1001
on 2026-11-20
quiet case-open --category billing --channel mail \
	--summary 'the October bill is too high' 1002
on 2026-11-25
quiet case-close --resolution 'explained the letter' C2026-00001

# Fri 11-27: notices, a case, an agreement
on 2026-11-27
quiet shutoff-notice --csv 1012 1017 1029
quiet contact-log --channel phone --note 'asked when the shut-off is' 1012
quiet case-open --category other --channel mail \
	--summary 'wants paper bills again' 1052
quiet plan-agree --count 12 --csv 1033

# Mon 11-30
on 2026-11-30
quiet contact-log --channel phone --note 'asked about the service line' 1003
quiet contact-log --channel phone --kind complaint \
	--note 'the bills are too high' 1009
quiet case-open --category billing --channel phone --summary 'bills too high' \
	1009
quiet case-open --category service --channel phone --summary 'low pressure' \
	1003
quiet case-open --category shutoff --channel in-person \
	--summary 'cannot pay before the shut-off' 1017
quiet invest-req --special --type meter-reread --case C2026-00004 1009
quiet invest-req --type high-bill 1003
quiet pay-post --tender check --check-no 501 --csv 1041 1108.35
quiet restore-sched
quiet plan-agree --cancel P2026-000001 --reason 'wants a longer plan'
quiet plan-agree --count 3 --down 100.00 --csv 1027
quiet acct-adjust --reason GW 1044 -10.00

# Tue 12-01
on 2026-12-01
quiet order-close --completed --result 'read 4512' O2026-000001
quiet case-note --status investigating --note 'crew sent' C2026-00005
quiet case-open --category meter --channel phone --summary 'meter is noisy' \
	1005
quiet plan-agree --count 1 --csv 1015
quiet contact-log --channel in-person --note 'signed an agreement' 1015
quiet pay-post --tender check --check-no 77 --csv 1015 319.13
quiet pay-post --tender cash --csv 1002 107.90
quiet pay-post --void R2026-000003 --reason 'meant for 1006' \
	--approved-by sup1 --csv

# Wed 12-02
on 2026-12-02
quiet order-close --completed O2026-000003
quiet case-close --resolution 'pressure valve replaced' C2026-00005
quiet plan-agree --count 6 --down 50.00 --csv 1048
quiet pay-post --tender card --csv 1048 50.00
quiet bill-print --csv 1003
quiet invest-req --special --type leak 1044

# Thu 12-03
on 2026-12-03
quiet order-close --cancelled --result 'the customer found the leak' \
	O2026-000004
quiet case-close --resolution 'meter tested, within limits' C2026-00007
quiet case-close --resolution 'meter re-read, bills corrected' C2026-00004
quiet cert-issue --csv 1001
quiet affidavit --kind statement --field subject=meter \
	--field 'statement=the meter was read on 2026-12-01' --csv 1044
quiet acct-adjust --reason MR 1005 -5.00

# Fri 12-04: nothing the activity report counts
on 2026-12-04
quiet case-close --resolution 'the bill was right; explained' C2026-00002
quiet invest-req --type meter-test 1030

# Mon 12-14 to Thu 12-17: shut-offs and restorations
on 2026-12-14
quiet shutoff-sched --on 2026-12-14
quiet plan-check
quiet order-close --completed O2026-000006
quiet order-close --completed O2026-000008
quiet pay-post --tender check --csv 1029 275.06
quiet order-close --cancelled --result 'paid at the counter' O2026-000007
quiet order-close --completed --result 'no leak found' O2026-000002
quiet pay-post --tender cash --csv 1012 1990.91
quiet pay-post --tender money-order --csv 1017 221.23
on 2026-12-15
quiet restore-sched
on 2026-12-16
quiet order-close --completed O2026-000010
on 2026-12-17
quiet order-close --completed O2026-000009

# bea's work
sql "INSERT INTO contacts (account, on_date, at, channel, kind, note, login)
	VALUES ('1020', '2026-12-01', '2026-12-01T15:00:00Z', 'phone',
		'inquiry', 'asked about autopay', 'bea'),
	('1021', '2026-12-01', '2026-12-01T16:00:00Z', 'mail', 'other',
		'a forwarding address', 'bea'),
	('1030', '2026-12-03', '2026-12-03T14:00:00Z', 'email', 'inquiry',
		'asked for a copy of the bill', 'bea');
	UPDATE cases SET login = 'bea' WHERE number = 'C2026-00007';
	UPDATE plans SET login = 'bea' WHERE number = 'P2026-000004'"

# the store is as the comment above says
is "C2026-00001|other|2026-11-16|2026-12-16|2026-11-25
C2026-00002|billing|2026-11-20|2026-12-20|2026-12-04
C2026-00003|other|2026-11-27|2026-12-27|
C2026-00004|billing|2026-11-30|2026-12-30|2026-12-03
C2026-00005|service|2026-11-30|2026-12-10|2026-12-02
C2026-00006|shutoff|2026-11-30|2026-12-01|
C2026-00007|meter|2026-12-01|2026-12-11|2026-12-03" \
	"$(sql "SELECT number, category, opened_on, due_on,
		COALESCE(closed_on, '') FROM cases ORDER BY number")" \
	"the cases made"
is "O2026-000001|investigation|1009|2026-11-30|2026-12-01|completed|2026-12-01
O2026-000002|investigation|1003|2026-11-30|2026-12-14|completed|2026-12-14
O2026-000003|restoration|1041|2026-11-30|2026-11-30|completed|2026-12-02
O2026-000004|investigation|1044|2026-12-02|2026-12-03|cancelled|2026-12-03
O2026-000005|investigation|1030|2026-12-04|2026-12-18|scheduled|
O2026-000006|shutoff|1012|2026-12-14|2026-12-14|completed|2026-12-14
O2026-000007|shutoff|1029|2026-12-14|2026-12-14|cancelled|2026-12-14
O2026-000008|shutoff|1017|2026-12-14|2026-12-14|completed|2026-12-14
O2026-000009|restoration|1012|2026-12-15|2026-12-15|completed|2026-12-17
O2026-000010|restoration|1017|2026-12-15|2026-12-15|completed|2026-12-16" \
	"$(sql "SELECT number, type, account, requested_on, scheduled_for,
		status, COALESCE(completed_on, '') FROM orders
		ORDER BY number")" "the orders made"
is "P2026-000001|1033|2026-11-27|94161|0|cancelled
P2026-000002|1027|2026-11-30|113811|0|broken
P2026-000003|1015|2026-12-01|31913|31913|kept
P2026-000004|1048|2026-12-02|26068|5000|in-force" \
	"$(sql "SELECT number, account, agreed_on, amount,
		(SELECT SUM(paid) FROM installments WHERE plan = number),
		status FROM plans ORDER BY number")" "the agreements made"

on 2026-12-18

# cases
CHDR=category,opened,closed,open,overdue,median_days
run acct-report cases --from 2026-11-30 --to 2026-12-04
status_is 0 "cases: exit 0"
out_is "$CHDR
billing,1,2,0,0,8.5
service,1,1,0,0,2.0
meter,1,1,0,0,2.0
shutoff,1,0,1,1,
other,0,0,1,0," \
	"cases: a row a category with a case in or open during the period"
err_empty "cases: nothing on stderr"

run acct-report cases --from 2026-11-30 --to 2026-12-04 --by day
status_is 0 "cases by day: exit 0"
out_is "period,$CHDR
2026-11-30,billing,1,0,2,0,
2026-11-30,service,1,0,1,0,
2026-11-30,shutoff,1,0,1,0,
2026-11-30,other,0,0,1,0,
2026-12-01,billing,0,0,2,0,
2026-12-01,service,0,0,1,0,
2026-12-01,meter,1,0,1,0,
2026-12-01,shutoff,0,0,1,0,
2026-12-01,other,0,0,1,0,
2026-12-02,billing,0,0,2,0,
2026-12-02,service,0,1,0,0,2.0
2026-12-02,meter,0,0,1,0,
2026-12-02,shutoff,0,0,1,1,
2026-12-02,other,0,0,1,0,
2026-12-03,billing,0,1,1,0,3.0
2026-12-03,meter,0,1,0,0,2.0
2026-12-03,shutoff,0,0,1,1,
2026-12-03,other,0,0,1,0,
2026-12-04,billing,0,1,0,0,14.0
2026-12-04,shutoff,0,0,1,1,
2026-12-04,other,0,0,1,0," \
	"cases by day: open and overdue as of each day's end"

run acct-report cases --from 2026-11-16 --to 2026-12-04 --by week
status_is 0 "cases by week: exit 0"
out_is "period,$CHDR
2026-W47,billing,1,0,1,0,
2026-W47,other,1,0,1,0,
2026-W48,billing,0,0,1,0,
2026-W48,other,1,1,1,0,9.0
2026-W49,billing,1,2,0,0,8.5
2026-W49,service,1,1,0,0,2.0
2026-W49,meter,1,1,0,0,2.0
2026-W49,shutoff,1,0,1,1,
2026-W49,other,0,0,1,0," \
	"cases by week: the last week cut at --to"

run acct-report cases --format table --from 2026-11-30 --to 2026-12-04
out_has "total: 4 opened, 4 closed, 2 open, 1 overdue; median days to resolve: 2.5" \
	"cases: the table's total, with the median of every case closed"

run acct-report cases --from 2026-12-07 --to 2026-12-11 --by day
out_has "2026-12-11,shutoff,0,0,1,1," \
	"cases: a case open for days shows each day"
run acct-report cases --from 2026-12-05 --to 2026-12-05
out_is "$CHDR
shutoff,0,0,1,1,
other,0,0,1,0," "cases: a day without work still shows what is open"
run acct-report cases --from 2025-01-01 --to 2025-01-31
status_is 0 "cases of a period before any: exit 0"
out_is "$CHDR" "cases of a period before any: the header alone"
run acct-report cases --by clerk
status_is 2 "cases --by clerk: exit 2"

# orders
OHDR=period,type,scheduled,completed,cancelled,open,late
run acct-report orders --from 2026-11-30 --to 2026-12-18
status_is 0 "orders: exit 0"
out_is "$OHDR
2026-11-30,restoration,1,1,0,0,1
2026-12-01,investigation,1,1,0,0,0
2026-12-03,investigation,1,0,1,0,0
2026-12-14,investigation,1,1,0,0,0
2026-12-14,shutoff,3,2,1,0,0
2026-12-15,restoration,2,2,0,0,1
2026-12-18,investigation,1,0,0,1,0" \
	"orders: by the day they are scheduled for, each type a row"
err_empty "orders: nothing on stderr"

run acct-report orders --from 2026-11-30 --to 2026-12-16
out_is "$OHDR
2026-11-30,restoration,1,1,0,0,1
2026-12-01,investigation,1,1,0,0,0
2026-12-03,investigation,1,0,1,0,0
2026-12-14,investigation,1,1,0,0,0
2026-12-14,shutoff,3,2,1,0,0
2026-12-15,restoration,2,1,0,1,0" \
	"orders: completed after --to, still open as of --to"

run acct-report orders --from 2026-11-30 --to 2026-12-18 --by week
out_is "$OHDR
2026-W49,investigation,2,1,1,0,0
2026-W49,restoration,1,1,0,0,1
2026-W51,investigation,2,1,0,1,0
2026-W51,shutoff,3,2,1,0,0
2026-W51,restoration,2,2,0,0,1" "orders by week"

run acct-report orders --from 2026-11-01 --to 2026-12-18 --by month
out_is "$OHDR
2026-11,restoration,1,1,0,0,1
2026-12,investigation,4,2,1,1,0
2026-12,shutoff,3,2,1,0,0
2026-12,restoration,2,2,0,0,1" "orders by month"

LHDR=order,account,requested_on,scheduled_for,completed_on,days
run acct-report orders --late --from 2026-11-30 --to 2026-12-18
status_is 0 "orders --late: exit 0"
out_is "$LHDR
O2026-000003,1041,2026-11-30,2026-11-30,2026-12-02,2
O2026-000009,1012,2026-12-15,2026-12-15,2026-12-17,2" \
	"orders --late: the restorations done over 24 hours after the request"
run acct-report orders --late --format table --from 2026-11-30 --to 2026-12-18
out_has "total: 2 restorations late (completed more than 24 hours after the request)" \
	"orders --late: the table's total"
run acct-report orders --format table --from 2026-11-30 --to 2026-12-18
out_has "total: 10 scheduled, 7 completed, 2 cancelled, 1 open, 2 late" \
	"orders: the table's total"
run acct-report orders --from 2026-01-01 --to 2026-01-31
out_is "$OHDR" "orders of a period without any: the header alone"

# plans
PHDR=status,agreements,amount,paid,outstanding
run acct-report plans --from 2026-11-01 --to 2026-12-18
status_is 0 "plans: exit 0"
out_is "$PHDR
in-force,1,260.68,50.00,210.68
kept,1,319.13,319.13,0.00
broken,1,1138.11,0.00,1138.11
cancelled,1,941.61,0.00,941.61" "plans: the agreements made in the period"
err_empty "plans: nothing on stderr"
run acct-report plans --from 2026-11-01 --to 2026-12-18 --by month
out_is "period,$PHDR
2026-11,broken,1,1138.11,0.00,1138.11
2026-11,cancelled,1,941.61,0.00,941.61
2026-12,in-force,1,260.68,50.00,210.68
2026-12,kept,1,319.13,319.13,0.00" "plans by month: the month agreed"
run acct-report plans --from 2026-12-01 --to 2026-12-01
out_is "$PHDR
kept,1,319.13,319.13,0.00" "plans: of a single day"
run acct-report plans --format table --from 2026-11-01 --to 2026-12-18
out_has "total: 4 agreements, amount 2659.53, paid 369.13, outstanding 2290.40" \
	"plans: the table's total"
run acct-report plans --from 2026-10-01 --to 2026-10-31
out_is "$PHDR" "plans of a period without any: the header alone"
run acct-report plans --by week
status_is 2 "plans --by week: exit 2"

# activity
AHDR=day,clerk,contacts,cases,adjustments,receipts,notices,bills,certificates,agreements,affidavits
run acct-report activity --from 2026-11-27 --to 2026-12-17
status_is 0 "activity: exit 0"
out_is "$AHDR
$(LC_ALL=C sort <<EOF
2026-11-27,$me,1,1,0,0,3,0,0,1,0
2026-11-30,$me,2,3,1,1,0,0,0,1,0
2026-12-01,$me,1,0,0,3,0,0,0,1,0
2026-12-01,bea,2,1,0,0,0,0,0,0,0
2026-12-02,$me,0,0,0,1,0,1,0,0,0
2026-12-02,bea,0,0,0,0,0,0,0,1,0
2026-12-03,$me,0,0,1,0,0,0,1,0,1
2026-12-03,bea,1,0,0,0,0,0,0,0,0
2026-12-14,$me,0,0,0,3,0,0,0,0,0
EOF
)" "activity: by day then clerk, days without work left out"
err_empty "activity: nothing on stderr"
run acct-report activity --format table --from 2026-11-27 --to 2026-12-17
out_has "total: contacts 7, cases 5, adjustments 2, receipts 8, notices 3, bills 1, certificates 1, agreements 4, affidavits 1" \
	"activity: the table's totals"
run acct-report activity --from 2026-12-04 --to 2026-12-13
status_is 0 "activity of days without work: exit 0"
out_is "$AHDR" "activity of days without work: the header alone"
run acct-report activity --by day
status_is 2 "activity --by: exit 2"

# Reconciliation: each report's totals (the CSV's columns summed) against
# a count or sum of the store's rows written independently of the report.
F=2026-11-01 L=2026-12-18
# sums the numeric columns of the CSV on stdin from column $1 on
col_sums() {
	awk -F, -v first="$1" -v CONVFMT=%.2f 'NR > 1 {
		for (i = first; i <= NF; i++) s[i] += $i; n = NF }
		END { for (i = first; i <= n; i++)
			printf "%s%s", (i > first ? "|" : ""), s[i]; print "" }'
}

acct-report cases --from $F --to $L > "$T/cases"
is "$(sql "SELECT
	(SELECT COUNT(*) FROM cases WHERE opened_on BETWEEN '$F' AND '$L'),
	(SELECT COUNT(*) FROM cases WHERE closed_on BETWEEN '$F' AND '$L'),
	(SELECT COUNT(*) FROM cases WHERE opened_on <= '$L'
		AND (closed_on IS NULL OR closed_on > '$L')),
	(SELECT COUNT(*) FROM cases WHERE opened_on <= '$L'
		AND (closed_on IS NULL OR closed_on > '$L')
		AND due_on < '$L')")" \
	"$(col_sums 2 < "$T/cases" | cut -d'|' -f1-4)" \
	"cases: opened, closed, open, overdue add up to the store's counts"
acct-report cases --from $F --to $L --by week > "$T/cases-week"
is "$(col_sums 2 < "$T/cases" | cut -d'|' -f1-2)" \
	"$(col_sums 3 < "$T/cases-week" | cut -d'|' -f1-2)" \
	"cases: opened and closed by week add up to the period's"

acct-report orders --from $F --to $L --by week > "$T/orders"
is "$(sql "SELECT COUNT(*),
	SUM(CASE WHEN status = 'completed' AND completed_on <= '$L'
		THEN 1 ELSE 0 END),
	SUM(CASE WHEN status = 'cancelled' AND completed_on <= '$L'
		THEN 1 ELSE 0 END),
	SUM(CASE WHEN status = 'scheduled' OR completed_on > '$L'
		THEN 1 ELSE 0 END),
	SUM(CASE WHEN type = 'restoration' AND status = 'completed'
		AND completed_on <= '$L' AND (julianday(completed_on)
		- julianday(requested_on)) * 24 > 24 THEN 1 ELSE 0 END)
	FROM orders WHERE scheduled_for BETWEEN '$F' AND '$L'")" \
	"$(col_sums 3 < "$T/orders")" \
	"orders: every column adds up to the store's counts"
acct-report orders --late --from $F --to $L > "$T/late"
is "$(col_sums 7 < "$T/orders")" "$(($(wc -l < "$T/late") - 1))" \
	"orders: the late column counts the rows of --late"

acct-report plans --from $F --to $L > "$T/plans"
is "$(sql "SELECT COUNT(*), printf('%.2f', SUM(amount) / 100.0),
	printf('%.2f', SUM(paid) / 100.0),
	printf('%.2f', SUM(MAX(amount - paid, 0)) / 100.0) FROM (
	SELECT p.amount, (SELECT COALESCE(SUM(i.paid), 0) FROM installments i
		WHERE i.plan = p.number) AS paid
	FROM plans p WHERE agreed_on BETWEEN '$F' AND '$L')")" \
	"$(col_sums 2 < "$T/plans" | awk -F'|' '{ printf "%d|%.2f|%.2f|%.2f\n",
		$1, $2, $3, $4 }')" \
	"plans: agreements, amount, paid, outstanding: the store's sums"

acct-report activity --from $F --to $L > "$T/activity"
is "$(sql "SELECT
	(SELECT COUNT(*) FROM contacts WHERE on_date BETWEEN '$F' AND '$L'),
	(SELECT COUNT(*) FROM cases WHERE opened_on BETWEEN '$F' AND '$L'),
	(SELECT COUNT(*) FROM entries WHERE kind = 'adjustment'
		AND posted_on BETWEEN '$F' AND '$L'),
	(SELECT COUNT(*) FROM receipts WHERE paid_on BETWEEN '$F' AND '$L'),
	(SELECT COUNT(*) FROM notices WHERE served_on BETWEEN '$F' AND '$L'),
	(SELECT COUNT(*) FROM bills WHERE issued_on BETWEEN '$F' AND '$L'),
	(SELECT COUNT(*) FROM certificates
		WHERE issued_on BETWEEN '$F' AND '$L'),
	(SELECT COUNT(*) FROM plans WHERE agreed_on BETWEEN '$F' AND '$L'),
	(SELECT COUNT(*) FROM affidavits
		WHERE prepared_on BETWEEN '$F' AND '$L')")" \
	"$(col_sums 3 < "$T/activity")" \
	"activity: every column adds up to the store's counts"

# restore.within_hours decides what is late: 48 hours are not later than 48
quiet acct-db policy restore.within_hours 48
run acct-report orders --late --from 2026-11-30 --to 2026-12-18
out_is "$LHDR" "orders --late with restore.within_hours 48: none"

done_testing
