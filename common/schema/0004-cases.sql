-- acctkit store, schema version 4: contacts with customers, complaint
-- cases and their notes, field orders.

-- What was said with a customer, by whom, when: never changed.
CREATE TABLE contacts (
	id		INTEGER PRIMARY KEY,
	account		TEXT NOT NULL REFERENCES accounts (number),
	on_date		TEXT NOT NULL,		-- the business date
	at		TEXT NOT NULL,		-- UTC
	channel		TEXT NOT NULL CHECK (channel = 'phone'
			OR channel = 'in-person' OR channel = 'mail'
			OR channel = 'email' OR channel = 'field'),
	kind		TEXT NOT NULL CHECK (kind = 'inquiry' OR kind = 'complaint'
			OR kind = 'contact-attempt' OR kind = 'other'),
	note		TEXT NOT NULL,
	login		TEXT NOT NULL
) STRICT;
CREATE INDEX contacts_by_account ON contacts (account, at);

-- Complaints, numbered without gaps per year: C2026-00001.
CREATE TABLE cases (
	number		TEXT PRIMARY KEY,
	year		INTEGER NOT NULL,
	seq		INTEGER NOT NULL,
	account		TEXT NOT NULL REFERENCES accounts (number),
	category	TEXT NOT NULL CHECK (category = 'billing'
			OR category = 'service' OR category = 'meter'
			OR category = 'shutoff' OR category = 'other'),
	channel		TEXT NOT NULL,
	summary		TEXT NOT NULL,
	disputed	INTEGER,		-- cents, or NULL
	status		TEXT NOT NULL DEFAULT 'open' CHECK (status = 'open'
			OR status = 'investigating'
			OR status = 'waiting-customer' OR status = 'closed'),
	opened_on	TEXT NOT NULL,
	due_on		TEXT NOT NULL,
	closed_on	TEXT,
	resolution	TEXT NOT NULL DEFAULT '',
	adjustment	INTEGER REFERENCES entries (id),
	login		TEXT NOT NULL,
	UNIQUE (year, seq)
) STRICT;
CREATE INDEX cases_by_account ON cases (account);
CREATE INDEX cases_by_status ON cases (status, due_on);

-- What was done on a case, in order: never changed.
CREATE TABLE case_notes (
	id		INTEGER PRIMARY KEY,
	case_number	TEXT NOT NULL REFERENCES cases (number),
	at		TEXT NOT NULL,
	login		TEXT NOT NULL,
	note		TEXT NOT NULL,
	status		TEXT NOT NULL		-- the case's status after it
) STRICT;
CREATE INDEX case_notes_by_case ON case_notes (case_number, id);

-- Field work: investigations, shut-offs, restorations, numbered without
-- gaps per year: O2026-000001.
CREATE TABLE orders (
	number		TEXT PRIMARY KEY,
	year		INTEGER NOT NULL,
	seq		INTEGER NOT NULL,
	account		TEXT NOT NULL REFERENCES accounts (number),
	type		TEXT NOT NULL CHECK (type = 'investigation'
			OR type = 'shutoff' OR type = 'restoration'),
	reason		TEXT NOT NULL,
	priority	TEXT NOT NULL CHECK (priority = 'routine'
			OR priority = 'special'),
	requested_on	TEXT NOT NULL,
	scheduled_for	TEXT NOT NULL,
	status		TEXT NOT NULL DEFAULT 'scheduled'
			CHECK (status = 'scheduled' OR status = 'completed'
			OR status = 'cancelled'),
	result		TEXT NOT NULL DEFAULT '',
	completed_on	TEXT,
	case_number	TEXT REFERENCES cases (number),
	note		TEXT NOT NULL DEFAULT '',
	login		TEXT NOT NULL,
	UNIQUE (year, seq)
) STRICT;
CREATE INDEX orders_by_day ON orders (scheduled_for);
CREATE INDEX orders_by_account ON orders (account);

CREATE TRIGGER contacts_no_change BEFORE UPDATE ON contacts
BEGIN
	SELECT RAISE(ABORT, 'contacts are never changed');
END;
CREATE TRIGGER contacts_no_delete BEFORE DELETE ON contacts
BEGIN
	SELECT RAISE(ABORT, 'contacts are never deleted');
END;
CREATE TRIGGER case_notes_no_change BEFORE UPDATE ON case_notes
BEGIN
	SELECT RAISE(ABORT, 'case notes are never changed');
END;
CREATE TRIGGER case_notes_no_delete BEFORE DELETE ON case_notes
BEGIN
	SELECT RAISE(ABORT, 'case notes are never deleted');
END;
CREATE TRIGGER cases_no_delete BEFORE DELETE ON cases
BEGIN
	SELECT RAISE(ABORT, 'cases are never deleted: close one');
END;
CREATE TRIGGER orders_no_delete BEFORE DELETE ON orders
BEGIN
	SELECT RAISE(ABORT, 'orders are never deleted: cancel one');
END;
