import GRDB
import Messages

/// An enumeration stored as a text code with a `CHECK (column IN (...))` constraint.
///
///     RegistrationField(rawValue: "economy")?.label(in: .vi)  // "Kinh tế"
///
/// The schema's `CHECK` lists are the source of truth; a test checks that every code type lists
/// exactly the values its column allows.
public protocol RegistryCode: RawRepresentable, CaseIterable, Codable, Hashable, Sendable,
  DatabaseValueConvertible
where RawValue == String {
  /// The label a person reads.
  var label: Message { get }
}

extension RegistryCode {
  /// The label in `language`.
  public func label(in language: Language = .current) -> String {
    label.template(in: language)
  }

  /// The codes, in declaration order.
  public static var codes: [String] { allCases.map(\.rawValue) }
}
