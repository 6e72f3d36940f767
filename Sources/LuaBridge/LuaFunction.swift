import CLua
import CLuaShim

/// A Swift function Lua can call. It reads its arguments from the stack, pushes its results and
/// returns how many; to raise a Lua error it throws (see `LuaCallError`).
public typealias LuaFunction = (LuaStack) throws -> Int32

/// What a trampoline's upvalue keeps alive: one Swift closure.
final class LuaFunctionBox {
  let body: LuaFunction
  init(_ body: @escaping LuaFunction) { self.body = body }
}

/// The Swift side of every trampoline (see `luashim_install`): runs the closure and turns a
/// thrown error into the stack contents and code the C side raises from.
///
/// The box is borrowed, not retained: Lua keeps it alive for the call (the trampoline's
/// upvalue), and skipping the atomic retain and release halves the cost of a call (measured
/// with `scripts/bench` T6).
let dispatchFunction: luashim_Dispatch = { state, box in
  let stack = LuaStack(state!)
  return Unmanaged<LuaFunctionBox>.fromOpaque(box!)._withUnsafeGuaranteedRef { function in
    do {
      return try function.body(stack)
    } catch {
      return stack.pushFailure(error)
    }
  }
}

/// Releases a box (a function or an object) when Lua collects its owner.
let releaseBox: luashim_Release = { box in
  Unmanaged<AnyObject>.fromOpaque(box!).release()
}

extension LuaStack {
  /// Pushes a Swift closure as a Lua function.
  ///
  ///     L.push { L in L.push(42); return 1 }
  public func push(function body: @escaping LuaFunction) {
    let box = Unmanaged.passRetained(LuaFunctionBox(body) as AnyObject).toOpaque()
    luashim_pushfunction(L, box)
  }

  /// Leaves on the stack what the trampoline needs to raise `error`, and returns its code.
  func pushFailure(_ error: Error) -> Int32 {
    switch error {
    case LuaCallError.argument(let index, let message):
      push(Int64(index))
      push(message)
      return Int32(LUASHIM_ARGERROR)
    case LuaCallError.type(let index, let expected):
      push(Int64(index))
      push(expected)
      return Int32(LUASHIM_TYPEERROR)
    case LuaCallError.message(let message):
      push(message)
      return Int32(LUASHIM_RAISE_WHERE)
    case LuaCallError.value:
      if top == 0 { pushNil() }
      return Int32(LUASHIM_RAISE)
    case let error as LuaError:
      // A protected call inside the Swift function failed: let its message through as it is.
      push(error.description)
      return Int32(LUASHIM_RAISE)
    default:
      push(String(describing: error))
      return Int32(LUASHIM_RAISE_WHERE)
    }
  }
}
