/// The second schema step: the reminders outbox learns where a reminder goes, how often its
/// delivery was tried, and which run is delivering it (two runs at once never send it twice).
///
/// `reminders` is rebuilt rather than altered so that its `CREATE TABLE` keeps one documented
/// column per line (SQLite's `ADD COLUMN` appends columns to the last line, without comments,
/// where neither the `sqlite3` shell's reader nor ``Schema`` can see them). Nothing refers to
/// `reminders`, so the rebuild is a plain copy. Frozen once released.
enum SchemaV2 {
  static let sql = """
    CREATE TABLE reminders_v2 ( -- the reminders outbox: each reminder once (dedupe_key)
      id INTEGER PRIMARY KEY,
      rule TEXT NOT NULL, -- the rule that produced it, e.g. 'no_registration'
      recipient TEXT NOT NULL, -- who: the addressee's name
      address TEXT, -- where: the e-mail address, when known
      unit_id INTEGER REFERENCES units(id),
      person_id INTEGER REFERENCES people(id),
      registration_id INTEGER REFERENCES registrations(id) ON DELETE SET NULL,
      subject TEXT NOT NULL,
      body TEXT,
      due_date TEXT NOT NULL \(SchemaV1.day("due_date")), -- the day the rule fired, e.g. D1 − 14
      channel TEXT NOT NULL CHECK (channel IN ('stdout','file','sendmail')), -- how it was (or is to be) delivered
      status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sent','failed','cancelled')),
      dedupe_key TEXT NOT NULL UNIQUE, -- rule, recipient, subject and due date
      created_at TEXT NOT NULL, -- UTC, 'YYYY-MM-DDTHH:MM:SSZ'
      attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0), -- deliveries tried
      claimed_at TEXT, -- UTC, while a run delivers it; a claim older than 15 minutes was abandoned
      sent_at TEXT, -- UTC, when delivered
      error TEXT -- why the last delivery failed, or why it was cancelled
    );
    INSERT INTO reminders_v2 (id, rule, recipient, unit_id, person_id, registration_id, subject,
      body, due_date, channel, status, dedupe_key, created_at, attempts, sent_at, error)
    SELECT id, rule, recipient, unit_id, person_id, registration_id, subject, body, due_date,
      channel, status, dedupe_key, created_at, CASE WHEN status = 'pending' THEN 0 ELSE 1 END,
      sent_at, error
    FROM reminders;
    DROP TABLE reminders;
    ALTER TABLE reminders_v2 RENAME TO reminders;
    CREATE INDEX reminders_status_due ON reminders(status, due_date);
    CREATE INDEX reminders_registration ON reminders(registration_id);
    CREATE INDEX reminders_rule_due ON reminders(rule, due_date);
    """
}
