import GRDB
import TestSupport
import Testing

@testable import Registry

@Suite struct ReminderMigrationTests {
  /// A registry file as the first release wrote it, with two reminders in its outbox.
  func versionOneFile(_ path: String) throws {
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in try RegistryMigrations.migrations[0].run(db) }
    try queue.writeWithoutTransaction { db in
      try db.execute(
        sql: """
          INSERT INTO reminders (rule, recipient, subject, due_date, channel, status, dedupe_key,
            created_at, sent_at)
          VALUES ('no_registration', 'Đảng bộ xã Đạ Sar', 'Nhắc', '2023-03-14', 'file', 'sent',
            'k1', '2023-03-14T01:00:00Z', '2023-03-14T01:00:01Z'),
            ('no_registration', 'Đảng bộ xã Lát', 'Nhắc', '2023-03-14', 'sendmail', 'pending',
            'k2', '2023-03-14T01:00:00Z', NULL);
          PRAGMA application_id = \(RegistryMigrations.applicationID);
          PRAGMA user_version = 1;
          """)
    }
    try queue.close()
  }

  @Test func aVersionOneOutboxKeepsItsRemindersAndGainsAddressAndAttempts() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("v1.sangtao")
    try versionOneFile(path)
    #expect(throws: RegistryError.needsUpgrade(path: path, found: 1, supported: 2)) {
      try Registry.open(path: path, readOnly: true)
    }
    let registry = try Registry.open(path: path)
    let reminders = try registry.queue.inDatabase { db in
      try Reminder.fetchAll(db, sql: "SELECT * FROM reminders ORDER BY id")
    }
    #expect(reminders.map(\.dedupeKey) == ["k1", "k2"])
    #expect(reminders.map(\.attempts) == [1, 0], "a sent reminder was tried once")
    #expect(reminders.map(\.address) == [nil, nil])
    #expect(reminders[0].sentAt == "2023-03-14T01:00:01Z")
    let schema = try registry.queue.inDatabase { try Schema.read(from: $0) }
    let outbox = try #require(schema.entity("reminders"))
    #expect(outbox.comment == "the reminders outbox: each reminder once (dedupe_key)")
    #expect(outbox.column("attempts")?.comment == "deliveries tried")
    #expect(outbox.column("address")?.comment == "where: the e-mail address, when known")
    #expect(outbox.column("status")?.allowedValues == ["pending", "sent", "failed", "cancelled"])
    #expect(outbox.column("due_date")?.isDate == true)
    #expect(outbox.relation("unit")?.target == "units")
    try registry.queue.inDatabase { db in
      let indexes = try String.fetchAll(
        db,
        sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'reminders'"
          + " AND sql IS NOT NULL ORDER BY name")
      #expect(indexes == ["reminders_registration", "reminders_rule_due", "reminders_status_due"])
      #expect(throws: (any Error).self) {
        try db.execute(
          sql: "INSERT INTO reminders (rule, recipient, subject, due_date, channel, dedupe_key, "
            + "created_at) VALUES ('r', 'x', 's', '2023-13-01', 'file', 'k3', 'now')")
      }
    }
  }
}
