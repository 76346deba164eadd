## tests/hostile: what tests/cli/hostile.t and tests/cli/security.t read:
## the SQL texts tried in every text field, and sql-lint, the check that no
## SQL is assembled at run time.  Big hostile inputs are made by the tests.
EXTRA_DIST += tests/hostile/sql.txt tests/hostile/sql-lint
