#!/bin/sh
# case-list: selections, days open and overdue on fixed dates; read only.
. "$top_srcdir/tests/cli/lib.sh"
make_store
{
	case-open --date 2026-10-01 1002 --category billing --channel phone --summary "bill too high" &&
	case-open --date 2026-11-10 1003 --category service --channel phone --summary "no water" &&
	case-open --date 2026-11-26 1001 --category shutoff --channel in-person --summary "notice, paid" &&
	case-open --date 2026-11-01 1005 --category meter --channel mail --summary "meter, broken seal" &&
	case-open --date 2026-11-20 1004 --category other --channel email --summary "rude crew" &&
	case-note C2026-00002 --note "crew sent" --status investigating &&
	case-close --date 2026-11-15 C2026-00004 --resolution "seal replaced"
} >/dev/null 2>&1 || { echo "Bail out! cannot open the cases"; exit 1; }

header=case,account,category,status,opened_on,due_on,days_open,days_overdue,summary
store_dump > "$T/before"

run case-list
status_is 0 "every case: exit 0"
out_is "$header
C2026-00001,1002,billing,open,2026-10-01,2026-10-31,57,27,bill too high
C2026-00004,1005,meter,closed,2026-11-01,2026-11-11,14,4,\"meter, broken seal\"
C2026-00002,1003,service,investigating,2026-11-10,2026-11-20,17,7,no water
C2026-00003,1001,shutoff,open,2026-11-26,2026-11-27,1,0,\"notice, paid\"
C2026-00005,1004,other,open,2026-11-20,2026-12-20,7,0,rude crew" "by due date; a closed case counted to the day it closed"
err_empty "nothing on stderr"
cp "$T/out" "$T/first"

run case-list
is "" "$(cmp "$T/first" "$T/out")" "listing twice gives the same"

run case-list --overdue
out_is "$header
C2026-00001,1002,billing,open,2026-10-01,2026-10-31,57,27,bill too high
C2026-00002,1003,service,investigating,2026-11-10,2026-11-20,17,7,no water" "--overdue: open and due before the date; due today is not overdue"

run case-list --overdue --date 2026-11-28
out_is "$header
C2026-00001,1002,billing,open,2026-10-01,2026-10-31,58,28,bill too high
C2026-00002,1003,service,investigating,2026-11-10,2026-11-20,18,8,no water
C2026-00003,1001,shutoff,open,2026-11-26,2026-11-27,2,1,\"notice, paid\"" "--overdue the next day: the shut-off case too"

ACCTKIT_TODAY=2026-11-01 run case-list --overdue
out_is "$header
C2026-00001,1002,billing,open,2026-10-01,2026-10-31,31,1,bill too high" "--overdue on 2026-11-01 from ACCTKIT_TODAY: one day over"

run case-list --overdue --date 2026-10-31
out_is "$header" "--overdue on the due date itself: none, exit 0"
status_is 0 "nothing matches: exit 0"
run case-list --overdue --date 2026-10-31 --format table
is 0 "$(wc -c < "$T/out" | tr -d ' ')" "nothing matches in a table: nothing written (cron mails nothing)"

run case-list --due-within 0
out_is "$header
C2026-00001,1002,billing,open,2026-10-01,2026-10-31,57,27,bill too high
C2026-00002,1003,service,investigating,2026-11-10,2026-11-20,17,7,no water
C2026-00003,1001,shutoff,open,2026-11-26,2026-11-27,1,0,\"notice, paid\"" "--due-within 0: open and due on or before the date"

run case-list --due-within 23
out_has "C2026-00005," "--due-within 23: due 2026-12-20 is within"
run case-list --due-within 22
is 4 "$(wc -l < "$T/out" | tr -d ' ')" "--due-within 22: it is not"

run case-list --open
is "C2026-00001 C2026-00002 C2026-00003 C2026-00005" "$(tail -n +2 "$T/out" | cut -d, -f1 | tr '\n' ' ' | sed 's/ $//')" "--open leaves out the closed case"

run case-list --account 1002
is "C2026-00001" "$(tail -n +2 "$T/out" | cut -d, -f1)" "--account"

run case-list --category meter
out_is "$header
C2026-00004,1005,meter,closed,2026-11-01,2026-11-11,14,4,\"meter, broken seal\"" "--category"

run case-list --category meter --open
out_is "$header" "--category meter --open: none"
status_is 0 "--category meter --open: exit 0"

run case-list --account 1004 --category other --open --due-within 30
out_has "C2026-00005,1004,other,open" "every condition at once"

COLUMNS=132 run case-list --overdue --format table
out_is "case         account  category  status         opened_on   due_on      days_open  days_overdue  summary
-----------  -------  --------  -------------  ----------  ----------  ---------  ------------  -------------
C2026-00001  1002     billing   open           2026-10-01  2026-10-31         57            27  bill too high
C2026-00002  1003     service   investigating  2026-11-10  2026-11-20         17             7  no water" "--format table"

run case-list --overdue --account 1002 --format table
out_is "case          C2026-00001
account       1002
category      billing
status        open
opened_on     2026-10-01
due_on        2026-10-31
days_open     57
days_overdue  27
summary       bill too high" "--format table wider than 80 columns: one record at a time"

store_dump > "$T/after"
is "" "$(cmp "$T/before" "$T/after")" "listing changed nothing in the store"

run case-list --account 9999
status_is 1 "an unknown account: exit 1"
err_is "case-list: account '9999': no such account" "an unknown account: named"

run case-list --category water
status_is 2 "a bad category: exit 2"
err_is "case-list: option --category: 'water': not billing, service, meter, shutoff or other
Try 'case-list --help'." "a bad category: the message"

run case-list --due-within -1
status_is 2 "a negative --due-within: exit 2"
err_has "option --due-within: '-1'" "a negative --due-within: quoted"

run case-list --due-within soon
status_is 2 "a word for --due-within: exit 2"
err_has "option --due-within: 'soon': not a whole number" "a word for --due-within: the message"

run case-list C2026-00001
status_is 2 "an operand: exit 2"

run case-list --date 2026-02-29
status_is 2 "a bad --date: exit 2"

run case-list -d "$T/none.db"
status_is 1 "a missing store: exit 1"

run case-list --no-such-option
status_is 2 "a bad option: exit 2"
err_has "Try 'case-list --help'." "a bad option: points to --help"

run case-list --help
status_is 0 "--help: exit 0"
out_has "Usage: case-list [--account A] [--category C]" "--help: the synopsis"

run case-list --version
out_has "acctkit" "--version names the package"

done_testing
