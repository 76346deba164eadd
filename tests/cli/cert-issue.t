#!/bin/sh
# cert-issue: the certificate document (the random code masked, and checked
# against the store), the record and its audit, --csv, --format, -o DIR,
# CSV on stdin, --as-of, the numbers; each rule of good standing refused
# alone and several at once; the fee; --void; -n; a site's template and an
# unknown placeholder; usage errors.  Each refusal: its message, its exit
# status and the store unchanged.
. "$top_srcdir/tests/cli/lib.sh"
make_store
me=$(id -un)
TRY="Try 'cert-issue --help'."
HDR='certificate,account,code,as_of,valid_until,balance'

last_audit() { sql "SELECT program || ': ' || what FROM audit ORDER BY id DESC LIMIT 1"; }
# a verification code: 3 groups of 4 from the alphabet without look-alikes
CODE='[2-9A-HJKMNP-Z]\{4\}-[2-9A-HJKMNP-Z]\{4\}-[2-9A-HJKMNP-Z]\{4\}'
# FILE with every code masked as XXXX-XXXX-XXXX
masked() { LC_ALL=C sed "s/$CODE/XXXX-XXXX-XXXX/g" "$1"; }
# the codes of FILE, one a line, in order
codes() { LC_ALL=C grep -o "$CODE" "$1"; }
code_of() { sql "SELECT code FROM certificates WHERE number = '$1'"; }
# refused DESC EXIT MESSAGE CMD ARG...: exit status, message, store unchanged
refused() {
	desc=$1 want=$2 msg=$3
	shift 3
	store_dump > "$T/before"
	run "$@"
	status_is "$want" "$desc: exit $want"
	err_is "$msg" "$desc: says why"
	unchanged "$desc: the store is unchanged"
}
formfeeds() { tr -cd '\f' < "$1" | wc -c | tr -d ' '; }

# The fixtures (tests/fixtures/README): 1001 is paid up, 1003 has a credit
# balance of 30.00: both in good standing.  1002 owes 300.00; 1004 owes
# 120.00 billed 2026-11-15.

DOC1001="Customer Account Office

FULL PAYMENT CERTIFICATE                      Certificate FPC2026-000001
------------------------------------------------------------------------
Issued:                   2026-11-27

This certifies that account 1001,
    Ann Able,
    1 Elm St,
has paid in full every charge billed through 2026-11-27.

Balance as of 2026-11-27: \$0.00
Valid until:              2027-01-26
Verification code:        XXXX-XXXX-XXXX

This certificate is valid for 60 days from 2026-11-27, unless
it is voided.  Charges billed after 2026-11-27 are not covered by it.

To verify it, run  cert-verify FPC2026-000001 XXXX-XXXX-XXXX
or call the Customer Account Office and give its number and code.

Issued by:                $me
------------------------------------------------------------------------
Keep this certificate."

# -n: judged and printed, nothing recorded, no number used
store_dump > "$T/before"
run cert-issue -n 1001
status_is 0 "-n: exit 0"
is "$DOC1001" "$(masked "$T/out")" "-n: the certificate as it would be printed"
err_is "cert-issue: issued 1, refused 0
cert-issue: dry run: nothing was changed" "-n: says nothing was changed"
unchanged "-n: the store is unchanged"

# the certificate
run cert-issue 1001
status_is 0 "a certificate: exit 0"
is "$DOC1001" "$(masked "$T/out")" "a certificate: the document, every line but the code exact"
err_is "cert-issue: issued 1, refused 0" "a certificate: the summary on stderr"
code=$(code_of FPC2026-000001)
is "$code $code" "$(codes "$T/out" | tr '\n' ' ' | sed 's/ $//')" "a certificate: the code printed is the code stored, twice"
is "FPC2026-000001|2026|1|1001|2026-11-27|2027-01-26|0||valid||||$me" \
	"$(sql "SELECT number, year, seq, account, as_of, valid_until, balance, fee_entry, status, voided_on, void_reason, '', login FROM certificates")" \
	"a certificate: recorded, valid 60 days, no fee"
is "cert-issue: certificate FPC2026-000001 for account 1001 as of 2026-11-27: balance 0.00, valid until 2027-01-26" \
	"$(last_audit)" "a certificate: audited"
is 1 "$(sql "SELECT COUNT(*) FROM certificates WHERE at LIKE '____-__-__T__:__:__Z'")" "a certificate: the time of issue in UTC"
is 0 "$(formfeeds "$T/out")" "a certificate: one document, no form feed"

# the codes are random: a second certificate of the same account differs
run cert-issue --csv 1001
code2=$(code_of FPC2026-000002)
if [ -n "$code2" ] && [ "$code2" != "$code" ]; then pass "a second certificate: another code"; else
	fail "a second certificate: another code"; echo "# $code, $code2"
fi
is "$HDR
FPC2026-000002,1001,$code2,2026-11-27,2027-01-26,0.00" "$(cat "$T/out")" "--csv: the record, the code as stored"
err_is "cert-issue: issued 1, refused 0" "--csv: the summary on stderr"

# a credit balance; two certificates, a form feed between them
run cert-issue 1003 1001
status_is 0 "two accounts: exit 0"
is 1 "$(formfeeds "$T/out")" "two accounts: a form feed between the documents"
is "FPC2026-000003 FPC2026-000004" "$(grep -o 'Certificate FPC[0-9-]*' "$T/out" | cut -d' ' -f2 | tr '\n' ' ' | sed 's/ $//')" \
	"two accounts: numbered in the order given"
out_has "This certifies that account 1003,
    Carol Cole,
    3 Elm St,
has paid in full every charge billed through 2026-11-27.

Balance as of 2026-11-27: -\$30.00
                          (a credit of \$30.00 in the customer's favour)
Valid until:              2027-01-26" "a credit balance: certified, and said to be a credit"
is "-3000" "$(sql "SELECT balance FROM certificates WHERE number = 'FPC2026-000003'")" "a credit balance: recorded"
is "" "$(awk 'length > 80' "$T/out")" "two accounts: no line wider than 80 columns"

run cert-issue --format table 1003
status_is 0 "--format table: exit 0"
out_has "FPC2026-000005" "--format table: the record"
if grep -q '^certificate,' "$T/out"; then fail "--format table: not CSV"; else pass "--format table: not CSV"; fi

run cert-issue --csv --format csv 1003
status_is 0 "--csv with --format csv: allowed"

# -o DIR: a file a certificate, named by its number
mkdir "$T/dir"
run cert-issue -o "$T/dir" 1001 1003
status_is 0 "-o DIR: exit 0"
out_empty "-o DIR: nothing on stdout"
is "FPC2026-000007.txt FPC2026-000008.txt" "$(ls "$T/dir" | tr '\n' ' ' | sed 's/ $//')" "-o DIR: a file a certificate, named by its number"
is "$(printf '%s\n' "$DOC1001" | sed 's/FPC2026-000001/FPC2026-000007/')" "$(masked "$T/dir/FPC2026-000007.txt")" "-o DIR: the file holds the certificate"
is "$(code_of FPC2026-000008)" "$(codes "$T/dir/FPC2026-000008.txt" | head -n 1)" "-o DIR: its code is the one stored"

# accounts as CSV on standard input, other columns ignored
printf 'name,account\nAnn,1001\nCarol,1003\n' > "$T/in.csv"
run cert-issue --csv < "$T/in.csv"
status_is 0 "CSV on stdin: exit 0"
is "certificate account
FPC2026-000009 1001
FPC2026-000010 1003" "$(cut -d, -f1,2 "$T/out" | tr , ' ')" "CSV on stdin: the account column, in order"
run cert-issue --csv - < "$T/in.csv"
is 3 "$(wc -l < "$T/out" | tr -d ' ')" "'-' reads CSV on stdin"

# --as-of: the day certified, and the year of the number
run cert-issue --csv --as-of 2026-11-14 1004
status_is 0 "--as-of: an account that owes now, paid up as of an earlier day"
is "$(code_of FPC2026-000013)" "$(sed -n 2p "$T/out" | cut -d, -f3)" "--as-of: the code as stored"
is "FPC2026-000013,1004,2026-11-14,2027-01-13,0.00" "$(sed -n 2p "$T/out" | cut -d, -f1,2,4-)" "--as-of: as of that day, valid 60 days from it"
run cert-issue --csv --as-of 2025-12-31 1001
is "FPC2025-000001,1001,2025-12-31,2026-03-01,0.00" "$(sed -n 2p "$T/out" | cut -d, -f1,2,4-)" "--as-of: numbered in the year of the as-of date"
refused "--as-of after the business date" 2 "cert-issue: option --as-of: '2026-11-28': after the business date 2026-11-27
$TRY" cert-issue --as-of 2026-11-28 1001
refused "--as-of not a date" 2 "cert-issue: option --as-of: '2026-02-29': no such day
$TRY" cert-issue --as-of 2026-02-29 1001
refused "--as-of as of the business date given" 1 "cert-issue: 1004: balance 120.00 owed
cert-issue: issued 0, refused 1" cert-issue --date 2026-11-20 --as-of 2026-11-20 1004

# refusals, each alone
refused "balance owed" 1 "cert-issue: 1002: balance 300.00 owed
cert-issue: issued 0, refused 1" cert-issue 1002
out_empty "balance owed: nothing printed"
refused "no such account" 1 "cert-issue: account '9999': no such account
cert-issue: issued 0, refused 0, no such account 1" cert-issue 9999

# agreement in force: 1004's balance under an agreement, then paid
plan-agree --balance --count 2 1004 >/dev/null 2>&1 &&
pay-post 1004 120.00 >/dev/null 2>&1 || { echo "Bail out! cannot make an agreement"; exit 1; }
refused "an agreement in force, the balance paid" 1 "cert-issue: 1004: agreement P2026-000001 in force
cert-issue: issued 0, refused 1" cert-issue 1004

# several at once: 1002 owes, has an agreement and a billing complaint
plan-agree --count 3 1002 >/dev/null 2>&1 &&
case-open --category billing --channel phone --summary 'bill too high' 1002 >/dev/null 2>&1 ||
	{ echo "Bail out! cannot make 1002's agreement and case"; exit 1; }
refused "several rules at once" 1 "cert-issue: 1002: balance 300.00 owed; agreement P2026-000002 in force; billing dispute open
cert-issue: issued 0, refused 1" cert-issue 1002

# some issued, some refused: the others are issued all the same
store_dump > "$T/before"
run cert-issue --csv 1002 9999 1003
status_is 1 "some refused: exit 1"
err_is "cert-issue: 1002: balance 300.00 owed; agreement P2026-000002 in force; billing dispute open
cert-issue: account '9999': no such account
cert-issue: issued 1, refused 1, no such account 1" "some refused: each said, and the summary"
is "FPC2026-000014,1003" "$(sed -n 2p "$T/out" | cut -d, -f1,2)" "some refused: the others issued"
is 1 "$(sql "SELECT COUNT(*) FROM certificates WHERE number = 'FPC2026-000014'")" "some refused: the others recorded"

# a second store: complaints; 1002 is served a notice on 11-02, valid
# until 2027-01-01, and a shut-off is scheduled for 11-30
ACCTKIT_DB=$T/second.db
make_store
shutoff-notice --date 2026-11-02 1002 >/dev/null 2>&1 &&
contact-log --channel phone --kind contact-attempt --note 'called' 1002 >/dev/null 2>&1 &&
shutoff-sched --on 2026-11-30 >/dev/null 2>&1 &&
[ "$(sql "SELECT number FROM orders WHERE type = 'shutoff' AND status = 'scheduled'")" = O2026-000001 ] ||
	{ echo "Bail out! cannot schedule a shut-off"; exit 1; }

# an open billing complaint alone
case-open --category billing --channel mail --summary 'meter misread' 1003 >/dev/null 2>&1 ||
	{ echo "Bail out! cannot open a case"; exit 1; }
refused "a billing dispute open" 1 "cert-issue: 1003: billing dispute open
cert-issue: issued 0, refused 1" cert-issue 1003
case-open --category service --channel mail --summary 'low pressure' 1001 >/dev/null 2>&1 ||
	{ echo "Bail out! cannot open a case"; exit 1; }
run cert-issue -n 1001
status_is 0 "a complaint that is not about billing: no refusal"

refused "owed, a notice and an order" 1 "cert-issue: 1002: balance 300.00 owed; notice N2026-000001 in force until 2027-01-01; shut-off order O2026-000001 scheduled for 2026-11-30
cert-issue: issued 0, refused 1" cert-issue 1002
pay-post 1002 300.00 >/dev/null 2>&1 || { echo "Bail out! cannot pay"; exit 1; }
refused "paid up, a notice and an order" 1 "cert-issue: 1002: notice N2026-000001 in force until 2027-01-01; shut-off order O2026-000001 scheduled for 2026-11-30
cert-issue: issued 0, refused 1" cert-issue 1002
refused "a shut-off order scheduled, the notice expired" 1 "cert-issue: 1002: shut-off order O2026-000001 scheduled for 2026-11-30
cert-issue: issued 0, refused 1" cert-issue --date 2027-01-04 1002
order-close --cancelled --result 'paid in full' O2026-000001 >/dev/null 2>&1 ||
	{ echo "Bail out! cannot cancel the order"; exit 1; }
refused "a notice in force" 1 "cert-issue: 1002: notice N2026-000001 in force until 2027-01-01
cert-issue: issued 0, refused 1" cert-issue 1002
refused "a notice in force on its last day" 1 "cert-issue: 1002: notice N2026-000001 in force until 2027-01-01
cert-issue: issued 0, refused 1" cert-issue --date 2027-01-01 1002
run cert-issue --csv --date 2027-01-02 1002
status_is 0 "a notice expired the day before: in good standing"
is "FPC2027-000001,1002,2027-01-02,2027-03-03,0.00" "$(sed -n 2p "$T/out" | cut -d, -f1,2,4-)" "a notice expired: the certificate"

# a closed account
acct-edit --status closed 1001 >/dev/null 2>&1 || { echo "Bail out! cannot close 1001"; exit 1; }
refused "a closed account" 1 "cert-issue: 1001: account closed
cert-issue: issued 0, refused 1" cert-issue 1001
ACCTKIT_DB=$T/store.db

# the fee: cert.fee 50.00, posted on the business date with the number
acct-db policy cert.fee 50.00 >/dev/null 2>&1 || { echo "Bail out! cannot set cert.fee"; exit 1; }
store_dump > "$T/before"
run cert-issue -n 1001
status_is 0 "a fee, -n: exit 0"
out_has "Fee for this certificate: \$50.00, charged to the account on 2026-11-27." "a fee, -n: on the certificate"
unchanged "a fee, -n: nothing posted"
run cert-issue --date 2026-11-30 --as-of 2026-11-27 1001
status_is 0 "a fee: exit 0"
out_has "Issued:                   2026-11-30" "a fee: issued on the business date"
out_has "Balance as of 2026-11-27: \$0.00" "a fee: the balance certified is before the fee"
out_has "To verify it, run  cert-verify FPC2026-000015 $(code_of FPC2026-000015)
or call the Customer Account Office and give its number and code.

Fee for this certificate: \$50.00, charged to the account on 2026-11-30.

Issued by:" "a fee: on the certificate, after a blank line"
fee=$(sql "SELECT fee_entry FROM certificates WHERE number = 'FPC2026-000015'")
is "1001|2026-11-30|fee|5000|cert-issue|FPC2026-000015|full payment certificate fee" \
	"$(sql "SELECT account, posted_on, kind, amount, source, ref, memo FROM entries WHERE id = '$fee'")" \
	"a fee: the ledger entry, its id in the certificate"
is 5000 "$(sql "SELECT balance FROM accounts WHERE number = '1001'")" "a fee: the account owes it"
is "cert-issue: certificate FPC2026-000015 for account 1001 as of 2026-11-27: balance 0.00, valid until 2027-01-26, fee 50.00" \
	"$(last_audit)" "a fee: audited"
refused "the fee unpaid" 1 "cert-issue: 1001: balance 50.00 owed
cert-issue: issued 0, refused 1" cert-issue --date 2026-11-30 1001
acct-db policy cert.fee 0.00 >/dev/null 2>&1

# --void
refused "--void -n" 0 "cert-issue: certificate FPC2026-000001 of account 1001 void
cert-issue: dry run: nothing was changed" cert-issue -n --void FPC2026-000001 --reason 'issued in error'
run cert-issue --void FPC2026-000001 --reason 'issued in error'
status_is 0 "--void: exit 0"
out_empty "--void: nothing on stdout"
err_is "cert-issue: certificate FPC2026-000001 of account 1001 void" "--void: says so"
is "void|2026-11-27|issued in error" "$(sql "SELECT status, voided_on, void_reason FROM certificates WHERE number = 'FPC2026-000001'")" \
	"--void: recorded void, on the business date, with the reason"
is "cert-issue: certificate FPC2026-000001 of account 1001 void: issued in error" "$(last_audit)" "--void: audited"
refused "--void a void one" 1 "cert-issue: certificate FPC2026-000001: void already, since 2026-11-27" \
	cert-issue --void FPC2026-000001 --reason again
refused "--void an unknown one" 1 "cert-issue: certificate 'FPC2026-999999': no such certificate" \
	cert-issue --void FPC2026-999999 --reason 'no such'
run cert-issue --date 2026-12-01 --void FPC2026-000015 --reason 'sold'
status_is 0 "--void with a fee: exit 0"
err_is "cert-issue: certificate FPC2026-000015 of account 1001 void; its fee, entry $fee, is not reversed (acct-adjust --reverse $fee)" \
	"--void with a fee: says the fee is not reversed"
is "5000" "$(sql "SELECT balance FROM accounts WHERE number = '1001'")" "--void with a fee: the fee stays"

# a site's own template; an unknown placeholder
mkdir "$T/site"
printf '{{certificate}} {{account}} {{name}} {{code}}\n' > "$T/site/certificate.txt"
ACCTKIT_TEMPLATES=$T/site run cert-issue 1003 1003
status_is 0 "\$ACCTKIT_TEMPLATES: exit 0"
is "FPC2026-000016 1003 Carol Cole XXXX-XXXX-XXXX
FPC2026-000017 1003 Carol Cole XXXX-XXXX-XXXX" "$(masked "$T/out" | tr -d '\f')" "\$ACCTKIT_TEMPLATES: the site's template is used"
printf '{{certificate}}\n\n{{?fee}}{{nosuchfield}}\n' > "$T/site/certificate.txt"
store_dump > "$T/before"
ACCTKIT_TEMPLATES=$T/site run cert-issue 1003
status_is 65 "a template with an unknown field: exit 65"
err_is "cert-issue: certificate.txt:3: unknown field 'nosuchfield'" "a template with an unknown field: named with its line"
out_empty "a template with an unknown field: nothing printed"
unchanged "a template with an unknown field: nothing issued"
ACCTKIT_TEMPLATES=$T/site run cert-issue --csv 1003
status_is 0 "a template with an unknown field: --csv does not need it"
printf '{{certificate}\n' > "$T/site/certificate.txt"
ACCTKIT_TEMPLATES=$T/site run cert-issue 1003
status_is 65 "a malformed template: exit 65"
err_has "certificate.txt:1: " "a malformed template: named with its line"
rm -r "$T/site"
mkdir "$T/data" "$T/data/templates"
ACCTKIT_DATADIR=$T/data run cert-issue 1003
status_is 1 "no template anywhere: exit 1"
err_has "certificate.txt" "no template anywhere: says which"
rm -r "$T/data"

# bad input on stdin: nothing issued
refused "CSV without an account column" 65 "cert-issue: stdin:1: no 'account' column" \
	sh -c 'printf "number\n1001\n" | cert-issue'
refused "CSV with an empty account" 65 "cert-issue: stdin:3: column 'account': empty" \
	sh -c 'printf "account,x\n1003,a\n,b\n" | cert-issue --csv'

# usage errors: exit 2, the store unchanged
refused "--csv with -o" 2 "cert-issue: -o is for the certificates, --csv for the records: choose one
$TRY" cert-issue --csv -o "$T/dir" 1001
refused "--format with -o" 2 "cert-issue: -o is for the certificates, --format for the records: choose one
$TRY" cert-issue --format csv -o "$T/dir" 1001
refused "--csv with --format table" 2 "cert-issue: --csv and --format table: choose one
$TRY" cert-issue --csv --format table 1001
refused "a bad --format" 2 "cert-issue: option --format: 'xml': not csv or table
$TRY" cert-issue --format xml 1001
refused "--void without --reason" 2 "cert-issue: --void needs --reason TEXT
$TRY" cert-issue --void FPC2026-000002
refused "--void with an empty --reason" 2 "cert-issue: --void needs --reason TEXT
$TRY" cert-issue --void FPC2026-000002 --reason ''
refused "--void with an account" 2 "cert-issue: --void takes no ACCOUNT
$TRY" cert-issue --void FPC2026-000002 --reason x 1001
refused "--void with --csv" 2 "cert-issue: --void prints nothing: no --as-of, --csv, --format or -o
$TRY" cert-issue --void FPC2026-000002 --reason x --csv
refused "--void with --as-of" 2 "cert-issue: --void prints nothing: no --as-of, --csv, --format or -o
$TRY" cert-issue --void FPC2026-000002 --reason x --as-of 2026-11-01
refused "--reason without --void" 2 "cert-issue: --reason is for --void
$TRY" cert-issue --reason x 1001
refused "a --reason with a control character" 2 "cert-issue: option --reason: control characters are not allowed
$TRY" cert-issue --void FPC2026-000002 --reason "$(printf 'a\001b')"
refused "a bad --date" 2 "cert-issue: date '2026-13-01': no such day
$TRY" cert-issue --date 2026-13-01 1001

run cert-issue -o "$T/none" 1001
status_is 1 "-o a missing directory: exit 1"
err_is "cert-issue: $T/none: No such file or directory" "-o a missing directory: named"

run cert-issue -d "$T/none.db" 1001
status_is 1 "a missing store: exit 1"
err_has "acct-db init" "a missing store: says how to make one"

run cert-issue --no-such-option
status_is 2 "a bad option: exit 2"
err_has "$TRY" "a bad option: points to --help"

run cert-issue --help
status_is 0 "--help: exit 0"
out_has "Usage: cert-issue" "--help: usage on stdout"
err_empty "--help: nothing on stderr"
for opt in --as-of --csv --db --date --format --dry-run --output --reason --void --help --version; do
	out_has "$opt" "--help: lists $opt"
done

run cert-issue --version
status_is 0 "--version: exit 0"
out_has "cert-issue (acctkit) " "--version names the program and the package"

done_testing
