import GRDB
import Registry
import TestSupport
import Testing

/// Personal data stays out of error messages: SQLite's errors name tables and columns, and the
/// values bound to a failing statement are never printed with it.
@Suite struct PrivacyTests {
  @Test func aFailingStatementDoesNotShowItsValues() throws {
    let directory = try TemporaryDirectory()
    let registry = try Registry.open(path: directory.path("p.sangtao"))
    let secret = "Nguyễn Thị Bí Mật, sinh 1971, 0912 345 678"
    var text = ""
    do {
      try registry.queue.inDatabase { db in
        try db.execute(
          sql: "INSERT INTO units (code, name, kind) VALUES (?, ?, ?)",
          arguments: ["BM", secret, "no such kind"])
      }
      Issue.record("the CHECK constraint should fail")
    } catch {
      text = String(describing: error) + String(reflecting: error)
    }
    #expect(text.contains("CHECK constraint failed"))
    #expect(!text.contains("Bí Mật"), "\(text)")
  }

  @Test func aRefusedTextDoesNotRepeatIt() throws {
    let fixture = try RegistryFixture()
    #expect(throws: RegistryError.nulInText(entity: "people", key: "DV-0099", column: "full_name"))
    {
      try fixture.registry.queue.inDatabase { db in
        try Records.insert(
          db, into: "people",
          values: ["code": "DV-0099", "full_name": "Bí Mật\0", "gender": "female", "unit": "DS"],
          actor: "t")
      }
    }
  }
}
