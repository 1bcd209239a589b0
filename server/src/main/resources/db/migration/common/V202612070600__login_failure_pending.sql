-- A password attempt is recorded before its hash runs (pending), so attempts sent together
-- see each other; it becomes a failure (pending false) when the hash says so, and is deleted
-- when it succeeds or is paused.
ALTER TABLE lgn_failure ADD COLUMN pending boolean DEFAULT FALSE NOT NULL;
