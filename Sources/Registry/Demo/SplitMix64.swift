/// SplitMix64 (Steele, Lea and Flood, 2014): a small, fast, seedable generator, so the demo
/// registry is the same on every machine and run. Not for anything secret.
///
///     var random = SplitMix64(seed: 2023)
///     let roll = Int.random(in: 1...6, using: &random)
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// A generator whose sequence is fixed by `seed`.
  public init(seed: UInt64) {
    state = seed
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform double in [0, 1).
  public mutating func unit() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// Whether an event of probability `p` happens.
  public mutating func chance(_ p: Double) -> Bool {
    unit() < p
  }

  /// A normally distributed double (Box–Muller).
  public mutating func normal(mean: Double = 0, deviation: Double = 1) -> Double {
    let u = max(unit(), 1e-12)
    let v = unit()
    return mean + deviation * (-2 * _log(u)).squareRoot() * _cos(2 * Double.pi * v)
  }

  /// An integer in `range`.
  public mutating func int(_ range: ClosedRange<Int>) -> Int {
    Int.random(in: range, using: &self)
  }

  /// An element of a non-empty array.
  public mutating func pick<T>(_ items: [T]) -> T {
    items[Int.random(in: 0..<items.count, using: &self)]
  }

  /// An element of `items` drawn with the given weights.
  public mutating func pick<T>(_ items: [(T, Int)]) -> T {
    let total = items.reduce(0) { $0 + $1.1 }
    var roll = Int.random(in: 0..<total, using: &self)
    for (item, weight) in items {
      if roll < weight { return item }
      roll -= weight
    }
    return items[items.count - 1].0
  }
}

#if canImport(Glibc)
  import Glibc
  @inline(__always) func _log(_ x: Double) -> Double { Glibc.log(x) }
  @inline(__always) func _cos(_ x: Double) -> Double { Glibc.cos(x) }
#elseif canImport(Darwin)
  import Darwin
  @inline(__always) func _log(_ x: Double) -> Double { Darwin.log(x) }
  @inline(__always) func _cos(_ x: Double) -> Double { Darwin.cos(x) }
#endif
