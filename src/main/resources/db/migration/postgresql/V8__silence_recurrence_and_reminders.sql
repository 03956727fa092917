-- Recurring maintenance windows: a silence may mute only inside named time_intervals (recurrence,
-- a JSON array of names; '[]' for a one-off silence as Alertmanager's) and name the receiver told
-- about it (owner, null when nobody is), and which reminders the owner got (reminded, a JSON array
-- of reminder keys), so neither a restart nor a replica sends one twice.
ALTER TABLE silences ADD COLUMN recurrence TEXT NOT NULL DEFAULT '[]';
ALTER TABLE silences ADD COLUMN owner TEXT;
ALTER TABLE silences ADD COLUMN reminded TEXT NOT NULL DEFAULT '[]';
