import Foundation
import Testing

@testable import Render

/// Checks the ranges written in the source against Unicode's file, where Debian's
/// `unicode-data` package has installed it.
@Suite struct EastAsianWidthTableTests {
  static let path = "/usr/share/unicode/EastAsianWidth.txt"

  @Test func rangesAreSortedAndDisjoint() {
    let ranges = DisplayWidth.wideRanges
    for index in ranges.indices.dropFirst() {
      #expect(ranges[index - 1].upperBound + 1 < ranges[index].lowerBound)
    }
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: path)))
  func everyWideOrFullwidthEntryOfTheUnicodeFileIsWide() throws {
    let text = try String(contentsOfFile: Self.path, encoding: .utf8)
    var checked = 0
    for line in text.split(separator: "\n") {
      let fields = line.prefix(while: { $0 != "#" }).split(separator: ";").map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard fields.count == 2 else { continue }
      let bounds = fields[0].components(separatedBy: "..").compactMap { UInt32($0, radix: 16) }
      let isWide = fields[1] == "W" || fields[1] == "F"
      for value in bounds[0]...bounds[bounds.count - 1] {
        #expect(DisplayWidth.isWide(value) == isWide, "U+\(String(value, radix: 16))")
        checked += 1
      }
    }
    #expect(checked > 100_000)
  }
}
