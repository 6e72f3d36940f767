import GRDB
import Registry
import TestSupport
import Testing

@Suite struct CSVRoundTripTests {
  static let importable = [
    "units", "people", "collectives", "campaigns", "ratings", "registrations", "targets", "reports",
    "panel_members",
  ]

  @Test func reimportingAnExportChangesNothing() throws {
    let registry = try Registry.inMemory()
    try registry.queue.inDatabase { db in
      try DemoGenerator().generate(into: db)
      let audit = try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log")!
      for table in Self.importable {
        let csv = try CSVExport.text(db, table: table)
        let summary = try CSVImport.run(
          db, table: table, bytes: Array(csv.utf8), file: "\(table).csv")
        #expect(summary.inserted == 0, "\(table)")
        #expect(summary.updated == 0, "\(table): \(summary.changeLines(in: .en).prefix(3))")
        #expect(summary.unchanged > 0, "\(table)")
      }
      #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log")! == audit)
    }
  }

  @Test func anExportImportsIntoAnEmptyRegistryAndExportsTheSame() throws {
    let source = try Registry.inMemory()
    let target = try Registry.inMemory()
    var exports: [String: String] = [:]
    try source.queue.inDatabase { db in
      try DemoGenerator().generate(into: db)
      for table in Self.importable { exports[table] = try CSVExport.text(db, table: table) }
    }
    try target.queue.inDatabase { db in
      for table in Self.importable {
        let summary = try CSVImport.run(
          db, table: table, bytes: Array(exports[table]!.utf8), file: "\(table).csv",
          options: .init(actor: "test", date: Day(iso: "2023-12-28")))
        #expect(summary.updated == 0 && summary.inserted > 0, "\(table)")
      }
      for table in Self.importable {
        #expect(try CSVExport.text(db, table: table) == exports[table], "\(table)")
      }
      #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
    }
  }
}
