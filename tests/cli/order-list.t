#!/bin/sh
# order-list: the crews' list by day then service address; date, status and
# type filters; errors.
. "$top_srcdir/tests/cli/lib.sh"
make_store
acct-db holidays load "$top_srcdir/data/holidays/us-federal.csv" \
	>/dev/null 2>&1 &&
acct-edit --service-address "0 Oak Ave" 1005 >/dev/null 2>&1 &&
invest-req --date 2026-11-25 --special --type leak 1001 >/dev/null &&
invest-req --date 2026-11-25 --special --type meter-reread 1005 >/dev/null &&
invest-req --special --type high-bill 1002 >/dev/null &&
invest-req --date 2026-11-25 --type leak 1003 >/dev/null &&
# no program makes shut-off orders yet
"$SQLITE3" "$ACCTKIT_DB" "INSERT INTO orders (number, year, seq, account,
	type, reason, priority, requested_on, scheduled_for, login) VALUES
	('O2026-000005', 2026, 5, '1004', 'shutoff', 'nonpayment', 'routine',
	 '2026-11-20', '2026-11-27', 'clerk')" &&
invest-req --date 2026-11-25 --special --type other 1004 >/dev/null &&
order-close --cancelled --result "customer away" O2026-000006 >/dev/null ||
	{ echo "Bail out! cannot make the orders"; exit 1; }
head='order,account,service_address,type,reason,priority,requested_on,scheduled_for,status,case'
o1='O2026-000001,1001,1 Elm St,investigation,leak,special,2026-11-25,2026-11-27,scheduled,'
o2='O2026-000002,1005,0 Oak Ave,investigation,meter-reread,special,2026-11-25,2026-11-27,scheduled,'
o3='O2026-000003,1002,2 Elm St,investigation,high-bill,special,2026-11-27,2026-11-30,scheduled,'
o4='O2026-000004,1003,3 Elm St,investigation,leak,routine,2026-11-25,2026-12-10,scheduled,'
o5='O2026-000005,1004,4 Elm St,shutoff,nonpayment,routine,2026-11-20,2026-11-27,scheduled,'
o6='O2026-000006,1004,4 Elm St,investigation,other,special,2026-11-25,2026-11-27,cancelled,'

run order-list
status_is 0 "the default: exit 0"
out_is "$head
$o2
$o1
$o5" "the default: the business date's scheduled orders of every type, by service address"
err_empty "the default: nothing on stderr"

run order-list --status all
out_is "$head
$o2
$o1
$o5
$o6" "--status all: the cancelled one too, same address by number"

run order-list --status cancelled
out_is "$head
$o6" "--status cancelled"

run order-list --status completed
status_is 0 "nothing matches: exit 0"
out_is "$head" "nothing matches: the header only"

run order-list --type shutoff
out_is "$head
$o5" "--type shutoff"

run order-list --type investigation
out_is "$head
$o2
$o1" "--type investigation"

run order-list --on 2026-11-30
out_is "$head
$o3" "--on a day"

run order-list --date 2026-11-30
out_is "$head
$o3" "--date moves the default day"

run order-list --from 2026-11-27 --to 2026-12-10
out_is "$head
$o2
$o1
$o5
$o3
$o4" "--from --to: by day, then service address"

run order-list --from 2026-11-28
out_is "$head
$o3
$o4" "--from alone: that day on"

run order-list --to 2026-11-30 --type investigation --status all
out_is "$head
$o2
$o1
$o6
$o3" "--to alone with --type and --status"

run order-list --on 2026-12-25
status_is 0 "a day without orders: exit 0"
out_is "$head" "a day without orders: the header only"

run env COLUMNS=200 order-list --format table --on 2026-11-30
is "order         account  service_address  type           reason     priority  requested_on  scheduled_for  status     case" \
	"$(head -n 1 "$T/out" | sed 's/ *$//')" "--format table: aligned columns"
run order-list --format table --on 2026-11-30
out_has "service_address  2 Elm St" "--format table on a narrow terminal: one record at a time"

bad() {	# MESSAGE DESC -- ARGS...
	want_err=$1 desc=$2
	shift 3
	run order-list "$@"
	status_is 2 "$desc: exit 2"
	err_is "$want_err
Try 'order-list --help'." "$desc: the message"
	is "" "$(cat "$T/out")" "$desc: nothing on stdout"
}
bad "order-list: option --status: 'open': not scheduled, completed, cancelled or all" \
	"a bad --status" -- --status open
bad "order-list: option --type: 'meter': not investigation, shutoff or restoration" \
	"a bad --type" -- --type meter
bad "order-list: option --on: '2026-13-01': no such day" \
	"a bad --on" -- --on 2026-13-01
bad "order-list: option --from: 'tomorrow': not a date (YYYY-MM-DD)" \
	"a bad --from" -- --from tomorrow
bad "order-list: --on and --from or --to: give one or the other" \
	"--on with --from" -- --on 2026-11-27 --from 2026-11-27
bad "order-list: option --from: '2026-12-01': after --to 2026-11-30" \
	"--from after --to" -- --from 2026-12-01 --to 2026-11-30
bad "order-list: no operands are taken: '1001'" "an operand" -- 1001
bad "order-list: option --format: 'html': not csv or table" \
	"a bad --format" -- --format html

run order-list --no-such-option
status_is 2 "a bad option: exit 2"
err_has "Try 'order-list --help'." "points to --help"

run order-list --help
status_is 0 "--help: exit 0"
out_has "Usage: order-list [-d FILE] [--date D]" "--help: usage on stdout"

run order-list --version
out_has "order-list (acctkit)" "--version names the program and package"

run order-list -d "$T/none.db"
status_is 1 "a missing store: exit 1"
err_has "acct-db init" "says how to make one"

done_testing
