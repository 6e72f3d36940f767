import Foundation
import Registry

/// A small, fast, reproducible random number generator for randomized tests (the demo
/// generator's SplitMix64): the same seed gives the same inputs on every machine, so a failure
/// names its seed.
///
///     var random = SeededGenerator(seed: 42)
///     let n = Int.random(in: 0..<10, using: &random)
public typealias SeededGenerator = SplitMix64

/// How many inputs a randomized test tries: `$SANGTAO_FUZZ_ITERATIONS` when set (scripts/test
/// and scripts/fuzz set it), else `default`.
public func fuzzIterations(default value: Int) -> Int {
  if let text = ProcessInfo.processInfo.environment["SANGTAO_FUZZ_ITERATIONS"],
    let count = Int(text), count > 0
  {
    return count
  }
  return value
}

/// The seed randomized tests start from: `$SANGTAO_FUZZ_SEED` when set, else a fixed one, so a
/// run is reproducible and a long campaign can explore other seeds.
public func fuzzSeed() -> UInt64 {
  if let text = ProcessInfo.processInfo.environment["SANGTAO_FUZZ_SEED"],
    let seed = UInt64(text)
  {
    return seed
  }
  return 20_230_328  // D1 of 2023
}

/// The files of the fuzzing corpus `name` (Tests/Fuzz/corpus/NAME), as bytes, sorted by name.
public func fuzzCorpus(_ name: String) -> [[UInt8]] {
  let directory = Repository.root.appendingPathComponent("Tests/Fuzz/corpus/\(name)")
  let names =
    (try? FileManager.default.contentsOfDirectory(atPath: directory.path))?.sorted() ?? []
  return names.compactMap { fileBytes(directory.appendingPathComponent($0).path) }
}

/// Mutates `bytes` the way a fuzzer does: flips, inserts, deletes, duplicates, splices in
/// bytes Lua and the console care about.
public func mutate(_ bytes: [UInt8], using random: inout SeededGenerator) -> [UInt8] {
  var bytes = bytes
  let interesting: [[UInt8]] = [
    Array("local ".utf8), Array(" end".utf8), Array("function".utf8), Array("[==[".utf8),
    Array("]==]".utf8), Array("--[[".utf8), Array("\"".utf8), Array("'".utf8), Array("\\".utf8),
    Array(":where{".utf8), Array("}".utf8), Array("(".utf8), Array(")".utf8), Array("\n".utf8),
    [0], [0xFF], [0xC3], Array("Đạ Sar".utf8), Array("..".utf8), Array("...".utf8),
    Array("=".utf8), Array(",".utf8), Array("<const>".utf8), Array("do ".utf8),
  ]
  for _ in 0..<Int.random(in: 1...4, using: &random) {
    let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &random)
    switch Int.random(in: 0..<6, using: &random) {
    case 0 where !bytes.isEmpty && position < bytes.count:
      bytes[position] ^= UInt8.random(in: 1...255, using: &random)
    case 1:
      bytes.insert(contentsOf: interesting.randomElement(using: &random)!, at: position)
    case 2 where !bytes.isEmpty:
      let end = min(bytes.count, position + Int.random(in: 1...8, using: &random))
      if position < end { bytes.removeSubrange(position..<end) }
    case 3 where !bytes.isEmpty:
      let start = Int.random(in: 0..<bytes.count, using: &random)
      let end = min(bytes.count, start + Int.random(in: 1...16, using: &random))
      bytes.insert(contentsOf: bytes[start..<end], at: position)
    case 4:
      bytes.insert(UInt8.random(in: 0...255, using: &random), at: position)
    default:
      bytes.insert(contentsOf: interesting.randomElement(using: &random)!, at: position)
    }
  }
  return bytes
}
