#!/bin/sh
# concurrency: the quick form of tests/stress/concurrency: 4 writers (300
# counter payments, 100 lockbox batches, 100 adjustment batches and 100
# ledger-post batches of 50 rows) and 2 readers at once, at the default busy
# timeout; nothing lost, doubled or seen half-done.  make check-stress runs
# thousands.
set -- -c 300 -b 100 -r 50
. "$top_srcdir/tests/stress/concurrency"
