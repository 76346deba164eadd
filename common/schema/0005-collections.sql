-- acctkit store, schema version 5: termination notices, and what a
-- shut-off order was scheduled on.

-- Final termination notices served, numbered without gaps per year:
-- N2026-000001.  Never changed: a notice stops counting when an agreement
-- is signed after it, when it expires, or when a shut-off it supported is
-- completed.
CREATE TABLE notices (
	number		TEXT PRIMARY KEY,
	year		INTEGER NOT NULL,
	seq		INTEGER NOT NULL,
	account		TEXT NOT NULL REFERENCES accounts (number),
	served_on	TEXT NOT NULL,
	earliest_shutoff TEXT NOT NULL,	-- served_on + shutoff.notice_days
	expires_on	TEXT NOT NULL,	-- served_on + shutoff.notice_valid_days
	arrears		INTEGER NOT NULL,	-- cents, as noticed
	balance		INTEGER NOT NULL,
	login		TEXT NOT NULL,
	at		TEXT NOT NULL,		-- UTC
	UNIQUE (year, seq)
) STRICT;
CREATE INDEX notices_by_account ON notices (account, served_on);

CREATE TRIGGER notices_no_change BEFORE UPDATE ON notices
BEGIN
	SELECT RAISE(ABORT, 'notices are never changed: serve a new one');
END;
CREATE TRIGGER notices_no_delete BEFORE DELETE ON notices
BEGIN
	SELECT RAISE(ABORT, 'notices are never deleted');
END;

-- A shut-off order names the notice it rests on and the arrears it was
-- scheduled for.
ALTER TABLE orders ADD COLUMN notice TEXT REFERENCES notices (number);
ALTER TABLE orders ADD COLUMN arrears INTEGER;
