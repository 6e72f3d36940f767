import Messages

/// The header block of an official Party document (Hướng dẫn 36-HD/VPTW): the issuing body on
/// the left with the document number under a star, the motto "ĐẢNG CỘNG SẢN VIỆT NAM" on the
/// right with the place and date under it, then the kind of document.
///
///     OfficialHeader(
///       parentOrganization: "ĐẢNG BỘ HUYỆN LẠC DƯƠNG", organization: "BAN TỔ CHỨC HUYỆN ỦY",
///       number: "15-BC/BTCHU", place: "Lạc Dương", date: "2023-03-28", documentType: "BÁO CÁO")
///
/// renders as
///
///     ĐẢNG BỘ HUYỆN LẠC DƯƠNG                 ĐẢNG CỘNG SẢN VIỆT NAM
///      BAN TỔ CHỨC HUYỆN ỦY           Lạc Dương, ngày 28 tháng 3 năm 2023
///               *
///        Số 15-BC/BTCHU
///                                 BÁO CÁO
public struct OfficialHeader: Sendable, Hashable {
  /// The body above the issuer, e.g. `ĐẢNG BỘ HUYỆN LẠC DƯƠNG`.
  public var parentOrganization: String?
  /// The issuer, e.g. `BAN TỔ CHỨC HUYỆN ỦY`, in bold.
  public var organization: String
  /// The document number without `Số`, e.g. `15-BC/BTCHU`.
  public var number: String?
  /// The place written before the date, e.g. `Lạc Dương`.
  public var place: String?
  /// The date as ISO text, written `ngày 28 tháng 3 năm 2023`; text that is not a date is
  /// written as is.
  public var date: String?
  /// The motto on the right, `ĐẢNG CỘNG SẢN VIỆT NAM` for Party documents.
  public var motto: String
  /// The kind of document above the title, e.g. `BÁO CÁO`.
  public var documentType: String?

  /// The motto of Party documents.
  public static let partyMotto = "ĐẢNG CỘNG SẢN VIỆT NAM"

  /// A header.
  ///
  ///     OfficialHeader(organization: "BAN TỔ CHỨC HUYỆN ỦY", date: "2023-03-28")
  ///
  /// - Parameters:
  ///   - parentOrganization: the body above the issuer.
  ///   - organization: the issuer.
  ///   - number: the document number, without `Số`.
  ///   - place: the place before the date.
  ///   - date: the ISO date.
  ///   - motto: the motto on the right, `ĐẢNG CỘNG SẢN VIỆT NAM` by default.
  ///   - documentType: the kind of document, e.g. `BÁO CÁO`.
  public init(
    parentOrganization: String? = nil, organization: String, number: String? = nil,
    place: String? = nil, date: String? = nil, motto: String = OfficialHeader.partyMotto,
    documentType: String? = nil
  ) {
    self.parentOrganization = parentOrganization
    self.organization = organization
    self.number = number
    self.place = place
    self.date = date
    self.motto = motto
    self.documentType = documentType
  }

  /// The number line: `Số 15-BC/BTCHU` / `No. 15-BC/BTCHU`; nil without a number.
  ///
  ///     header.numberLine(language: .vi)  // "Số 15-BC/BTCHU"
  ///
  /// - Parameter language: the document's language.
  public func numberLine(language: Language) -> String? {
    guard let number, !number.isEmpty else { return nil }
    return Message.renderDocumentNumber(["number": number], in: language)
  }

  /// The place-and-date line: `Lạc Dương, ngày 28 tháng 3 năm 2023`; nil without a date or
  /// place.
  ///
  ///     header.dateLine(language: .en)  // "Lạc Dương, 28 March 2023"
  ///
  /// - Parameter language: the document's language.
  public func dateLine(language: Language) -> String? {
    guard let date, !date.isEmpty else {
      return place.flatMap { $0.isEmpty ? nil : $0 }
    }
    if let line = DocumentFormatter(language: language).longDate(date, place: place) {
      return line
    }
    return [place, date].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
  }
}
