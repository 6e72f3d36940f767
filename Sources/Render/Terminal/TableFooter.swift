import Messages

/// The line under a terminal table: how many rows were left out, or that there are none.
enum TableFooter {
  /// `… còn 38 dòng nữa` when rows were left out, `(không có dòng nào)` when the table is empty,
  /// nothing otherwise; with its line break.
  static func lines(shown: Int, omitted: Int, language: Language) -> String {
    if omitted > 0 {
      return moreRows(omitted, language: language) + "\n"
    }
    if shown == 0 {
      return Message.renderNoRows(in: language) + "\n"
    }
    return ""
  }

  /// `… còn 1.234 dòng nữa` / `… 1,234 more rows`.
  static func moreRows(_ count: Int, language: Language) -> String {
    let message = count == 1 ? Message.renderMoreRow : Message.renderMoreRows
    let number = DocumentFormatter(language: language).integer(Int64(count))
    return message(["count": number], in: language)
  }
}
