import Messages

/// The code types of the schema's coded columns, for reading codes the way people write them:
/// the code itself (`economy`), or its label in either language (`Kinh tế`, `kinh te`).
public enum CodeLabels {
  /// The codes and labels of `table.column`, in schema order; nil for a column without a code
  /// type.
  public static func labels(table: String, column: String) -> [(code: String, label: Message)]? {
    switch (table, column) {
    case ("registrations", "status"): return pairs(RegistrationStatus.self)
    case ("registrations", "grp"): return pairs(RegistrationGroup.self)
    case ("registrations", "kind"): return pairs(RegistrationKind.self)
    case ("registrations", "field"): return pairs(RegistrationField.self)
    case ("registrations", "outcome"): return pairs(Outcome.self)
    case ("ratings", "level"): return pairs(RatingLevel.self)
    case ("units", "kind"): return pairs(UnitKind.self)
    case ("units", "bloc"): return pairs(Bloc.self)
    case ("panel_members", "role"): return pairs(PanelRole.self)
    case ("people", "gender"): return pairs(Gender.self)
    case ("people", "managed_by"): return pairs(ManagedBy.self)
    default: return nil
    }
  }

  static func pairs<Code: RegistryCode>(_ type: Code.Type) -> [(code: String, label: Message)] {
    Code.allCases.map { ($0.rawValue, $0.label) }
  }

  /// The code `text` means among `allowed`: the code itself in any case, or, when the column has
  /// labels, a label in either language compared accent- and case-insensitively.
  ///
  ///     CodeLabels.code(for: "Kinh tế", table: "registrations", column: "field",
  ///                     allowed: RegistrationField.codes)  // "economy"
  public static func code(for text: String, table: String, column: String, allowed: [String])
    -> String?
  {
    if allowed.contains(text) { return text }
    let folded = VietnameseText.fold(text)
    if let code = allowed.first(where: { VietnameseText.fold($0) == folded }) { return code }
    // "under appraisal" for under_appraisal
    if let code = allowed.first(where: {
      VietnameseText.fold($0.replacingUnderscores()) == folded
    }) {
      return code
    }
    guard let labels = labels(table: table, column: column) else { return nil }
    for (code, label) in labels {
      if VietnameseText.fold(label.vi) == folded || VietnameseText.fold(label.en) == folded {
        return code
      }
    }
    return nil
  }
}

extension String {
  fileprivate func replacingUnderscores() -> String {
    String(map { $0 == "_" ? " " : $0 })
  }
}
