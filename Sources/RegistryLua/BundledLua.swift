import Foundation
import Glibc

/// The Lua files RegistryLua ships (`Sources/RegistryLua/Lua`), found next to the executable.
///
/// SwiftPM copies them into `<product>_RegistryLua.resources/Lua` beside the binary. Finding
/// them from `/proc/self/exe` with plain C calls costs microseconds, where Foundation's
/// `Bundle.module` costs about a millisecond of start-up (measured with perf); `Bundle.module`
/// stays the fallback for other layouts.
enum BundledLua {
  /// The directory holding the `.lua` files, or nil when the installation lacks them.
  static let directory: String? = {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    if length > 0 {
      let executable = String(
        decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      let folder = executable.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        .joined(separator: "/")
      let prefix = folder + "/"
      for candidate in [
        "sangtao_RegistryLua.resources/Lua", "RegistryLua_RegistryLua.resources/Lua",
      ]
      where access(prefix + candidate + "/query.lua", R_OK) == 0 {
        return prefix + candidate
      }
    }
    return Bundle.module.url(forResource: "query", withExtension: "lua", subdirectory: "Lua")?
      .deletingLastPathComponent().path
  }()

  /// The bytes of `name.lua`, or nil.
  static func source(_ name: String) -> [UInt8]? {
    guard let directory, let file = fopen(directory + "/" + name + ".lua", "rb") else {
      return nil
    }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 16384)
    while true {
      let count = fread(&buffer, 1, buffer.count, file)
      if count <= 0 { break }
      bytes.append(contentsOf: buffer[0..<count])
    }
    return bytes
  }
}
