/// The decimal digits of a finite `Double`, taken from Swift's shortest round-trip text, so that
/// `0.1` is the digit `1` and not `0.1000000000000000055…`.
///
/// Rounding works on these digits, half away from zero: `1.005` rounds to `1.01`, as a person
/// reading `1.005` expects (C's `printf` would print `1.00`, the binary value being slightly
/// less). The same value always gives the same text, on every platform.
///
///     DecimalDigits(1234.5)!.formatted(maximumFractionDigits: 2, grouping: ".", decimal: ",")
///     // "1.234,5"
struct DecimalDigits: Equatable, Sendable {
  /// Whether the value is below zero (zero itself is never negative here).
  var isNegative: Bool
  /// The significant digits, 0 to 9, without leading or trailing zeros; empty for zero.
  var digits: [UInt8]
  /// The value is `0.d₁d₂d₃… × 10^exponent`.
  var exponent: Int

  /// The digits of `value`; nil for infinities and NaN.
  init?(_ value: Double) {
    guard value.isFinite else { return nil }
    var digits: [UInt8] = []
    var pointPosition = 0
    var exponentValue = 0
    var seenPoint = false
    var inExponent = false
    var exponentNegative = false
    for byte in value.magnitude.description.utf8 {
      if inExponent {
        switch byte {
        case UInt8(ascii: "-"): exponentNegative = true
        case UInt8(ascii: "+"): break
        default: exponentValue = exponentValue * 10 + Int(byte - UInt8(ascii: "0"))
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "."): seenPoint = true
      case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
      default:
        digits.append(byte - UInt8(ascii: "0"))
        if !seenPoint { pointPosition += 1 }
      }
    }
    pointPosition += exponentNegative ? -exponentValue : exponentValue
    let leadingZeros = digits.prefix(while: { $0 == 0 }).count
    digits.removeFirst(leadingZeros)
    pointPosition -= leadingZeros
    while digits.last == 0 { digits.removeLast() }
    self.isNegative = value < 0 && !digits.isEmpty
    self.digits = digits
    self.exponent = digits.isEmpty ? 0 : pointPosition
  }

  init(isNegative: Bool, digits: [UInt8], exponent: Int) {
    self.isNegative = isNegative && !digits.isEmpty
    self.digits = digits
    self.exponent = digits.isEmpty ? 0 : exponent
  }

  /// Whether the value is zero.
  var isZero: Bool { digits.isEmpty }

  /// How many digits stand after the decimal point.
  var fractionDigitCount: Int { max(0, digits.count - exponent) }

  /// The value rounded to `fractionDigits` decimals, half away from zero.
  func rounded(fractionDigits: Int) -> DecimalDigits {
    let keep = exponent + fractionDigits
    if keep >= digits.count { return self }
    if keep < 0 { return DecimalDigits(isNegative: false, digits: [], exponent: 0) }
    var kept = Array(digits[0..<keep])
    var newExponent = exponent
    if digits[keep] >= 5 {
      var index = kept.count - 1
      while index >= 0 && kept[index] == 9 {
        kept[index] = 0
        index -= 1
      }
      if index >= 0 {
        kept[index] += 1
      } else {
        kept.insert(1, at: 0)
        newExponent += 1
      }
    }
    while kept.last == 0 { kept.removeLast() }
    return DecimalDigits(isNegative: isNegative, digits: kept, exponent: newExponent)
  }

  /// The value as text with at most `maximumFractionDigits` decimals (rounded) and at least
  /// `minimumFractionDigits` (padded with zeros).
  ///
  /// - Parameters:
  ///   - minimumFractionDigits: decimals always shown, zeros if need be.
  ///   - maximumFractionDigits: decimals at most; the value is rounded to them.
  ///   - grouping: the thousands separator, or nil for none.
  ///   - decimal: the decimal separator.
  func formatted(
    minimumFractionDigits: Int = 0, maximumFractionDigits: Int,
    grouping: String? = nil, decimal: String = "."
  ) -> String {
    let value = rounded(fractionDigits: maximumFractionDigits)
    var integerPart = ""
    if value.exponent <= 0 {
      integerPart = "0"
    } else {
      for position in 0..<value.exponent {
        let digit = position < value.digits.count ? value.digits[position] : 0
        integerPart.unicodeScalars.append(Unicode.Scalar(UInt8(ascii: "0") + digit))
      }
    }
    var fractionPart = ""
    if value.fractionDigitCount > 0 {
      for position in value.exponent..<value.digits.count {
        let digit = position < 0 ? 0 : value.digits[position]
        fractionPart.unicodeScalars.append(Unicode.Scalar(UInt8(ascii: "0") + digit))
      }
    }
    while fractionPart.count < minimumFractionDigits { fractionPart += "0" }
    var result = value.isNegative ? "-" : ""
    result += grouping.map { Self.group(integerPart, with: $0) } ?? integerPart
    if !fractionPart.isEmpty { result += decimal + fractionPart }
    return result
  }

  /// `digits` (ASCII digits only) with `separator` between groups of three from the right.
  static func group(_ digits: String, with separator: String) -> String {
    let count = digits.utf8.count
    if count <= 3 { return digits }
    var result = ""
    for (offset, character) in digits.enumerated() {
      if offset > 0 && (count - offset) % 3 == 0 { result += separator }
      result.append(character)
    }
    return result
  }
}
