#!/bin/sh
# crash: the quick form of tests/stress/crash: ledger-post, pay-post --batch
# and acct-adjust --batch each killed with SIGKILL 4 times (12 kills, half-size batches) at
# seeded random moments; after each, check, all or nothing, gapless receipts,
# and the re-run completes the batch.  make check-stress kills each 100 times.
set -- -q -k 4
. "$top_srcdir/tests/stress/crash"
