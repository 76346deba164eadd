-- acctkit store, schema version 6: the documents customers take home or
-- sign: bills, affidavits, full payment certificates.

-- Bills, numbered without gaps per year: B2026-000001.  Never changed: the
-- next bill's previous_due is this one's amount_due.
CREATE TABLE bills (
	number		TEXT PRIMARY KEY,
	year		INTEGER NOT NULL,
	seq		INTEGER NOT NULL,
	account		TEXT NOT NULL REFERENCES accounts (number),
	issued_on	TEXT NOT NULL,		-- the business date
	period_from	TEXT NOT NULL,		-- the period the bill names;
	period_to	TEXT NOT NULL,		-- its entries: see last_entry
	previous_due	INTEGER NOT NULL,	-- the last bill's amount_due
	payments	INTEGER NOT NULL,	-- cents, as stored (credits < 0)
	adjustments	INTEGER NOT NULL,	-- adjustments, refunds, deposits
	new_charges	INTEGER NOT NULL,	-- charges and fees
	amount_due	INTEGER NOT NULL,	-- the balance on issued_on
	arrears		INTEGER NOT NULL,	-- of it, past due
	installment	INTEGER NOT NULL DEFAULT 0,	-- an agreement's due
	installment_due_on TEXT,			-- and its day
	plan		TEXT REFERENCES plans (number),
	-- the account's highest entry when the bill was made: the bill covers
	-- the entries up to it posted on or before issued_on that no earlier
	-- bill covered, so an auditor can list them again exactly
	last_entry	INTEGER NOT NULL DEFAULT 0,
	due_on		TEXT NOT NULL,		-- issued_on + bill.due_days
	final		INTEGER NOT NULL DEFAULT 0 CHECK (final = 0 OR final = 1),
	deposit_applied	INTEGER NOT NULL DEFAULT 0,	-- a final bill's, cents
	login		TEXT NOT NULL,
	at		TEXT NOT NULL,		-- UTC
	UNIQUE (year, seq),
	CHECK (amount_due = previous_due + payments + adjustments + new_charges)
) STRICT;
CREATE INDEX bills_by_account ON bills (account, issued_on);

-- Affidavits prepared for a customer to sign, numbered without gaps per
-- year: A2026-000001; the fields as given and as filled from the store.
CREATE TABLE affidavits (
	number		TEXT PRIMARY KEY,
	year		INTEGER NOT NULL,
	seq		INTEGER NOT NULL,
	account		TEXT NOT NULL REFERENCES accounts (number),
	kind		TEXT NOT NULL CHECK (kind = 'tenant' OR kind = 'identity'
			OR kind = 'medical' OR kind = 'hardship'
			OR kind = 'statement'),
	prepared_on	TEXT NOT NULL,
	status		TEXT NOT NULL DEFAULT 'prepared'
			CHECK (status = 'prepared' OR status = 'signed'
			OR status = 'received'),
	received_on	TEXT,
	effective_on	TEXT,		-- what it attests holds from
	end_on		TEXT,		-- and until
	login		TEXT NOT NULL,
	at		TEXT NOT NULL,
	UNIQUE (year, seq)
) STRICT;
CREATE INDEX affidavits_by_account ON affidavits (account);

CREATE TABLE affidavit_fields (
	affidavit	TEXT NOT NULL REFERENCES affidavits (number),
	name		TEXT NOT NULL,
	value		TEXT NOT NULL,
	PRIMARY KEY (affidavit, name)
) STRICT, WITHOUT ROWID;

-- Full payment certificates, numbered without gaps per year:
-- FPC2026-000001, each with a random verification code.
CREATE TABLE certificates (
	number		TEXT PRIMARY KEY,
	year		INTEGER NOT NULL,
	seq		INTEGER NOT NULL,
	account		TEXT NOT NULL REFERENCES accounts (number),
	code		TEXT NOT NULL,
	issued_on	TEXT NOT NULL,		-- the business date
	as_of		TEXT NOT NULL,
	valid_until	TEXT NOT NULL,		-- as_of + cert.valid_days
	balance		INTEGER NOT NULL,	-- certified, cents (<= 0)
	fee_entry	INTEGER REFERENCES entries (id),
	status		TEXT NOT NULL DEFAULT 'valid'
			CHECK (status = 'valid' OR status = 'void'),
	voided_on	TEXT,
	void_reason	TEXT NOT NULL DEFAULT '',
	login		TEXT NOT NULL,
	at		TEXT NOT NULL,
	UNIQUE (year, seq)
) STRICT;
CREATE INDEX certificates_by_account ON certificates (account);

CREATE TRIGGER bills_no_change BEFORE UPDATE ON bills
BEGIN
	SELECT RAISE(ABORT, 'bills are never changed');
END;
CREATE TRIGGER bills_no_delete BEFORE DELETE ON bills
BEGIN
	SELECT RAISE(ABORT, 'bills are never deleted');
END;
CREATE TRIGGER affidavits_no_delete BEFORE DELETE ON affidavits
BEGIN
	SELECT RAISE(ABORT, 'affidavits are never deleted');
END;
CREATE TRIGGER affidavit_fields_no_change BEFORE UPDATE ON affidavit_fields
BEGIN
	SELECT RAISE(ABORT, 'affidavit fields are never changed');
END;
CREATE TRIGGER certificates_no_delete BEFORE DELETE ON certificates
BEGIN
	SELECT RAISE(ABORT, 'certificates are never deleted: void one');
END;
-- A certificate changes only to be voided, once.
CREATE TRIGGER certificates_only_void BEFORE UPDATE ON certificates
WHEN OLD.status <> 'valid' OR NEW.status <> 'void'
	OR NEW.voided_on IS NULL
	OR NEW.number IS NOT OLD.number OR NEW.year IS NOT OLD.year
	OR NEW.seq IS NOT OLD.seq OR NEW.account IS NOT OLD.account
	OR NEW.code IS NOT OLD.code OR NEW.as_of IS NOT OLD.as_of
	OR NEW.issued_on IS NOT OLD.issued_on
	OR NEW.valid_until IS NOT OLD.valid_until
	OR NEW.balance IS NOT OLD.balance
	OR NEW.fee_entry IS NOT OLD.fee_entry
	OR NEW.login IS NOT OLD.login OR NEW.at IS NOT OLD.at
BEGIN
	SELECT RAISE(ABORT, 'a certificate changes only to be voided, once');
END;
-- An affidavit changes only its status and the days that go with it.
CREATE TRIGGER affidavits_only_status BEFORE UPDATE ON affidavits
WHEN NEW.number IS NOT OLD.number OR NEW.year IS NOT OLD.year
	OR NEW.seq IS NOT OLD.seq OR NEW.account IS NOT OLD.account
	OR NEW.kind IS NOT OLD.kind OR NEW.prepared_on IS NOT OLD.prepared_on
	OR NEW.login IS NOT OLD.login OR NEW.at IS NOT OLD.at
	OR OLD.status = 'received'
BEGIN
	SELECT RAISE(ABORT, 'an affidavit changes only its status, until received');
END;
