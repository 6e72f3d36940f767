// libFuzzer target: the CSV importer on any bytes, into the test fixture's registry. An input
// imports, or is refused with its reasons (ImportFailure, RegistryError) and every row as it
// was; anything else is a finding. Built by scripts/fuzz; no main of its own.

import GRDB
import Registry
import TestSupport

nonisolated(unsafe) let fixture = try! RegistryFixture()
let tables = ["units", "people", "registrations", "collectives", "ratings", "score_sheets"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVImport(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  guard size > 0 else { return 0 }
  let table = tables[Int(data[0]) % tables.count]
  let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
  try! fixture.registry.queue.inDatabase { db in
    let before = try RegistrySnapshot.take(db)
    // Each input starts from the fixture: what it imports is rolled back after.
    try db.inTransaction {
      do {
        _ = try CSVImport.run(db, table: table, bytes: bytes, file: "fuzz.csv")
      } catch let failure as ImportFailure {
        precondition(!failure.issues.isEmpty && !failure.message(in: .vi).isEmpty)
        let after = try RegistrySnapshot.take(db)
        precondition(after == before, "a refused import changed the registry")
      } catch let error as RegistryError {
        precondition(!error.message(in: .en).isEmpty)
        let after = try RegistrySnapshot.take(db)
        precondition(after == before, "a refused import changed the registry")
      } catch {
        preconditionFailure("an import failed without a clear message: \(error)")
      }
      return .rollback
    }
  }
  return 0
}
