import Testing

@testable import Render

@Suite struct DecimalDigitsTests {
  @Test func readsTheShortestDigitsOfADouble() {
    #expect(DecimalDigits(0.1) == DecimalDigits(isNegative: false, digits: [1], exponent: 0))
    #expect(
      DecimalDigits(1234.5)
        == DecimalDigits(isNegative: false, digits: [1, 2, 3, 4, 5], exponent: 4))
    #expect(DecimalDigits(1e-05) == DecimalDigits(isNegative: false, digits: [1], exponent: -4))
    #expect(
      DecimalDigits(1.5e20) == DecimalDigits(isNegative: false, digits: [1, 5], exponent: 21))
    #expect(DecimalDigits(-0.0)!.isZero)
    #expect(DecimalDigits(.nan) == nil)
    #expect(DecimalDigits(.infinity) == nil)
  }

  @Test func roundsHalfAwayFromZeroOnTheDecimalDigits() {
    func text(_ value: Double, _ decimals: Int) -> String {
      DecimalDigits(value)!.formatted(maximumFractionDigits: decimals)
    }
    #expect(text(1.005, 2) == "1.01")
    #expect(text(2.675, 2) == "2.68")
    #expect(text(82.333333, 2) == "82.33")
    #expect(text(9.999, 2) == "10")
    #expect(text(-0.004, 2) == "0")
    #expect(text(0.5, 0) == "1")
    #expect(text(0.05, 1) == "0.1")
    #expect(text(0.04, 0) == "0")
    #expect(text(-2.5, 0) == "-3")
    #expect(text(1e-05, 5) == "0.00001")
    #expect(text(1.5e20, 0) == "150000000000000000000")
  }

  @Test func padsAndGroups() {
    let digits = DecimalDigits(1234567.5)!
    #expect(
      digits.formatted(
        minimumFractionDigits: 2, maximumFractionDigits: 2, grouping: ".", decimal: ",")
        == "1.234.567,50")
    #expect(DecimalDigits(-999.0)!.formatted(maximumFractionDigits: 2, grouping: ",") == "-999")
    #expect(DecimalDigits(-1000.0)!.formatted(maximumFractionDigits: 2, grouping: ",") == "-1,000")
  }
}
