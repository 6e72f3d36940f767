import GRDB
import Messages

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Builds the demo registry: Lạc Dương district in 2023, invented but plausible (DOMAIN.md).
///
/// What it holds at scale 1: the district's 23 grassroots organizations (the town, the five
/// communes, the armed forces, government and party agencies, schools, health, justice, forest
/// units) and the six advisory boards; every party member of them, invented Kinh and K'Ho
/// people with gender, ethnicity, positions and ratings 2018–2023 (HTXS within 20 % of HTT per
/// organization, so five-year streaks exist and break); leadership collectives with their heads
/// and ratings; the 2022 and 2023 campaigns (2023: letter 848-CV/HU, D1 28/03, D2 15/11,
/// D3 30/11) with the default rubric; about 100 registrations for 2022 and 200 for 2023 across
/// fields and groups, some late, returned, withdrawn, cancelled or not reported; reports for most
/// HTXS proposals with their target results; a seven-member appraisal team per year and its score
/// sheets; three organizations that never register; the status history in the audit log.
///
/// The same seed gives the same registry, byte for byte in content, on every machine: the only
/// randomness is ``SplitMix64``. `scale` adds `scale − 1` blocks of further registrants (about
/// 300 registrations each, both years), for benchmarks: `scale: 3300` makes about a million.
/// Blocks carry people, ratings, registrations, targets, reports and results; score sheets and
/// audit history only for the first block, to keep a million rows a matter of seconds.
///
///     let registry = try Registry.inMemory()
///     try registry.queue.inDatabase { db in
///       let summary = try DemoGenerator().generate(into: db)
///       print(summary.registrations)  // 300 or so
///     }
public struct DemoGenerator: Sendable {
  /// The seed of the bundled demo: the number of the letter.
  public static let defaultSeed: UInt64 = 848
  public let seed: UInt64
  public let scale: Int
  /// Who the audit log says made the demo.
  public static let actor = "demo"

  /// A generator; `scale` ≥ 1.
  public init(seed: UInt64 = DemoGenerator.defaultSeed, scale: Int = 1) {
    self.seed = seed
    self.scale = max(1, scale)
  }

  /// Progress of a long generation, for a terminal.
  public struct Progress: Sendable {
    /// What is being made.
    public enum Phase: Sendable {
      case people, ratings, registrations, blocks
    }
    public let phase: Phase
    public let done: Int
    public let total: Int

    /// Creates a value with these fields.
    public init(phase: Phase, done: Int, total: Int) {
      self.phase = phase
      self.done = done
      self.total = total
    }

    /// A line for a terminal: "Đang tạo đăng ký: 1 200/3 300".
    public func message(in language: Language = .current) -> String {
      let what: Message =
        switch phase {
        case .people: .demoPhasePeople
        case .ratings: .demoPhaseRatings
        case .registrations: .demoPhaseRegistrations
        case .blocks: .demoPhaseBlocks
        }
      return Message.demoProgress(
        ["what": what(in: language), "done": done, "total": total], in: language)
    }
  }

  /// How many rows the generator wrote.
  public struct Summary: Sendable, Equatable {
    public var units = 0
    public var people = 0
    public var collectives = 0
    public var ratings = 0
    public var campaigns = 0
    public var registrations = 0
    public var targets = 0
    public var reports = 0
    public var panelMembers = 0
    public var scoreSheets = 0
    public var auditEntries = 0
  }

  /// Writes the demo registry into `db`, which must be an empty registry, in one savepoint.
  ///
  /// - Parameter progress: Called now and then with what is done; keep it cheap.
  /// - Returns: How many rows of each kind were written.
  /// - Throws: `readOnly`, or a `DatabaseError` (for instance when `db` is not empty).
  @discardableResult
  public func generate(into db: Database, progress: ((Progress) -> Void)? = nil) throws
    -> Summary
  {
    try RegistryError.checkWritable(db)
    var summary = Summary()
    try db.inSavepoint {
      let builder = try DemoBuilder(db: db, seed: seed, scale: scale, progress: progress)
      summary = try builder.build()
      return .commit
    }
    return summary
  }

  /// Creates the demo registry file at `path` if it does not exist, and opens it.
  ///
  /// The registry is built in a temporary file next to `path` and renamed into place, so an
  /// interrupted generation never leaves half a demo behind.
  ///
  ///     let demo = try DemoGenerator.openOrCreate(at: dataDirectory + "/demo.sangtao")
  ///
  /// - Throws: ``RegistryError`` when the file cannot be made or opened.
  public static func openOrCreate(
    at path: String, seed: UInt64 = defaultSeed, scale: Int = 1, readOnly: Bool = false,
    busy: BusyPolicy = .standard, progress: ((Progress) -> Void)? = nil
  ) throws -> Registry {
    if access(path, F_OK) != 0 {
      let temporary = path + ".partial-\(getpid())"
      unlink(temporary)
      do {
        let registry = try Registry.open(path: temporary)
        // A file nobody else sees yet, rows made by the generator from rows the schema
        // checked (DemoGeneratorTests runs it with every check on): load it without a journal,
        // fsync, foreign key and CHECK evaluation, then return to the registry's settings.
        try registry.queue.writeWithoutTransaction { db in
          try db.execute(
            sql: """
              PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF;
              PRAGMA ignore_check_constraints = ON
              """)
        }
        try registry.queue.inDatabase { db in
          _ = try DemoGenerator(seed: seed, scale: scale).generate(into: db, progress: progress)
        }
        try registry.queue.writeWithoutTransaction { db in
          try db.execute(
            sql: """
              PRAGMA ignore_check_constraints = OFF; PRAGMA foreign_keys = ON;
              PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL
              """)
        }
        try registry.queue.close()
      } catch {
        unlink(temporary)
        unlink(temporary + "-wal")
        unlink(temporary + "-shm")
        throw error
      }
      unlink(temporary + "-wal")
      unlink(temporary + "-shm")
      if rename(temporary, path) != 0 {
        let reason = String(cString: strerror(errno))
        unlink(temporary)
        throw RegistryError.cannotCreate(path: path, reason: reason)
      }
    }
    return try Registry.open(path: path, readOnly: readOnly, busy: busy)
  }
}
