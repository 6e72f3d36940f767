// Messages of the Render module: table footers, document labels, chart labels and chart errors.

extension Message {
  /// Below a table showing only its first rows (more than one row left out).
  public static let renderMoreRows = Message(
    vi: "… còn {count} dòng nữa", en: "… {count} more rows")
  /// Below a table showing only its first rows (one row left out).
  public static let renderMoreRow = Message(
    vi: "… còn {count} dòng nữa", en: "… {count} more row")
  /// Below the header of a table without rows.
  public static let renderNoRows = Message(vi: "(không có dòng nào)", en: "(no rows)")

  /// A date in the official place-and-date line; `{month}` is a number in Vietnamese and a
  /// month name in English.
  public static let renderLongDate = Message(
    vi: "ngày {day} tháng {month} năm {year}", en: "{day} {month} {year}")
  /// The number of an official document.
  public static let renderDocumentNumber = Message(vi: "Số {number}", en: "No. {number}")
  /// A true boolean in a document.
  public static let renderTrue = Message(vi: "có", en: "yes")
  /// A false boolean in a document.
  public static let renderFalse = Message(vi: "không", en: "no")

  /// Shown in a chart that has nothing to draw.
  public static let renderChartNoData = Message(vi: "Không có dữ liệu", en: "No data")
  /// The value axis of a histogram.
  public static let renderChartCount = Message(vi: "Số lượng", en: "Count")
  /// The header of the category column when a chart is written as a table.
  public static let renderChartCategory = Message(vi: "Nhóm", en: "Category")
  /// The header of the bin column when a histogram is written as a table.
  public static let renderChartBin = Message(vi: "Khoảng", en: "Range")
  /// The caption of a chart written as a table (Markdown cannot hold the SVG).
  public static let renderChartData = Message(
    vi: "Số liệu biểu đồ: {title}", en: "Chart data: {title}")
  /// The text alternative of a chart in HTML.
  public static let renderChartAlternative = Message(
    vi: "Biểu đồ: {title}", en: "Chart: {title}")

  /// A chart series whose length does not match the categories.
  public static let renderChartSeriesLength = Message(
    vi: "chuỗi số liệu '{series}' có {count} giá trị, cần {expected} (mỗi nhóm một giá trị)",
    en: "series '{series}' has {count} values, expected {expected} (one per category)")
  /// A bar chart given several series.
  public static let renderChartOneSeries = Message(
    vi:
      "biểu đồ cột nhận đúng một chuỗi số liệu, có {count}; dùng kind = \"stacked\" cho nhiều chuỗi",
    en: "a bar chart takes exactly one series, got {count}; use kind = \"stacked\" for several")
  /// A chart given no series.
  public static let renderChartNoSeries = Message(
    vi: "biểu đồ '{title}' không có chuỗi số liệu nào", en: "chart '{title}' has no series")
  /// A negative value in a stacked bar chart.
  public static let renderChartNegativeStack = Message(
    vi: "biểu đồ cột chồng không nhận giá trị âm: chuỗi '{series}', nhóm '{category}' là {value}",
    en:
      "a stacked bar chart takes no negative values: series '{series}', category '{category}' is {value}"
  )
  /// An infinite or NaN value in a chart.
  public static let renderChartNonFinite = Message(
    vi: "giá trị không hữu hạn trong chuỗi '{series}': {value}",
    en: "value not finite in series '{series}': {value}")
  /// A histogram bin width that is not positive.
  public static let renderChartBinWidth = Message(
    vi: "độ rộng khoảng của biểu đồ phân bố phải là số dương, có {width}",
    en: "the bin width of a histogram must be a positive number, got {width}")
  /// A histogram with too many bins.
  public static let renderChartTooManyBins = Message(
    vi: "biểu đồ phân bố sẽ có {count} khoảng, tối đa {limit}; hãy dùng khoảng rộng hơn",
    en: "the histogram would have {count} bins, at most {limit}; use a wider bin")
}
