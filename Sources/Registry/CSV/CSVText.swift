/// The bytes of a CSV file made ready for the CSV reader: UTF-8 checked (with the line of the
/// first bad byte), byte order mark removed, delimiter found (Excel writes `;` under Vietnamese
/// regional settings, `,` elsewhere, tabs from "Unicode text").
struct CSVText {
  let text: String
  let delimiter: Unicode.Scalar
  /// Lines in the file, for progress.
  let lineCount: Int

  enum Failure: Error {
    case notUTF8(line: Int)
    case empty
  }

  init(bytes input: [UInt8]) throws(Failure) {
    var bytes = input[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    if let bad = CSVText.firstInvalidUTF8(bytes) {
      throw .notUTF8(line: 1 + bytes[bytes.startIndex..<bad].reduce(0) { $0 + ($1 == 10 ? 1 : 0) })
    }
    let text = String(decoding: bytes, as: UTF8.self)
    if text.utf8.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }) { throw .empty }
    self.text = text
    self.lineCount = bytes.reduce(0) { $0 + ($1 == 10 ? 1 : 0) } + (bytes.last == 10 ? 0 : 1)
    // The delimiter: the most frequent of , ; and tab in the header line, outside quotes.
    var counts: [UInt8: Int] = [44: 0, 59: 0, 9: 0]
    var quoted = false
    for byte in bytes {
      if byte == 34 { quoted.toggle() }
      if !quoted && (byte == 10 || byte == 13) { break }
      if !quoted, counts[byte] != nil { counts[byte]! += 1 }
    }
    let best = [UInt8(44), 59, 9].max { counts[$0]! < counts[$1]! }!
    delimiter = Unicode.Scalar(counts[best]! > 0 ? best : 44)
  }

  /// The index of the first byte that is not valid UTF-8, if any.
  static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
    var index = bytes.startIndex
    let end = bytes.endIndex
    while index < end {
      let byte = bytes[index]
      if byte < 0x80 {
        index += 1
        continue
      }
      let length: Int
      let minimum: UInt32
      var scalar: UInt32
      switch byte {
      case 0xC2...0xDF: (length, minimum, scalar) = (2, 0x80, UInt32(byte & 0x1F))
      case 0xE0...0xEF: (length, minimum, scalar) = (3, 0x800, UInt32(byte & 0x0F))
      case 0xF0...0xF4: (length, minimum, scalar) = (4, 0x10000, UInt32(byte & 0x07))
      default: return index
      }
      guard index + length <= end else { return index }
      for offset in 1..<length {
        let next = bytes[index + offset]
        guard next & 0xC0 == 0x80 else { return index }
        scalar = scalar << 6 | UInt32(next & 0x3F)
      }
      if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
        return index
      }
      index += length
    }
    return nil
  }

  /// Line breaks inside a cell, to keep counting the file's lines.
  static func lineBreaks(in cell: String) -> Int {
    var count = 0
    var previous: UInt8 = 0
    for byte in cell.utf8 {
      if byte == 10 {
        count += 1
      } else if previous == 13 {
        count += 1  // a lone CR
      }
      previous = byte
    }
    if previous == 13 { count += 1 }
    return count
  }
}
