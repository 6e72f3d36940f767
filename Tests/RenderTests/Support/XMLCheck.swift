import Foundation

/// A small well-formedness check for the XML we write (SVG, and HTML written as XML): elements
/// nest and close, attributes are quoted, `<` never appears in text or values, every `&` starts a
/// known or numeric reference. Returns the first problem, or nil.
enum XMLCheck {
  static func problem(in text: String) -> String? {
    let bytes = Array(text.utf8)
    var index = 0
    var stack: [String] = []
    func starts(_ literal: String) -> Bool {
      let pattern = Array(literal.utf8)
      return index + pattern.count <= bytes.count
        && Array(bytes[index..<index + pattern.count]) == pattern
    }
    func skip(past literal: String) -> Bool {
      let pattern = Array(literal.utf8)
      while index + pattern.count <= bytes.count {
        if Array(bytes[index..<index + pattern.count]) == pattern {
          index += pattern.count
          return true
        }
        index += 1
      }
      return false
    }
    func reference() -> String? {
      // at '&'
      var end = index + 1
      while end < bytes.count && bytes[end] != UInt8(ascii: ";") && end - index < 12 { end += 1 }
      guard end < bytes.count, bytes[end] == UInt8(ascii: ";") else { return "bare & at \(index)" }
      let name = String(decoding: bytes[index + 1..<end], as: UTF8.self)
      let known = ["amp", "lt", "gt", "quot", "apos"]
      if !known.contains(name) && !(name.hasPrefix("#") && name.count > 1) {
        return "unknown reference &\(name);"
      }
      index = end + 1
      return nil
    }
    func isNameByte(_ byte: UInt8) -> Bool {
      (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
        || (byte >= 0x30 && byte <= 0x39)
        || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "_")
        || byte == UInt8(ascii: ".")
    }
    func name() -> String {
      let start = index
      while index < bytes.count && isNameByte(bytes[index]) { index += 1 }
      return String(decoding: bytes[start..<index], as: UTF8.self)
    }
    func spaces() {
      while index < bytes.count && [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
    }
    var sawRoot = false
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "<") {
        if starts("<!--") {
          guard skip(past: "-->") else { return "unclosed comment" }
          continue
        }
        if starts("<?") {
          guard skip(past: "?>") else { return "unclosed processing instruction" }
          continue
        }
        if starts("<!DOCTYPE") {
          guard skip(past: ">") else { return "unclosed doctype" }
          continue
        }
        index += 1
        if index < bytes.count && bytes[index] == UInt8(ascii: "/") {
          index += 1
          let closing = name()
          spaces()
          guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else {
            return "bad end tag </\(closing)"
          }
          index += 1
          guard let open = stack.popLast(), open == closing else {
            return "</\(closing)> does not close \(stack.last ?? "anything")"
          }
          continue
        }
        let element = name()
        if element.isEmpty { return "bad tag at \(index)" }
        if stack.isEmpty && sawRoot { return "second root <\(element)>" }
        sawRoot = true
        var attributes: Set<String> = []
        while true {
          spaces()
          guard index < bytes.count else { return "unclosed tag <\(element)" }
          if bytes[index] == UInt8(ascii: ">") {
            index += 1
            stack.append(element)
            break
          }
          if starts("/>") {
            index += 2
            break
          }
          let attribute = name()
          if attribute.isEmpty { return "bad attribute in <\(element)> at \(index)" }
          if !attributes.insert(attribute).inserted {
            return "repeated attribute \(attribute) in <\(element)>"
          }
          spaces()
          guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
            return "attribute \(attribute) without value"
          }
          index += 1
          spaces()
          guard index < bytes.count,
            bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'")
          else { return "unquoted attribute \(attribute)" }
          let quote = bytes[index]
          index += 1
          while index < bytes.count && bytes[index] != quote {
            if bytes[index] == UInt8(ascii: "<") { return "< in attribute \(attribute)" }
            if bytes[index] == UInt8(ascii: "&") {
              if let problem = reference() { return problem }
            } else {
              index += 1
            }
          }
          guard index < bytes.count else { return "unclosed attribute \(attribute)" }
          index += 1
        }
      } else if byte == UInt8(ascii: "&") {
        if let problem = reference() { return problem }
      } else {
        if stack.isEmpty && ![0x20, 0x0A, 0x0D, 0x09].contains(byte) {
          return "text outside the root at \(index)"
        }
        if byte < 0x20 && ![0x0A, 0x0D, 0x09].contains(byte) { return "control character" }
        index += 1
      }
    }
    if let open = stack.last { return "<\(open)> never closed" }
    return sawRoot ? nil : "no root element"
  }

  /// Whether Python's XML parser accepts the text; nil when python3 is not installed.
  static func pythonAccepts(_ text: String) throws -> Bool? {
    let python = "/usr/bin/python3"
    guard FileManager.default.isExecutableFile(atPath: python) else { return nil }
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("render-check-\(UUID().uuidString).xml")
    try text.write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [
      "-c", "import xml.dom.minidom,sys; xml.dom.minidom.parse(sys.argv[1])", file.path,
    ]
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus == 0
  }
}
