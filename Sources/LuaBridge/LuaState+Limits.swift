import CLua
import CLuaShim

/// Resource limits: a memory cap (see `memoryLimit`), a deadline per chunk (`setTimeout`), and
/// the same limits for a block of Lua code with `limits.run`.
///
/// Neither costs anything while under it: memory is counted by the allocator, and a deadline is
/// the state's own timer, which sets the interrupt hook only when it fires.
extension LuaState {
  /// Defines the global `limits`:
  ///
  ///     limits.run({memory = "64M", seconds = 2}, fn, ...)  -- fn(...) under these limits
  ///     limits.get()  -- {memory = cap, used = bytes, seconds = time left}
  ///
  /// `memory` is what `fn` may allocate beyond what the state holds when it starts; both
  /// limits nest (an inner block never gets more than the outer one has left) and the previous
  /// ones are back when `fn` returns or fails. When `fn`'s own deadline stops it, `limits.run`
  /// raises a catchable error with the text `timeoutMessage(seconds)`; a memory error, Ctrl-C
  /// or an outer deadline goes on as raised.
  ///
  /// - Parameter timeoutMessage: the message for a block stopped by its deadline, in the
  ///   user's language: `"time limit of 2 s exceeded"`.
  /// - Throws: `LuaError` when out of memory.
  public func openLimits(timeoutMessage: @escaping (Double) -> String) throws(LuaError) {
    stack.push { L in
      L.push(timeoutMessage(L.toNumber(2) ?? 0))
      return 1
    }
    let status = luashim_open_limits(L)
    if status != LUA_OK { throw LuaError(status: status, popping: stack) }
  }
}

/// Sizes as people write them for `--max-memory` and `limits.run{memory = …}`.
public enum LuaLimits {
  /// The number of bytes in `text`: `"256M"`, `"1.5G"`, `"512K"`, `"64MB"`, `"4096"` (binary
  /// multiples: 1K = 1024); nil when it is not a size.
  ///
  ///     LuaLimits.bytes("256M")  // 268_435_456
  public static func bytes(_ text: String) -> Int? {
    var bytes = 0
    guard luashim_parse_size(text, &bytes) != 0, bytes <= Int.max else { return nil }
    return bytes
  }
}
