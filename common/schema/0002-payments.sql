-- acctkit store, schema version 2: adjustments' approvals and receipts.

-- The supervisor who approved an adjustment over the clerk's limit.
ALTER TABLE entries ADD COLUMN approved_by TEXT;

-- Receipts, numbered without gaps per year: R2026-000001.  A void receipt
-- is numbered in the same series and names the receipt it voids; a receipt
-- is voided at most once.  Never changed or deleted.
CREATE TABLE receipts (
	number		TEXT PRIMARY KEY,
	year		INTEGER NOT NULL,
	seq		INTEGER NOT NULL,
	account		TEXT NOT NULL REFERENCES accounts (number),
	entry		INTEGER NOT NULL UNIQUE REFERENCES entries (id),
	amount		INTEGER NOT NULL,	-- cents paid; a void's is negative
	tender		TEXT NOT NULL CHECK (tender = 'cash' OR tender = 'check'
			OR tender = 'card' OR tender = 'money-order'),
	check_no	TEXT NOT NULL DEFAULT '',
	paid_on		TEXT NOT NULL,
	balance_before	INTEGER NOT NULL,
	balance_after	INTEGER NOT NULL,
	login		TEXT NOT NULL,
	issued_at	TEXT NOT NULL,
	voids		TEXT UNIQUE REFERENCES receipts (number),
	reason		TEXT NOT NULL DEFAULT '',
	approved_by	TEXT,
	UNIQUE (year, seq)
) STRICT;
CREATE INDEX receipts_by_account ON receipts (account);

CREATE TRIGGER receipts_no_update BEFORE UPDATE ON receipts
BEGIN
	SELECT RAISE(ABORT, 'receipts are never changed: void one');
END;
CREATE TRIGGER receipts_no_delete BEFORE DELETE ON receipts
BEGIN
	SELECT RAISE(ABORT, 'receipts are never deleted: void one');
END;
