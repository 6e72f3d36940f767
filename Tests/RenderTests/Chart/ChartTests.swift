import Testing

@testable import Render

@Suite struct ChartTests {
  @Test func histogramBinsStartAtAMultipleOfTheWidthAndTheLastBinIsClosed() throws {
    let chart = try Chart.histogram(
      title: "Phân bố điểm", values: [70, 72, 75, 79.9, 80, 100], binWidth: 5, valueLabel: "Điểm")
    #expect(chart.binEdges == [70, 75, 80, 85, 90, 95, 100])
    #expect(chart.series[0].values == [2, 2, 1, 0, 0, 1])
    #expect(
      chart.binLabels(language: .vi) == ["70–75", "75–80", "80–85", "85–90", "90–95", "95–100"])
  }

  @Test func histogramWithoutAWidthFollowsSturges() throws {
    // 8 values: ⌈log₂ 8⌉ + 1 = 4 bins over 0…100, width 25 (1, 2, 2.5 or 5 × 10ᵏ).
    let chart = try Chart.histogram(title: "t", values: [0, 10, 20, 40, 55, 60, 90, 100])
    #expect(chart.binEdges == [0, 25, 50, 75, 100])
    #expect(chart.series[0].values == [3, 1, 2, 2])
  }

  @Test func histogramOfEqualValuesHasOneBin() throws {
    let chart = try Chart.histogram(title: "t", values: [7.5, 7.5])
    #expect(chart.binEdges == [7, 8])
    #expect(chart.series[0].values == [2])
  }

  @Test func histogramBinLabelsUseTheDecimalsOfTheWidth() throws {
    let chart = try Chart.histogram(title: "t", values: [0.1, 0.75], binWidth: 0.5)
    #expect(chart.binLabels(language: .vi) == ["0–0,5", "0,5–1"])
    #expect(chart.binLabels(language: .en) == ["0–0.5", "0.5–1"])
  }

  @Test func badDataIsRefusedWithAMessageInBothLanguages() {
    #expect(throws: ChartError.seriesLength(series: "Số đăng ký", count: 1, expected: 2)) {
      try Chart.bar(title: "t", categories: ["a", "b"], values: [1], valueLabel: "Số đăng ký")
    }
    #expect(throws: ChartError.oneSeriesExpected(count: 2)) {
      try Chart.bar(
        title: "t", categories: ["a"],
        series: [ChartSeries("x", values: [1]), ChartSeries("y", values: [2])])
    }
    #expect(throws: ChartError.negativeInStack(series: "Trễ", category: "Lát", value: -1)) {
      try Chart.stacked(
        title: "t", categories: ["Lát"], series: [ChartSeries("Trễ", values: [-1])])
    }
    #expect(throws: ChartError.binWidth(0)) {
      try Chart.histogram(title: "t", values: [1], binWidth: 0)
    }
    #expect(throws: ChartError.tooManyBins(count: 1000, limit: 200)) {
      try Chart.histogram(title: "t", values: [0, 1000], binWidth: 1)
    }
    #expect(throws: ChartError.noSeries(title: "t")) {
      try Chart.line(title: "t", categories: ["2023"], series: [])
    }
    #expect(
      ChartError.seriesLength(series: "Đúng hạn", count: 2, expected: 3).message(in: .vi)
        == "chuỗi số liệu 'Đúng hạn' có 2 giá trị, cần 3 (mỗi nhóm một giá trị)")
    #expect(
      ChartError.negativeInStack(series: "Trễ", category: "Lát", value: -1.5).message(in: .en)
        == "a stacked bar chart takes no negative values: series 'Trễ', category 'Lát' is -1.5")
    #expect(
      ChartError.nonFinite(series: "x", value: .nan).message(in: .vi)
        == "giá trị không hữu hạn trong chuỗi 'x': NaN")
  }

  @Test func chartDataReadsAsATable() throws {
    let chart = try Chart.stacked(
      title: "Đúng hạn và trễ hạn", categories: ["Đạ Sar", "Lát"],
      series: [
        ChartSeries("Đúng hạn", values: [11, 8]), ChartSeries("Trễ hạn", values: [1, nil]),
      ],
      categoryLabel: "Đơn vị")
    let table = chart.dataTable(language: .vi)
    #expect(table.columns.map(\.title) == ["Đơn vị", "Đúng hạn", "Trễ hạn"])
    #expect(table.columns.map(\.kind) == [.text, .integer, .integer])
    #expect(table.rows == [["Đạ Sar", 11, 1], ["Lát", 8, nil]])
    let histogram = try Chart.histogram(title: "t", values: [1, 2.5], binWidth: 2)
    #expect(
      histogram.dataTable(language: .en).rows == [["0–2", 1], ["2–4", 1]])
  }
}
