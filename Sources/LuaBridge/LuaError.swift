import CLua

/// An error from running Lua code: what a protected call or a load reported.
///
/// Messages are Lua's own words. A runtime error carries the traceback the message handler
/// added (as `lua.c` prints it), kept apart so that a console can trim it.
public enum LuaError: Error, Equatable, CustomStringConvertible {
  /// The chunk did not compile: `stdin:1: unexpected symbol near '+'`.
  case syntax(message: String)
  /// The code raised an error; `traceback` starts with `stack traceback:` or is empty.
  case runtime(message: String, traceback: String)
  /// Lua ran out of memory (or over the memory limit).
  case memory(message: String)
  /// The message handler itself failed.
  case handler(message: String)
  /// A file could not be opened or read.
  case file(message: String)

  /// The message without the traceback.
  public var message: String {
    switch self {
    case .syntax(let message), .memory(let message), .handler(let message), .file(let message):
      return message
    case .runtime(let message, _):
      return message
    }
  }

  /// The message and, for runtime errors, the traceback: what `lua.c` prints.
  public var description: String {
    if case .runtime(let message, let traceback) = self, !traceback.isEmpty {
      return message + "\n" + traceback
    }
    return message
  }

  /// Reads the error a failed call or load left on top of `stack` (and pops it).
  ///
  /// - Parameters:
  ///   - status: the Lua status (`LUA_ERRRUN`, `LUA_ERRSYNTAX`…).
  ///   - stack: the stack with the error value on top.
  init(status: Int32, popping stack: LuaStack) {
    let text = stack.describeError(at: -1)
    stack.pop(1)
    switch status {
    case LUA_ERRSYNTAX: self = .syntax(message: text)
    case LUA_ERRMEM: self = .memory(message: text)
    case LUA_ERRERR: self = .handler(message: text)
    case LUA_ERRFILE: self = .file(message: text)
    default:
      if let range = text.firstRange(of: "\nstack traceback:\n") {
        self = .runtime(
          message: String(text[..<range.lowerBound]),
          traceback: String(text[text.index(after: range.lowerBound)...]))
      } else if text.hasPrefix("stack traceback:\n") {
        self = .runtime(message: "", traceback: text)
      } else {
        self = .runtime(message: text, traceback: "")
      }
    }
  }
}

/// What a Swift function called from Lua throws to raise a Lua error.
///
/// The trampoline raises it after the Swift frame has returned, in Lua's own grammar:
///
///     throw LuaCallError.type(1, expected: "number")
///     // bad argument #1 to 'f' (number expected, got string)
///
/// Any other error thrown by a Swift function is raised as `.message(String(describing:))`.
public enum LuaCallError: Error, Equatable {
  /// `bad argument #n to 'f' (message)`, as `luaL_argerror`.
  case argument(Int32, String)
  /// `bad argument #n to 'f' (expected expected, got type)`, as `luaL_typeerror`.
  case type(Int32, expected: String)
  /// A message raised with the caller's position, as `luaL_error`.
  case message(String)
  /// The error value is already on top of the stack: raise it as it is (after a failed
  /// protected call, for instance, to let the original error through).
  case value
}
