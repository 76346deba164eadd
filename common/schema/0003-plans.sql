-- acctkit store, schema version 3: payment agreements and their
-- installments.

-- An agreement, numbered without gaps per year: P2026-000001.  At most one
-- in force per account.  Its status changes (plan-check, a cancel); every
-- change is audited.
CREATE TABLE plans (
	number		TEXT PRIMARY KEY,
	year		INTEGER NOT NULL,
	seq		INTEGER NOT NULL,
	account		TEXT NOT NULL REFERENCES accounts (number),
	agreed_on	TEXT NOT NULL,
	amount		INTEGER NOT NULL CHECK (amount > 0),
	down		INTEGER NOT NULL CHECK (down >= 0),
	down_cap	INTEGER NOT NULL,	-- the most the office could ask
	offered		INTEGER NOT NULL DEFAULT 0 CHECK (offered = 0 OR offered = 1),
	count		INTEGER NOT NULL CHECK (count >= 1),
	every		TEXT NOT NULL CHECK (every = 'month' OR every = '2weeks'
			OR every = 'week'),
	rate		INTEGER NOT NULL DEFAULT 0,	-- millionths of a percent a period
	status		TEXT NOT NULL DEFAULT 'in-force'
			CHECK (status = 'in-force' OR status = 'kept'
			OR status = 'broken' OR status = 'cancelled'),
	status_on	TEXT,
	reason		TEXT NOT NULL DEFAULT '',	-- why it was cancelled
	login		TEXT NOT NULL,
	made_at		TEXT NOT NULL,
	UNIQUE (year, seq)
) STRICT;
CREATE INDEX plans_by_account ON plans (account);
CREATE UNIQUE INDEX plans_one_in_force ON plans (account)
	WHERE status = 'in-force';

-- The down payment (seq 0) and the installments of an agreement, as
-- plan-calc computes them; paid and status are kept by plan-check.
CREATE TABLE installments (
	plan		TEXT NOT NULL REFERENCES plans (number),
	seq		INTEGER NOT NULL CHECK (seq >= 0),
	due_on		TEXT NOT NULL,
	amount		INTEGER NOT NULL,
	principal	INTEGER NOT NULL,
	interest	INTEGER NOT NULL,
	paid		INTEGER NOT NULL DEFAULT 0,
	status		TEXT NOT NULL DEFAULT 'due'
			CHECK (status = 'due' OR status = 'met' OR status = 'missed'),
	PRIMARY KEY (plan, seq)
) STRICT;

CREATE TRIGGER plans_no_delete BEFORE DELETE ON plans
BEGIN
	SELECT RAISE(ABORT, 'agreements are never deleted: cancel one');
END;
CREATE TRIGGER installments_no_delete BEFORE DELETE ON installments
BEGIN
	SELECT RAISE(ABORT, 'installments are never deleted');
END;
