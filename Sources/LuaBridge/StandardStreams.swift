import CLua

/// The C streams Lua's `print` and `io` library use. Write through these, not Swift's `print`,
/// when output must interleave with Lua's.
public enum StandardStreams {
  /// C's stdout.
  public static var output: UnsafeMutablePointer<FILE> { clua_stdout() }
  /// C's stderr.
  public static var error: UnsafeMutablePointer<FILE> { clua_stderr() }
  /// C's stdin.
  public static var input: UnsafeMutablePointer<FILE> { clua_stdin() }

  /// Writes `text` to `stream` and flushes it.
  public static func write(_ text: String, to stream: UnsafeMutablePointer<FILE> = output) {
    fputs(text, stream)
    fflush(stream)
  }
}
