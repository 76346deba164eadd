#!/bin/sh
# cert-verify: valid, expired (a later --date), void, unknown; a wrong code
# gets the same answer as an unknown number; the code in either case, with
# or without '-' and spaces; --format; the store unchanged; usage errors.
. "$top_srcdir/tests/cli/lib.sh"
make_store
TRY="Try 'cert-verify --help'."
HDR='certificate,status,account,as_of,valid_until,balance,voided_on,void_reason'

code_of() { sql "SELECT code FROM certificates WHERE number = '$1'"; }

# FPC2026-000001: 1001, paid up; FPC2026-000002: 1003, a credit of 30.00,
# as of 2026-11-20; FPC2026-000003: 1001, then voided
cert-issue --csv 1001 >/dev/null 2>&1 &&
cert-issue --csv --as-of 2026-11-20 1003 >/dev/null 2>&1 &&
cert-issue --csv 1001 >/dev/null 2>&1 &&
cert-issue --void FPC2026-000003 --reason 'wrong buyer named' >/dev/null 2>&1 ||
	{ echo "Bail out! cannot issue the certificates"; exit 1; }
code1=$(code_of FPC2026-000001)
code2=$(code_of FPC2026-000002)
code3=$(code_of FPC2026-000003)
# the code as a caller might read it: lower case, no '-'
lower1=$(printf '%s' "$code1" | tr -d - | tr 'A-Z' 'a-z')
store_dump > "$T/before"

run cert-verify FPC2026-000001 "$code1"
status_is 0 "valid: exit 0"
out_is "$HDR
FPC2026-000001,valid,1001,2026-11-27,2027-01-26,0.00,," "valid: the account, as_of, valid_until and balance"
err_empty "valid: nothing on stderr"

run cert-verify FPC2026-000001 "$lower1"
status_is 0 "the code in lower case without '-': exit 0"
out_is "$HDR
FPC2026-000001,valid,1001,2026-11-27,2027-01-26,0.00,," "the code in lower case without '-': valid"

run cert-verify FPC2026-000001 "$(printf '%s' "$code1" | tr - ' ')"
status_is 0 "the code with spaces: valid"

run cert-verify FPC2026-000002 "$code2"
status_is 0 "a credit as of an earlier day: exit 0"
out_is "$HDR
FPC2026-000002,valid,1003,2026-11-20,2027-01-19,-30.00,," "a credit as of an earlier day: valid 60 days from its as-of date"

# the last day, and the day after
run cert-verify --date 2027-01-26 FPC2026-000001 "$code1"
status_is 0 "on its valid_until date: still valid"
run cert-verify --date 2027-01-27 FPC2026-000001 "$code1"
status_is 1 "expired: exit 1"
out_is "$HDR
FPC2026-000001,expired,1001,2026-11-27,2027-01-26,0.00,," "expired: with valid_until"
err_empty "expired: nothing on stderr"

run cert-verify FPC2026-000003 "$code3"
status_is 1 "void: exit 1"
out_is "$HDR
FPC2026-000003,void,1001,2026-11-27,2027-01-26,0.00,2026-11-27,wrong buyer named" "void: voided_on and the reason"
run cert-verify --date 2027-06-01 FPC2026-000003 "$code3"
out_has ",void," "void: void, not expired, after valid_until"

# unknown: no such number, or a wrong code; the same answer
UNKNOWN=",unknown,,,,,,"
run cert-verify FPC2026-000009 "$code1"
status_is 1 "no such number: exit 1"
out_is "$HDR
FPC2026-000009$UNKNOWN" "no such number: unknown, nothing else"
err_empty "no such number: nothing on stderr"
run cert-verify FPC2026-000001 "$code2"
status_is 1 "a wrong code: exit 1"
out_is "$HDR
FPC2026-000001$UNKNOWN" "a wrong code: unknown, as for a number not issued"
err_empty "a wrong code: nothing on stderr"
run cert-verify FPC2026-000003 "$code1"
out_is "$HDR
FPC2026-000003$UNKNOWN" "a wrong code for a void certificate: unknown, not void"
run cert-verify FPC2026-000001 "${code1%?}"
out_has "$UNKNOWN" "a code one character short: unknown"
run cert-verify FPC2026-000001 "${code1}2"
out_has "$UNKNOWN" "a code one character long: unknown"
run cert-verify FPC2026-000001 ''
status_is 1 "an empty code: unknown, exit 1"
run cert-verify fpc2026-000001 "$code1"
status_is 1 "the number in lower case: unknown"
run cert-verify "FPC2026-000001' OR '1'='1" "$code1"
status_is 1 "a number that would be SQL: unknown"
out_has "$UNKNOWN" "a number that would be SQL: unknown"

run cert-verify --format table FPC2026-000001 "$code1"
status_is 0 "--format table: exit 0"
out_has "valid" "--format table: the status"
if grep -q "^$HDR" "$T/out"; then fail "--format table: not CSV"; else pass "--format table: not CSV"; fi
run cert-verify --format csv FPC2026-000001 "$code1"
out_has "$HDR" "--format csv: CSV"

unchanged "verifying changes nothing in the store"

# usage
run cert-verify
status_is 2 "no operand: exit 2"
err_is "cert-verify: a certificate's NUMBER and CODE are needed
$TRY" "no operand: says so"
run cert-verify FPC2026-000001
status_is 2 "no code: exit 2"
err_is "cert-verify: a certificate's NUMBER and CODE are needed
$TRY" "no code: says so"
run cert-verify FPC2026-000001 "$code1" extra
status_is 2 "three operands: exit 2"
err_is "cert-verify: only NUMBER and CODE
$TRY" "three operands: says so"
run cert-verify --format xml FPC2026-000001 "$code1"
status_is 2 "a bad --format: exit 2"
err_is "cert-verify: option --format: 'xml': not csv or table
$TRY" "a bad --format: says so"
run cert-verify --date 2027-02-30 FPC2026-000001 "$code1"
status_is 2 "a bad --date: exit 2"
err_has "2027-02-30" "a bad --date: quoted"
run cert-verify -n FPC2026-000001 "$code1"
status_is 2 "-n: not an option of a program that writes nothing"
err_has "$TRY" "-n: points to --help"

run cert-verify -d "$T/none.db" FPC2026-000001 "$code1"
status_is 1 "a missing store: exit 1"
err_has "acct-db init" "a missing store: says how to make one"

run cert-verify --help
status_is 0 "--help: exit 0"
out_has "Usage: cert-verify" "--help: usage on stdout"
err_empty "--help: nothing on stderr"
for opt in --db --date --format --help --version; do
	out_has "$opt" "--help: lists $opt"
done

run cert-verify --version
status_is 0 "--version: exit 0"
out_has "cert-verify (acctkit) " "--version names the program and the package"

done_testing
