#!/bin/sh
# acct-edit: change fields of one account, audited with old and new values.
. "$top_srcdir/tests/cli/lib.sh"
make_store

last_audit() { "$SQLITE3" "$ACCTKIT_DB" "SELECT program || ': ' || what FROM audit ORDER BY id DESC LIMIT 1"; }

run acct-edit --phone 555-0199 1001
status_is 0 "one field: exit 0"
out_is 'account,field,old,new
1001,phone,555-0101,555-0199' "one field: the change printed, old and new"
err_empty "one field: nothing on stderr"
is "acct-edit: account 1001: phone '555-0101' -> '555-0199'" "$(last_audit)" "one field: audited with old and new"
run acct-show 1001
out_has '1001,Ann Able,1 Elm St,,555-0199,ann@example.org,residential,active,2020-01-15,no,no,no,,' "one field: stored, the rest as it was"

run acct-edit --status off --heat yes --mailing-address 'PO Box 4' 1004
status_is 0 "several fields: exit 0"
out_is 'account,field,old,new
1004,mailing_address,,PO Box 4
1004,status,active,off
1004,heat,no,yes' "several fields: one row each"
is "acct-edit: account 1004: mailing_address '' -> 'PO Box 4'; status 'active' -> 'off'; heat 'no' -> 'yes'" "$(last_audit)" "several fields: one audit row with every change"

run acct-edit --medical-until none 1005
status_is 0 "--medical-until none: exit 0"
out_is 'account,field,old,new
1005,medical_until,2026-12-15,' "--medical-until none: the certificate cleared"
is "acct-edit: account 1005: medical_until '2026-12-15' -> ''" "$(last_audit)" "--medical-until none: audited"
run acct-show 1005
out_has ',yes,yes,no,,150.00,' "--medical-until none: stored"

run acct-edit --medical-until 2027-01-31 1005
status_is 0 "--medical-until DATE: exit 0"
out_is 'account,field,old,new
1005,medical_until,,2027-01-31' "--medical-until DATE: set"

store_dump > "$T/before"
run acct-edit --medical-until 2027-01-31 1005
status_is 0 "a value the account has already: exit 0"
out_is 'account,field,old,new' "a value the account has already: no change printed"
unchanged "a value the account has already: nothing written, not even audit"

# -n
run acct-edit -n --name 'Ann B. Able' --status final 1001
status_is 0 "-n: exit 0"
out_is 'account,field,old,new
1001,name,Ann Able,Ann B. Able
1001,status,active,final' "-n: prints what it would change"
err_is "acct-edit: dry run: nothing was changed" "-n: says it is a dry run"
unchanged "-n: the store is unchanged"

# refusals
run acct-edit --phone 555-0100 9999
status_is 1 "an unknown account: exit 1"
err_is "acct-edit: account '9999': no such account" "an unknown account: named"
out_empty "an unknown account: nothing printed"
unchanged "an unknown account: the store is unchanged"

run acct-edit 1001
status_is 2 "no field to set: exit 2"
err_is "acct-edit: nothing to change: name a field to set
Try 'acct-edit --help'." "no field to set: says so"
unchanged "no field to set: the store is unchanged"

run acct-edit --phone 555-0100
status_is 2 "no account: exit 2"
err_is "acct-edit: no account given
Try 'acct-edit --help'." "no account: says so"

run acct-edit --phone 555-0100 1001 1002
status_is 2 "two accounts: exit 2"
err_is "acct-edit: one ACCOUNT only
Try 'acct-edit --help'." "two accounts: says so"
unchanged "two accounts: the store is unchanged"

bad() {	# DESC OPTION VALUE MESSAGE
	store_dump > "$T/before"
	run acct-edit "--$2" "$3" 1001
	status_is 2 "$1: exit 2"
	err_is "acct-edit: option --$2: $4
Try 'acct-edit --help'." "$1: the option, the value and why"
	out_empty "$1: nothing printed"
	unchanged "$1: the store is unchanged"
}
bad "status gone" status gone "'gone': not one of active, off, final, closed"
bad "heat maybe" heat maybe "'maybe': not yes or no"
bad "life support maybe" life-support maybe "'maybe': not yes or no"
bad "medical until no such day" medical-until 2026-02-30 "'2026-02-30': no such day"
bad "a rate class with a space" rate-class 'small business' "'small business': letters, digits, '-' and '_' only"
bad "a control character in a name" name "$(printf 'Ann\033Able')" "'Ann\\x1bAble': control characters are not allowed"
bad "a name too long" name "$(printf '%0201d' 0)" "'000000000000000000000000000000000000000000000000000000000000...': longer than 200 bytes"

store_dump > "$T/before"
run acct-edit --status gone --phone 555-0100 1001
status_is 2 "a bad value among good ones: exit 2"
unchanged "a bad value among good ones: none of them written"

run acct-edit -d "$T/none.db" --phone 1 1001
status_is 1 "a missing store: exit 1"
err_has "acct-db init" "a missing store: says how to make one"

# usage
run acct-edit --date 2026-02-30 --phone 1 1001
status_is 2 "a bad --date: exit 2"
err_has "2026-02-30" "a bad --date: quoted"

run acct-edit --opened-on 2020-01-01 1001
status_is 2 "a bad option: exit 2"
err_has "Try 'acct-edit --help'." "a bad option: points to --help"
unchanged "bad options: the store is unchanged"

run acct-edit --help
status_is 0 "--help: exit 0"
out_has "Usage: acct-edit" "--help: usage on stdout"
err_empty "--help: nothing on stderr"

run acct-edit --version
status_is 0 "--version: exit 0"
out_has "acct-edit (acctkit) " "--version names the program and the package"

done_testing
