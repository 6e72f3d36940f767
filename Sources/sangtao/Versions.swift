import LuaBridge
import RegistryLua

/// Version lines for `-v` and `--version`.
enum Versions {
  /// sangtao's own version.
  static let sangtao = "0.1.0"

  /// Lua's copyright line, exactly as `lua -v` prints it.
  static var lua: String { LuaState.copyright }

  /// SQLite's version, from the library in use.
  static var sqlite: String { RegistryBinding.sqliteVersion }

  /// The `--version` text.
  static var text: String { "sangtao \(sangtao)\n\(lua)\nSQLite \(sqlite)" }
}
