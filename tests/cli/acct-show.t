#!/bin/sh
# acct-show: summaries, aging as of a date, history, input rules, errors.
. "$top_srcdir/tests/cli/lib.sh"
make_store

run acct-show 1002
status_is 0 "1002: shown"
out_is 'account,name,service_address,mailing_address,phone,email,rate_class,status,opened_on,heat,life_support,ebd,medical_until,balance,arrears,days_past_due,current,d1_30,d31_60,d61_90,d91_plus,last_payment_on,last_payment,plan,next_due_on,next_due,dispute,open_cases,open_orders,last_contact_on
1002,Bob Baker,2 Elm St,PO Box 2,555-0102,,residential,active,2019-06-01,yes,no,no,,300.00,300.00,67,0.00,100.00,100.00,100.00,0.00,2026-08-20,100.00,,,,no,0,0,' "1002: FIFO aging in three buckets"
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

# --explain: adjustments, fees, deposits and reversals in the customer's words
acct-adjust --reason MR 1002 -45.00 >/dev/null 2>&1 &&
acct-adjust --reverse 14 >/dev/null 2>&1 &&
acct-adjust --reverse 6 --memo "check returned unpaid" >/dev/null 2>&1 &&
printf 'account,posted_on,kind,amount,ref,memo\n1003,2026-11-12,fee,5.00,F1,Late payment charge\n1003,2026-11-13,deposit,-20.00,D1,\n' |
	ledger-post -s billing >/dev/null 2>&1 &&
acct-adjust --reason DEP 1003 -10.00 >/dev/null 2>&1 ||
	{ echo "Bail out! cannot post the entries to explain"; exit 1; }
run acct-show --explain 1002 1003 1004
status_is 0 "--explain: exit 0"
out_is 'account,entry,posted_on,explanation
1002,14,2026-11-27,On 2026-11-27 we credited $45.00 because your meter had been read wrongly and a bill did not match your actual use (reason MR).
1002,15,2026-11-27,"On 2026-11-27 we cancelled the credit of $45.00 from 2026-11-27, which we had given because your meter had been read wrongly and a bill did not match your actual use (reason MR)."
1002,16,2026-11-27,"On 2026-11-27 your payment of $100.00 made on 2026-08-20 was returned, so we added $100.00 back to your balance. Note: check returned unpaid."
1003,17,2026-11-12,On 2026-11-12 we charged a fee of $5.00. Note: Late payment charge.
1003,18,2026-11-13,On 2026-11-13 we applied $20.00 of your security deposit to your account.
1003,19,2026-11-27,On 2026-11-27 we credited $10.00 because your security deposit has been applied to your account (reason DEP).
1004,,,"Nothing to explain: no adjustments, fees, deposits or reversals up to 2026-11-27."' "--explain: an adjustment, its reversal, a returned payment, a fee, deposits; charges and payments left out"
err_empty "--explain: nothing on stderr"

run acct-show --explain --format table 1002 1004
out_is 'Account 1002, Bob Baker
  On 2026-11-27 we credited $45.00 because your meter had been read wrongly and a bill did not match your actual use (reason MR).
  On 2026-11-27 we cancelled the credit of $45.00 from 2026-11-27, which we had given because your meter had been read wrongly and a bill did not match your actual use (reason MR).
  On 2026-11-27 your payment of $100.00 made on 2026-08-20 was returned, so we added $100.00 back to your balance. Note: check returned unpaid.

Account 1004, Dan Dunn
  Nothing to explain: no adjustments, fees, deposits or reversals up to 2026-11-27.
' "--explain on a terminal: the sentences under each account"

run acct-show --explain --date 2026-11-12 1003
out_is 'account,entry,posted_on,explanation
1003,17,2026-11-12,On 2026-11-12 we charged a fee of $5.00. Note: Late payment charge.' "--explain --date: only the entries up to that date"

run acct-show --explain 1004 9999
status_is 1 "--explain of an unknown account: exit 1"
err_is "acct-show: account '9999': no such account" "--explain of an unknown account: named"

run acct-show --explain --history 1002
status_is 2 "--explain with --history: exit 2"
err_has "one of --contacts, --explain and --history" "--explain with --history: says so"
run acct-show --contacts --explain 1002
status_is 2 "--contacts with --explain: exit 2"

# contacts (contact-log writes them)
run acct-show --contacts 1002
status_is 0 "--contacts with none: exit 0"
out_is "account,contact,on_date,at,channel,kind,note,clerk" "--contacts with none: the header alone"
"$SQLITE3" "$ACCTKIT_DB" "INSERT INTO contacts (account, on_date, at, channel, kind, note, login) VALUES ('1002', '2026-11-20', '2026-11-20T15:00:00Z', 'phone', 'inquiry', 'asked about the bill', 'ann'), ('1002', '2026-06-01', '2026-06-01T15:00:00Z', 'phone', 'inquiry', 'long ago', 'ann'), ('1002', '2026-11-25', '2026-11-25T15:00:00Z', 'field', 'contact-attempt', 'no one home', 'bob')"
run acct-show --contacts 1002
out_is "account,contact,on_date,at,channel,kind,note,clerk
1002,3,2026-11-25,2026-11-25T15:00:00Z,field,contact-attempt,no one home,bob
1002,1,2026-11-20,2026-11-20T15:00:00Z,phone,inquiry,asked about the bill,ann" "--contacts: the last 90 days, newest first"
run acct-show 1002
out_has ",no,0,0,2026-11-25" "the summary names the last contact"

# a billing dispute: open, then held after it closes
"$SQLITE3" "$ACCTKIT_DB" "INSERT INTO cases (number, year, seq, account, category, channel, summary, status, opened_on, due_on, login) VALUES ('C2026-00001', 2026, 1, '1002', 'billing', 'phone', 'bill too high', 'open', '2026-11-20', '2026-12-20', 'ann')"
run acct-show 1002
out_has ",open,1,0," "an open billing case: a dispute"
"$SQLITE3" "$ACCTKIT_DB" "UPDATE cases SET status = 'closed', closed_on = '2026-11-22' WHERE number = 'C2026-00001'"
run acct-show 1002
out_has ",until 2026-12-07,0,0," "closed on 11-22: held 15 days more"
run acct-show --date 2026-12-08 1002
out_has ",no,0,0," "the hold over the day after"

done_testing
