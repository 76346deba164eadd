#!/bin/sh
# fuzz-regress: the fuzz targets' inputs through the ordinary build.  Each
# target (tests/fuzz/fuzz_*.c, built with tests/fuzz/replay.c as main) keeps
# its properties over its seed corpus and its regression inputs; and each
# regression input, given to a program that reads that kind of input, ends
# with an exit status of 0, 1, 2 or 65, never a signal, and changes nothing.
. "$top_srcdir/tests/cli/lib.sh"

fuzz=$top_srcdir/tests/fuzz
replay=$top_builddir/tests/fuzz

# The exit statuses a program may give here; above 128 is a signal.
exit_clean() {
	case $status in
	0 | 1 | 2 | 65) pass "$1" ;;
	*)	fail "$1"; echo "# exit status $status"
		sed 's/^/# stderr: /' "$T/err" | head -n 5 ;;
	esac
}
# The text of an input up to its first NUL byte or newline.
first_line() { tr '\000' '\n' <"$1" | head -n 1; }
# The bytes of a file before its first NUL byte.
cut_at_nul() {
	if [ "$(tr -cd '\000' <"$1" | wc -c)" -eq 0 ]; then
		cat "$1"
		return
	fi
	n=$(tr -c '\000' x <"$1" | tr '\000' '\n' | head -n 1 | wc -c)
	head -c $((n - 1)) "$1"
}

for t in csv money date template plan; do
	run "$replay/replay-$t" "$fuzz/corpus/$t"
	status_is 0 "replay-$t: the properties hold over the seed corpus"
	for f in "$fuzz/regress/$t"/*; do
		[ -f "$f" ] || continue
		run "$replay/replay-$t" "$f"
		status_is 0 "replay-$t: the properties hold for regress/$t/${f##*/}"
	done
done

make_store
before=$(store_dump)

for f in "$fuzz"/regress/csv/*; do
	[ -f "$f" ] || continue
	name=${f##*/}
	run ledger-post -n -s fuzz "$f"
	exit_clean "ledger-post -n $name"
	run acct-import -n "$f"
	exit_clean "acct-import -n $name"
	run acct-show <"$f"
	exit_clean "acct-show <$name"
done

for f in "$fuzz"/regress/money/*; do
	[ -f "$f" ] || continue
	name=${f##*/} v=$(first_line "$f")
	run plan-calc --amount "$v" --count 3
	exit_clean "plan-calc --amount $name"
	run plan-calc --amount 100 --down "$v" --count 3
	exit_clean "plan-calc --down $name"
done

for f in "$fuzz"/regress/date/*; do
	[ -f "$f" ] || continue
	name=${f##*/} v=$(first_line "$f")
	run plan-calc --amount 100 --count 3 --date "$v"
	exit_clean "plan-calc --date $name"
	run plan-calc --amount 100 --count 3 --first "$v" --shift next
	exit_clean "plan-calc --first $name"
done

# a site's own bill template, as it is and cut at its first NUL byte
mkdir "$T/tpl"
ACCTKIT_TEMPLATES=$T/tpl
export ACCTKIT_TEMPLATES
for f in "$fuzz"/regress/template/*; do
	[ -f "$f" ] || continue
	name=${f##*/}
	cp "$f" "$T/tpl/bill.txt"
	run bill-print -n 1002
	exit_clean "bill-print -n with $name"
	cut_at_nul "$f" >"$T/tpl/bill.txt"
	run bill-print -n 1002
	exit_clean "bill-print -n with $name, cut at its NUL"
done
unset ACCTKIT_TEMPLATES

# an option set, one name=value a line, as plan-calc's options
for f in "$fuzz"/regress/plan/*; do
	[ -f "$f" ] || continue
	name=${f##*/}
	set --
	while IFS= read -r line; do
		case ${line%%=*} in
		amount | count | date | down | every | first | rate | round | shift)
			set -- "$@" "--$line" ;;
		esac
	done <"$f"
	run plan-calc "$@"
	exit_clean "plan-calc with $name"
done

# what the fuzzer found, as a clerk would meet it: a bare CR ends a row
# only where a line ends, on the last line of a file too
run acct-show <"$fuzz/regress/csv/bare-cr-one-column.csv"
status_is 65 "a bare CR then a value on the last line: refused"
err_is "acct-show: stdin:1: a carriage return in an unquoted field" \
	"a bare CR then a value on the last line: said on line 1"

is "$before" "$(store_dump)" "the store is unchanged"

done_testing
