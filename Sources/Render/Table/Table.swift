/// A table every renderer reads: columns, rows of cells, and how many rows there are in all
/// when only the first ones are here.
///
///     let table = Table(
///       columns: [Column("unit"), Column("n", kind: .integer)],
///       rows: [["Đạ Sar", 12], ["Lát", 9]],
///       totalRowCount: 40)  // 38 more rows exist
///
/// A row shorter than the columns reads as NULL in the missing cells; extra cells are ignored.
public struct Table: Sendable, Hashable {
  /// The columns, in order.
  public var columns: [Column]
  /// The rows, each a cell per column.
  public var rows: [[Cell]]
  /// How many rows the whole result has when `rows` holds only the first ones; nil when `rows`
  /// is everything.
  public var totalRowCount: Int?
  /// How many of the last rows sum up the others (a "Tổng cộng" line): documents set them
  /// apart (bold in HTML and Markdown).
  public var footerRowCount = 0

  /// A table.
  ///
  ///     Table(columns: [Column("code")], rows: [["DK-2023-017"]])
  ///
  /// - Parameters:
  ///   - columns: the columns.
  ///   - rows: the rows; a row shorter than `columns` has NULLs at its end.
  ///   - totalRowCount: the count of the whole result when `rows` are only its first rows.
  public init(columns: [Column], rows: [[Cell]] = [], totalRowCount: Int? = nil) {
    self.columns = columns
    self.rows = rows
    self.totalRowCount = totalRowCount
  }

  /// A table whose column kinds are read from the cells (see `Column.Kind.inferred(from:)`).
  ///
  ///     Table(names: ["unit", "n"], rows: [["Lát", 9]]).columns[1].kind  // .integer
  ///
  /// - Parameters:
  ///   - names: the column names.
  ///   - rows: the rows.
  ///   - totalRowCount: the count of the whole result when `rows` are only its first rows.
  public init(names: [String], rows: [[Cell]], totalRowCount: Int? = nil) {
    let columns = names.indices.map { index in
      Column(
        names[index], kind: .inferred(from: rows.lazy.map { index < $0.count ? $0[index] : .null }))
    }
    self.init(columns: columns, rows: rows, totalRowCount: totalRowCount)
  }

  /// The cell at `row`, `column`; NULL past the end of a short row.
  ///
  ///     table.cell(0, 1)
  ///
  /// - Parameters:
  ///   - row: the row index, within `rows`.
  ///   - column: the column index, within `columns`.
  public func cell(_ row: Int, _ column: Int) -> Cell {
    let cells = rows[row]
    return column < cells.count ? cells[column] : .null
  }

  /// The rows not in `rows`: `totalRowCount - rows.count`, never negative.
  ///
  ///     Table(columns: [], rows: [[], []], totalRowCount: 40).omittedRowCount  // 38
  public var omittedRowCount: Int {
    max(0, (totalRowCount ?? rows.count) - rows.count)
  }

  /// The same table with labels set from `labels`, keyed by column name; columns not named keep
  /// theirs.
  ///
  ///     table.labeled(["unit_name": "Đơn vị", "n": "Số đăng ký"])
  ///
  /// - Parameter labels: the label of each column name.
  public func labeled(_ labels: [String: String]) -> Table {
    var copy = self
    for index in copy.columns.indices {
      if let label = labels[copy.columns[index].name] { copy.columns[index].label = label }
    }
    return copy
  }
}
