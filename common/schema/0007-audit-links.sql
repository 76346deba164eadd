-- acctkit store, schema version 7: each audit line may name the batch of
-- entries or the document whose writing it records, so that 'acct-db
-- check' can prove every write has its line.

ALTER TABLE audit ADD COLUMN batch INTEGER REFERENCES batches (id);
ALTER TABLE audit ADD COLUMN document TEXT;
CREATE INDEX audit_by_batch ON audit (batch) WHERE batch IS NOT NULL;
CREATE INDEX audit_by_document ON audit (document)
	WHERE document IS NOT NULL;

-- What was written before this version has its audit lines already, only
-- without the link: one more line for each, naming it, keeps the trail
-- append-only.
INSERT INTO audit (at, login, program, what, batch)
	SELECT at, login, program, 'batch ' || id || ' (linked at schema 7)',
	id FROM batches;
INSERT INTO audit (at, login, program, what, document)
	SELECT made_at, login, 'plan-agree', 'agreement ' || number
	|| ' (linked at schema 7)', number FROM plans;
INSERT INTO audit (at, login, program, what, document)
	SELECT opened_on || 'T00:00:00Z', login, 'case-open', 'case '
	|| number || ' (linked at schema 7)', number FROM cases;
INSERT INTO audit (at, login, program, what, document)
	SELECT requested_on || 'T00:00:00Z', login, 'orders', 'order '
	|| number || ' (linked at schema 7)', number FROM orders;
INSERT INTO audit (at, login, program, what, document)
	SELECT at, login, 'shutoff-notice', 'notice ' || number
	|| ' (linked at schema 7)', number FROM notices;
INSERT INTO audit (at, login, program, what, document)
	SELECT at, login, 'bill-print', 'bill ' || number
	|| ' (linked at schema 7)', number FROM bills;
INSERT INTO audit (at, login, program, what, document)
	SELECT at, login, 'affidavit', 'affidavit ' || number
	|| ' (linked at schema 7)', number FROM affidavits;
INSERT INTO audit (at, login, program, what, document)
	SELECT at, login, 'cert-issue', 'certificate ' || number
	|| ' (linked at schema 7)', number FROM certificates;
