#!/bin/sh
# restore-sched: a scripted history.  1002 is served a notice, shut off by a
# crew, pays in full and is restored; 1005, shut off by hand (acct-edit),
# pays part and is left with arrears below the minimum; 1006 signs an
# agreement and pays its down payment in two parts; 1001 is restored within
# 48 hours.  No second order while one is scheduled; a cancelled one is
# made again; -n changes nothing; every usage error.
. "$top_srcdir/tests/cli/lib.sh"
make_store
TRY="Try 'restore-sched --help'."
HDR='order,account,scheduled_for,reason,service_address'

status_of() { sql "SELECT status FROM accounts WHERE number = '$1'"; }
last_audit() { sql "SELECT what FROM audit ORDER BY id DESC LIMIT 1"; }
balance_of() {
	sql "SELECT printf('%.2f', SUM(amount) / 100.0) FROM entries
		WHERE account = '$1'"
}
setup() { "$@" >/dev/null 2>&1 || { echo "Bail out! $*"; exit 1; }; }

# 1006: an account of 200.00 billed on September 1, all of it in arrears.
{ head -n 1 "$fixtures/accounts.csv"
  echo '1006,Fay Fox,6 Elm St,,,,residential,active,2018-04-01,no,no,no,'
} > "$T/accounts.csv"
printf '%s\n' 'account,posted_on,kind,amount,ref,memo,source' \
	'1006,2026-09-01,charge,200.00,B202609-1006,September bill,billing' \
	> "$T/ledger.csv"
setup acct-import "$T/accounts.csv"
setup ledger-post "$T/ledger.csv"

run restore-sched
status_is 0 "no account off: exit 0"
out_is "$HDR" "no account off: the header alone"
err_empty "no account off: nothing on stderr"

# 1002 the whole way: a notice served on 2026-11-27 (a heat account in the
# cold period: a contact attempt first), a shut-off scheduled for Monday
# 2026-12-14 (O2026-000001), and the crew's order closed.
setup contact-log --channel phone --kind contact-attempt \
	--note 'told of the notice' 1002
setup shutoff-notice --csv 1002
setup shutoff-sched --date 2026-12-14 --on 2026-12-14
setup order-close --completed --date 2026-12-14 O2026-000001
is off "$(status_of 1002)" "1002 is shut off by a completed shut-off order"

store_dump > "$T/before"
run restore-sched --date 2026-12-14
status_is 0 "shut off, nothing paid: exit 0"
out_is "$HDR" "shut off, nothing paid: no order"
err_empty "shut off, nothing paid: nothing said without --verbose"
unchanged "shut off, nothing paid: the store is unchanged"

run restore-sched --date 2026-12-14 --verbose
status_is 0 "--verbose: exit 0"
out_is "$HDR" "--verbose: still no order"
err_is "restore-sched: account 1002: no restoration: balance 300.00 owed, arrears 300.00" \
	"--verbose: says what is missing"

# paid in full at the counter the next day
setup pay-post --date 2026-12-15 1002 300.00
run restore-sched --date 2026-12-15
status_is 0 "paid in full: exit 0"
out_is "$HDR
O2026-000002,1002,2026-12-15,paid-in-full,2 Elm St" \
	"paid in full: a restoration for the same day"
err_empty "paid in full: nothing on stderr"
is "restoration|paid-in-full|special|2026-12-15|2026-12-15|scheduled|paid in full" \
	"$(sql "SELECT type, reason, priority, requested_on, scheduled_for,
		status, note FROM orders WHERE number = 'O2026-000002'")" \
	"paid in full: stored, special, the why as its note"
is "order O2026-000002: special restoration (paid-in-full) of account 1002 for 2026-12-15: paid in full" \
	"$(last_audit)" "paid in full: audited"
is "restore-sched" \
	"$(sql "SELECT program FROM audit ORDER BY id DESC LIMIT 1")" \
	"paid in full: audited under the program's name"

store_dump > "$T/before"
run restore-sched --date 2026-12-15 --verbose
status_is 0 "a restoration scheduled already: exit 0"
out_is "$HDR" "a restoration scheduled already: no second one"
err_empty "a restoration scheduled already: not even mentioned"
unchanged "a restoration scheduled already: the store is unchanged"

run order-close --completed --date 2026-12-15 O2026-000002
status_is 0 "the crew restores 1002: exit 0"
is active "$(status_of 1002)" "order-close: 1002 is active again"
is 0 "$(sql "SELECT COUNT(*) FROM entries WHERE source = 'order-close'")" \
	"order-close: no reconnection fee at 0.00"
run restore-sched --date 2026-12-15
out_is "$HDR" "active again: no order"

# 1005 shut off by hand: 150.00 in arrears, then 110.00 paid
setup acct-edit --status off 1005
run restore-sched --date 2026-12-15 --verbose
out_is "$HDR" "acct-edit --status off: no order while the arrears are owed"
err_is "restore-sched: account 1005: no restoration: balance 150.00 owed, arrears 150.00" \
	"acct-edit --status off: --verbose says why"
setup pay-post --date 2026-12-15 1005 110.00
run restore-sched --date 2026-12-15 --verbose
status_is 0 "arrears below the minimum: exit 0"
out_is "$HDR
O2026-000003,1005,2026-12-15,arrears-below-minimum,5 Elm St" \
	"arrears below the minimum: a restoration"
err_empty "arrears below the minimum: nothing on stderr"
is "arrears 40.00 below 50.00" \
	"$(sql "SELECT note FROM orders WHERE number = 'O2026-000003'")" \
	"arrears below the minimum: the note says so"

# restored with a reconnection fee of 25.00
setup acct-db policy fee.reconnect 25.00
run order-close --completed --date 2026-12-16 O2026-000003
status_is 0 "restored with a fee: exit 0"
is active "$(status_of 1005)" "restored with a fee: 1005 active"
is "2026-12-16|fee|2500|O2026-000003" \
	"$(sql "SELECT posted_on, kind, amount, ref FROM entries
		WHERE source = 'order-close'")" \
	"restored with a fee: the fee posted, ref the order"
is 65.00 "$(balance_of 1005)" "restored with a fee: the balance up by 25.00"

# 1006: an agreement of 2026-12-15, 50.00 down, paid 30.00 then 20.00
setup acct-edit --status off 1006
setup plan-agree --csv --date 2026-12-15 --down 50.00 --count 3 1006
store_dump > "$T/before"
run restore-sched --date 2026-12-15 --verbose
status_is 0 "an agreement, nothing paid: exit 0"
out_is "$HDR" "an agreement, nothing paid: no order"
err_is "restore-sched: account 1006: no restoration: agreement P2026-000001 down payment not paid" \
	"an agreement, nothing paid: --verbose says the down payment is missing"
unchanged "an agreement, nothing paid: the store is unchanged"
setup pay-post --date 2026-12-16 1006 30.00
run restore-sched --date 2026-12-16 --verbose
out_is "$HDR" "part of the down payment: no order"
err_is "restore-sched: account 1006: no restoration: agreement P2026-000001 down payment not paid" \
	"part of the down payment: --verbose says so"
setup pay-post --date 2026-12-16 1006 20.00
run restore-sched --date 2026-12-16
status_is 0 "the down payment paid: exit 0"
out_is "$HDR
O2026-000004,1006,2026-12-16,agreement,6 Elm St" \
	"the down payment paid: a restoration"
is "agreement P2026-000001 signed, down payment paid" \
	"$(sql "SELECT note FROM orders WHERE number = 'O2026-000004'")" \
	"the down payment paid: the note names the agreement"

# restore.within_hours 48: the next day; -n first
setup acct-edit --status off 1001
setup acct-edit --status final 1003
setup acct-db policy restore.within_hours 48
store_dump > "$T/before"
run restore-sched -n --date 2026-12-16 --verbose
status_is 0 "-n: exit 0"
out_is "$HDR
O2026-000005,1001,2026-12-17,paid-in-full,1 Elm St" \
	"-n: the order it would make, the next day with 48 hours"
err_is "restore-sched: dry run: nothing was changed" \
	"-n: says so; a final account is not looked at"
unchanged "-n: the store is unchanged"

run restore-sched --date 2026-12-16 --format table
status_is 0 "48 hours: exit 0"
out_is "order         account  scheduled_for  reason        service_address
------------  -------  -------------  ------------  ---------------
O2026-000005  1001     2026-12-17     paid-in-full  1 Elm St" \
	"48 hours: the next day, the same number as the dry run; --format table"
is "2026-12-16|2026-12-17" \
	"$(sql "SELECT requested_on, scheduled_for FROM orders
		WHERE number = 'O2026-000005'")" "48 hours: stored"

# a cancelled restoration is made again on the next run, 72 hours: two days
setup order-close --cancelled --date 2026-12-16 --result 'no access' \
	O2026-000005
is off "$(status_of 1001)" "a cancelled restoration leaves the account off"
setup acct-db policy restore.within_hours 72
run restore-sched --date 2026-12-16 --format csv
out_is "$HDR
O2026-000006,1001,2026-12-18,paid-in-full,1 Elm St" \
	"a cancelled restoration: a new order, 72 hours two days later"

# usage, a missing store, a busy store: the message, the status, nothing
# changed
refused() {	# STATUS MESSAGE DESC -- ARGS...
	want_status=$1 want_err=$2 desc=$3
	shift 4
	store_dump > "$T/before"
	run restore-sched "$@"
	status_is "$want_status" "$desc: exit $want_status"
	err_is "$want_err" "$desc: the message"
	is "" "$(cat "$T/out")" "$desc: nothing on stdout"
	unchanged "$desc: the store is unchanged"
}
setup acct-edit --status off 1004
refused 2 "restore-sched: no operands are taken: '1004'
$TRY" "an operand" -- 1004
refused 2 "restore-sched: date '2026-02-30': no such day
$TRY" "a bad --date" -- --date 2026-02-30
refused 2 "restore-sched: option --format: 'pdf': not csv or table
$TRY" "a bad --format" -- --format pdf
refused 2 "restore-sched: unrecognized option '--no-such-option'
Usage: restore-sched [-n] [-d FILE] [--date D] [--format csv|table] [--verbose]
$TRY" "a bad option" -- --no-such-option
refused 2 "restore-sched: option '--verbose' doesn't allow an argument
Usage: restore-sched [-n] [-d FILE] [--date D] [--format csv|table] [--verbose]
$TRY" "--verbose with a value" -- --verbose=yes

run restore-sched -d "$T/none.db"
status_is 1 "a missing store: exit 1"
err_has "acct-db init" "a missing store: says how to make one"
is "" "$(cat "$T/out")" "a missing store: nothing on stdout"

# another program holds the store's write lock
lock_store
store_dump > "$T/before"
run env ACCTKIT_BUSY_TIMEOUT=0 restore-sched
status_is 75 "a busy store: exit 75"
err_is "restore-sched: store busy: another program kept it locked past the timeout; try again" \
	"a busy store: says so"
is "" "$(cat "$T/out")" "a busy store: nothing on stdout"
unlock_store
unchanged "a busy store: the store is unchanged"

run restore-sched --help
status_is 0 "--help: exit 0"
out_has "Usage: restore-sched [-n] [-d FILE] [--date D] [--format csv|table] [--verbose]" \
	"--help: the synopsis on stdout"
out_has "paid-in-full, arrears-below-minimum or" "--help: the reasons"
err_empty "--help: nothing on stderr"

run restore-sched --version
status_is 0 "--version: exit 0"
out_has "restore-sched (acctkit)" "--version names the program and package"

# after all that, 1004 (120.00 billed 11-15, due 12-05) is still owed none
run restore-sched --date 2026-12-16 --verbose
out_is "$HDR" "1004 off with 120.00 past due: no order"
err_is "restore-sched: account 1004: no restoration: balance 120.00 owed, arrears 120.00" \
	"1004 off with 120.00 past due: --verbose says why"

done_testing
