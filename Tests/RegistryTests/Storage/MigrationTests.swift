import GRDB
import TestSupport
import Testing

@testable import Registry

@Suite struct MigrationTests {
  struct Killed: Error {}

  @Test func aMigrationStoppedHalfWayLeavesTheFileAsItWas() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("half.sangtao")
    try Registry.createPrivateFile(path)
    let queue = try DatabaseQueue(
      path: path, configuration: Registry.configuration(readOnly: false, inMemory: false))
    // As a program killed after the schema and the header were written, before the commit.
    #expect(throws: Killed.self) {
      try RegistryMigrations.migrate(queue, from: 0) { db in
        #expect(
          try Int.fetchOne(db, sql: "PRAGMA user_version") == RegistryMigrations.currentVersion)
        throw Killed()
      }
    }
    let header = try queue.inDatabase { db in
      try Row.fetchOne(
        db,
        sql: """
          SELECT (SELECT count(*) FROM sqlite_master), user_version, application_id
          FROM pragma_user_version, pragma_application_id
          """)!
    }
    #expect(header[0] as Int == 0)
    #expect(header[1] as Int == 0)
    #expect(header[2] as Int == 0)
    try queue.close()
    // Never "not a registry": the next open starts again from an empty file.
    let registry = try Registry.open(path: path)
    #expect(
      try registry.queue.inDatabase { try Int.fetchOne($0, sql: "PRAGMA user_version") }
        == RegistryMigrations.currentVersion)
  }

  @Test func aRegistryMigratedMeanwhileIsNotMigratedTwice() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("twice.sangtao")
    _ = try Registry.open(path: path)
    let queue = try DatabaseQueue(
      path: path, configuration: Registry.configuration(readOnly: false, inMemory: false))
    // Another program migrated the file after this one read version 0 from the header.
    try RegistryMigrations.migrate(queue, from: 0)
    let (version, units) = try queue.inDatabase { db in
      (
        try Int.fetchOne(db, sql: "PRAGMA user_version"),
        try Int.fetchOne(db, sql: "SELECT count(*) FROM units")
      )
    }
    #expect(version == RegistryMigrations.currentVersion)
    #expect(units == 0)
  }
}
