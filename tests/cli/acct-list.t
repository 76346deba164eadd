#!/bin/sh
# acct-list: every filter against the hand-worked fixtures (tests/fixtures/README),
# as of an earlier date, the buckets summing to the balances, usage.
. "$top_srcdir/tests/cli/lib.sh"
make_store

header='account,name,status,rate_class,balance,arrears,days_past_due,current,d1_30,d31_60,d61_90,d91_plus'
r1001='1001,Ann Able,active,residential,0.00,0.00,0,0.00,0.00,0.00,0.00,0.00'
r1002='1002,Bob Baker,active,residential,300.00,300.00,67,0.00,100.00,100.00,100.00,0.00'
r1003='1003,Carol Cole,active,residential,-30.00,0.00,0,-30.00,0.00,0.00,0.00,0.00'
r1004='1004,Dan Dunn,active,commercial,120.00,0.00,0,120.00,0.00,0.00,0.00,0.00'
r1005='1005,"Eve Evans, Jr.",active,residential,150.00,150.00,190,0.00,0.00,0.00,0.00,150.00'

# list OPTION... -- then: the rows wanted, after the header
list_is() {	# DESC ROWS OPTION...
	desc=$1 rows=$2
	shift 2
	run acct-list "$@"
	if [ -n "$rows" ]; then out_is "$header
$rows" "$desc"; else out_is "$header" "$desc"; fi
}

run acct-list
status_is 0 "no condition: exit 0"
out_is "$header
$r1001
$r1002
$r1003
$r1004
$r1005" "no condition: every account, by number, with its aging"
err_empty "no condition: nothing on stderr"

list_is "--min-balance 150: at least, not above" "$r1002
$r1005" --min-balance 150
list_is "--min-balance 150.01" "$r1002" --min-balance 150.01
list_is "--min-balance 0: not the credit balance" "$r1001
$r1002
$r1004
$r1005" --min-balance 0
list_is "--min-balance -30: the credit balance too" "$r1001
$r1002
$r1003
$r1004
$r1005" --min-balance -30
list_is "--min-balance 300.01: none" "" --min-balance 300.01
status_is 0 "nothing matches: still exit 0"

list_is "--min-arrears 150" "$r1002
$r1005" --min-arrears 150
list_is "--min-arrears 300" "$r1002" --min-arrears 300
list_is "--min-arrears 0.01: not the current balance of 1004" "$r1002
$r1005" --min-arrears 0.01
list_is "--min-arrears 0: every account has arrears of at least 0.00" "$r1001
$r1002
$r1003
$r1004
$r1005" --min-arrears 0

list_is "--days-past-due 67: 1002 just makes it" "$r1002
$r1005" --days-past-due 67
list_is "--days-past-due 68" "$r1005" --days-past-due 68
list_is "--days-past-due 190" "$r1005" --days-past-due 190
list_is "--days-past-due 191: none" "" --days-past-due 191
list_is "--days-past-due 0: no condition" "$r1001
$r1002
$r1003
$r1004
$r1005" --days-past-due 0

list_is "--status active" "$r1001
$r1002
$r1003
$r1004
$r1005" --status active
list_is "--status off: none yet" "" --status off
list_is "--rate-class commercial" "$r1004" --rate-class commercial
list_is "--rate-class residential" "$r1001
$r1002
$r1003
$r1005" --rate-class residential
list_is "--rate-class industrial: none" "" --rate-class industrial

list_is "--flag heat" "$r1002
$r1005" --flag heat
list_is "--flag life_support" "$r1005" --flag life_support
list_is "--flag ebd" "$r1003" --flag ebd
list_is "--flag medical: a certificate valid on the date" "$r1005" --flag medical
list_is "--flag heat --flag life_support: both required" "$r1005" --flag heat --flag life_support
list_is "--flag ebd --flag heat: none has both" "" --flag ebd --flag heat

list_is "--flag heat --min-arrears 200" "$r1002" --flag heat --min-arrears 200
list_is "--min-arrears 50 --days-past-due 60 --rate-class residential" "$r1002
$r1005" --min-arrears 50 --days-past-due 60 --rate-class residential
list_is "--min-balance 100 --days-past-due 1 --flag life_support" "$r1005" --min-balance 100 --days-past-due 1 --flag life_support
list_is "--min-balance 100 --status active --rate-class commercial" "$r1004" --min-balance 100 --status active --rate-class commercial

# as of an earlier day: only the entries posted on or before it count
list_is "--date 2026-10-31: balances and aging as of that day" "$r1001
1002,Bob Baker,active,residential,200.00,200.00,40,0.00,100.00,100.00,0.00,0.00
1003,Carol Cole,active,residential,0.00,0.00,0,0.00,0.00,0.00,0.00,0.00
1004,Dan Dunn,active,commercial,0.00,0.00,0,0.00,0.00,0.00,0.00,0.00
1005,\"Eve Evans, Jr.\",active,residential,150.00,150.00,163,0.00,0.00,0.00,0.00,150.00" --date 2026-10-31
list_is "--date 2026-10-31 --min-balance 100" "1002,Bob Baker,active,residential,200.00,200.00,40,0.00,100.00,100.00,0.00,0.00
1005,\"Eve Evans, Jr.\",active,residential,150.00,150.00,163,0.00,0.00,0.00,0.00,150.00" --date 2026-10-31 --min-balance 100
list_is "--date 2026-10-31 --days-past-due 41" "1005,\"Eve Evans, Jr.\",active,residential,150.00,150.00,163,0.00,0.00,0.00,0.00,150.00" --date 2026-10-31 --days-past-due 41
list_is "--date 2026-10-31 --min-balance 0: 1003 had no credit yet" "$r1001
1002,Bob Baker,active,residential,200.00,200.00,40,0.00,100.00,100.00,0.00,0.00
1003,Carol Cole,active,residential,0.00,0.00,0,0.00,0.00,0.00,0.00,0.00
1004,Dan Dunn,active,commercial,0.00,0.00,0,0.00,0.00,0.00,0.00,0.00
1005,\"Eve Evans, Jr.\",active,residential,150.00,150.00,163,0.00,0.00,0.00,0.00,150.00" --date 2026-10-31 --min-balance 0
list_is "--date 2026-12-15 --flag medical: the certificate's last day" "1005,\"Eve Evans, Jr.\",active,residential,150.00,150.00,208,0.00,0.00,0.00,0.00,150.00" --date 2026-12-15 --flag medical
list_is "--date 2026-12-16 --flag medical: the certificate has run out" "" --date 2026-12-16 --flag medical

# the buckets: each row's sum to its balance, and each column's total too
acct-list > "$T/all.csv"
sums=$(sed 's/"[^"]*"/name/' "$T/all.csv" | awk -F, 'NR > 1 {
	b = sprintf("%.0f", $5 * 100); s = 0
	for (i = 8; i <= 12; i++) { c = sprintf("%.0f", $i * 100); s += c; col[i] += c }
	if (s != b) bad = bad " " $1
	total += b
} END {
	printf "%d", total
	for (i = 8; i <= 12; i++) printf " %d", col[i]
	printf " %d|%s", col[8] + col[9] + col[10] + col[11] + col[12], bad
}')
is "54000 9000 10000 10000 10000 15000 54000|" "$sums" "the bucket columns' totals sum to the total of balances (540.00), every row too"
sums=$(sed 's/"[^"]*"/name/' "$T/all.csv" | awk -F, 'NR > 1 {
	a = sprintf("%.0f", $6 * 100); s = 0
	for (i = 9; i <= 12; i++) s += sprintf("%.0f", $i * 100)
	if (s != a) bad = bad " " $1
} END { printf "arrears|%s", bad }')
is "arrears|" "$sums" "every row's arrears are its past-due buckets"

# a status changed since: the filter sees it
acct-edit --status off 1004 >/dev/null 2>&1
list_is "--status off: the account switched off" "1004,Dan Dunn,off,commercial,120.00,0.00,0,120.00,0.00,0.00,0.00,0.00" --status off

# usage
bad() {	# DESC MESSAGE OPTION...
	desc=$1 msg=$2
	shift 2
	run acct-list "$@"
	status_is 2 "$desc: exit 2"
	err_is "acct-list: $msg
Try 'acct-list --help'." "$desc: says why"
}
bad "--min-balance 12.345" "option --min-balance: '12.345': more than two decimals" --min-balance 12.345
bad "--min-balance 1,000" "option --min-balance: '1,000': thousands separators are not allowed" --min-balance 1,000
bad "--min-arrears \$5" "option --min-arrears: '\$5': currency signs are not allowed" --min-arrears '$5'
bad "--days-past-due x" "option --days-past-due: 'x': not a whole number" --days-past-due x
bad "--days-past-due -1" "option --days-past-due: '-1': not between 0 and 100000" --days-past-due -1
bad "--flag foo" "option --flag: 'foo': not heat, life_support, ebd or medical" --flag foo
bad "--status gone" "option --status: 'gone': not one of active, off, final, closed" --status gone
bad "--rate-class a.b" "option --rate-class: 'a.b': letters, digits, '-' and '_' only" --rate-class a.b
bad "--date 2026-02-30" "date '2026-02-30': no such day" --date 2026-02-30
bad "--format xml" "option --format: 'xml': not csv or table" --format xml
bad "an operand" "no operands are taken: '1002'" 1002

run acct-list --format table
status_is 0 "--format table: exit 0"
out_has "account" "--format table on a pipe makes a table"

run acct-list -d "$T/none.db"
status_is 1 "a missing store: exit 1"
err_has "acct-db init" "a missing store: says how to make one"

run acct-list --no-such-option
status_is 2 "a bad option: exit 2"
err_has "Try 'acct-list --help'." "a bad option: points to --help"

run acct-list --help
status_is 0 "--help: exit 0"
out_has "Usage: acct-list" "--help: usage on stdout"
err_empty "--help: nothing on stderr"

run acct-list --version
status_is 0 "--version: exit 0"
out_has "acct-list (acctkit) " "--version names the program and the package"

done_testing
