/// Appraisal arithmetic: how the members' totals combine into a result (DESIGN.md §4).
public enum Scoring {
  /// The arithmetic mean; nil for no values.
  ///
  ///     Scoring.mean([80, 90])  // 85
  public static func mean(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    return values.reduce(0, +) / Double(values.count)
  }

  /// The mean without one lowest and one highest value when there are at least `minimumCount`
  /// values (default five), the plain mean otherwise; nil for no values.
  ///
  ///     Scoring.trimmedMean([60, 80, 82, 84, 99])  // 82
  public static func trimmedMean(_ values: [Double], minimumCount: Int = 5) -> Double? {
    guard values.count >= max(minimumCount, 3) else { return mean(values) }
    let sorted = values.sorted()
    return mean(Array(sorted.dropFirst().dropLast()))
  }

  /// The median; nil for no values.
  ///
  ///     Scoring.median([70, 90, 80, 100])  // 85
  public static func median(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }

  /// The `p`-th percentile (0 to 100) of `values`, interpolated linearly between the closest
  /// ranks (the 50th is the median); nil for no values or `p` outside 0…100.
  public static func percentile(_ values: [Double], _ p: Double) -> Double? {
    guard !values.isEmpty, (0...100).contains(p) else { return nil }
    let sorted = values.sorted()
    let rank = p / 100 * Double(sorted.count - 1)
    let low = Int(rank.rounded(.down))
    let high = min(low + 1, sorted.count - 1)
    return sorted[low] + (rank - Double(low)) * (sorted[high] - sorted[low])
  }

  /// The sample standard deviation of `values`; nil for fewer than two.
  public static func standardDeviation(_ values: [Double]) -> Double? {
    guard values.count >= 2 else { return nil }
    let mean = values.reduce(0, +) / Double(values.count)
    let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    return (squares / Double(values.count - 1)).squareRoot()
  }
}

extension Scoring {
  /// A number as messages show points: `25`, `22.5`, `82.33`.
  public static func format(_ value: Double) -> String {
    if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
    let rounded = (value * 100).rounded() / 100
    return String(rounded)
  }
}
