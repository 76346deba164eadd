#!/bin/sh
# ledger-post: posting, idempotence, every kind of bad row, all or nothing,
# --source, the sign of payments, -n, stdin, CRLF and BOM.
. "$top_srcdir/tests/cli/lib.sh"


acct-db init 2>/dev/null &&
acct-import "$fixtures/accounts.csv" >/dev/null 2>&1 ||
	{ echo "Bail out! cannot make a store"; exit 1; }

run ledger-post "$fixtures/ledger.csv"
status_is 0 "the fixture ledger: posted"
err_is "ledger-post: posted 13, already posted 0" "the summary line on stderr"
out_empty "nothing on stdout"
is 13 "$(sql "SELECT count(*) FROM entries")" "13 entries in the store"
is "posted 13 entries from $fixtures/ledger.csv (already posted 0)" "$(sql "SELECT what FROM audit WHERE program = 'ledger-post'")" "audited"
is "1002|2026-08-20|payment|-10000|lockbox|L20260820-1" "$(sql "SELECT account, posted_on, kind, amount, source, ref FROM entries WHERE id = 6")" "a payment written positive is stored as a credit"
is "1001|2026-08-20|payment|-6000|lockbox|L20260820-2" "$(sql "SELECT account, posted_on, kind, amount, source, ref FROM entries WHERE id = 7")" "a payment written negative is stored as a credit"
is "1005|2026-05-01|charge|12000|billing|B202605-1005|May bill" "$(sql "SELECT account, posted_on, kind, amount, source, ref, memo FROM entries WHERE id = 1")" "a charge is stored as a debit, with its memo"
run acct-show 1002
out_has ',300.00,300.00,67,0.00,100.00,100.00,100.00,0.00,2026-08-20,100.00' "the balances are those of the README"
run acct-db check
status_is 0 "the materialized balances are the sums of the entries"

store_dump > "$T/before"
run ledger-post "$fixtures/ledger.csv"
status_is 0 "the same file again: exit 0"
err_is "ledger-post: posted 0, already posted 13" "the same file again: posts nothing, says how many were there"
is 13 "$(sql "SELECT count(*) FROM entries")" "the same file again: still 13 entries"
is "posted 0 entries from $fixtures/ledger.csv (already posted 13)" "$(sql "SELECT what FROM audit ORDER BY id DESC LIMIT 1")" "the same file again: audited"

H='account,posted_on,kind,amount,ref,source'

printf '%s\n' "$H" '1002,2026-11-20,payment,50.00,L20260820-1,lockbox' > "$T/reuse.csv"
store_dump > "$T/before"
run ledger-post "$T/reuse.csv"
status_is 65 "a reference reused with other values: exit 65"
err_is "ledger-post: $T/reuse.csv:2: column 'ref': 'L20260820-1' of source 'lockbox' was posted before as entry 6 (account 1002, 2026-08-20, payment -100.00) with other values" "a reference reused: the entry it clashes with"
unchanged "a reference reused: the store is unchanged"

printf '%s\n' "$H" '1004,2026-11-20,charge,5.00,R1,t' '1004,2026-11-21,charge,6.00,R1,t' > "$T/twice.csv"
run ledger-post "$T/twice.csv"
status_is 65 "a reference used twice in one file with other values: exit 65"
err_is "ledger-post: $T/twice.csv:3: column 'ref': 'R1' of source 't' was posted before as entry 14 (account 1004, 2026-11-20, charge 5.00) with other values" "a reference used twice in one file: the second row named"
unchanged "a reference used twice in one file: nothing posted"

# bad rows: exit 65, FILE:LINE: column 'X': ..., nothing posted
bad() {	# DESC ROW MESSAGE
	printf '%s\n%s\n' "$H" "$2" > "$T/bad.csv"
	store_dump > "$T/before"
	run ledger-post "$T/bad.csv"
	status_is 65 "$1: exit 65"
	err_is "ledger-post: $T/bad.csv:2: $3" "$1: file, line, column, why"
	unchanged "$1: nothing posted"
}
bad "three decimals" '1004,2026-11-20,charge,12.345,X1,t' "column 'amount': '12.345': more than two decimals"
bad "a thousands separator" '1004,2026-11-20,charge,"1,000.00",X1,t' "column 'amount': '1,000.00': thousands separators are not allowed"
bad "a currency sign" '1004,2026-11-20,charge,$5,X1,t' "column 'amount': '\$5': currency signs are not allowed"
bad "an amount too large" '1004,2026-11-20,charge,10000000000.01,X1,t' "column 'amount': '10000000000.01': beyond the limit of 10000000000.00"
bad "not a number" '1004,2026-11-20,charge,abc,X1,t' "column 'amount': 'abc': not a number"
bad "an empty amount" '1004,2026-11-20,charge,,X1,t' "column 'amount': '': empty"
bad "a zero amount" '1004,2026-11-20,charge,0.00,X1,t' "column 'amount': '0.00': zero is not an amount"
bad "a negative charge" '1004,2026-11-20,charge,-5.00,X1,t' "column 'amount': '-5.00': a charge must be above zero"
bad "no such day" '1004,2026-02-30,charge,5.00,X1,t' "column 'posted_on': '2026-02-30': no such day"
bad "not a date" '1004,11/20/2026,charge,5.00,X1,t' "column 'posted_on': '11/20/2026': not a date (YYYY-MM-DD)"
bad "a date after the business date" '1004,2026-11-28,charge,5.00,X1,t' "column 'posted_on': '2026-11-28': after the business date 2026-11-27"
bad "an unknown kind" '1004,2026-11-20,bonus,5.00,X1,t' "column 'kind': 'bonus': not charge, payment, fee, adjustment, refund or deposit"
bad "an unknown account" '9999,2026-11-20,charge,5.00,X1,t' "column 'account': '9999': no such account"
bad "a bad account number" '10 04,2026-11-20,charge,5.00,X1,t' "column 'account': '10 04': letters, digits and '-' only"
bad "an empty ref" '1004,2026-11-20,charge,5.00,,t' "column 'ref': empty: every entry needs a reference, so that posting a file twice is safe"
bad "a receipt number's form under source counter" '1004,2026-11-20,charge,5.00,R2026-000001,counter' "column 'ref': 'R2026-000001' under source 'counter' has the form of a receipt number, the ref pay-post gives its counter payments"
bad "an empty source and no --source" '1004,2026-11-20,charge,5.00,X1,' "column 'source': empty and no --source given"
bad "a field short" '1004,2026-11-20,charge,5.00,X1' "5 fields, the header has 6"
bad "a field too many" '1004,2026-11-20,charge,5.00,X1,t,x' "7 fields, the header has 6"
bad "an unclosed quote" '1004,2026-11-20,charge,"5.00,X1,t' "a quote is never closed"
bad "a quote in an unquoted field" '1004,2026-11-20,charge,5.00,X"1,t' "column 'ref': a quote in an unquoted field"

printf 'account,posted_on,kind,amount,source\n1004,2026-11-20,charge,5.00,t\n' > "$T/noref.csv"
store_dump > "$T/before"
run ledger-post "$T/noref.csv"
status_is 65 "no ref column: exit 65"
err_is "ledger-post: $T/noref.csv:1: no 'ref' column" "no ref column: named"
unchanged "no ref column: nothing posted"

printf 'account,posted_on,kind,amount,ref\n1004,2026-11-20,charge,5.00,X1\n' > "$T/nosource.csv"
run ledger-post "$T/nosource.csv"
status_is 65 "no source column and no --source: exit 65"
err_is "ledger-post: $T/nosource.csv:1: no 'source' column and no --source given" "no source column and no --source: says so"
unchanged "no source column and no --source: nothing posted"

printf '%s\n' "$H" '1004,2026-11-20,charge,5.00,G1,t' '1004,2026-11-21,charge,6.00,G2,t' '1004,2026-11-22,charge,1.0x,G3,t' > "$T/late.csv"
run ledger-post "$T/late.csv"
status_is 65 "a bad row after good ones: exit 65"
err_is "ledger-post: $T/late.csv:4: column 'amount': '1.0x': not a number" "a bad row after good ones: its line named"
unchanged "a bad row after good ones: the good rows are rolled back too"

printf '%s\n' "$H" '1004,2026-11-20,charge,5.00,G1,t' > "$T/good.csv"
run ledger-post "$T/good.csv" "$T/bad.csv"
status_is 65 "a good file then a bad one: exit 65"
unchanged "a good file then a bad one: nothing posted"

printf 'account,posted_on,kind,amount,ref,source,memo\n1004,2026-11-20,charge,5.00,M1,t,"two\nlines"\n1004,2026-11-20,charge,x,M2,t,\n' > "$T/multi.csv"
run ledger-post "$T/multi.csv"
status_is 65 "a bad row after a memo of two lines: exit 65"
err_is "ledger-post: $T/multi.csv:4: column 'amount': 'x': not a number" "a bad row after a memo of two lines: the physical line named"
unchanged "a bad row after a memo of two lines: nothing posted"

# --source, payments either way round
printf 'account,posted_on,kind,amount,ref\n1003,2026-11-20,payment,10.00,P1\n1003,2026-11-21,payment,-10.00,P2\n' > "$T/counter.csv"
run ledger-post --source counter "$T/counter.csv"
status_is 0 "--source for a file without a source column: exit 0"
err_is "ledger-post: posted 2, already posted 0" "--source: both rows posted"
is "1003|payment|-1000|counter|P1
1003|payment|-1000|counter|P2" "$(sql "SELECT account, kind, amount, source, ref FROM entries WHERE source = 'counter' ORDER BY id")" "payments written positive or negative are stored as credits"
run acct-show 1003
out_has ',-50.00,0.00,0,-50.00,' "the balance counts both payments as credits"

printf '%s\n' "$H" '1004,2026-11-20,fee,10.00,F1,' '1004,2026-11-20,fee,10.00,F1,billing' > "$T/mixed.csv"
run ledger-post -s fees "$T/mixed.csv"
status_is 0 "--source fills an empty source cell only: exit 0"
is "fees|F1|1000
billing|F1|1000" "$(sql "SELECT source, ref, amount FROM entries WHERE ref = 'F1' ORDER BY id")" "--source: the row's own source wins, the same ref under two sources is two entries"

run ledger-post -s '' "$T/counter.csv"
status_is 2 "an empty --source: exit 2"
err_is "ledger-post: option --source: empty
Try 'ledger-post --help'." "an empty --source: says so"

# -n
printf 'account,posted_on,kind,amount,ref\n1004,2026-11-20,payment,20.00,D1\n' > "$T/dry.csv"
store_dump > "$T/before"
run ledger-post -n -s dry "$T/dry.csv"
status_is 0 "-n: exit 0"
err_is "ledger-post: dry run: would post 1, already posted 0" "-n: says what it would post"
unchanged "-n: the store is unchanged"

run ledger-post -n "$fixtures/ledger.csv"
err_is "ledger-post: dry run: would post 0, already posted 13" "-n: counts the rows already posted"

run ledger-post -n -s dry "$T/bad.csv"
status_is 65 "-n with a bad row: exit 65"

# stdin
printf 'account,posted_on,kind,amount,ref,source\n1004,2026-11-20,payment,20.00,S1,stdin-test\n' > "$T/in.csv"
run ledger-post < "$T/in.csv"
status_is 0 "CSV on stdin: exit 0"
err_is "ledger-post: posted 1, already posted 0" "CSV on stdin: posted"
is "1004|-2000" "$(sql "SELECT account, amount FROM entries WHERE source = 'stdin-test'")" "CSV on stdin: stored"
is "posted 1 entries from stdin (already posted 0)" "$(sql "SELECT what FROM audit ORDER BY id DESC LIMIT 1")" "CSV on stdin: audited as stdin"

printf 'account,posted_on,kind,amount,ref,source\n1004,2026-11-20,payment,x,S2,stdin-test\n' > "$T/in.csv"
store_dump > "$T/before"
run ledger-post < "$T/in.csv"
status_is 65 "a bad row on stdin: exit 65"
err_is "ledger-post: stdin:2: column 'amount': 'x': not a number" "a bad row on stdin: stdin named"
unchanged "a bad row on stdin: nothing posted"

# CRLF and BOM
printf 'account,posted_on,kind,amount,ref\r\n1004,2026-11-20,payment,20.00,C1\r\n' > "$T/crlf.csv"
run ledger-post -s crlf "$T/crlf.csv"
status_is 0 "CRLF lines: exit 0"
is "1004|-2000|C1" "$(sql "SELECT account, amount, ref FROM entries WHERE source = 'crlf'")" "CRLF lines: no carriage return in the last field"

printf '\357\273\277account,posted_on,kind,amount,ref\n1004,2026-11-20,payment,20.00,B1\n' > "$T/bom.csv"
run ledger-post -s bom "$T/bom.csv"
status_is 0 "a UTF-8 BOM: exit 0"
is "1004|-2000|B1" "$(sql "SELECT account, amount, ref FROM entries WHERE source = 'bom'")" "a UTF-8 BOM: skipped, the account column found"

run acct-db check
status_is 0 "after all that, the balances are the sums of the entries"

# a long batch shows no progress when stderr is not a terminal
awk 'BEGIN { print "account,posted_on,kind,amount,ref,source"
	for (i = 1; i <= 70000; i++) printf "1004,2026-11-20,charge,1.00,BIG%d,big\n", i }' > "$T/big.csv"
store_dump > "$T/before"
run ledger-post -n "$T/big.csv"
status_is 0 "70,000 rows, dry run: exit 0"
err_is "ledger-post: dry run: would post 70000, already posted 0" "70,000 rows: the summary line alone, no progress on a file"
unchanged "70,000 rows, dry run: the store is unchanged"

# usage
run ledger-post --date 2026-11-19 -s x "$T/dry.csv"
status_is 65 "--date earlier than a row: exit 65"
err_is "ledger-post: $T/dry.csv:2: column 'posted_on': '2026-11-20': after the business date 2026-11-19" "--date sets the business date"

run ledger-post --date 2026-02-30 "$T/dry.csv"
status_is 2 "a bad --date: exit 2"
err_has "2026-02-30" "a bad --date: quoted"

run ledger-post "$T/none.csv"
status_is 1 "a missing file: exit 1"
err_is "ledger-post: $T/none.csv: No such file or directory" "a missing file: named"

run ledger-post -d "$T/none.db" "$T/dry.csv"
status_is 1 "a missing store: exit 1"
err_has "acct-db init" "a missing store: says how to make one"

run ledger-post --no-such-option
status_is 2 "a bad option: exit 2"
err_has "Try 'ledger-post --help'." "a bad option: points to --help"

run ledger-post --help
status_is 0 "--help: exit 0"
out_has "Usage: ledger-post" "--help: usage on stdout"
err_empty "--help: nothing on stderr"

run ledger-post --version
status_is 0 "--version: exit 0"
out_has "ledger-post (acctkit) " "--version names the program and the package"

# Limits of the text columns.
store_dump > "$T/before"
printf 'account,posted_on,kind,amount,ref,memo,source\n1001,2026-11-02,charge,1.00,R-%s,,t\n' "$(printf '%070d' 0)" > "$T/longref.csv"
run ledger-post "$T/longref.csv"
status_is 65 "a reference over 64 bytes: exit 65"
err_is "ledger-post: $T/longref.csv:2: column 'ref': longer than 64 bytes" "says so"
printf 'account,posted_on,kind,amount,ref,memo,source\n1001,2026-11-02,charge,1.00,R1,%s,t\n' "$(printf '%0501d' 0)" > "$T/longmemo.csv"
run ledger-post "$T/longmemo.csv"
status_is 65 "a memo over 500 bytes: exit 65"
err_is "ledger-post: $T/longmemo.csv:2: column 'memo': longer than 500 bytes" "says so"
printf 'account,posted_on,kind,amount,ref,memo,source\n1001,2026-11-02,charge,1.00,"R\t1",,t\n' > "$T/tabref.csv"
run ledger-post "$T/tabref.csv"
status_is 65 "a tab in a reference: exit 65"
err_is "ledger-post: $T/tabref.csv:2: column 'ref': control characters are not allowed" "says so"
unchanged "nothing posted by the refused files"

# A first load much bigger than the ledger builds the per-account index at
# the end (store_index_defer): the result must be the same store.
ACCTKIT_DB=$T/big.db
acct-db init 2>/dev/null
acct-import "$fixtures/accounts.csv" >/dev/null 2>&1
awk 'BEGIN {
	print "account,posted_on,kind,amount,ref,memo,source"
	for (i = 1; i <= 100100; i++)
		printf "100%d,2026-%02d-%02d,%s,1.00,r%d,,big\n", i % 5 + 1,
		    int(i / 10000) + 1, i % 27 + 1, i % 3 ? "charge" : "payment", i
}' > "$T/big.csv"
run ledger-post "$T/big.csv"
status_is 0 "a load of 100100 entries"
err_is "ledger-post: posted 100100, already posted 0" "all posted"
is "entries_by_account" "$("$SQLITE3" "$ACCTKIT_DB" "SELECT name FROM sqlite_master WHERE name = 'entries_by_account'")" "the per-account index is there after the load"
run acct-db check
status_is 0 "the loaded store checks clean"
want=$(awk -F, '$1 == 1003 { c += ($3 == "charge" ? 100 : -100) } END { printf "%.2f", c / 100 }' "$T/big.csv")
run acct-show --format csv 1003
is "$want" "$(awk -F, 'NR == 2 { print $14 }' "$T/out")" "the balance is the sum of the file's entries"
run ledger-post "$T/big.csv"
err_is "ledger-post: posted 0, already posted 100100" "posting the load again posts nothing"
ACCTKIT_DB=$T/store.db

# The reason column: a code of the reasons table, agreeing with the sign.
store_dump > "$T/before"
printf 'account,posted_on,kind,amount,ref,memo,source,reason\n1002,2026-11-20,adjustment,-10.00,RS1,,t,NOPE\n' > "$T/reason1.csv"
run ledger-post "$T/reason1.csv"
status_is 65 "an unknown reason: exit 65"
err_is "ledger-post: $T/reason1.csv:2: column 'reason': 'NOPE': no such reason (see 'acct-db reasons')" "an unknown reason: says so"
printf 'account,posted_on,kind,amount,ref,memo,source,reason\n1002,2026-11-20,adjustment,10.00,RS1,,t,GW\n' > "$T/reason2.csv"
run ledger-post "$T/reason2.csv"
status_is 65 "a credit reason on a debit: exit 65"
err_is "ledger-post: $T/reason2.csv:2: column 'reason': 'GW' is for credits only: the amount must be below zero" "a credit reason on a debit: says so"
unchanged "nothing posted for a bad reason"
printf 'account,posted_on,kind,amount,ref,memo,source,reason\n1002,2026-11-20,adjustment,-10.00,RS1,re-read,t,MR\n' > "$T/reason3.csv"
run ledger-post "$T/reason3.csv"
status_is 0 "a good reason: posted"
is MR "$("$SQLITE3" "$ACCTKIT_DB" "SELECT reason FROM entries WHERE ref = 'RS1'")" "the reason is stored with the entry"

done_testing
