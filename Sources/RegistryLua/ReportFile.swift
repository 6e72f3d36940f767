import Glibc
import Messages

/// Writes a report file the way personal data must be written (DESIGN.md §8): mode 0600, and
/// whole or not at all — the text goes to a temporary file beside the target, which replaces
/// the target only once everything is on disk. A reader never sees half a report, and a failed
/// write leaves the old file as it was.
///
///     try ReportFile.write(html, to: "brief.html")
enum ReportFile {
  /// Writes `text` as UTF-8 to `path`, replacing it.
  ///
  /// - Throws: `ReportFileError` with the system's reason.
  static func write(_ text: String, to path: String) throws(ReportFileError) {
    let temporary = path + ".tmp-\(getpid())"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
    guard descriptor >= 0 else { throw ReportFileError(path: path, code: errno) }
    var failure: Int32 = 0
    // The mode asked of open() passes through the umask; set it outright.
    if fchmod(descriptor, 0o600) != 0 { failure = errno }
    if failure == 0 {
      failure =
        text.utf8.withContiguousStorageIfAvailable { bytes in
          writeAll(descriptor, UnsafeRawBufferPointer(bytes))
        } ?? writeAll(descriptor, Array(text.utf8))
    }
    if failure == 0 && fsync(descriptor) != 0 { failure = errno }
    if close(descriptor) != 0 && failure == 0 { failure = errno }
    if failure == 0 && rename(temporary, path) != 0 { failure = errno }
    if failure != 0 {
      unlink(temporary)
      throw ReportFileError(path: path, code: failure)
    }
  }

  /// Writes every byte, retrying short writes; returns 0 or the `errno`.
  private static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
    var offset = 0
    while offset < bytes.count {
      let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        return errno
      }
      offset += written
    }
    return 0
  }

  private static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Int32 {
    bytes.withUnsafeBytes { writeAll(descriptor, $0) }
  }
}

/// A report file that could not be written: where, and the system's reason.
struct ReportFileError: LocalizedFailure, Equatable {
  /// The file asked for.
  let path: String
  /// The `errno`.
  let code: Int32

  func message(in language: Language) -> String {
    Message.reportWriteFailed(
      ["path": path, "reason": String(cString: strerror(code))], in: language)
  }
}
