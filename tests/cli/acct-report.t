#!/bin/sh
# acct-report: the framework (periods, --by, formats, the title, bars, JSON,
# every usage error) and the ledger's kinds (aging, receipts, adjustments)
# on the sample office, each against hand-checked output and reconciled to
# independent SQL sums over the entries.
. "$top_srcdir/tests/cli/lib.sh"
me=$(id -un)
# SQL over a CSV file as table r: csv_sql FILE SELECT...
csv_sql() { "$SQLITE3" :memory: ".import --csv \"$1\" r" "$2"; }
cents() { echo "CAST(round($1 * 100) AS INTEGER)"; }

# The sample office as ./quickstart loads it, on its business date.
{ acct-db init && acct-db holidays load "$top_srcdir/data/holidays/us-federal.csv" &&
  acct-import "$top_srcdir/data/sample/accounts.csv" >/dev/null &&
  ledger-post "$top_srcdir/data/sample/ledger.csv" &&
  ledger-post "$top_srcdir/data/sample/payments.csv"; } 2>/dev/null ||
	{ echo "Bail out! cannot load the sample office"; exit 1; }

# A week at the counter: receipts in every tender, a void approved by a
# supervisor; adjustments with reasons, one over the limit approved, one
# reversed; a lockbox payment reversed.
acct-db clerks add sup --name "Sam Super" --role supervisor 2>/dev/null
{ pay-post --csv --date 2026-11-23 --tender cash 1012 100.00 &&
  pay-post --csv --date 2026-11-23 --tender check --check-no 512 1015 60.00 &&
  pay-post --csv --date 2026-11-24 --tender card 1017 71.21 &&
  pay-post --csv --date 2026-11-25 --tender money-order 1028 72.79 &&
  pay-post --csv --tender cash 1031 59.00 &&
  pay-post --csv --void R2026-000002 --approved-by sup \
	--reason "check drawn on a closed account" &&
  acct-adjust --date 2026-11-20 --reason MR 1002 -45.00 &&
  acct-adjust --date 2026-11-23 --reason GW 1003 -10.00 &&
  acct-adjust --reason RCK 1004 25.00 &&
  acct-adjust --approved-by sup --reason LEAK 1012 -150.00; } \
	>/dev/null 2>&1 || { echo "Bail out! cannot post the week"; exit 1; }
gw=$(sql "SELECT id FROM entries WHERE reason = 'GW' AND posted_on = '2026-11-23'")
lockbox=$(sql "SELECT id FROM entries WHERE ref = 'L20261127-0003'")
acct-adjust --reverse "$gw" >/dev/null 2>&1 &&
	acct-adjust --reverse "$lockbox" >/dev/null 2>&1 ||
	{ echo "Bail out! cannot reverse"; exit 1; }
# A second clerk, kim: the programs take the login from the password
# database, so kim's two receipts and an adjustment are written here as
# pay-post and acct-adjust write them (acct-db check proves them sound).
acct-db clerks add kim --name "Kim Counter" 2>/dev/null
sql "BEGIN;
INSERT INTO batches (at, login, program)
	VALUES ('2026-11-24T15:00:00Z', 'kim', 'pay-post');
INSERT INTO entries (account, posted_on, kind, amount, source, ref, batch)
	VALUES ('1033', '2026-11-24', 'payment', -5000, 'counter',
		'R2026-000007', last_insert_rowid());
INSERT INTO receipts (number, year, seq, account, entry, amount, tender,
		paid_on, balance_before, balance_after, login, issued_at)
	VALUES ('R2026-000007', 2026, 7, '1033', last_insert_rowid(), 5000,
		'cash', '2026-11-24', 107667, 102667, 'kim',
		'2026-11-24T15:00:00Z');
UPDATE accounts SET balance = balance - 5000,
	last_posted_on = max(last_posted_on, '2026-11-24')
	WHERE number = '1033';
INSERT INTO batches (at, login, program)
	VALUES ('2026-11-27T14:00:00Z', 'kim', 'pay-post');
INSERT INTO entries (account, posted_on, kind, amount, source, ref, batch)
	VALUES ('1041', '2026-11-27', 'payment', -4000, 'counter',
		'R2026-000008', last_insert_rowid());
INSERT INTO receipts (number, year, seq, account, entry, amount, tender,
		check_no, paid_on, balance_before, balance_after, login,
		issued_at)
	VALUES ('R2026-000008', 2026, 8, '1041', last_insert_rowid(), 4000,
		'check', '2231', '2026-11-27', 110835, 106835, 'kim',
		'2026-11-27T14:00:00Z');
UPDATE accounts SET balance = balance - 4000,
	last_posted_on = max(last_posted_on, '2026-11-27')
	WHERE number = '1041';
INSERT INTO batches (at, login, program)
	VALUES ('2026-11-24T16:00:00Z', 'kim', 'acct-adjust');
INSERT INTO entries (account, posted_on, kind, amount, source, ref, reason,
		batch)
	VALUES ('1019', '2026-11-24', 'adjustment', -500, 'acct-adjust',
		'adjust-kim-1', 'LFW', last_insert_rowid());
UPDATE accounts SET balance = balance - 500,
	last_posted_on = max(last_posted_on, '2026-11-24')
	WHERE number = '1019';
INSERT INTO audit (at, login, program, what, batch)
	SELECT at, login, program, 'batch ' || id, id FROM batches
	WHERE login = 'kim';
COMMIT;" || { echo "Bail out! cannot write kim's work"; exit 1; }
run acct-db check
status_is 0 "the week's store passes acct-db check"
store_dump > "$T/before"

# aging: as of the business date; credit balances are in current
run acct-report aging
status_is 0 "aging: exit 0"
out_is "bucket,accounts,amount
current,42,4238.03
1-30,12,1450.50
31-60,12,1410.16
61-90,8,1069.65
91+,9,3504.81" "aging: the five buckets"
err_empty "aging: nothing on stderr"
run acct-report --from 2026-11-20 aging
out_is "$(acct-report aging)" "aging: --from changes nothing (aging is as of --to)"

run acct-report --accounts aging
status_is 0 "aging --accounts: exit 0"
out_is 'account,name,balance,current,d1_30,d31_60,d61_90,d91_plus
1002,Harold and June Pettibone,-45.00,-45.00,0.00,0.00,0.00,0.00
1003,Tobias Lindqvist,63.42,63.42,0.00,0.00,0.00,0.00
1004,Geraldine Oduya,-155.29,-155.29,0.00,0.00,0.00,0.00
1005,Kwame Asante-Boateng,135.50,135.50,0.00,0.00,0.00,0.00
1006,Priya Raman,93.71,93.71,0.00,0.00,0.00,0.00
1008,Fiona MacAulay,82.51,82.51,0.00,0.00,0.00,0.00
1009,José and Carmen Ortega,-181.27,-181.27,0.00,0.00,0.00,0.00
1010,Nadia Haddad,59.50,59.50,0.00,0.00,0.00,0.00
1011,Brendan Kowalczyk,107.64,107.64,0.00,0.00,0.00,0.00
1012,Dale Hutchins,1740.91,146.54,130.51,133.86,154.03,1175.97
1014,Ravi Subramanian,77.37,77.37,0.00,0.00,0.00,0.00
1015,Shirley Abernathy,426.13,167.00,83.57,67.93,68.22,39.41
1017,Jasmine Whitfield,150.02,67.78,60.35,21.89,0.00,0.00
1018,Oksana Hrytsenko,104.06,104.06,0.00,0.00,0.00,0.00
1019,Curtis Vanderpool,741.75,121.66,108.88,111.52,127.55,272.14
1020,Anh Tran,-4.42,-4.42,0.00,0.00,0.00,0.00
1023,Maureen Callahan,495.33,115.95,90.54,73.58,73.87,141.39
1024,Ibrahim Farouk,79.80,79.80,0.00,0.00,0.00,0.00
1027,Kessler Hardware & Supply,1594.80,456.69,406.56,416.81,314.74,0.00
1028,Tyrone Mabry,79.76,79.76,0.00,0.00,0.00,0.00
1029,Yolanda Reyes,275.06,98.14,87.36,89.56,0.00,0.00
1030,Douglas Fairweather,148.68,148.68,0.00,0.00,0.00,0.00
1032,Miguel Santos,126.01,126.01,0.00,0.00,0.00,0.00
1033,Corinne Delacroix,1026.67,135.06,102.47,105.11,0.00,684.03
1034,Arjun Mehta,74.66,74.66,0.00,0.00,0.00,0.00
1035,Patricia O'"'"'Rourke,112.18,112.18,0.00,0.00,0.00,0.00
1036,Leon Baptiste,371.77,94.72,84.36,86.52,99.55,6.62
1037,Helen Marchetti,57.95,57.95,0.00,0.00,0.00,0.00
1038,Samir Khoury,119.84,119.84,0.00,0.00,0.00,0.00
1039,Beatrice Wilkins,88.26,88.26,0.00,0.00,0.00,0.00
1041,Raymond Tully,1068.35,0.00,99.42,101.95,0.00,866.98
1043,Francis Mwangi,66.06,66.06,0.00,0.00,0.00,0.00
1044,Deborah Lindgren,122.38,122.38,0.00,0.00,0.00,0.00
1047,Agnes Thorsby,98.85,98.85,0.00,0.00,0.00,0.00
1048,Eleanor Prentiss,343.17,82.49,73.43,75.29,86.60,25.36
1049,Victor Almeida,136.38,136.38,0.00,0.00,0.00,0.00
1051,Rosa Delgado,124.11,124.11,0.00,0.00,0.00,0.00
1052,Kevin Strand,825.42,138.23,123.05,126.14,145.09,292.91
1054,Emeka Okafor,136.65,136.65,0.00,0.00,0.00,0.00
1055,Lucia Ferraro,118.72,118.72,0.00,0.00,0.00,0.00
1056,Martin Cheney,88.10,88.10,0.00,0.00,0.00,0.00
1058,"Harbor Street Diner, Inc.",380.87,380.87,0.00,0.00,0.00,0.00
1059,Nathaniel Ruiz-Campbell,116.78,116.78,0.00,0.00,0.00,0.00' \
	"aging --accounts: every account with a balance, as acct-list ages it"

run acct-report --to 2024-12-31 aging
out_is "bucket,accounts,amount
current,12,1460.41
1-30,0,0.00
31-60,0,0.00
61-90,0,0.00
91+,0,0.00" "aging --to: as of an earlier day (the first bills, none past due)"
run acct-report --to 2024-12-01 aging
out_is "bucket,accounts,amount
current,0,0.00
1-30,0,0.00
31-60,0,0.00
61-90,0,0.00
91+,0,0.00" "aging before any entry: the five buckets at zero"

# receipts: by day (the default) for the month to date; the billing
# system's and the lockbox file's payments have no receipt: tender none
run acct-report receipts
status_is 0 "receipts: exit 0"
out_is "period,tender,receipts,voids,amount
2026-11-02,none,4,0,308.51
2026-11-03,none,2,0,168.46
2026-11-04,none,3,0,254.24
2026-11-05,none,1,0,66.84
2026-11-06,none,1,0,71.00
2026-11-09,none,2,0,137.83
2026-11-12,none,2,0,201.59
2026-11-16,none,2,0,224.56
2026-11-17,none,2,0,218.71
2026-11-23,cash,1,0,100.00
2026-11-23,check,1,0,60.00
2026-11-24,card,1,0,71.21
2026-11-24,cash,1,0,50.00
2026-11-25,money-order,1,0,72.79
2026-11-27,cash,1,0,59.00
2026-11-27,check,1,1,-20.00
2026-11-27,none,12,1,2075.70" \
	"receipts: by day and tender from the first of the month, voids net"
err_empty "receipts: nothing on stderr"
run acct-report --by day receipts
out_is "$(acct-report receipts)" "receipts --by day: the default"

run acct-report --by clerk receipts
out_is "clerk,tender,receipts,voids,amount
$(printf '%s\n' "kim,cash,1,0,50.00" "kim,check,1,0,40.00" \
	"$me,card,1,0,71.21" "$me,cash,2,0,159.00" "$me,check,1,1,0.00" \
	"$me,money-order,1,0,72.79" "$me,none,31,1,3727.44" | LC_ALL=C sort)" \
	"receipts --by clerk: each clerk's receipts; a void by the one who posted it"

run acct-report --by week receipts
out_is "period,tender,receipts,voids,amount
2026-W45,none,11,0,869.05
2026-W46,none,4,0,339.42
2026-W47,none,4,0,443.27
2026-W48,card,1,0,71.21
2026-W48,cash,3,0,209.00
2026-W48,check,2,1,40.00
2026-W48,money-order,1,0,72.79
2026-W48,none,12,1,2075.70" "receipts --by week: ISO weeks"

run acct-report --by month --from 2026-01-01 receipts
out_is "period,tender,receipts,voids,amount
2026-01,none,55,0,8522.96
2026-02,none,46,0,7119.11
2026-03,none,72,0,9049.93
2026-04,none,52,0,5779.70
2026-05,none,52,0,4695.38
2026-06,none,55,0,5005.09
2026-07,none,56,0,5319.98
2026-08,none,54,0,5207.72
2026-09,none,43,0,4139.18
2026-10,none,50,0,5331.85
2026-11,card,1,0,71.21
2026-11,cash,3,0,209.00
2026-11,check,2,1,40.00
2026-11,money-order,1,0,72.79
2026-11,none,31,1,3727.44" "receipts --by month: the year to date"

run acct-report --from 2026-11-23 --to 2026-11-24 receipts
out_is "period,tender,receipts,voids,amount
2026-11-23,cash,1,0,100.00
2026-11-23,check,1,0,60.00
2026-11-24,card,1,0,71.21
2026-11-24,cash,1,0,50.00" "receipts --from --to: the days between, both included"
run acct-report --date 2026-11-24 --from 2026-11-23 receipts
out_is "$(acct-report --from 2026-11-23 --to 2026-11-24 receipts)" \
	"receipts --date: --to is the business date"
run acct-report --to 2026-10-31 --from 2026-10-31 receipts
status_is 0 "an empty period: exit 0"
out_is "period,tender,receipts,voids,amount" "an empty period: the header alone"
err_empty "an empty period: nothing on stderr"

# adjustments: by month (the default), reason; credits below zero
run acct-report adjustments
status_is 0 "adjustments: exit 0"
out_is "period,reason,entries,debits,credits,net,approved
2026-11,GW,2,10.00,-10.00,0.00,0
2026-11,LEAK,1,0.00,-150.00,-150.00,1
2026-11,LFW,1,0.00,-5.00,-5.00,0
2026-11,MR,1,0.00,-45.00,-45.00,0
2026-11,RCK,1,25.00,0.00,25.00,0" \
	"adjustments: by reason, a reversal with its reason, the approval counted"
err_empty "adjustments: nothing on stderr"

run acct-report --by day --from 2026-11-20 adjustments
out_is "period,reason,entries,debits,credits,net,approved
2026-11-20,MR,1,0.00,-45.00,-45.00,0
2026-11-23,GW,1,0.00,-10.00,-10.00,0
2026-11-24,LFW,1,0.00,-5.00,-5.00,0
2026-11-27,GW,1,10.00,0.00,10.00,0
2026-11-27,LEAK,1,0.00,-150.00,-150.00,1
2026-11-27,RCK,1,25.00,0.00,25.00,0" "adjustments --by day"

run acct-report --by clerk adjustments
out_is "clerk,reason,entries,debits,credits,net,approved
$(printf '%s\n' "kim,LFW,1,0.00,-5.00,-5.00,0" \
	"$me,GW,2,10.00,-10.00,0.00,0" "$me,LEAK,1,0.00,-150.00,-150.00,1" \
	"$me,MR,1,0.00,-45.00,-45.00,0" "$me,RCK,1,25.00,0.00,25.00,0" |
	LC_ALL=C sort)" "adjustments --by clerk: the clerk who posted each"

# a held adjustment approved later (acct-adjust --hold, --approve): it
# counts for the clerk who held it, not the supervisor whose batch posted
# it; here the LEAK entry, as if ann had held it and $me approved it
cp "$ACCTKIT_DB" "$T/held.db"
leak=$(sql "SELECT id FROM entries WHERE reason = 'LEAK' AND approved_by = 'sup'")
"$SQLITE3" "$T/held.db" "INSERT INTO held (number, year, seq, account, amount, reason, posted_on, requested_by, requested_at, status, decided_by, decided_at, entry) VALUES ('H2026-000001', 2026, 1, '1012', -15000, 'LEAK', '2026-11-27', 'ann', '2026-11-27T09:00:00Z', 'approved', '$me', '2026-11-27T10:00:00Z', $leak)"
run acct-report -d "$T/held.db" --by clerk adjustments
out_is "clerk,reason,entries,debits,credits,net,approved
$(printf '%s\n' "kim,LFW,1,0.00,-5.00,-5.00,0" "ann,LEAK,1,0.00,-150.00,-150.00,1" \
	"$me,GW,2,10.00,-10.00,0.00,0" \
	"$me,MR,1,0.00,-45.00,-45.00,0" "$me,RCK,1,25.00,0.00,25.00,0" |
	LC_ALL=C sort)" "adjustments --by clerk: a held one for the clerk who held it"

run acct-report --by week --from 2026-01-01 adjustments
out_is "period,reason,entries,debits,credits,net,approved
2026-W06,EST,1,38.59,0.00,38.59,0
2026-W10,EST,1,0.00,-96.35,-96.35,0
2026-W13,DUP,1,0.00,-717.15,-717.15,0
2026-W15,RATE,1,84.60,0.00,84.60,0
2026-W20,GW,1,0.00,-25.00,-25.00,0
2026-W26,LFW,1,0.00,-5.00,-5.00,0
2026-W29,RCK,1,124.92,0.00,124.92,0
2026-W36,LEAK,1,0.00,-142.00,-142.00,0
2026-W43,MR,1,0.00,-321.81,-321.81,0
2026-W47,MR,1,0.00,-45.00,-45.00,0
2026-W48,GW,2,10.00,-10.00,0.00,0
2026-W48,LEAK,1,0.00,-150.00,-150.00,1
2026-W48,LFW,1,0.00,-5.00,-5.00,0
2026-W48,RCK,1,25.00,0.00,25.00,0" \
	"adjustments --by week: the sample's adjustments of the year, then the week's"
run acct-report --from 2026-11-01 --to 2026-11-19 adjustments
out_is "period,reason,entries,debits,credits,net,approved" \
	"adjustments in a period without any: the header alone"

# reconciliation: each total against an independent sum over the entries
between="posted_on >= '2026-01-01' AND posted_on <= '2026-11-27'"
want=$(sql "SELECT -sum(amount) FROM entries WHERE kind = 'payment' AND $between")
for by in day week month clerk; do
	acct-report --by $by --from 2026-01-01 receipts > "$T/r.csv"
	is "$want" "$(csv_sql "$T/r.csv" "SELECT sum($(cents amount)) FROM r")" \
		"reconciled: receipts --by $by, the amount is minus the ledger's payments"
done
is "$(sql "SELECT sum(reverses IS NULL), sum(reverses IS NOT NULL)
	FROM entries WHERE kind = 'payment' AND $between")" \
	"$(csv_sql "$T/r.csv" "SELECT sum(receipts), sum(voids) FROM r")" \
	"reconciled: receipts and voids count the payment entries and their reversals"
is "$(sql "SELECT count(*) FROM receipts WHERE paid_on >= '2026-11-01'
	AND voids IS NULL"), $(sql "SELECT count(*) FROM receipts
	WHERE paid_on >= '2026-11-01' AND voids IS NOT NULL")" \
	"$(acct-report receipts | csv_sql /dev/stdin "SELECT sum(receipts), sum(voids)
	FROM r WHERE tender <> 'none'" | sed 's/|/, /')" \
	"reconciled: the tenders' receipts and voids are the receipts table's"
want=$(sql "SELECT count(*), sum(max(amount, 0)), sum(min(amount, 0)),
	sum(amount), count(approved_by) FROM entries
	WHERE kind = 'adjustment' AND $between")
for by in day week month clerk; do
	acct-report --by $by --from 2026-01-01 adjustments > "$T/a.csv"
	is "$want" "$(csv_sql "$T/a.csv" "SELECT sum(entries),
		sum($(cents debits)), sum($(cents credits)), sum($(cents net)),
		sum(approved) FROM r")" \
		"reconciled: adjustments --by $by, entries, debits, credits, net and approvals are the ledger's"
done
is 0 "$(csv_sql "$T/a.csv" "SELECT count(*) FROM r
	WHERE $(cents debits) + $(cents credits) <> $(cents net)")" \
	"reconciled: debits + credits = net on every row"

acct-list > "$T/list.csv"
acct-report aging > "$T/aging.csv"
for col in current:current d1_30:1-30 d31_60:31-60 d61_90:61-90 d91_plus:91+; do
	c=${col%%:*} b=${col#*:}
	is "$(csv_sql "$T/list.csv" "SELECT count(*) FROM r WHERE $c <> '0.00'")|$(csv_sql "$T/list.csv" "SELECT sum($(cents $c)) FROM r")" \
		"$(csv_sql "$T/aging.csv" "SELECT accounts, $(cents amount) FROM r WHERE bucket = '$b'")" \
		"reconciled: aging $b is acct-list's $c column, accounts and amount"
done
is "$(sql "SELECT sum(amount) FROM entries WHERE posted_on <= '2026-11-27'")" \
	"$(csv_sql "$T/aging.csv" "SELECT sum($(cents amount)) FROM r")" \
	"reconciled: the buckets add up to the ledger's balance"
acct-report --accounts aging > "$T/accounts.csv"
is "0 0 43" "$("$SQLITE3" :memory: ".import --csv \"$T/list.csv\" l" \
	".import --csv \"$T/accounts.csv\" a" \
	"SELECT (SELECT count(*) FROM (SELECT account, name, balance, current,
		d1_30, d31_60, d61_90, d91_plus FROM l WHERE balance <> '0.00'
		EXCEPT SELECT * FROM a)) || ' ' ||
	(SELECT count(*) FROM (SELECT * FROM a EXCEPT SELECT account, name,
		balance, current, d1_30, d31_60, d61_90, d91_plus FROM l)) ||
	' ' || (SELECT count(*) FROM a)")" \
	"reconciled: aging --accounts is acct-list's rows with a balance, to the cent"
is "$(sql "SELECT sum(amount) FROM entries WHERE posted_on <= '2024-12-31'")" \
	"$(acct-report --to 2024-12-31 --accounts aging | csv_sql /dev/stdin "SELECT sum($(cents balance)) FROM r")" \
	"reconciled: aging --accounts --to, the balances add up to the ledger's"

# JSON: one object a row, numbers as CSV writes them
run acct-report --from 2026-11-23 --to 2026-11-24 --format json receipts
status_is 0 "--format json: exit 0"
out_is '[
{"period":"2026-11-23","tender":"cash","receipts":1,"voids":0,"amount":100.00},
{"period":"2026-11-23","tender":"check","receipts":1,"voids":0,"amount":60.00},
{"period":"2026-11-24","tender":"card","receipts":1,"voids":0,"amount":71.21},
{"period":"2026-11-24","tender":"cash","receipts":1,"voids":0,"amount":50.00}
]' "--format json: an array of objects, keyed by the columns"
if command -v python3 >/dev/null 2>&1; then
	if python3 -m json.tool "$T/out" >/dev/null 2>&1; then
		pass "--format json: valid JSON (python3 -m json.tool)"
	else
		fail "--format json: valid JSON (python3 -m json.tool)"
	fi
else
	pass "--format json: valid JSON # SKIP no python3"
fi
run acct-report --to 2026-10-31 --from 2026-10-31 --format json receipts
out_is "[]" "--format json: an empty period is an empty array"
run acct-report --format json --accounts --to 2024-12-08 aging
out_is '[
{"account":"1001","name":"Marisol Vega","balance":167.55,"current":167.55,"d1_30":0.00,"d31_60":0.00,"d61_90":0.00,"d91_plus":0.00},
{"account":"1005","name":"Kwame Asante-Boateng","balance":153.26,"current":153.26,"d1_30":0.00,"d31_60":0.00,"d61_90":0.00,"d91_plus":0.00},
{"account":"1009","name":"José and Carmen Ortega","balance":159.43,"current":159.43,"d1_30":0.00,"d31_60":0.00,"d61_90":0.00,"d91_plus":0.00},
{"account":"1013","name":"Esther Nakamura","balance":138.65,"current":138.65,"d1_30":0.00,"d31_60":0.00,"d61_90":0.00,"d91_plus":0.00},
{"account":"1017","name":"Jasmine Whitfield","balance":83.67,"current":83.67,"d1_30":0.00,"d31_60":0.00,"d61_90":0.00,"d91_plus":0.00},
{"account":"1021","name":"Rebecca Stoltzfus","balance":91.15,"current":91.15,"d1_30":0.00,"d31_60":0.00,"d61_90":0.00,"d91_plus":0.00},
{"account":"1025","name":"Gloria Pineda","balance":148.42,"current":148.42,"d1_30":0.00,"d31_60":0.00,"d61_90":0.00,"d91_plus":0.00},
{"account":"1029","name":"Yolanda Reyes","balance":103.19,"current":103.19,"d1_30":0.00,"d31_60":0.00,"d61_90":0.00,"d91_plus":0.00},
{"account":"1033","name":"Corinne Delacroix","balance":142.42,"current":142.42,"d1_30":0.00,"d31_60":0.00,"d61_90":0.00,"d91_plus":0.00},
{"account":"1037","name":"Helen Marchetti","balance":88.14,"current":88.14,"d1_30":0.00,"d31_60":0.00,"d61_90":0.00,"d91_plus":0.00},
{"account":"1041","name":"Raymond Tully","balance":137.79,"current":137.79,"d1_30":0.00,"d31_60":0.00,"d61_90":0.00,"d91_plus":0.00},
{"account":"1045","name":"Marcus Bell","balance":103.51,"current":103.51,"d1_30":0.00,"d31_60":0.00,"d61_90":0.00,"d91_plus":0.00},
{"account":"1049","name":"Victor Almeida","balance":154.00,"current":154.00,"d1_30":0.00,"d31_60":0.00,"d61_90":0.00,"d91_plus":0.00},
{"account":"1053","name":"Hannah Voss","balance":79.10,"current":79.10,"d1_30":0.00,"d31_60":0.00,"d61_90":0.00,"d91_plus":0.00},
{"account":"1057","name":"Sofia Andersson","balance":149.93,"current":149.93,"d1_30":0.00,"d31_60":0.00,"d61_90":0.00,"d91_plus":0.00}
]' \
	"--format json: the account as a string, UTF-8 as it is"
run acct-report --format json --by clerk --from 2026-11-24 --to 2026-11-24 adjustments
out_is '[
{"clerk":"kim","reason":"LFW","entries":1,"debits":0.00,"credits":-5.00,"net":-5.00,"approved":0}
]' "--format json: adjustments, credits below zero"

# a table: the title, bars after the numbers, the totals under it
LC_ALL=C.UTF-8 COLUMNS=200 run acct-report --from 2026-11-23 --format table receipts
status_is 0 "--format table: exit 0"
out_is "receipts, 2026-11-23 to 2026-11-27, by day
period      tender       receipts             voids              amount
----------  -----------  -------------------  ----------------  ------------------
2026-11-23  cash                1 ▉               0              100.00 ▌
2026-11-23  check               1 ▉               0               60.00 ▎
2026-11-24  card                1 ▉               0               71.21 ▍
2026-11-24  cash                1 ▉               0               50.00 ▎
2026-11-25  money-order         1 ▉               0               72.79 ▍
2026-11-27  cash                1 ▉               0               59.00 ▎
2026-11-27  check               1 ▉               1 ██████████   -20.00
2026-11-27  none               12 ██████████      1 ██████████  2075.70 ██████████
total: 19 receipts, 2 voids, 2468.70" \
	"--format table: a title, bars as long as each value is to its column's largest"
LC_ALL=C COLUMNS=200 run acct-report --from 2026-11-27 --format table receipts
out_is "receipts, 2026-11-27 to 2026-11-27, by day
period      tender  receipts             voids              amount
----------  ------  -------------------  ----------------  ------------------
2026-11-27  cash           1 #               0               59.00 #
2026-11-27  check          1 #               1 ##########   -20.00
2026-11-27  none          12 ##########      1 ##########  2075.70 ##########
total: 14 receipts, 2 voids, 2114.70" \
	"--format table, not a UTF-8 locale: bars of '#', whole cells"
LC_ALL=C.UTF-8 COLUMNS=200 run acct-report --format table aging
out_is "aging, as of 2026-11-27
bucket   accounts              amount
-------  -------------------  ------------------
current        42 ██████████  4238.03 ██████████
1-30           12 ██▉         1450.50 ███▍
31-60          12 ██▉         1410.16 ███▍
61-90           8 █▉          1069.65 ██▌
91+             9 ██▏         3504.81 ████████▎
total: 43 accounts, balance 11673.15" "--format table: aging, the total balance under it"
LC_ALL=C.UTF-8 COLUMNS=200 run acct-report --format table --accounts --to 2024-12-08 aging
out_is "aging by account, as of 2024-12-08
account  name                    balance             current             d1_30  d31_60  d61_90  d91_plus
-------  ----------------------  ------------------  ------------------  -----  ------  ------  --------
1001     Marisol Vega             167.55 ██████████   167.55 ██████████   0.00    0.00    0.00      0.00
1005     Kwame Asante-Boateng     153.26 █████████▏   153.26 █████████▏   0.00    0.00    0.00      0.00
1009     José and Carmen Ortega   159.43 █████████▌   159.43 █████████▌   0.00    0.00    0.00      0.00
1013     Esther Nakamura          138.65 ████████▎    138.65 ████████▎    0.00    0.00    0.00      0.00
1017     Jasmine Whitfield         83.67 █████         83.67 █████        0.00    0.00    0.00      0.00
1021     Rebecca Stoltzfus         91.15 █████▌        91.15 █████▌       0.00    0.00    0.00      0.00
1025     Gloria Pineda            148.42 ████████▉    148.42 ████████▉    0.00    0.00    0.00      0.00
1029     Yolanda Reyes            103.19 ██████▏      103.19 ██████▏      0.00    0.00    0.00      0.00
1033     Corinne Delacroix        142.42 ████████▌    142.42 ████████▌    0.00    0.00    0.00      0.00
1037     Helen Marchetti           88.14 █████▎        88.14 █████▎       0.00    0.00    0.00      0.00
1041     Raymond Tully            137.79 ████████▎    137.79 ████████▎    0.00    0.00    0.00      0.00
1045     Marcus Bell              103.51 ██████▏      103.51 ██████▏      0.00    0.00    0.00      0.00
1049     Victor Almeida           154.00 █████████▎   154.00 █████████▎   0.00    0.00    0.00      0.00
1053     Hannah Voss               79.10 ████▊         79.10 ████▊        0.00    0.00    0.00      0.00
1057     Sofia Andersson          149.93 █████████    149.93 █████████    0.00    0.00    0.00      0.00
total: 15 accounts, balance 1900.21
current 1900.21, 1-30 0.00, 31-60 0.00, 61-90 0.00, 91+ 0.00" \
	"--format table: aging --accounts, columns of zeros without bars, the buckets' totals"
LC_ALL=C.UTF-8 COLUMNS=200 run acct-report --format table --by clerk --from 2026-11-24 \
	--to 2026-11-24 adjustments
out_is "adjustments, 2026-11-24 to 2026-11-24, by clerk
clerk  reason  entries             debits  credits    net  approved
-----  ------  ------------------  ------  -------  -----  --------
kim    LFW           1 ██████████    0.00    -5.00  -5.00         0
total: 1 entry, debits 0.00, credits -5.00, net -5.00, 0 approved" \
	"--format table: adjustments, the title names the grouping"
LC_ALL=C.UTF-8 COLUMNS=200 run acct-report --format table --to 2026-10-31 --from 2026-10-31 receipts
out_is "receipts, 2026-10-31 to 2026-10-31, by day
period  tender  receipts  voids  amount
------  ------  --------  -----  ------
total: 0 receipts, 0 voids, 0.00" "--format table: an empty period, zero totals"
run acct-report --format csv receipts
out_is "$(acct-report receipts)" "--format csv: no title, no bars, no totals"

unchanged_store() {
	store_dump > "$T/after"
	if cmp -s "$T/before" "$T/after"; then pass "$1"; else
		fail "$1"; show_diff "$T/before" "$T/after"
	fi
}
unchanged_store "the reports changed nothing in the store"

# usage: every problem named, exit 2
usage_is() {	# WANT DESC ARGS...
	want=$1 desc=$2
	shift 2
	run acct-report "$@"
	status_is 2 "$desc: exit 2"
	err_is "$want
Try 'acct-report --help'." "$desc: says so"
}
kinds="aging, receipts, adjustments, cases, orders, plans or activity"
usage_is "acct-report: no KIND: $kinds" "no kind"
usage_is "acct-report: report 'ageing': not $kinds" "an unknown kind" ageing
usage_is "acct-report: 'receipts': one KIND only" "two kinds" aging receipts
usage_is "acct-report: aging takes no --by" "--by with aging" --by day aging
usage_is "acct-report: activity takes no --by" "--by with activity" --by clerk activity
usage_is "acct-report: cases takes --by day, week or month, not clerk" "--by clerk with cases" --by clerk cases
usage_is "acct-report: plans takes --by month, not week" "--by week with plans" --by week plans
usage_is "acct-report: orders takes --by day, week or month, not clerk" "--by clerk with orders" --by clerk orders
usage_is "acct-report: option --by: 'year': not day, week, month or clerk" "a bad --by" --by year receipts
usage_is "acct-report: --accounts is for aging only" "--accounts with receipts" --accounts receipts
usage_is "acct-report: --late is for orders only" "--late with aging" --late aging
usage_is "acct-report: --from 2026-11-20 is after --to 2026-11-10" "--from after --to" \
	--from 2026-11-20 --to 2026-11-10 receipts
usage_is "acct-report: --from 2026-11-28 is after the business date 2026-11-27 (the default --to)" \
	"--from after the business date" --from 2026-11-28 adjustments
usage_is "acct-report: option --to: '2026-02-30': no such day" "a bad --to" --to 2026-02-30 receipts
usage_is "acct-report: option --from: 'yesterday': not a date (YYYY-MM-DD)" "a bad --from" --from yesterday receipts
usage_is "acct-report: option --by: 'x': not day, week, month or clerk
acct-report: --accounts is for aging only
acct-report: --late is for orders only
acct-report: --from 2026-11-20 is after --to 2026-11-10" "several problems: each named" \
	--by x --accounts --late --from 2026-11-20 --to 2026-11-10 receipts
usage_is "acct-report: report 'bogus': not $kinds
acct-report: 'receipts': one KIND only
acct-report: option --by: 'x': not day, week, month or clerk
acct-report: --from 2026-11-20 is after --to 2026-11-10" \
	"an unknown kind with other problems: each named" \
	--by x --from 2026-11-20 --to 2026-11-10 bogus receipts
usage_is "acct-report: report 'RECEIPTS': not $kinds" "a kind's name is exact" \
	--by clerk --accounts RECEIPTS
run acct-report --format xml receipts
status_is 2 "a bad --format: exit 2"
err_is "acct-report: option --format: 'xml': not csv, table or json
Try 'acct-report --help'." "a bad --format: says so"
run acct-report --date 2026-13-01 receipts
status_is 2 "a bad --date: exit 2"
err_has "2026-13-01" "a bad --date: quoted"
run acct-report --no-such-option receipts
status_is 2 "a bad option: exit 2"
err_has "Try 'acct-report --help'." "a bad option: points to --help"
unchanged_store "usage errors: the store is unchanged"

run acct-report -d "$T/none.db" receipts
status_is 1 "no store: exit 1"
if [ ! -s "$T/out" ]; then pass "no store: no output"; else
	fail "no store: no output"; fi
err_has "acct-report: " "no store: says so"

# --help lists the kinds with their summaries; acct help takes the line
run acct-report --help
status_is 0 "--help: exit 0"
out_has "  aging        balances as of --to by days past due: current, 1-30 ... 91+" "--help: lists aging"
out_has "  activity     what each clerk did each day" "--help: lists activity"
out_has "--format F    csv, table or json" "--help: --format json"
err_empty "--help: nothing on stderr"
run acct help
out_has "acct-report     Write a work report of a period, with totals that reconcile to the ledger." "acct help: the one line of acct-report"
run acct-report --version
status_is 0 "--version: exit 0"

done_testing
