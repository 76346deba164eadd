#!/bin/sh
# plan-calc: schedules to the cent, dates, --account, --shift, refusals.
. "$top_srcdir/tests/cli/lib.sh"

header='seq,due_on,amount,principal,interest,balance'

# no store: plan-calc is arithmetic
run plan-calc --amount 1000 --count 3
status_is 0 "thirds: exit 0 without a store"
out_is "$header
1,2026-12-27,333.33,333.33,0.00,666.67
2,2027-01-27,333.33,333.33,0.00,333.34
3,2027-02-27,333.34,333.34,0.00,0.00" "thirds: the last takes the cent left over, monthly from a month after the business date"
err_empty "thirds: nothing on stderr"
is no "$(test -e "$ACCTKIT_DB" && echo yes || echo no)" "no store was made"

run plan-calc --amount 500.00 --down 120 --count 4 --every 2weeks
out_is "$header
0,2026-11-27,120.00,120.00,0.00,380.00
1,2026-12-11,95.00,95.00,0.00,285.00
2,2026-12-25,95.00,95.00,0.00,190.00
3,2027-01-08,95.00,95.00,0.00,95.00
4,2027-01-22,95.00,95.00,0.00,0.00" "--down: row 0 on the agreement date; every two weeks"

run plan-calc --amount 99.99 --down 25% --count 2 --every week
out_is "$header
0,2026-11-27,24.99,24.99,0.00,75.00
1,2026-12-04,37.50,37.50,0.00,37.50
2,2026-12-11,37.50,37.50,0.00,0.00" "--down 25%: 24.9975 rounded down, as plan-agree does; weekly"

run plan-calc --amount 1000 --rate 1 --count 12 --first 2027-01-15
out_is "$header
1,2027-01-15,88.85,78.85,10.00,921.15
2,2027-02-15,88.85,79.64,9.21,841.51
3,2027-03-15,88.85,80.43,8.42,761.08
4,2027-04-15,88.85,81.24,7.61,679.84
5,2027-05-15,88.85,82.05,6.80,597.79
6,2027-06-15,88.85,82.87,5.98,514.92
7,2027-07-15,88.85,83.70,5.15,431.22
8,2027-08-15,88.85,84.54,4.31,346.68
9,2027-09-15,88.85,85.38,3.47,261.30
10,2027-10-15,88.85,86.24,2.61,175.06
11,2027-11-15,88.85,87.10,1.75,87.96
12,2027-12-15,88.84,87.96,0.88,0.00" "--rate 1: level 88.85, interest on the opening balance, the last clears it"

run plan-calc --amount 250 --down 50 --count 2 --rate 1.5% --round 10
out_is "$header
0,2026-11-27,50.00,50.00,0.00,200.00
1,2026-12-27,100.00,97.00,3.00,103.00
2,2027-01-27,104.55,103.00,1.55,0.00" "--rate with --round: 102.13 made 100.00, the last clears the balance"

run plan-calc --amount 1000 --count 3 --round 1.00
out_is "$header
1,2026-12-27,333.00,333.00,0.00,667.00
2,2027-01-27,333.00,333.00,0.00,334.00
3,2027-02-27,334.00,334.00,0.00,0.00" "--round 1.00: whole dollars, the rest on the last"

run plan-calc --amount 400 --count 4 --date 2026-01-10 --first 2026-01-31
out_is "$header
1,2026-01-31,100.00,100.00,0.00,300.00
2,2026-02-28,100.00,100.00,0.00,200.00
3,2026-03-31,100.00,100.00,0.00,100.00
4,2026-04-30,100.00,100.00,0.00,0.00" "--first Jan 31: month ends, the day kept"

run plan-calc --amount 400 --count 3 --date 2028-01-05 --first 2028-01-31
out_has "2,2028-02-29," "a leap year's February 29"

run plan-calc --amount 90 --count 3 --format table
status_is 0 "--format table"
out_is 'seq  due_on      amount  principal  interest  balance
---  ----------  ------  ---------  --------  -------
  1  2026-12-27   30.00      30.00      0.00    60.00
  2  2027-01-27   30.00      30.00      0.00    30.00
  3  2027-02-27   30.00      30.00      0.00     0.00
total 90.00: principal 90.00, interest 0.00' "a table ends with the total"

run plan-calc --amount 1000 --rate 1 --count 12 --down 100 --format table
out_has 'total 1059.56: principal 1000.00, interest 59.56' "the total counts the down payment and the interest"

# --shift without a store: weekends only, said once
run plan-calc --amount 90 --count 3 --every week --date 2026-11-01 --first 2026-11-21 --shift next
status_is 0 "--shift without a store: exit 0"
out_is "$header
1,2026-11-23,30.00,30.00,0.00,60.00
2,2026-11-30,30.00,30.00,0.00,30.00
3,2026-12-07,30.00,30.00,0.00,0.00" "--shift next: Saturdays to Mondays"
err_is "plan-calc: no store '$ACCTKIT_DB': due dates moved off weekends only, not holidays" "says once that holidays are not known"
run plan-calc --amount 90 --count 3 --every week --date 2026-11-01 --first 2026-11-19 --shift next
out_has "2,2026-11-26," "without a store, Thanksgiving is a business day"

# with the store: holidays, accounts
make_store
acct-db holidays load "$top_srcdir/data/holidays/us-federal.csv" 2>/dev/null ||
	{ echo "Bail out! cannot load the holidays"; exit 1; }
store_dump > "$T/before"

run plan-calc --amount 90 --count 3 --every week --date 2026-11-01 --first 2026-11-19 --shift next
out_is "$header
1,2026-11-19,30.00,30.00,0.00,60.00
2,2026-11-27,30.00,30.00,0.00,30.00
3,2026-12-03,30.00,30.00,0.00,0.00" "--shift next: Thanksgiving to the Friday"
err_empty "--shift with a store: nothing on stderr"

run plan-calc --amount 90 --count 3 --every week --first 2026-12-18 --shift previous
out_is "$header
1,2026-12-18,30.00,30.00,0.00,60.00
2,2026-12-24,30.00,30.00,0.00,30.00
3,2026-12-31,30.00,30.00,0.00,0.00" "--shift previous: Christmas and New Year's Day to the Thursdays"

run plan-calc --account 1002 --count 3
status_is 0 "--account: exit 0"
out_is "$header
1,2026-12-27,100.00,100.00,0.00,200.00
2,2027-01-27,100.00,100.00,0.00,100.00
3,2027-02-27,100.00,100.00,0.00,0.00" "--account 1002: its arrears, 300.00"
err_empty "--account: nothing on stderr"

run plan-calc --account 1005 --balance --down 50% --count 2
out_is "$header
0,2026-11-27,75.00,75.00,0.00,75.00
1,2026-12-27,37.50,37.50,0.00,37.50
2,2027-01-27,37.50,37.50,0.00,0.00" "--account --balance --down 50%"

run plan-calc --account 1004 --count 3
status_is 1 "an account with no arrears: exit 1"
err_is "plan-calc: account '1004': no arrears as of 2026-11-27 (balance 120.00, not yet past due)" "says so, with the balance"
is 0 "$(wc -c < "$T/out" | tr -d ' ')" "no schedule"

run plan-calc --account 1004 --balance --count 2
out_has "2,2027-01-27,60.00,60.00,0.00,0.00" "--balance plans what is not yet due"

run plan-calc --account 1004 --date 2026-12-31 --count 2
out_has "1,2027-01-31,60.00," "--date: the arrears as of that date"

run plan-calc --account 1003 --balance --count 3
status_is 1 "a credit balance: exit 1"
err_is "plan-calc: account '1003': nothing owed as of 2026-11-27 (balance -30.00)" "nothing owed"

run plan-calc --account 9999 --count 3
status_is 1 "an unknown account: exit 1"
err_is "plan-calc: account '9999': no such account" "the unknown account is named"

run plan-calc --account 1002 --down 400 --count 3
status_is 2 "a down payment above the arrears: exit 2"
err_is "plan-calc: option --down: '400': above the amount 300.00
Try 'plan-calc --help'." "names the down payment and the arrears"

run plan-calc -d "$T/none.db" --account 1002 --count 3
status_is 1 "--account without a store: exit 1"
err_has "acct-db init" "says how to make one"

is "$(cat "$T/before")" "$(store_dump)" "the store did not change"

# a shift that would make two installments one: a week of holidays
printf 'day,name\n2027-03-22,A\n2027-03-23,B\n2027-03-24,C\n2027-03-25,D\n2027-03-26,E\n2027-03-29,F\n' > "$T/week.csv"
acct-db holidays load "$T/week.csv" 2>/dev/null ||
	{ echo "Bail out! cannot load the holidays"; exit 1; }
run plan-calc --amount 90 --count 3 --every week --first 2027-03-22 --shift next
status_is 2 "two due dates made one: exit 2"
err_is "plan-calc: cannot work out a schedule: moved to the next business day, installments 1 and 2 would both be due on 2027-03-30" "says which installments and the day"
is 0 "$(wc -c < "$T/out" | tr -d ' ')" "no schedule written"

# refusals: the message names the option and the value, exit 2
refused() {	# MESSAGE ARG...
	msg=$1; shift
	run plan-calc "$@"
	status_is 2 "$*: exit 2"
	err_is "plan-calc: $msg
Try 'plan-calc --help'." "$*: $msg"
}
refused "option --count: '0': not between 1 and 1200" --amount 1000 --count 0
refused "option --count: 'x': not a whole number" --amount 1000 --count x
refused "option --count: '1201': not between 1 and 1200" --amount 1000 --count 1201
refused "option --amount: '-5': not above zero" --amount -5 --count 3
refused "option --amount: '0': not above zero" --amount 0 --count 3
refused "option --amount: '12.345': more than two decimals" --amount 12.345 --count 3
refused "option --amount: '\$12': currency signs are not allowed" --amount '$12' --count 3
refused "option --down: '1200': above the amount 1000.00" --amount 1000 --down 1200 --count 3
refused "option --down: '1000': the whole amount 1000.00, nothing left for installments" --amount 1000 --down 1000 --count 3
refused "option --down: '100%': the whole amount 1000.00, nothing left for installments" --amount 1000 --down 100% --count 3
refused "option --down: '-5': below zero" --amount 1000 --down -5 --count 3
refused "option --down: '1.005': more than two decimals" --amount 1000 --down 1.005 --count 3
refused "option --down: '150%': not a share from 0% to 100%" --amount 1000 --down 150% --count 3
refused "option --down: 'abc': not a number" --amount 1000 --down abc --count 3
refused "option --rate: '101': above 100" --amount 1000 --count 3 --rate 101
refused "option --rate: '-1': below 0" --amount 1000 --count 3 --rate -1
refused "option --rate: 'abc': not a number" --amount 1000 --count 3 --rate abc
refused "option --rate: '1.1234567': more than six decimals" --amount 1000 --count 3 --rate 1.1234567
refused "option --round: '0': not above zero" --amount 1000 --count 3 --round 0
refused "option --round: '0.001': more than two decimals" --amount 1000 --count 3 --round 0.001
refused "option --every: 'monthly': not month, 2weeks or week" --amount 1000 --count 3 --every monthly
refused "option --shift: 'later': not next, previous or none" --amount 1000 --count 3 --shift later
refused "option --first: '2026-02-30': no such day" --amount 1000 --count 3 --first 2026-02-30
refused "option --first: '2026-11-26': before the agreement date 2026-11-27" --amount 1000 --count 3 --first 2026-11-26
refused "option --account: 'a b': letters, digits and '-' only" --account 'a b' --count 3
refused "option --format: 'xml': not csv or table" --amount 1000 --count 3 --format xml
refused "no --count given" --amount 1000
refused "no --amount or --account given" --count 3
refused "--account and --amount do not go together" --amount 1000 --account 1002 --count 3
refused "--balance goes with --account" --amount 1000 --balance --count 3
refused "no operands are taken: 'extra'" --amount 1000 --count 3 extra

run plan-calc --amount 0.02 --count 3
status_is 2 "installments of zero: exit 2"
err_is "plan-calc: cannot work out a schedule: an installment would be zero: 0.02 in 3 installments" "installments of zero: says why"
run plan-calc --amount 5 --count 3 --round 10
err_is "plan-calc: cannot work out a schedule: an installment would be zero: 5.00 in 3 installments in multiples of 10.00" "--round too big for the amount"

run plan-calc --amount 1000 --count 3 --date 2026-13-01
status_is 2 "a bad --date: exit 2"
err_has "2026-13-01" "the bad date is quoted"

run plan-calc --no-such-option
status_is 2 "a bad option: exit 2"
err_has "Usage: plan-calc (--account ACCOUNT [--balance] | --amount AMT) --count N" "a bad option: the synopsis"
err_has "Try 'plan-calc --help'." "points to --help"

run plan-calc --help
status_is 0 "--help: exit 0"
out_has "Usage: plan-calc" "--help: usage on stdout"
out_has "--shift S" "--help: every option"
err_empty "--help: nothing on stderr"

run plan-calc --version
status_is 0 "--version: exit 0"
out_has "acctkit" "--version names the package"

run sh -c 'plan-calc --amount 10 --count 1 >/dev/full'
status_is 1 "a write error: exit 1"
err_has "write error" "a write error is said"

done_testing
