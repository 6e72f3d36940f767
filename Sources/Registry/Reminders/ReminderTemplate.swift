/// A letter template: text with `{name}` placeholders, filled from named values.
///
/// Unlike the message catalog, a template refuses placeholders it has no value for: a letter
/// sent to twenty organizations must not carry a `{adressee}` typo. `{{` writes a literal `{`;
/// a `}` alone is literal.
///
///     let template = ReminderTemplate("Kính gửi: {addressee}\nHạn: {deadline}")
///     try template.render(["addressee": "Đảng bộ xã Đạ Sar", "deadline": "28/03/2023"])
///     // "Kính gửi: Đảng bộ xã Đạ Sar\nHạn: 28/03/2023"
public struct ReminderTemplate: Hashable, Sendable {
  /// Why a template cannot be filled.
  public enum Failure: Error, Equatable, Sendable {
    /// `{name}` has no value; `known` are the names that have one.
    case unknownPlaceholder(name: String, known: [String])
    /// A `{` is never closed.
    case unclosed
  }

  public let text: String

  public init(_ text: String) {
    self.text = text
  }

  /// The text with every placeholder replaced by its value.
  ///
  /// - Throws: ``Failure`` for a placeholder without a value or a `{` never closed.
  public func render(_ values: [String: String]) throws(Failure) -> String {
    var output = ""
    output.reserveCapacity(text.utf8.count + 64)
    var rest = text[...]
    while let open = rest.firstIndex(of: "{") {
      output += rest[..<open]
      let after = rest.index(after: open)
      if after < rest.endIndex, rest[after] == "{" {
        output += "{"
        rest = rest[rest.index(after: after)...]
        continue
      }
      guard let close = rest[after...].firstIndex(of: "}") else { throw .unclosed }
      let name = String(rest[after..<close]).trimmingASCIIWhitespace()
      guard let value = values[name] else {
        throw .unknownPlaceholder(name: name, known: values.keys.sorted())
      }
      output += value
      rest = rest[rest.index(after: close)...]
    }
    output += rest
    return output
  }

  /// The names of the placeholders, in order of appearance, each once.
  public var placeholders: [String] {
    var names: [String] = []
    var rest = text[...]
    while let open = rest.firstIndex(of: "{") {
      let after = rest.index(after: open)
      if after < rest.endIndex, rest[after] == "{" {
        rest = rest[rest.index(after: after)...]
        continue
      }
      guard let close = rest[after...].firstIndex(of: "}") else { break }
      let name = String(rest[after..<close]).trimmingASCIIWhitespace()
      if !names.contains(name) { names.append(name) }
      rest = rest[rest.index(after: close)...]
    }
    return names
  }
}
