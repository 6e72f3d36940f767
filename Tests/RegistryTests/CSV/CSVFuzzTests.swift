import GRDB
import Registry
import TestSupport
import Testing

/// The CSV importer under randomized input: the corpus in Tests/Fuzz/corpus/csv (Excel's
/// Vietnamese and English files, UTF-16, Windows-1258, NUL, unbalanced quotes, formulas),
/// mutated as a fuzzer would (`SANGTAO_FUZZ_SEED`, `SANGTAO_FUZZ_ITERATIONS`). Every input
/// either imports or is refused with its reasons, and a refused import leaves every row as it
/// was: all or nothing.
@Suite struct CSVFuzzTests {
  @Test func theCorpusIsThere() {
    #expect(fuzzCorpus("csv").count >= 10)
  }

  @Test func everyInputImportsWholeOrIsRefusedWithNothingChanged() throws {
    let corpus = fuzzCorpus("csv")
    var random = SeededGenerator(seed: fuzzSeed())
    var fixture = try RegistryFixture()
    var imported = 0
    var refused = 0
    let tables = ["units", "people", "registrations", "collectives", "ratings", "score_sheets"]
    for iteration in 0..<fuzzIterations(default: 600) {
      if iteration % 150 == 149 { fixture = try RegistryFixture() }  // keep the registry small
      var bytes = corpus.randomElement(using: &random)!
      for _ in 0..<Int.random(in: 0...3, using: &random) { bytes = mutate(bytes, using: &random) }
      let table = tables.randomElement(using: &random)!
      try fixture.registry.queue.inDatabase { db in
        let before = try RegistrySnapshot.take(db)
        do {
          try db.inTransaction(.immediate) {
            _ = try CSVImport.run(db, table: table, bytes: bytes, file: "fuzz.csv")
            return .commit
          }
          imported += 1
        } catch let failure as ImportFailure {
          refused += 1
          #expect(!failure.issues.isEmpty)
          #expect(!failure.message(in: .vi).isEmpty && !failure.message(in: .en).isEmpty)
          #expect(
            try RegistrySnapshot.take(db) == before, "seed \(fuzzSeed()), iteration \(iteration)")
        } catch let error as RegistryError {
          refused += 1
          #expect(!error.message(in: .vi).isEmpty)
          #expect(
            try RegistrySnapshot.take(db) == before, "seed \(fuzzSeed()), iteration \(iteration)")
        }
        #expect(!db.isInsideTransaction)
      }
    }
    #expect(imported > 0 && refused > 0, "imported \(imported), refused \(refused)")
    #expect(
      try fixture.registry.queue.inDatabase {
        try String.fetchAll($0, sql: "PRAGMA integrity_check")
      } == ["ok"])
  }

  @Test func hugeCellsAndManyColumnsAreHandled() throws {
    let fixture = try RegistryFixture()
    let big = "code,name,kind\nBIG," + String(repeating: "ế", count: 5_000_000) + ",cell\n"
    let wide =
      (0..<5000).map { "c\($0)" }.joined(separator: ",") + "\n"
      + (0..<5000).map { String($0) }.joined(separator: ",") + "\n"
    try fixture.registry.queue.inDatabase { db in
      let summary = try CSVImport.run(db, table: "units", bytes: Array(big.utf8), file: "big.csv")
      #expect(summary.inserted == 1)
      #expect(throws: ImportFailure.self) {
        try CSVImport.run(db, table: "units", bytes: Array(wide.utf8), file: "wide.csv")
      }
    }
  }
}
