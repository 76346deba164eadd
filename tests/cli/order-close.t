#!/bin/sh
# order-close: completing and cancelling, the note an investigation adds to
# its case, dry runs and every refusal.
. "$top_srcdir/tests/cli/lib.sh"
make_store
acct-db holidays load "$top_srcdir/data/holidays/us-federal.csv" \
	>/dev/null 2>&1 &&
"$SQLITE3" "$ACCTKIT_DB" "INSERT INTO cases (number, year, seq, account,
	category, channel, summary, status, opened_on, due_on, login) VALUES
	('C2026-00001', 2026, 1, '1001', 'billing', 'phone', 'high bill',
	 'investigating', '2026-11-20', '2026-12-20', 'clerk')" &&
invest-req --case C2026-00001 --type high-bill 1001 >/dev/null &&
invest-req --special --type leak 1002 >/dev/null &&
invest-req --date 2026-11-20 --case C2026-00001 --type meter-test 1001 \
	>/dev/null &&
"$SQLITE3" "$ACCTKIT_DB" "INSERT INTO orders (number, year, seq, account,
	type, reason, priority, requested_on, scheduled_for, login) VALUES
	('O2026-000004', 2026, 4, '1004', 'shutoff', 'nonpayment', 'routine',
	 '2026-11-20', '2026-11-27', 'clerk')" ||
	{ echo "Bail out! cannot make the orders"; exit 1; }
head='order,account,type,status,completed_on,result'
notes() { "$SQLITE3" "$ACCTKIT_DB" "SELECT note FROM case_notes ORDER BY id"; }

run order-close --completed --result "meter read wrong, rebill" O2026-000001
status_is 0 "--completed: exit 0"
out_is "$head
O2026-000001,1001,investigation,completed,2026-11-27,\"meter read wrong, rebill\"" "--completed: the order as closed"
err_empty "--completed: nothing on stderr"
is "completed|meter read wrong, rebill|2026-11-27" \
	"$("$SQLITE3" "$ACCTKIT_DB" "SELECT status, result, completed_on
		FROM orders WHERE number = 'O2026-000001'")" "--completed: stored"
is "investigation O2026-000001 (high-bill) completed: meter read wrong, rebill" \
	"$(notes)" "--completed: a note on the case"
is "investigating" "$("$SQLITE3" "$ACCTKIT_DB" "SELECT status FROM cases")" \
	"the case keeps its status"
is "order O2026-000001: investigation completed of account 1001 on 2026-11-27: meter read wrong, rebill" \
	"$("$SQLITE3" "$ACCTKIT_DB" "SELECT what FROM audit ORDER BY id DESC LIMIT 1")" \
	"audited"

run order-close --cancelled --on 2026-11-25 O2026-000003
status_is 0 "--cancelled --on: exit 0"
out_is "$head
O2026-000003,1001,investigation,cancelled,2026-11-25," "--cancelled on an earlier day, no result"
is "investigation O2026-000001 (high-bill) completed: meter read wrong, rebill
investigation O2026-000003 (meter-test) cancelled" "$(notes)" \
	"--cancelled: a second note on the case"

run order-close --completed O2026-000002
out_is "$head
O2026-000002,1002,investigation,completed,2026-11-27," "an investigation without a case"
is 2 "$(notes | wc -l | tr -d ' ')" "no case, no note"

before=$(store_dump)
run order-close -n --completed --result "meter off" O2026-000004
status_is 0 "-n: exit 0"
out_is "$head
O2026-000004,1004,shutoff,completed,2026-11-27,meter off" "-n: prints what it would do"
err_is "order-close: dry run: nothing was changed" "-n: says so"
is "$before" "$(store_dump)" "-n: the store is unchanged"

run order-close --format table --completed --date 2026-11-30 O2026-000004
status_is 0 "a shut-off order: exit 0"
out_has "O2026-000004  1004     shutoff  completed  2026-11-30" "--date: closed on the business date; --format table"

refused() {	# STATUS MESSAGE DESC -- ARGS...
	want_status=$1 want_err=$2 desc=$3
	shift 4
	before=$(store_dump)
	run order-close "$@"
	status_is "$want_status" "$desc: exit $want_status"
	err_is "$want_err" "$desc: the message"
	is "" "$(cat "$T/out")" "$desc: nothing on stdout"
	is "$before" "$(store_dump)" "$desc: the store is unchanged"
}
refused 1 "order-close: order 'O2026-000001': already completed on 2026-11-27" \
	"closing twice" -- --completed O2026-000001
refused 1 "order-close: order 'O2026-000003': already cancelled on 2026-11-25" \
	"completing a cancelled order" -- --completed O2026-000003
refused 1 "order-close: order 'O2026-000099': no such order" \
	"an unknown order" -- --completed O2026-000099
"$SQLITE3" "$ACCTKIT_DB" "INSERT INTO orders (number, year, seq, account,
	type, reason, priority, requested_on, scheduled_for, login) VALUES
	('O2026-000005', 2026, 5, '1003', 'restoration', 'paid', 'routine',
	 '2026-11-26', '2026-11-27', 'clerk')"
refused 1 "order-close: order 'O2026-000005': --on 2026-11-25: before it was requested on 2026-11-26" \
	"--on before the request" -- --completed --on 2026-11-25 O2026-000005
refused 2 "order-close: option --on: '2026-11-28': after the business date 2026-11-27
Try 'order-close --help'." "--on after the business date" -- --completed --on 2026-11-28 O2026-000005
refused 2 "order-close: option --on: '2026-11-31': no such day
Try 'order-close --help'." "a bad --on" -- --completed --on 2026-11-31 O2026-000005
refused 2 "order-close: --cancelled or --completed: give one
Try 'order-close --help'." "neither --cancelled nor --completed" -- O2026-000005
refused 2 "order-close: --cancelled and --completed: give only one
Try 'order-close --help'." "both --cancelled and --completed" -- --completed --cancelled O2026-000005
refused 2 "order-close: no order given
Try 'order-close --help'." "no order" -- --completed
refused 2 "order-close: one ORDER only
Try 'order-close --help'." "two orders" -- --completed O2026-000005 O2026-000004
refused 2 "order-close: option --result: longer than 1023 bytes
Try 'order-close --help'." "a --result too long" -- --completed --result "$(printf '%01100d' 0)" O2026-000005
refused 2 "order-close: date 'x': not a date (YYYY-MM-DD)
Try 'order-close --help'." "a bad --date" -- --date x --completed O2026-000005
refused 2 "order-close: option --format: 'pdf': not csv or table
Try 'order-close --help'." "a bad --format" -- --format pdf --completed O2026-000005

run order-close --completed O2026-000005
status_is 0 "after the refusals the order closes"

run order-close --no-such-option
status_is 2 "a bad option: exit 2"
err_has "Try 'order-close --help'." "points to --help"

run order-close --help
status_is 0 "--help: exit 0"
out_has "Usage: order-close [-n] [-d FILE] --cancelled | --completed" "--help: usage on stdout"

run order-close --version
out_has "order-close (acctkit)" "--version names the program and package"

run order-close -d "$T/none.db" --completed O2026-000005
status_is 1 "a missing store: exit 1"
err_has "acct-db init" "says how to make one"

done_testing
