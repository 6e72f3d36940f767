/// A value axis with "nice" ticks: steps of 1, 2 or 5 times a power of ten, always including
/// zero, covering the data.
///
///     let scale = AxisScale(minimum: 0, maximum: 17)
///     scale.ticks  // [0, 5, 10, 15, 20]
struct AxisScale: Equatable {
  /// The lowest tick.
  let lower: Double
  /// The highest tick.
  let upper: Double
  /// The distance between ticks.
  let step: Double
  /// The ticks, from `lower` to `upper`.
  let ticks: [Double]
  /// The decimals that tick labels need.
  let decimals: Int

  /// An axis for values from `minimum` to `maximum`, with about `targetTicks` intervals.
  ///
  /// - Parameters:
  ///   - minimum: the smallest value.
  ///   - maximum: the largest value.
  ///   - targetTicks: the number of intervals wanted, 5 by default.
  ///   - integers: whether values are counts (the step is then at least 1).
  init(minimum: Double, maximum: Double, targetTicks: Int = 5, integers: Bool = false) {
    var low = min(0, minimum)
    var high = max(0, maximum)
    if !(low.isFinite && high.isFinite) { (low, high) = (0, 1) }
    if high == low { high = low + 1 }
    var step = Self.niceStep(atLeast: (high - low) / Double(max(1, targetTicks)))
    if integers { step = max(step, 1) }
    let lowerIndex = (low / step).rounded(.down)
    let upperIndex = (high / step).rounded(.up)
    self.step = step
    self.lower = lowerIndex * step
    self.upper = upperIndex * step
    self.ticks = stride(from: lowerIndex, through: upperIndex, by: 1).map { $0 * step }
    self.decimals = Self.decimals(forStep: step)
  }

  /// Where `value` falls between `from` (at `lower`) and `to` (at `upper`).
  func position(_ value: Double, from: Double, to: Double) -> Double {
    from + (value - lower) / (upper - lower) * (to - from)
  }

  /// The smallest of `multiples` × 10ᵏ that is at least `raw` (1 for zero or less).
  ///
  ///     AxisScale.niceStep(atLeast: 3.4)  // 5
  ///
  /// - Parameters:
  ///   - raw: the least step wanted.
  ///   - multiples: the mantissas allowed, ascending, below 10: 1, 2 and 5 by default.
  static func niceStep(atLeast raw: Double, multiples: [Double] = [1, 2, 5]) -> Double {
    guard raw > 0, raw.isFinite else { return 1 }
    var exponent = 0
    while power(exponent) > raw { exponent -= 1 }
    while power(exponent + 1) <= raw { exponent += 1 }
    for multiple in multiples where multiple * power(exponent) >= raw {
      return multiple * power(exponent)
    }
    return power(exponent + 1)
  }

  /// 10 to the power `exponent`, exact for the range charts use (dividing for negatives keeps
  /// 0.1 the nearest double to one tenth).
  static func power(_ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<abs(exponent) { result *= 10 }
    return exponent < 0 ? 1 / result : result
  }

  /// The decimals needed to write multiples of `step`: 0 for 5, 1 for 0.5, 2 for 0.25.
  static func decimals(forStep step: Double) -> Int {
    DecimalDigits(step).map { min($0.fractionDigitCount, 6) } ?? 0
  }
}
