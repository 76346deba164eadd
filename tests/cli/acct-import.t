#!/bin/sh
# acct-import: new, updated and unchanged accounts, audit, bad input, -n, stdin.
. "$top_srcdir/tests/cli/lib.sh"

audit() { "$SQLITE3" "$ACCTKIT_DB" "SELECT what FROM audit WHERE program = 'acct-import' ORDER BY id"; }

acct-db init 2>/dev/null || { echo "Bail out! cannot make a store"; exit 1; }

run acct-import "$fixtures/accounts.csv"
status_is 0 "the fixture accounts: imported"
out_is 'account,action,changes
1001,new,
1002,new,
1003,new,
1004,new,
1005,new,' "every new account is printed"
err_is "acct-import: 5 new, 0 updated, 0 unchanged" "the summary line on stderr"
run acct-show 1005
out_has '1005,"Eve Evans, Jr.",5 Elm St,,,,residential,active,2015-02-01,yes,yes,no,2026-12-15,' "every column is stored"
is "account 1001: new
account 1002: new
account 1003: new
account 1004: new
account 1005: new
imported accounts: 5 new, 0 updated, 0 unchanged" "$(audit)" "audited: each account, and the batch"

# new + updated + unchanged
printf 'account,name,status,heat\n1001,Ann Able,active,no\n1002,Bob Baker,off,no\n1006,Fay Ford,,\n' > "$T/up.csv"
run acct-import "$T/up.csv"
status_is 0 "a file of new, changed and unchanged accounts: exit 0"
out_is "account,action,changes
1002,updated,status 'active' -> 'off'; heat 'yes' -> 'no'
1006,new," "the rows changed, with old -> new; the unchanged one not printed"
err_is "acct-import: 1 new, 1 updated, 1 unchanged" "the three counts"
is "account 1002: status 'active' -> 'off'; heat 'yes' -> 'no'
account 1006: new
imported accounts: 1 new, 1 updated, 1 unchanged" "$(audit | tail -n 3)" "audited: the changes with old and new values"
run acct-show 1002
out_has '1002,Bob Baker,2 Elm St,PO Box 2,555-0102,,residential,off,2019-06-01,no,no,no,,0.00,' "an update keeps the columns the file lacks"
run acct-show 1006
out_has '1006,Fay Ford,,,,,residential,active,,no,no,no,,0.00,' "a new account with empty cells takes the defaults"

run acct-import "$T/up.csv"
status_is 0 "the same file again: exit 0"
out_is 'account,action,changes' "the same file again: nothing changed, the header alone"
err_is "acct-import: 0 new, 0 updated, 3 unchanged" "the same file again: all unchanged"

# -n
printf 'account,name\n1007,Gus Gray\n1001,Ann B. Able\n' > "$T/dry.csv"
store_dump > "$T/before"
run acct-import -n "$T/dry.csv"
status_is 0 "-n: exit 0"
out_is "account,action,changes
1007,new,
1001,updated,name 'Ann Able' -> 'Ann B. Able'" "-n: prints what it would do"
err_is "acct-import: dry run: would make 1 new, 1 updated, 0 unchanged" "-n: says it is a dry run"
unchanged "-n: the store is unchanged"

# stdin
printf 'account,name,rate_class\n1008,Hal Hill,commercial\n' > "$T/in.csv"
run acct-import < "$T/in.csv"
status_is 0 "CSV on stdin: exit 0"
out_is 'account,action,changes
1008,new,' "CSV on stdin: imported"
err_is "acct-import: 1 new, 0 updated, 0 unchanged" "CSV on stdin: counted"
run acct-show 1008
out_has '1008,Hal Hill,,,,,commercial,active,' "CSV on stdin: stored"

printf 'account,name\r\n1009,Ida Ives\r\n' > "$T/crlf.csv"
run acct-import "$T/crlf.csv"
status_is 0 "CRLF lines: exit 0"
run acct-show 1009
out_has '1009,Ida Ives,,' "CRLF lines: no carriage return kept in the last field"

# bad input: exit 65, the file, line and column named, nothing written
bad() {	# DESC CSV-TEXT MESSAGE
	printf '%s\n' "$2" > "$T/bad.csv"
	store_dump > "$T/before"
	run acct-import "$T/bad.csv"
	status_is 65 "$1: exit 65"
	err_is "acct-import: $T/bad.csv:$3" "$1: file, line and column named"
	out_empty "$1: nothing printed"
	unchanged "$1: the store is unchanged"
}
bad "an unknown column" 'account,nmae
1001,x' "1: column 'nmae': no such account field"
bad "no account column" 'name
x' "1: no 'account' column"
bad "an account number with a space, after a good row" 'account,name
1010,Jo Jones
10 02,y' "3: column 'account': '10 02': letters, digits and '-' only"
bad "an empty account number" 'account,name
,y' "2: column 'account': '': empty"
bad "an account number too long" 'account,name
123456789012345678901,y' "2: column 'account': '123456789012345678901': longer than 20 characters"
bad "status gone" 'account,status
1001,gone' "2: column 'status': 'gone': not one of active, off, final, closed"
bad "heat maybe" 'account,heat
1001,maybe' "2: column 'heat': 'maybe': not yes or no"
bad "medical_until 2026-02-30" 'account,medical_until
1001,2026-02-30' "2: column 'medical_until': '2026-02-30': no such day"
bad "opened_on not a date" 'account,opened_on
1001,15/01/2020' "2: column 'opened_on': '15/01/2020': not a date (YYYY-MM-DD)"
bad "a rate class with a space" 'account,rate_class
1001,small business' "2: column 'rate_class': 'small business': letters, digits, '-' and '_' only"
bad "a control character in a name" "$(printf 'account,name\n1001,Ann\033Able')" "2: column 'name': 'Ann\\x1bAble': control characters are not allowed"
bad "a tab in an address" "$(printf 'account,service_address\n1001,1\tElm St')" "2: column 'service_address': '1\\x09Elm St': control characters are not allowed"
bad "a row short of a field" 'account,name,phone
1001,Ann Able' "2: 2 fields, the header has 3"

printf 'account,name\n1011,Kim Kay\n' > "$T/good.csv"
printf 'account,status\n1001,gone\n' > "$T/bad.csv"
store_dump > "$T/before"
run acct-import "$T/good.csv" "$T/bad.csv"
status_is 65 "a good file then a bad one: exit 65"
err_is "acct-import: $T/bad.csv:2: column 'status': 'gone': not one of active, off, final, closed" "a good file then a bad one: the bad one named"
unchanged "a good file then a bad one: all or nothing"

run acct-import "$T/none.csv"
status_is 1 "a missing file: exit 1"
err_is "acct-import: $T/none.csv: No such file or directory" "a missing file: named"
unchanged "a missing file: the store is unchanged"

printf 'name\nx\n' > "$T/in.csv"
run acct-import < "$T/in.csv"
status_is 65 "stdin without an account column: exit 65"
err_is "acct-import: stdin:1: no 'account' column" "stdin without an account column: stdin named"
unchanged "stdin without an account column: the store is unchanged"

run acct-import -d "$T/none.db" "$T/good.csv"
status_is 1 "a missing store: exit 1"
err_has "acct-db init" "a missing store: says how to make one"

# usage
run acct-import --date 2026-02-30 "$T/good.csv"
status_is 2 "a bad --date: exit 2"
err_has "2026-02-30" "a bad --date: quoted"
unchanged "a bad --date: the store is unchanged"

run acct-import --format xml "$T/good.csv"
status_is 2 "a bad --format: exit 2"
err_is "acct-import: option --format: 'xml': not csv or table
Try 'acct-import --help'." "a bad --format: says so"

run acct-import --no-such-option
status_is 2 "a bad option: exit 2"
err_has "Try 'acct-import --help'." "a bad option: points to --help"

run acct-import --help
status_is 0 "--help: exit 0"
out_has "Usage: acct-import" "--help: usage on stdout"
err_empty "--help: nothing on stderr"

run acct-import --version
status_is 0 "--version: exit 0"
out_has "acct-import (acctkit) " "--version names the program and the package"

done_testing
