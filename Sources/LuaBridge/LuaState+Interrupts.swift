import CLua
import CLuaShim

/// Stopping running Lua code: Ctrl-C, time limits, and the host's own long operations.
///
/// An interrupt sets a hook on every coroutine being resumed (so a loop inside a coroutine
/// stops too, unlike `lua.c`), raises `interrupted!` (or the reason given) in the running
/// code, and calls the interrupt callback, e.g. `sqlite3_interrupt` for a running statement.
/// The hook stays only while the interrupt is pending: no hook slows Lua otherwise.
extension LuaState {
  /// Makes SIGINT reach this state: while a protected call runs, Ctrl-C interrupts it; at other
  /// times it only marks the prompt (see `LuaInterrupts.takePromptSignal`).
  public func catchInterrupts() { luashim_catch_sigint(L) }

  /// Gives SIGINT back its default action (the process ends on Ctrl-C).
  public static func releaseInterrupts() { luashim_catch_sigint(nil) }

  /// Asks the running code to stop with `reason` (which must be a literal: it is read from a
  /// signal handler).
  public func requestInterrupt(reason: StaticString) {
    reason.withUTF8Buffer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { luashim_request_interrupt(L, $0.baseAddress) }
    }
  }

  /// The reason of the pending interrupt, if any (`interrupted!`, `timeout`).
  public var pendingInterrupt: String? {
    luashim_interrupt_reason(L).map { String(cString: $0) }
  }

  /// Whether an interrupt is pending (cheaper than reading its reason).
  public var isInterruptPending: Bool { luashim_interrupt_reason(L) != nil }

  /// Clears a pending interrupt and its hook. Call once the interrupted chunk has returned.
  public func clearInterrupt() { luashim_clear_interrupt(L) }

  /// Sets the C function every interrupt calls with `context` (nil removes it). It runs in a
  /// signal handler: it must be async-signal-safe, like `sqlite3_interrupt`.
  public func setInterruptCallback(
    _ callback: (@convention(c) (UnsafeMutableRawPointer?) -> Void)?,
    context: UnsafeMutableRawPointer?
  ) {
    luashim_set_interrupt_callback(L, callback, context)
  }

  /// Interrupts the running code with the reason `timeout` after `seconds` (0 disarms).
  public func setTimeout(seconds: Double) { luashim_set_timeout(L, seconds) }
}

extension LuaState {
  /// A cheap, copyable way to ask whether an interrupt is pending, for host code that checks
  /// on every row (no reference counting on that path).
  public var interruptProbe: LuaInterruptProbe { LuaInterruptProbe(L) }
}

/// Whether an interrupt is pending on a state; valid while the state lives.
public struct LuaInterruptProbe {
  private let L: OpaquePointer

  init(_ L: OpaquePointer) {
    self.L = L
  }

  /// Whether an interrupt (Ctrl-C, a time limit) is pending.
  @inline(__always)
  public var isPending: Bool { luashim_interrupt_reason(L) != nil }

  /// `sqlite3_step` on `statement`, stopped by an interrupt that comes meanwhile (through the
  /// interrupt callback, e.g. `sqlite3_interrupt`); `SQLITE_INTERRUPT` at once when one is
  /// pending.
  @inline(__always)
  public func step(_ statement: OpaquePointer) -> Int32 {
    luashim_step(L, UnsafeMutableRawPointer(statement))
  }
}

/// Process-wide interrupt state (signals are per process).
public enum LuaInterrupts {
  /// Whether Ctrl-C arrived while no Lua code ran (at the prompt), clearing the mark.
  public static func takePromptSignal() -> Bool { luashim_take_prompt_signal() != 0 }

  /// A descriptor that becomes readable when Ctrl-C arrives at the prompt, for a reader waiting
  /// in `poll` (a signal that comes just before the wait gives no `EINTR`); -1 when SIGINT is
  /// not caught.
  public static var promptSignalDescriptor: Int32 { luashim_prompt_signal_fd() }
}
