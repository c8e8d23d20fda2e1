-- A newer team server than this client knows (tests only): an extra column with a default and an extra table.
ALTER TABLE team.change ADD COLUMN origin_app TEXT NOT NULL DEFAULT 'unknown';
CREATE TABLE team.audit_note (id BIGSERIAL PRIMARY KEY, note TEXT);
