#!/bin/sh
# contact-log: contacts recorded on the business date, audited; refusals.
. "$top_srcdir/tests/cli/lib.sh"
make_store
clerk=$(id -un 2>/dev/null || echo "uid $(id -u)")

store_dump > "$T/before"
run contact-log 1001 --channel phone --note "asked why the bill went up"
status_is 0 "a contact: exit 0"
out_is "contact,account,on_date,channel,kind,note,clerk
1,1001,2026-11-27,phone,inquiry,asked why the bill went up,$clerk" "printed; the kind is inquiry unless said"
err_empty "nothing on stderr"
is "1001|2026-11-27|phone|inquiry|asked why the bill went up" \
	"$("$SQLITE3" "$ACCTKIT_DB" "SELECT account, on_date, channel, kind, note FROM contacts")" "stored"
is "contact 1 with account 1001: phone inquiry" \
	"$("$SQLITE3" "$ACCTKIT_DB" "SELECT what FROM audit WHERE program = 'contact-log'")" "audited"

run contact-log --date 2026-11-20 --kind contact-attempt --channel field 1005 --note "left a door hanger, no answer"
out_is "contact,account,on_date,channel,kind,note,clerk
2,1005,2026-11-20,field,contact-attempt,\"left a door hanger, no answer\",$clerk" "--date and --kind; a comma in the note is quoted"

run contact-log --kind complaint --channel in-person --note "water brown" --format table 1002
# the clerk column is as wide as the login running the test, at least 5
w=${#clerk}; [ "$w" -ge 5 ] || w=5
dashes=$(printf '%*s' "$w" '' | tr ' ' '-')
out_is "contact  account  on_date     channel    kind       note         clerk
-------  -------  ----------  ---------  ---------  -----------  $dashes
      3  1002     2026-11-27  in-person  complaint  water brown  $clerk" "--format table"

for ch in mail email; do
	run contact-log 1003 --channel $ch --kind other --note "sent the form"
	status_is 0 "--channel $ch"
done

store_dump > "$T/before"
run contact-log -n 1004 --channel phone --note "called"
status_is 0 "-n: exit 0"
out_is "contact,account,on_date,channel,kind,note,clerk
6,1004,2026-11-27,phone,inquiry,called,$clerk" "-n: prints what it would record"
err_is "contact-log: dry run: nothing was recorded" "-n: says so"
store_dump > "$T/after"
is "" "$(cmp "$T/before" "$T/after")" "-n: the store did not change"

refused() {	# STATUS MESSAGE DESC -- the last run was refused, store unchanged
	status_is "$1" "$3: exit $1"
	err_is "$2" "$3: the message"
	is "" "$(cat "$T/out")" "$3: nothing on stdout"
	store_dump > "$T/after"
	is "" "$(cmp "$T/before" "$T/after")" "$3: the store did not change"
}

run contact-log 9999 --channel phone --note "who?"
refused 1 "contact-log: account '9999': no such account" "an unknown account"

run contact-log 1001 --channel fax --note "x"
refused 2 "contact-log: option --channel: 'fax': not phone, in-person, mail, email or field
Try 'contact-log --help'." "a bad channel"

run contact-log 1001 --channel phone --kind visit --note "x"
refused 2 "contact-log: option --kind: 'visit': not inquiry, complaint, contact-attempt or other
Try 'contact-log --help'." "a bad kind"

run contact-log 1001 --note "x"
refused 2 "contact-log: no --channel given
Try 'contact-log --help'." "no --channel"

run contact-log 1001 --channel phone
refused 2 "contact-log: no --note given
Try 'contact-log --help'." "no --note"

run contact-log 1001 --channel phone --note ""
refused 2 "contact-log: option --note: '': empty
Try 'contact-log --help'." "an empty note"

run contact-log --channel smoke --kind x
refused 2 "contact-log: no account given
contact-log: option --channel: 'smoke': not phone, in-person, mail, email or field
contact-log: option --kind: 'x': not inquiry, complaint, contact-attempt or other
contact-log: no --note given
Try 'contact-log --help'." "several mistakes: every one named"

run contact-log 1001 1002 --channel phone --note x
refused 2 "contact-log: one ACCOUNT only
Try 'contact-log --help'." "two accounts"

run contact-log --date 2026-02-30 1001 --channel phone --note x
status_is 2 "a bad --date: exit 2"
err_has "2026-02-30" "a bad --date: quoted"

run contact-log -d "$T/none.db" 1001 --channel phone --note x
status_is 1 "a missing store: exit 1"

run contact-log --no-such-option
status_is 2 "a bad option: exit 2"
err_has "Try 'contact-log --help'." "a bad option: points to --help"

run contact-log --help
status_is 0 "--help: exit 0"
out_has "Usage: contact-log [-n] [-d FILE] --channel C" "--help: the synopsis on stdout"
err_empty "--help: nothing on stderr"

run contact-log --version
status_is 0 "--version: exit 0"
out_has "acctkit" "--version names the package"

done_testing
