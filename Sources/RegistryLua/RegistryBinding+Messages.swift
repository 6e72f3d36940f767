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
    guard
      let message = Message.luaCatalog[key] ?? Message.reminderLuaCatalog[key]
        ?? Message.reportLuaCatalog[key]
    else {
      L.push(([key] + arguments).joined(separator: " "))
      return 1
    }
    L.push(message(positional: arguments))
    return 1
  }
}

extension RegistryBinding {
  /// `core.help_text(topic, ...)`: the help of a topic (`query`, `rows`, `db`, `overview`),
  /// or the pieces help() assembles (`entity`, `relations`, `methods`, `unknown`).
  static func helpText(_ L: LuaStack) throws -> Int32 {
    let topic = try L.string(1)
    let argument = { (index: Int32) in (try? L.tostring(index)) ?? "" }
    switch topic {
    case "entity":
      L.push(
        Message.helpEntity(["name": argument(2), "comment": argument(3), "count": argument(4)]))
    case "relations": L.push(Message.helpRelations())
    case "methods": L.push(Message.helpMethods())
    case "unknown": L.push(Message.helpUnknown(["what": argument(2)]))
    default:
      if let message = Message.helpTopics[topic] ?? Message.reminderHelpTopics[topic] {
        L.push(message())
      } else {
        L.push(Message.helpUnknown(["what": "\"" + topic + "\""]))
      }
    }
    return 1
  }
}
