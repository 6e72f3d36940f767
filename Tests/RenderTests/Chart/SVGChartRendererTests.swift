import Foundation
import Messages
import Testing

@testable import Render

@Suite struct SVGChartRendererTests {
  static let units = [
    "Đảng bộ xã Đạ Sar", "Đảng bộ xã Lát", "Đảng bộ thị trấn Lạc Dương",
    "Chi bộ cơ quan Đảng – Mặt trận – đoàn thể huyện Lạc Dương",
    "Đảng bộ xã Đưng K'Nớ", "Ban quản lý rừng phòng hộ Đa Nhim",
  ]

  static func charts() throws -> [(String, Chart)] {
    [
      (
        "bar",
        try Chart.bar(
          title: "Số mô hình đăng ký theo đơn vị năm 2023", categories: units,
          values: [12, 9, 15, 4, 0, 2.5], valueLabel: "Số đăng ký", categoryLabel: "Đơn vị")
      ),
      (
        "bar-negative",
        try Chart.bar(
          title: "Chênh lệch so với năm 2022", categories: Array(units.prefix(4)),
          values: [3, -2, 0, -5], valueLabel: "Số đăng ký")
      ),
      (
        "stacked",
        try Chart.stacked(
          title: "Đăng ký đúng hạn và trễ hạn", categories: units,
          series: [
            ChartSeries("Đúng hạn", values: [11, 8, 14, 3, 0, 2]),
            ChartSeries("Trễ hạn", values: [1, 1, 1, 1, 0, 0]),
            ChartSeries("Bị trả lại", values: [0, 2, nil, 0, 1, 0]),
          ], valueLabel: "Số đăng ký")
      ),
      (
        "histogram",
        try Chart.histogram(
          title: "Phân bố điểm thẩm định",
          values: [62, 71, 74.5, 78, 81, 82.5, 85, 86, 88, 91, 95],
          binWidth: 5, valueLabel: "Điểm")
      ),
      (
        "line",
        try Chart.line(
          title: "Số đăng ký qua các năm", categories: ["2019", "2020", "2021", "2022", "2023"],
          series: [
            ChartSeries("Tập thể", values: [10, 12, nil, 15, 18]),
            ChartSeries("Cá nhân HTXS", values: [20, 22, 25, 24, 30]),
            ChartSeries("HTXS 5 năm liền", values: [2, 3, 3, 4, 6]),
          ], valueLabel: "Số đăng ký", categoryLabel: "Năm")
      ),
      (
        "line-single",
        try Chart.line(
          title: "Điểm trung bình", categories: ["2021", "2022", "2023"],
          series: [ChartSeries("Điểm", values: [76.5, 79, 81.25])])
      ),
      ("empty", try Chart.bar(title: "Không có gì", categories: [], values: [])),
    ]
  }

  @Test func everyKindOfChartIsWellFormedXML() throws {
    for (name, chart) in try Self.charts() {
      for language in [Language.vi, .en] {
        let svg = SVGChartRenderer(language: language, idPrefix: name).render(chart)
        Preview.write(svg, as: "\(name)-\(language).svg")
        #expect(XMLCheck.problem(in: svg) == nil, "\(name) \(language)")
        if let accepted = try XMLCheck.pythonAccepts(svg) {
          #expect(accepted, "\(name) \(language)")
        }
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(!svg.contains("<script"))
      }
    }
  }

  @Test func textFromTheDataIsEscaped() throws {
    let chart = try Chart.stacked(
      title: "<script>alert(1)</script> & \"x\"", categories: ["=HYPERLINK(\"x\") <b>"],
      series: [ChartSeries("<i>'s'</i>", values: [1])])
    let svg = SVGChartRenderer(language: .vi).render(chart)
    #expect(XMLCheck.problem(in: svg) == nil)
    #expect(!svg.contains("<script>"))
    #expect(!svg.contains("<b>"))
    #expect(!svg.contains("<i>"))
    #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"))
    #expect(svg.contains("=HYPERLINK(&quot;x&quot;) &lt;b&gt;"))
    #expect(svg.contains("&lt;i&gt;&#39;s&#39;&lt;/i&gt;"))
  }

  @Test func outputIsTheSameEveryTime() throws {
    for (name, chart) in try Self.charts() {
      #expect(
        SVGChartRenderer(language: .vi).render(chart)
          == SVGChartRenderer(language: .vi).render(chart), "\(name)")
    }
  }

  @Test func barsCarryTheirValuesWrittenTheVietnameseWay() throws {
    let chart = try Chart.bar(
      title: "Điểm", categories: ["Đạ Sar", "Lát"], values: [1234.5, 82])
    let vi = SVGChartRenderer(language: .vi).render(chart)
    #expect(vi.contains(">1.234,5</text>"))
    #expect(vi.contains(">82</text>"))
    let en = SVGChartRenderer(language: .en).render(chart)
    #expect(en.contains(">1,234.5</text>"))
  }

  @Test func stackedSeriesAreToldApartWithoutColorAndNamedInALegend() throws {
    let chart = try Chart.stacked(
      title: "t", categories: ["a"],
      series: (1...4).map { ChartSeries("S\($0)", values: [Double($0)]) })
    let svg = SVGChartRenderer(language: .vi, idPrefix: "k").render(chart)
    let fills = (0..<4).map { ChartFill.series($0, prefix: "k").paint }
    #expect(Set(fills).count == 4)
    for fill in fills { #expect(svg.contains("fill=\"\(fill)\"")) }
    #expect(svg.contains("<pattern id=\"k-diagonal\""))
    for name in ["S1", "S2", "S3", "S4"] { #expect(svg.contains(">\(name)</text>")) }
    // Colors are grays only: every #rrggbb has r = g = b.
    var rest = svg[...]
    while let hash = rest.firstIndex(of: "#") {
      let code = rest[rest.index(after: hash)...].prefix(6)
      if code.count == 6, code.allSatisfy(\.isHexDigit) {
        #expect(code.prefix(2) == code.dropFirst(2).prefix(2) && code.prefix(2) == code.suffix(2))
      }
      rest = rest[rest.index(after: hash)...]
    }
  }

  @Test func linesDifferByDashAndMarker() throws {
    let styles = (0..<4).map { SVGChartRenderer.lineStyle($0) }
    let keys = styles.map { "\($0.stroke) \($0.dash ?? "-") \($0.marker) \($0.markerFill)" }
    #expect(Set(keys).count == 4)
  }

  @Test func anEmptyChartSaysThereIsNoData() throws {
    let chart = try Chart.bar(title: "Đăng ký", categories: [], values: [])
    #expect(
      SVGChartRenderer(language: .vi, width: 300, idPrefix: "e").render(chart) == """
        <svg xmlns="http://www.w3.org/2000/svg" width="300" height="102" viewBox="0 0 300 102" \
        role="img" aria-labelledby="e-title" font-family="Arial, &#39;Liberation Sans&#39;, \
        &#39;DejaVu Sans&#39;, sans-serif" font-size="12">
          <title id="e-title">Đăng ký</title>
          <rect width="100%" height="100%" fill="#fff"/>
          <text x="16" y="26" font-size="15" font-weight="bold">Đăng ký</text>
          <text x="150" y="66" text-anchor="middle">Không có dữ liệu</text>
        </svg>

        """)
  }

  /// Label width 3 columns × 6.96 px; the bar runs from 16 + 20.88 + 10 to 300 − 16 − (6.96 + 8).
  @Test func aOneBarChartIsDrawnExactly() throws {
    let chart = try Chart.bar(title: "Đăng ký", categories: ["Lát"], values: [3])
    #expect(
      SVGChartRenderer(language: .vi, width: 300, idPrefix: "b").render(chart) == """
        <svg xmlns="http://www.w3.org/2000/svg" width="300" height="100" viewBox="0 0 300 100" \
        role="img" aria-labelledby="b-title" font-family="Arial, &#39;Liberation Sans&#39;, \
        &#39;DejaVu Sans&#39;, sans-serif" font-size="12">
          <title id="b-title">Đăng ký</title>
          <rect width="100%" height="100%" fill="#fff"/>
          <text x="16" y="26" font-size="15" font-weight="bold">Đăng ký</text>
          <line x1="120.93" y1="42" x2="120.93" y2="68" stroke="#bfbfbf" stroke-dasharray="3 3"/>
          <line x1="194.99" y1="42" x2="194.99" y2="68" stroke="#bfbfbf" stroke-dasharray="3 3"/>
          <line x1="269.04" y1="42" x2="269.04" y2="68" stroke="#bfbfbf" stroke-dasharray="3 3"/>
          <text x="36.88" text-anchor="end"><tspan x="36.88" y="59">Lát</tspan></text>
          <rect x="46.88" y="47" width="222.16" height="16" fill="#7f7f7f" stroke="#000" \
        stroke-width="0.5"/>
          <text x="274.04" y="59">3</text>
          <line x1="46.88" y1="42" x2="46.88" y2="68" stroke="#000"/>
          <line x1="46.88" y1="68" x2="269.04" y2="68" stroke="#000"/>
          <text x="46.88" y="84" text-anchor="middle">0</text>
          <text x="120.93" y="84" text-anchor="middle">1</text>
          <text x="194.99" y="84" text-anchor="middle">2</text>
          <text x="269.04" y="84" text-anchor="middle">3</text>
        </svg>

        """)
  }
}

extension SVGChartRendererTests {
  @Test func longNamesAreCutToTheRoomTheyHave() throws {
    let long = String(repeating: "Đảng bộ xã Đạ Sar ", count: 20)
    let chart = try Chart.stacked(
      title: "t", categories: [long], series: [ChartSeries(long, values: [1])],
      valueLabel: long, categoryLabel: long)
    let svg = SVGChartRenderer(language: .vi).render(chart)
    #expect(!svg.contains(long))
    // Category (two lines at most), category axis name, value axis name, legend: all cut.
    #expect(svg.components(separatedBy: "…<").count - 1 == 4)
    #expect(XMLCheck.problem(in: svg) == nil)
  }
}
