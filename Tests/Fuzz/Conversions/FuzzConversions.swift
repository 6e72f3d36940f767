// libFuzzer target: the bridge's conversions and the console's printer on any Lua value the
// input describes. Built by scripts/fuzz with -sanitize=fuzzer,address; no main of its own.

import CLua
import Console
import LuaBridge

/// One state for every input (a fresh one per input would spend the time creating states).
nonisolated(unsafe) let state = try! LuaState()

/// Builds values on the stack from `bytes`, one operation per byte: nil, booleans, integers,
/// floats (NaN and infinities included), strings (any bytes), tables, fields set raw, copies
/// of earlier values (so cycles and shared tables), pops.
func build(_ bytes: UnsafeBufferPointer<UInt8>, on L: LuaStack) {
  var index = 0
  func next() -> UInt8? {
    guard index < bytes.count else { return nil }
    defer { index += 1 }
    return bytes[index]
  }
  func next64() -> UInt64 {
    var value: UInt64 = 0
    for _ in 0..<8 { value = value << 8 | UInt64(next() ?? 0) }
    return value
  }
  while let op = next(), L.top < 200 {
    switch op % 9 {
    case 0: L.pushNil()
    case 1: L.push((next() ?? 0) & 1 == 1)
    case 2: L.push(Int64(bitPattern: next64()))
    case 3: L.push(Double(bitPattern: next64()))
    case 4:
      let count = Int(next() ?? 0) % 40
      var text: [UInt8] = []
      for _ in 0..<count { text.append(next() ?? 0) }
      L.push(bytes: text)
    case 5: L.newTable()
    case 6:
      // t[k] = v with t, k, v the three values on top, when Lua would accept the key.
      guard L.top >= 3, L.type(at: -3) == .table else { continue }
      let key = L.type(at: -2)
      if key == .nil || (key == .number && L.toNumber(-2)!.isNaN) { continue }
      L.rawSet(-3)
    case 7:
      guard L.top > 0 else { continue }
      L.pushValue(at: Int32(Int(next() ?? 0) % Int(L.top)) + 1)
    default:
      if L.top > 0 { L.pop() }
    }
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConversions(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let L = state.stack
  L.top = 0
  build(UnsafeBufferPointer(start: data, count: size), on: L)
  let top = L.top
  for index in stride(from: Int32(1), through: top, by: 1) {
    let value = LuaValue(L, at: index)
    value.push(onto: L)
    let again = LuaValue(L, at: -1)
    L.pop()
    // A copy pushed back copies the same, unless it held what cannot be pushed back (functions,
    // cycles: opaque) or compared (NaN).
    if isExact(value) { precondition(again == value, "a copy did not come back the same") }
    _ = try? L.read(index, as: [String: LuaValue].self)
    _ = try? L.read(index, as: [Int64].self)
    _ = try? L.read(index, as: [String].self)
    _ = try? L.read(index, as: Double.self)
    _ = try? L.read(index, as: String.self)
    _ = ValuePrinter(width: 60).describe(L, at: index)
    precondition(L.top == top, "a conversion left the stack unbalanced")
  }
  L.top = 0
  state.collectGarbage()
  return 0
}

/// Whether `value` holds neither a NaN (unequal to itself) nor an opaque value (which pushes
/// as nil) anywhere.
func isExact(_ value: LuaValue) -> Bool {
  switch value {
  case .number(let number): return !number.isNaN
  case .opaque: return false
  case .table(let table): return table.allSatisfy { isExact($0.key) && isExact($0.value) }
  default: return true
  }
}
