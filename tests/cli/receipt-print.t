#!/bin/sh
# receipt-print: reprints marked DUPLICATE, as issued; void receipts;
# --csv with voided_by; unknown receipts among others; -o DIR; usage.
. "$top_srcdir/tests/cli/lib.sh"
make_store

# stdout as CSV records with issued_at (the real clock) left empty
records() { awk -F, 'BEGIN { OFS = "," } NR > 1 { $10 = "" } { print }' "$T/out"; }
me=$(id -un)
HDR='receipt,account,amount,tender,check_no,paid_on,balance_before,balance_after,clerk,issued_at,voids,voided_by,reason,approved_by,entry'
TRY="Try 'receipt-print --help'."

# R2026-000001: a check at the counter; R2026-000002, R2026-000003: a
# lockbox file; R2026-000004 voids R2026-000002.
pay-post --tender check --check-no 2231 1002 50.00 > "$T/original" 2>/dev/null &&
printf '%s\n' 'account,amount,paid_on,ref,tender,check_no' \
	'1005,112.50,2026-11-26,LB-1,money-order,' '1003,10.00,2026-11-27,LB-2,cash,' > "$T/lockbox.csv" &&
pay-post --batch --csv "$T/lockbox.csv" >/dev/null 2>&1 ||
	{ echo "Bail out! cannot post the payments"; exit 1; }
acct-db clerks add sue --role supervisor >/dev/null 2>&1 ||
	sql "INSERT INTO clerks (login, name, role) VALUES ('sue', 'Sue', 'supervisor')"
pay-post --void R2026-000002 --reason 'wrong account' --approved-by sue >/dev/null 2>&1 ||
	{ echo "Bail out! cannot void a receipt"; exit 1; }
issued=$(sql "SELECT substr(issued_at, 1, 10) || ' ' || substr(issued_at, 12, 5) || ' UTC' FROM receipts WHERE number = 'R2026-000001'")

store_dump > "$T/before"
run receipt-print R2026-000001
status_is 0 "a reprint: exit 0"
err_empty "a reprint: nothing on stderr"
out_is "Customer Account Office

RECEIPT
DUPLICATE
------------------------------------------------------------------------
Receipt number:    R2026-000001
Issued:            $issued
Payment date:      2026-11-27

Account:           1002
Name:              Bob Baker
Service address:   2 Elm St

Paid by:           check
Check number:      2231

Amount paid:                       \$50.00
Balance before:                   \$300.00
Balance after:                    \$250.00

Received by:       $me
------------------------------------------------------------------------
Keep this receipt." "a reprint: marked DUPLICATE, the time of issue kept"
is "$(grep -v DUPLICATE "$T/out")" "$(cat "$T/original")" "a reprint: otherwise the receipt as it was issued"

run receipt-print R2026-000004
status_is 0 "a void receipt reprinted: exit 0"
out_has "VOID RECEIPT
DUPLICATE" "a void receipt reprinted: VOID RECEIPT, DUPLICATE"
out_has "Voids receipt:     R2026-000002
Void reason:       wrong account" "a void receipt reprinted: the original and the reason"
out_has "Amount paid:                     -\$112.50" "a void receipt reprinted: the amount reversed"

run receipt-print --csv R2026-000001 R2026-000002 R2026-000004
status_is 0 "--csv: exit 0"
is "$HDR
R2026-000001,1002,50.00,check,2231,2026-11-27,300.00,250.00,$me,,,,,,14
R2026-000002,1005,112.50,money-order,,2026-11-26,150.00,37.50,$me,,,R2026-000004,,,15
R2026-000004,1005,-112.50,money-order,,2026-11-27,37.50,150.00,$me,,R2026-000002,,wrong account,sue,17" "$(records)" "--csv: the records, voided_by for the voided receipt"
is "$(sql "SELECT issued_at FROM receipts WHERE number = 'R2026-000001'")" "$(awk -F, 'NR == 2 { print $10 }' "$T/out")" "--csv: issued_at as stored"
err_empty "--csv: nothing on stderr"

run receipt-print R2026-000001 R2026-999999 R2026-000003
status_is 1 "an unknown receipt among others: exit 1"
err_is "receipt-print: receipt 'R2026-999999': no such receipt" "an unknown receipt among others: named"
is "R2026-000001 R2026-000003" "$(sed -n 's/^Receipt number: *//p' "$T/out" | tr '\n' ' ' | sed 's/ $//')" "an unknown receipt among others: the others printed, in order"
is 1 "$(tr -cd '\f' < "$T/out" | wc -c | tr -d ' ')" "an unknown receipt among others: one form feed between the two"

run receipt-print --csv R2026-000001 nonsense R2026-000003
status_is 1 "--csv, an unknown receipt among others: exit 1"
err_is "receipt-print: receipt 'nonsense': no such receipt" "--csv, an unknown receipt among others: named"
is "receipt R2026-000001 R2026-000003" "$(cut -d, -f1 "$T/out" | tr '\n' ' ' | sed 's/ $//')" "--csv, an unknown receipt among others: the others printed"

mkdir "$T/dir"
run receipt-print -o "$T/dir" R2026-000001 R2026-000004
status_is 0 "-o DIR: exit 0"
out_empty "-o DIR: nothing on stdout"
is "R2026-000001.txt R2026-000004.txt" "$(ls "$T/dir" | tr '\n' ' ' | sed 's/ $//')" "-o DIR: a file a receipt, named by its number"
run receipt-print R2026-000001
is "$(cat "$T/out")" "$(cat "$T/dir/R2026-000001.txt")" "-o DIR: the file holds the reprint"
has "$T/dir/R2026-000004.txt" "DUPLICATE" "-o DIR: marked DUPLICATE"

unchanged "reprints change nothing in the store"

# a site's own template
mkdir "$T/site"
printf '{{receipt}} {{duplicate}} {{amount}} {{name}}\n' > "$T/site/receipt.txt"
ACCTKIT_TEMPLATES=$T/site run receipt-print R2026-000003
status_is 0 "\$ACCTKIT_TEMPLATES: exit 0"
out_is "R2026-000003 DUPLICATE \$10.00 Carol Cole" "\$ACCTKIT_TEMPLATES: the site's template is used"
mkdir "$T/data" "$T/data/templates"
printf '{{title}} {{receipt}}\n' > "$T/data/templates/receipt.txt"
ACCTKIT_DATADIR=$T/data run receipt-print R2026-000004
out_is "VOID RECEIPT R2026-000004" "\$ACCTKIT_DATADIR/templates: used when \$ACCTKIT_TEMPLATES is not set"
ACCTKIT_TEMPLATES=$T/site ACCTKIT_DATADIR=$T/data run receipt-print R2026-000004
out_is "R2026-000004 DUPLICATE -\$112.50 Eve Evans, Jr." "\$ACCTKIT_TEMPLATES comes before \$ACCTKIT_DATADIR"
printf '{{receipt}} {{nosuchfield}}\n' > "$T/site/receipt.txt"
ACCTKIT_TEMPLATES=$T/site run receipt-print R2026-000003
status_is 65 "a template with an unknown field: exit 65"
err_is "receipt-print: receipt.txt:1: unknown field 'nosuchfield'" "a template with an unknown field: named"
out_empty "a template with an unknown field: nothing printed"
rm -r "$T/site" "$T/data"

# usage
run receipt-print
status_is 2 "no receipt: exit 2"
err_is "receipt-print: no receipt given
$TRY" "no receipt: says so"

run receipt-print --csv -o "$T/dir" R2026-000001
status_is 2 "--csv with -o: exit 2"
err_is "receipt-print: --csv and -o are each other's opposite: choose one
$TRY" "--csv with -o: says so"

run receipt-print -o "$T/none" R2026-000001
status_is 1 "-o a missing directory: exit 1"
err_is "receipt-print: $T/none: No such file or directory" "-o a missing directory: named"

run receipt-print --date 2026-02-30 R2026-000001
status_is 2 "a bad --date: exit 2"
err_has "2026-02-30" "a bad --date: quoted"

run receipt-print -d "$T/none.db" R2026-000001
status_is 1 "a missing store: exit 1"
err_has "acct-db init" "a missing store: says how to make one"

run receipt-print --no-such-option
status_is 2 "a bad option: exit 2"
err_has "$TRY" "a bad option: points to --help"

run receipt-print --help
status_is 0 "--help: exit 0"
out_has "Usage: receipt-print" "--help: usage on stdout"
err_empty "--help: nothing on stderr"

run receipt-print --version
status_is 0 "--version: exit 0"
out_has "receipt-print (acctkit) " "--version names the program and the package"

done_testing
