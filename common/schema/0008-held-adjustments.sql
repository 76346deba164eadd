-- acctkit store, schema version 8: adjustments held for a supervisor's
-- approval (acct-adjust --hold, --approve, --reject), so that an amount
-- over a clerk's limit is approved by the supervisor's own login rather
-- than claimed by the clerk with --approved-by.

-- Held adjustments, numbered without gaps per year: H2026-000001.  A held
-- row is decided once: approved (entry names the posted adjustment) or
-- rejected (note says why).  Never deleted.
CREATE TABLE held (
	number		TEXT PRIMARY KEY,
	year		INTEGER NOT NULL,
	seq		INTEGER NOT NULL,
	account		TEXT NOT NULL REFERENCES accounts (number),
	amount		INTEGER NOT NULL CHECK (amount <> 0),	-- cents, signed
	reason		TEXT NOT NULL REFERENCES reasons (code),
	memo		TEXT NOT NULL DEFAULT '',
	posted_on	TEXT NOT NULL,		-- the date the adjustment is for
	requested_by	TEXT NOT NULL,
	requested_at	TEXT NOT NULL,		-- UTC
	status		TEXT NOT NULL DEFAULT 'pending'
			CHECK (status = 'pending' OR status = 'approved'
			OR status = 'rejected'),
	decided_by	TEXT,
	decided_at	TEXT,			-- UTC
	note		TEXT NOT NULL DEFAULT '',	-- why it was rejected
	entry		INTEGER UNIQUE REFERENCES entries (id),
	UNIQUE (year, seq),
	CHECK ((status = 'approved') = (entry IS NOT NULL)),
	CHECK ((status = 'pending') = (decided_by IS NULL))
) STRICT;
CREATE INDEX held_by_status ON held (status, number);

CREATE TRIGGER held_no_delete BEFORE DELETE ON held
BEGIN
	SELECT RAISE(ABORT, 'held adjustments are never deleted: reject one');
END;
-- A held adjustment changes only to be decided, once: what was asked for
-- stays as it was asked.
CREATE TRIGGER held_only_decided BEFORE UPDATE ON held
WHEN OLD.status <> 'pending' OR NEW.status = 'pending'
	OR NEW.decided_by IS NULL OR NEW.decided_at IS NULL
	OR NEW.number IS NOT OLD.number OR NEW.year IS NOT OLD.year
	OR NEW.seq IS NOT OLD.seq OR NEW.account IS NOT OLD.account
	OR NEW.amount IS NOT OLD.amount OR NEW.reason IS NOT OLD.reason
	OR NEW.memo IS NOT OLD.memo OR NEW.posted_on IS NOT OLD.posted_on
	OR NEW.requested_by IS NOT OLD.requested_by
	OR NEW.requested_at IS NOT OLD.requested_at
BEGIN
	SELECT RAISE(ABORT, 'a held adjustment changes only to be approved or rejected, once');
END;
