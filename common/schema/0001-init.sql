-- acctkit store, schema version 1: accounts, the ledger, policy, holidays,
-- reasons, clerks and the audit trail.  Money is integer cents; dates are
-- ISO text YYYY-MM-DD; timestamps are UTC ISO text.

CREATE TABLE accounts (
	number		TEXT PRIMARY KEY,
	name		TEXT NOT NULL DEFAULT '',
	service_address	TEXT NOT NULL DEFAULT '',
	mailing_address	TEXT NOT NULL DEFAULT '',
	phone		TEXT NOT NULL DEFAULT '',
	email		TEXT NOT NULL DEFAULT '',
	rate_class	TEXT NOT NULL DEFAULT 'residential',
	status		TEXT NOT NULL DEFAULT 'active'
			CHECK (status IN ('active', 'off', 'final', 'closed')),
	opened_on	TEXT,
	closed_on	TEXT,
	heat		INTEGER NOT NULL DEFAULT 0 CHECK (heat IN (0, 1)),
	life_support	INTEGER NOT NULL DEFAULT 0 CHECK (life_support IN (0, 1)),
	ebd		INTEGER NOT NULL DEFAULT 0 CHECK (ebd IN (0, 1)),
	medical_until	TEXT,
	-- materialized: the sum of the account's entries (acct-db check proves it)
	balance		INTEGER NOT NULL DEFAULT 0,
	-- the latest posted_on among its entries, so that a balance as of a
	-- date on or after it needs no sum
	last_posted_on	TEXT
) STRICT;

CREATE TABLE reasons (
	code		TEXT PRIMARY KEY,
	description	TEXT NOT NULL,
	customer_text	TEXT NOT NULL,
	direction	TEXT NOT NULL DEFAULT 'either'
			CHECK (direction IN ('debit', 'credit', 'either'))
) STRICT;

-- Who posted a batch of entries, when and with which program: one row a
-- run of a program that posts, so the entries need not repeat it.
CREATE TABLE batches (
	id		INTEGER PRIMARY KEY,
	at		TEXT NOT NULL,
	login		TEXT NOT NULL,
	program		TEXT NOT NULL
) STRICT;

-- The ledger: append-only.  A correction is a new entry; a reversal names
-- the entry it reverses.
CREATE TABLE entries (
	id		INTEGER PRIMARY KEY,
	account		TEXT NOT NULL REFERENCES accounts (number),
	posted_on	TEXT NOT NULL,
	-- ORs, not IN (...), which SQLite checks with a table made per row
	kind		TEXT NOT NULL CHECK (kind = 'charge' OR kind = 'payment'
			OR kind = 'fee' OR kind = 'adjustment' OR kind = 'refund'
			OR kind = 'deposit'),
	amount		INTEGER NOT NULL CHECK (amount <> 0),
	source		TEXT NOT NULL,
	ref		TEXT NOT NULL,
	memo		TEXT NOT NULL DEFAULT '',
	reason		TEXT REFERENCES reasons (code),
	reverses	INTEGER REFERENCES entries (id),
	batch		INTEGER NOT NULL REFERENCES batches (id),
	UNIQUE (source, ref)
) STRICT;
CREATE INDEX entries_by_account ON entries (account, posted_on);
-- an entry is reversed at most once
CREATE UNIQUE INDEX entries_reversed_once ON entries (reverses)
	WHERE reverses IS NOT NULL;

CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries
BEGIN
	SELECT RAISE(ABORT, 'ledger entries are never changed: post a correcting entry');
END;
CREATE TRIGGER batches_no_update BEFORE UPDATE ON batches
BEGIN
	SELECT RAISE(ABORT, 'batches are never changed');
END;
CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries
BEGIN
	SELECT RAISE(ABORT, 'ledger entries are never deleted: post a reversal');
END;

CREATE TABLE policy (
	key		TEXT PRIMARY KEY,
	value		TEXT NOT NULL
) STRICT;

CREATE TABLE holidays (
	day		TEXT PRIMARY KEY,
	name		TEXT NOT NULL
) STRICT;

CREATE TABLE clerks (
	login		TEXT PRIMARY KEY,
	name		TEXT NOT NULL DEFAULT '',
	role		TEXT NOT NULL DEFAULT 'clerk'
			CHECK (role IN ('clerk', 'supervisor')),
	adjust_limit	INTEGER		-- cents; NULL: policy adjust.clerk_limit
) STRICT;

CREATE TABLE audit (
	id		INTEGER PRIMARY KEY,
	at		TEXT NOT NULL,
	login		TEXT NOT NULL,
	program		TEXT NOT NULL,
	what		TEXT NOT NULL
) STRICT;

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
	SELECT RAISE(ABORT, 'the audit trail is never changed');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
	SELECT RAISE(ABORT, 'the audit trail is never deleted');
END;
