import Messages

extension Chart {
  /// The chart's numbers as a table: a column of categories (or bins) and a column per series.
  /// Documents that cannot hold SVG (Markdown, CSV, JSON) write this instead, and it is the
  /// chart's text alternative.
  ///
  ///     try Chart.bar(title: "Đăng ký", categories: ["Lát"], values: [9]).dataTable(language: .vi)
  ///     // Nhóm | Đăng ký
  ///     // Lát  | 9
  ///
  /// - Parameter language: the language of the built-in headers.
  public func dataTable(language: Language) -> Table {
    if kind == .histogram {
      let counts = series.first?.values ?? []
      let labels = binLabels(language: language)
      return Table(
        columns: [
          Column("bin", label: valueLabel ?? Message.renderChartBin(in: language)),
          Column("count", label: Message.renderChartCount(in: language), kind: .integer),
        ],
        rows: labels.indices.map { [.text(labels[$0]), Self.cell(counts[$0])] })
    }
    let first = Column(
      "category", label: categoryLabel ?? Message.renderChartCategory(in: language))
    let columns = series.enumerated().map { index, item in
      Column(
        "series_\(index + 1)", label: item.name,
        kind: Column.Kind.inferred(from: item.values.map(Self.cell)) == .integer
          ? .integer : .number)
    }
    let rows = categories.indices.map { row in
      [Cell.text(categories[row])] + series.map { Self.cell($0.values[row]) }
    }
    return Table(columns: [first] + columns, rows: rows)
  }

  /// A value as a cell: an integer when it is whole, so counts read `12`, not `12.0`.
  static func cell(_ value: Double?) -> Cell {
    guard let value else { return .null }
    if value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
      return .integer(Int64(value))
    }
    return .number(value)
  }
}
