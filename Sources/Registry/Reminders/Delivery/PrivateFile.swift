#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Files only their owner reads: reminders carry personal data (DESIGN.md §8).
enum PrivateFile {
  /// Writes `bytes` to `path` with mode 0600, whatever the umask, replacing the file at once
  /// (written next to it, then renamed): a reader never sees half a letter.
  ///
  /// - Throws: ``DeliveryFailure/cannotWrite(path:reason:)``.
  static func write(_ bytes: [UInt8], to path: String) throws(DeliveryFailure) {
    let temporary = path + ".partial-\(getpid())"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw failure(path) }
    fchmod(descriptor, 0o600)
    var offset = 0
    while offset < bytes.count {
      let count = bytes[offset...].withUnsafeBytes {
        Glibc.write(descriptor, $0.baseAddress, $0.count)
      }
      if count < 0 {
        if errno == EINTR { continue }
        let error = failure(path)
        close(descriptor)
        unlink(temporary)
        throw error
      }
      offset += count
    }
    guard close(descriptor) == 0, rename(temporary, path) == 0 else {
      let error = failure(path)
      unlink(temporary)
      throw error
    }
  }

  /// Creates `path` and its missing parents with mode 0700.
  ///
  /// - Throws: ``DeliveryFailure/cannotWrite(path:reason:)``.
  static func makeDirectory(_ path: String) throws(DeliveryFailure) {
    var info = stat()
    if stat(path, &info) == 0 {
      guard info.st_mode & S_IFMT == S_IFDIR else {
        throw .cannotWrite(path: path, reason: String(cString: strerror(ENOTDIR)))
      }
      return
    }
    if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
      try makeDirectory(String(path[..<slash]))
    }
    if mkdir(path, 0o700) != 0 && errno != EEXIST { throw failure(path) }
  }

  private static func failure(_ path: String) -> DeliveryFailure {
    .cannotWrite(path: path, reason: String(cString: strerror(errno)))
  }
}
