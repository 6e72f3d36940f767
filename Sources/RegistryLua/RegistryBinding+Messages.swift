import LuaBridge
import Messages

extension RegistryBinding {
  /// `core.message(key, ...)`: the catalog message `key` in the current language, with the
  /// arguments (converted with `tostring`) in its `{1}`, `{2}`… placeholders.
  static func message(_ L: LuaStack) throws -> Int32 {
    let key = try L.string(1)
    var arguments: [String] = []
    if L.top >= 2 {
      for index in 2...L.top { arguments.append(try L.tostring(index)) }
    }
    guard let message = Message.luaCatalog[key] else {
      L.push(([key] + arguments).joined(separator: " "))
      return 1
    }
    L.push(message(positional: arguments))
    return 1
  }
}
