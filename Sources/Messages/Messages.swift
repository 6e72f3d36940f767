// Messages: the one catalog of user-facing text, in Vietnamese (the default) and English.
//
// Every message a person reads is a `Message` with both texts; modules add theirs in
// `Message+Topic.swift` files. Lua's own error texts are not here: they stay as Lua writes them.
// This module imports nothing but the standard library.

import Synchronization

/// A language the console speaks.
public enum Language: String, Sendable, CaseIterable {
  case vi
  case en

  /// The language the process speaks now: `--lang`, then `SANGTAO_LANG`, then `LANG`, else
  /// Vietnamese. Set once at start-up and by `.lang`.
  public static var current: Language {
    get { state.withLock { $0 } }
    set { state.withLock { $0 = newValue } }
  }

  private static let state = Mutex<Language>(.vi)

  /// Reads a language from a setting such as `en`, `vi_VN.UTF-8` or `English`.
  ///
  ///     Language(setting: "en_US.UTF-8")  // .en
  ///
  /// - Returns: nil when the setting names neither language.
  public init?(setting: String) {
    let lowered = setting.lowercased()
    if lowered.hasPrefix("vi") || lowered.hasPrefix("tiếng việt") {
      self = .vi
    } else if lowered.hasPrefix("en") {
      self = .en
    } else {
      return nil
    }
  }

  /// The language chosen by the environment: `SANGTAO_LANG`, then `LANG`; Vietnamese otherwise
  /// (also for `LANG=C` and `POSIX`, which say nothing about the reader).
  public static func fromEnvironment(_ environment: [String: String]) -> Language {
    for name in ["SANGTAO_LANG", "LC_ALL", "LANG"] {
      if let value = environment[name], let language = Language(setting: value) {
        return language
      }
    }
    return .vi
  }
}

/// A user-facing message with its Vietnamese and English texts.
///
/// Texts hold named placeholders in braces, filled by `callAsFunction`:
///
///     extension Message {
///       static let noSuchUnit = Message(
///         vi: "không có đơn vị {code}", en: "no unit {code}")
///     }
///     Message.noSuchUnit(["code": "DS"])  // "không có đơn vị DS" in Vietnamese
public struct Message: Sendable, Hashable {
  /// The Vietnamese text.
  public let vi: String
  /// The English text.
  public let en: String

  /// A message given in both languages; neither may be empty.
  public init(vi: String, en: String) {
    precondition(!vi.isEmpty && !en.isEmpty, "a message needs both languages")
    self.vi = vi
    self.en = en
  }

  /// The template in `language`.
  public func template(in language: Language) -> String {
    language == .vi ? vi : en
  }

  /// The text in `language` (the current one by default) with `{name}` placeholders filled.
  /// A placeholder without a value stays as written, so a missing argument shows in tests.
  public func callAsFunction(
    _ arguments: KeyValuePairs<String, CustomStringConvertible> = [:],
    in language: Language = .current
  ) -> String {
    Message.fill(template(in: language), arguments)
  }

  /// The text in `language` with `{1}`, `{2}`… filled from `arguments` in order.
  public func callAsFunction(positional arguments: [String], in language: Language = .current)
    -> String
  {
    var pairs: [(String, CustomStringConvertible)] = []
    for (offset, argument) in arguments.enumerated() {
      pairs.append((String(offset + 1), argument))
    }
    return Message.fill(template(in: language), pairs)
  }

  /// Fills `{name}` placeholders of `template`.
  static func fill(
    _ template: String, _ arguments: KeyValuePairs<String, CustomStringConvertible>
  ) -> String {
    fill(template, arguments.map { ($0.key, $0.value) })
  }

  /// Fills `{name}` placeholders of `template`.
  static func fill(_ template: String, _ arguments: [(String, CustomStringConvertible)])
    -> String
  {
    if arguments.isEmpty || !template.contains("{") { return template }
    var result = ""
    result.reserveCapacity(template.utf8.count + 16)
    var rest = template[...]
    while let open = rest.firstIndex(of: "{") {
      result += rest[..<open]
      guard let close = rest[open...].firstIndex(of: "}") else {
        rest = rest[open...]
        break
      }
      let name = rest[rest.index(after: open)..<close]
      if let value = arguments.first(where: { $0.0 == name })?.1 {
        result += value.description
      } else {
        result += rest[open...close]
      }
      rest = rest[rest.index(after: close)...]
    }
    result += rest
    return result
  }
}

/// An error whose message a person reads, in the current language.
public protocol LocalizedFailure: Error, CustomStringConvertible {
  /// The message in `language`.
  func message(in language: Language) -> String
}

extension LocalizedFailure {
  public var description: String { message(in: .current) }
}
