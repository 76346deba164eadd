#!/bin/sh
# The man pages: mandoc -T lint says nothing at warning level; every program
# has its page and its shell test.
. "$top_srcdir/tests/cli/lib.sh"

: "${MANDOC:=}"
for page in "$top_srcdir"/man/*.[1-9]; do
	name=man/${page##*/}
	if [ -z "$MANDOC" ]; then
		pass "$name: lint # SKIP MANDOC is not set"
		continue
	fi
	run "$MANDOC" -T lint -W warning "$page"
	is "" "$(cat "$T/out" "$T/err")" "$name: mandoc -T lint -W warning says nothing"
done

for src in "$top_srcdir"/cmd/*.c; do
	name=${src##*/}
	name=${name%.c}
	if [ -f "$top_srcdir/man/$name.1" ]; then pass "$name has a man page"; else
		fail "$name has a man page"; echo "# missing: man/$name.1"
	fi
	if [ -f "$top_srcdir/tests/cli/$name.t" ]; then pass "$name has a shell test"; else
		fail "$name has a shell test"; echo "# missing: tests/cli/$name.t"
	fi
done

for page in acctkit.7 acctkit-store.5; do
	if [ -f "$top_srcdir/man/$page" ]; then pass "man/$page is there"; else
		fail "man/$page is there"
	fi
done

done_testing
