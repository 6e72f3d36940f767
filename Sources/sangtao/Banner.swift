import Glibc
import LuaBridge
import Messages
import RegistryLua

/// The console's greeting: versions, the registry's name, size and path, and where to start.
enum Banner {
  static func text(_ binding: RegistryBinding) -> String {
    var lines = ["sangtao \(Versions.sangtao) — \(LuaState.release), SQLite \(Versions.sqlite)"]
    if let summary = try? binding.summary() {
      lines.append(
        Message.bannerRegistry([
          "name": summary.name, "registrations": summary.registrations,
          "years": summary.years, "size": summary.size, "path": summary.path,
        ]))
    } else {
      lines.append(Message.bannerNoRegistry(["path": binding.context.source.path]))
    }
    lines.append(Message.bannerHelp())
    return lines.joined(separator: "\n")
  }
}
