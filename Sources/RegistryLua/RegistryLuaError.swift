import Messages

/// Failures of the registry's Lua layer, each saying what and where in the user's language.
public enum RegistryLuaError: LocalizedFailure, Equatable {
  /// SQLite refused or failed a statement.
  case sql(message: String, sql: String?)
  /// Ctrl-C (or a time limit) stopped a running statement.
  case interrupted
  /// The statement has `expected` `?` placeholders but `given` values came.
  case parameterCount(expected: Int, given: Int)
  /// `db.sql` was given a statement that writes.
  case writeInSQL
  /// A bundled Lua file is missing or does not compile (a broken installation).
  case bundledCode(name: String, reason: String)
  /// `.backup` / `db.backup` named the registry itself.
  case backupOntoItself(path: String)
  /// `db.backup` inside `db.tx`, whose changes are not written yet.
  case backupInTransaction
  /// The backup could not be written.
  case backupFailed(path: String, reason: String)

  public func message(in language: Language) -> String {
    switch self {
    case .sql(let message, _) where message.hasPrefix("too many attached databases - max 0"):
      // ATTACH, which the sandbox refuses (RegistryBinding.refuseAttachedDatabases).
      return Message.sandboxDisabled(["name": "ATTACH"], in: language)
    case .sql(let message, let sql):
      let base = Message.sqlFailed(["message": message], in: language)
      guard let sql else { return base }
      return base + "\n    " + sql
    case .interrupted:
      return Message.sqlInterrupted(in: language)
    case .parameterCount(let expected, let given):
      return Message.parameterCount(["expected": expected, "given": given], in: language)
    case .writeInSQL:
      return Message.writeInSQL(in: language)
    case .bundledCode(let name, let reason):
      return Message.bundledCode(["name": name, "reason": reason], in: language)
    case .backupOntoItself(let path):
      return Message.backupOntoItself(["path": path], in: language)
    case .backupInTransaction:
      return Message.backupInTransaction(in: language)
    case .backupFailed(let path, let reason):
      return Message.backupFailed(["path": path, "reason": reason], in: language)
    }
  }
}
