#!/bin/sh
# invest-req: routine and special scheduling across weekends and holidays,
# gapless numbers, cases, dry runs and every refusal.
. "$top_srcdir/tests/cli/lib.sh"
make_store
acct-db holidays load "$top_srcdir/data/holidays/us-federal.csv" \
	>/dev/null 2>&1 ||
	{ echo "Bail out! cannot load the holidays"; exit 1; }
# an open case of 1001, a closed one of 1001, an open one of 1002
"$SQLITE3" "$ACCTKIT_DB" "INSERT INTO cases (number, year, seq, account,
	category, channel, summary, status, opened_on, due_on, closed_on, login)
	VALUES ('C2026-00001', 2026, 1, '1001', 'billing', 'phone', 'high bill',
		'open', '2026-11-20', '2026-12-20', NULL, 'clerk'),
	('C2026-00002', 2026, 2, '1001', 'service', 'phone', 'low pressure',
		'closed', '2026-11-02', '2026-11-12', '2026-11-24', 'clerk'),
	('C2026-00003', 2026, 3, '1002', 'meter', 'mail', 'meter noisy',
		'open', '2026-11-23', '2026-12-03', NULL, 'clerk')" ||
	{ echo "Bail out! cannot open the cases"; exit 1; }
head='order,account,type,priority,requested_on,scheduled_for,case'

# Wednesday 2026-11-25, the day before Thanksgiving (Thursday 2026-11-26)
run invest-req --date 2026-11-25 --type leak 1001
status_is 0 "routine: exit 0"
out_is "$head
O2026-000001,1001,leak,routine,2026-11-25,2026-12-10," "routine: 10 business days, Thanksgiving and two weekends skipped"
err_empty "routine: nothing on stderr"

run invest-req --date 2026-11-25 --special --type meter-reread 1002
out_is "$head
O2026-000002,1002,meter-reread,special,2026-11-25,2026-11-27," "special: the next business day after the holiday"

# Friday 2026-11-27 (the tests' business date)
run invest-req --special --type high-bill 1003
out_is "$head
O2026-000003,1003,high-bill,special,2026-11-27,2026-11-30," "special on a Friday: the Monday after"

run invest-req --case C2026-00001 --note "call first" --type high-bill 1001
status_is 0 "--case: an open case of the account"
out_is "$head
O2026-000004,1001,high-bill,routine,2026-11-27,2026-12-11,C2026-00001" "--case: the case column"
is "investigation|high-bill|routine|scheduled|C2026-00001|call first" \
	"$("$SQLITE3" "$ACCTKIT_DB" "SELECT type, reason, priority, status,
		case_number, note FROM orders WHERE number = 'O2026-000004'")" \
	"stored: type investigation, the reason, status scheduled, case, note"
is "order O2026-000004: routine investigation (high-bill) of account 1001 for 2026-12-11, case C2026-00001" \
	"$("$SQLITE3" "$ACCTKIT_DB" "SELECT what FROM audit ORDER BY id DESC LIMIT 1")" \
	"audited"

acct-db policy invest.routine_days 3 >/dev/null 2>&1
acct-db policy invest.special_days 2 >/dev/null 2>&1
run invest-req --date 2026-11-25 --type meter-test 1004
out_has ",routine,2026-11-25,2026-12-01," "invest.routine_days 3 from the store"
run invest-req --date 2026-11-25 --special --type other 1004
out_has "O2026-000006,1004,other,special,2026-11-25,2026-11-30," "invest.special_days 2 from the store"

before=$(store_dump)
run invest-req -n --type leak 1005
status_is 0 "-n: exit 0"
out_is "$head
O2026-000007,1005,leak,routine,2026-11-27,2026-12-02," "-n: prints the order it would make"
err_is "invest-req: dry run: nothing was changed" "-n: says so"
is "$before" "$(store_dump)" "-n: the store is unchanged"
run invest-req --type leak --format table 1005
out_has "O2026-000007  1005" "numbers stay gapless after a dry run; --format table"

run invest-req --date 2026-01-02 --type leak 1005
out_has "O2026-000008,1005" "numbers run on within the year"
run invest-req --date 2027-01-04 --type leak 1005
out_has "O2027-000001,1005,leak,routine,2027-01-04," "a new year starts at 000001"

refused() {	# STATUS MESSAGE DESC -- CMD...
	want_status=$1 want_err=$2 desc=$3
	shift 4
	before=$(store_dump)
	run invest-req "$@"
	status_is "$want_status" "$desc: exit $want_status"
	err_is "$want_err" "$desc: the message"
	is "" "$(cat "$T/out")" "$desc: nothing on stdout"
	is "$before" "$(store_dump)" "$desc: the store is unchanged"
}
refused 1 "invest-req: account '9999': no such account" \
	"an unknown account" -- --type leak 9999
refused 1 "invest-req: case 'C2026-00099': no such case" \
	"an unknown case" -- --case C2026-00099 --type leak 1001
refused 1 "invest-req: case 'C2026-00002': closed on 2026-11-24" \
	"a closed case" -- --case C2026-00002 --type leak 1001
refused 1 "invest-req: case 'C2026-00003': of account 1002, not 1001" \
	"a case of another account" -- --case C2026-00003 --type leak 1001
refused 2 "invest-req: option --type: 'bogus': not meter-reread, high-bill, leak, meter-test or other
Try 'invest-req --help'." "a bad --type" -- --type bogus 1001
refused 2 "invest-req: option --type: 'investigation': not meter-reread, high-bill, leak, meter-test or other
Try 'invest-req --help'." "an order type is not an investigation type" -- --type investigation 1001
refused 2 "invest-req: no --type given
Try 'invest-req --help'." "no --type" -- 1001
refused 2 "invest-req: no account given
Try 'invest-req --help'." "no account" -- --type leak
refused 2 "invest-req: one ACCOUNT only
Try 'invest-req --help'." "two accounts" -- --type leak 1001 1002
refused 2 "invest-req: option --case: '': not a case number
Try 'invest-req --help'." "an empty --case" -- --case "" --type leak 1001
refused 2 "invest-req: date '2026-02-30': no such day
Try 'invest-req --help'." "a bad --date" -- --date 2026-02-30 --type leak 1001
refused 2 "invest-req: option --format: 'xml': not csv or table
Try 'invest-req --help'." "a bad --format" -- --format xml --type leak 1001
refused 2 "invest-req: option '--special' doesn't allow an argument
Usage: invest-req [-n] [-d FILE] [--case CASE] [--date D] [--format csv|table]
  [--note TEXT] [--special] --type meter-reread|high-bill|leak|meter-test|other
  ACCOUNT
Try 'invest-req --help'." "an argument to --special" -- --special=yes --type leak 1001

run invest-req --no-such-option
status_is 2 "a bad option: exit 2"
err_has "Try 'invest-req --help'." "points to --help"

run invest-req --help
status_is 0 "--help: exit 0"
out_has "Usage: invest-req [-n] [-d FILE] [--case CASE]" "--help: usage on stdout"
err_empty "--help: nothing on stderr"

run invest-req --version
status_is 0 "--version: exit 0"
out_has "invest-req (acctkit)" "--version names the program and package"

run invest-req -d "$T/none.db" --type leak 1001
status_is 1 "a missing store: exit 1"
err_has "acct-db init" "says how to make one"

done_testing
