#!/bin/sh
# acct-show: summaries, aging as of a date, history, input rules, errors.
. "$top_srcdir/tests/cli/lib.sh"
make_store

run acct-show 1002
status_is 0 "1002: shown"
out_is 'account,name,service_address,mailing_address,phone,email,rate_class,status,opened_on,heat,life_support,ebd,medical_until,balance,arrears,days_past_due,current,d1_30,d31_60,d61_90,d91_plus,last_payment_on,last_payment
1002,Bob Baker,2 Elm St,PO Box 2,555-0102,,residential,active,2019-06-01,yes,no,no,,300.00,300.00,67,0.00,100.00,100.00,100.00,0.00,2026-08-20,100.00' "1002: FIFO aging in three buckets"
err_empty "1002: nothing on stderr"

run acct-show 1005
out_has ',yes,yes,no,2026-12-15,150.00,150.00,190,0.00,0.00,0.00,0.00,150.00,2026-06-01,50.00' "1005: two debits of a day, 190 days past due"

run acct-show 1003
out_has ',-30.00,0.00,0,-30.00,0.00,0.00,0.00,0.00,2026-11-10,80.00' "1003: a credit balance is all current"

run acct-show --date 2026-10-31 1002
out_has ',200.00,200.00,40,0.00,100.00,100.00,0.00,0.00,2026-08-20,100.00' "--date: the balance and aging as of an earlier day"

run acct-show 1001 9999 1004
status_is 1 "an unknown account among others: exit 1"
err_is 'acct-show: account '\''9999'\'': no such account' "the unknown account is named"
is 3 "$(wc -l < "$T/out" | tr -d ' ')" "the other two are shown"

printf 'name,account\nx,1002\ny,1004\n' > "$T/in.csv"
run acct-show < "$T/in.csv"
status_is 0 "accounts from CSV on stdin, the column found by name"
is "1002 1004" "$(cut -d, -f1 "$T/out" | tail -n +2 | tr '\n' ' ' | sed 's/ $//')" "in input order"

printf 'name\nx\n' > "$T/in.csv"
run acct-show < "$T/in.csv"
status_is 65 "stdin without an account column: exit 65"
err_is "acct-show: stdin:1: no 'account' column" "says which column is missing"

run acct-show --history 1002
status_is 0 "--history"
out_is 'account,entry,posted_on,kind,amount,balance,source,ref,reason,reverses,memo
1002,4,2026-08-01,charge,100.00,100.00,billing,B202608-1002,,,August bill
1002,6,2026-08-20,payment,-100.00,0.00,lockbox,L20260820-1,,,
1002,8,2026-09-01,charge,100.00,100.00,billing,B202609-1002,,,September bill
1002,9,2026-10-01,charge,100.00,200.00,billing,B202610-1002,,,October bill
1002,11,2026-11-01,charge,100.00,300.00,billing,B202611-1002,,,November bill' "--history: entries with a running balance"

run acct-show --format table 1004
out_has "balance" "--format table on a pipe makes a table"

run acct-show --date 2026-02-30 1002
status_is 2 "a bad --date: exit 2"
err_has "2026-02-30" "the bad date is quoted"

run acct-show --no-such-option
status_is 2 "a bad option: exit 2"
err_has "Try 'acct-show --help'." "points to --help"

run acct-show --help
status_is 0 "--help: exit 0"
out_has "Usage: acct-show" "--help: usage on stdout"

run acct-show --version
out_has "acctkit" "--version names the package"

run acct-show -d "$T/none.db" 1001
status_is 1 "a missing store: exit 1"
err_has "acct-db init" "says how to make one"

done_testing
