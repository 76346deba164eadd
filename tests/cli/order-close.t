#!/bin/sh
# order-close: completing and cancelling, the note an investigation adds to
# its case, what closing a shut-off or a restoration does to the account
# (its status, the reconnection fee), dry runs and every refusal.
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
status_of() { sql "SELECT status FROM accounts WHERE number = '$1'"; }
audit_tail() {	# the last N audit rows, oldest first
	sql "SELECT what FROM (SELECT id, what FROM audit ORDER BY id DESC
		LIMIT $1) ORDER BY id"
}
# the column COLUMN of acct-show ACCOUNT on DAY, found by its name (the
# accounts used here have no comma in a field)
show() {
	acct-show --format csv --date "$2" "$1" 2>/dev/null | awk -F, -v c="$3" '
		NR == 1 { for (i = 1; i <= NF; i++) if ($i == c) n = i }
		NR == 2 { print $n }'
}
# order NUMBER ACCOUNT TYPE REQUESTED_ON: a scheduled order of that day
order() {
	sql "INSERT INTO orders (number, year, seq, account, type, reason,
		priority, requested_on, scheduled_for, login) VALUES
		('$1', 2026, ${1#O2026-}, '$2', '$3', 'test', 'routine', '$4',
		 '$4', 'clerk')" ||
		{ echo "Bail out! cannot make the order $1"; exit 1; }
}

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
is active "$(status_of 1004)" "-n: the account stays active"

run order-close --format table --completed --date 2026-11-30 O2026-000004
status_is 0 "a shut-off order: exit 0"
out_has "O2026-000004  1004     shutoff  completed  2026-11-30" "--date: closed on the business date; --format table"
is off "$(status_of 1004)" "a completed shut-off: the account is off"
is "account 1004: status 'active' -> 'off' by shutoff O2026-000004
order O2026-000004: shutoff completed of account 1004 on 2026-11-30" \
	"$(audit_tail 2)" "a completed shut-off: the change of status audited"
is off "$(show 1004 2026-11-30 status)" \
	"a completed shut-off: acct-show shows it off"

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

# a restoration completed: the account active again, no fee at 0.00
order O2026-000006 1004 restoration 2026-11-30
run order-close --completed --date 2026-11-30 --result "meter on" O2026-000006
status_is 0 "a completed restoration: exit 0"
out_is "$head
O2026-000006,1004,restoration,completed,2026-11-30,meter on" \
	"a completed restoration: the order as closed"
err_empty "a completed restoration: nothing on stderr"
is active "$(status_of 1004)" "a completed restoration: the account is active"
is 0 "$(sql "SELECT COUNT(*) FROM entries WHERE source = 'order-close'")" \
	"a completed restoration: no reconnection fee at 0.00"
is "account 1004: status 'off' -> 'active' by restoration O2026-000006
order O2026-000006: restoration completed of account 1004 on 2026-11-30: meter on" \
	"$(audit_tail 2)" "a completed restoration: audited"

# with a reconnection fee of 25.00: 1002 shut off, then restored
acct-db policy fee.reconnect 25.00 >/dev/null 2>&1 ||
	{ echo "Bail out! cannot set fee.reconnect"; exit 1; }
order O2026-000007 1002 shutoff 2026-11-27
order O2026-000008 1002 restoration 2026-11-30
run order-close --completed --date 2026-11-30 O2026-000007
is off "$(status_of 1002)" "1002 shut off"
balance_before=$(sql "SELECT SUM(amount) FROM entries WHERE account = '1002'")
run order-close --completed --date 2026-12-01 O2026-000008
status_is 0 "a restoration with a fee: exit 0"
out_is "$head
O2026-000008,1002,restoration,completed,2026-12-01," \
	"a restoration with a fee: the order as closed"
is active "$(status_of 1002)" "a restoration with a fee: the account is active"
is "1002|2026-12-01|fee|2500|order-close|O2026-000008" \
	"$(sql "SELECT account, posted_on, kind, amount, source, ref FROM entries
		WHERE source = 'order-close'")" \
	"a restoration with a fee: a fee of 25.00, ref the order"
is $((balance_before + 2500)) \
	"$(sql "SELECT SUM(amount) FROM entries WHERE account = '1002'")" \
	"a restoration with a fee: the balance up by 25.00"
is "325.00" "$(show 1002 2026-12-01 balance)" \
	"a restoration with a fee: acct-show's balance"
is "account 1002: status 'off' -> 'active' by restoration O2026-000008" \
	"$(sql "SELECT what FROM audit WHERE what LIKE 'account 1002: status%'
		ORDER BY id DESC LIMIT 1")" "a restoration with a fee: the status audited"
is 1 "$(sql "SELECT COUNT(*) FROM audit WHERE what LIKE
	'account 1002: reconnection fee 25.00 posted (entry % for O2026-000008'")" \
	"a restoration with a fee: the fee audited"

# a shut-off cancelled needs a reason; cancelling changes no account
order O2026-000009 1001 shutoff 2026-11-27
refused 1 "order-close: order 'O2026-000009': a cancelled shut-off needs --result saying why" \
	"a shut-off cancelled without --result" -- --cancelled O2026-000009
refused 1 "order-close: order 'O2026-000009': a cancelled shut-off needs --result saying why" \
	"a shut-off cancelled with an empty --result" -- --cancelled --result "" O2026-000009
refused 1 "order-close: order 'O2026-000009': a cancelled shut-off needs --result saying why" \
	"a shut-off cancelled without --result, -n" -- -n --cancelled O2026-000009
run order-close --cancelled --result "paid at the counter" O2026-000009
status_is 0 "a shut-off cancelled with --result: exit 0"
out_is "$head
O2026-000009,1001,shutoff,cancelled,2026-11-27,paid at the counter" \
	"a shut-off cancelled with --result: the order as closed"
is active "$(status_of 1001)" "a shut-off cancelled: the account stays active"

# a restoration cancelled: the account stays off, no fee
acct-edit --status off 1001 >/dev/null 2>&1 ||
	{ echo "Bail out! cannot shut off 1001"; exit 1; }
order O2026-000010 1001 restoration 2026-11-27
fees=$(sql "SELECT COUNT(*) FROM entries WHERE source = 'order-close'")
run order-close --cancelled O2026-000010
status_is 0 "a restoration cancelled: exit 0, no --result needed"
out_is "$head
O2026-000010,1001,restoration,cancelled,2026-11-27," \
	"a restoration cancelled: the order as closed"
is off "$(status_of 1001)" "a restoration cancelled: the account stays off"
is "$fees" "$(sql "SELECT COUNT(*) FROM entries WHERE source = 'order-close'")" \
	"a restoration cancelled: no fee"

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
