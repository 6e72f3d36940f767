#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A fresh private directory under `$TMPDIR` (or `/tmp`), removed with its files on `deinit`.
///
///     let directory = try TemporaryDirectory()
///     let path = directory.path("registry.sangtao")
public final class TemporaryDirectory {
  /// The directory.
  public let path: String

  /// Creates the directory (mode 0700).
  public init() throws {
    let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    var template = Array("\(base)/sangtao-test-XXXXXX".utf8CString)
    guard let created = mkdtemp(&template) else {
      throw TemporaryDirectoryError(code: errno)
    }
    path = String(cString: created)
  }

  /// The path of `name` inside the directory.
  public func path(_ name: String) -> String { "\(path)/\(name)" }

  deinit {
    if let directory = opendir(path) {
      while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) {
          String(cString: $0.bindMemory(to: CChar.self).baseAddress!)
        }
        if name != "." && name != ".." { unlink("\(path)/\(name)") }
      }
      closedir(directory)
    }
    rmdir(path)
  }
}

/// Why a temporary directory could not be made.
public struct TemporaryDirectoryError: Error {
  /// The `errno`.
  public let code: Int32
}

/// The bytes of the file at `path`, or nil when it cannot be read.
public func fileBytes(_ path: String) -> [UInt8]? {
  guard let file = fopen(path, "rb") else { return nil }
  defer { fclose(file) }
  var bytes: [UInt8] = []
  var buffer = [UInt8](repeating: 0, count: 65536)
  while true {
    let count = fread(&buffer, 1, buffer.count, file)
    if count <= 0 { break }
    bytes.append(contentsOf: buffer[0..<count])
  }
  return bytes
}

/// The permission bits of the file at `path`, e.g. `0o600`; nil when it does not exist.
public func fileMode(_ path: String) -> Int? {
  var info = stat()
  guard stat(path, &info) == 0 else { return nil }
  return Int(info.st_mode) & 0o777
}

/// Writes `bytes` to the file at `path`, replacing it.
///
/// - Returns: whether the whole file was written.
@discardableResult
public func writeFile(_ path: String, _ bytes: [UInt8]) -> Bool {
  guard let file = fopen(path, "wb") else { return false }
  defer { fclose(file) }
  return fwrite(bytes, 1, bytes.count, file) == bytes.count
}

/// Writes `text` as UTF-8 to the file at `path`, replacing it.
@discardableResult
public func writeFile(_ path: String, _ text: String) -> Bool {
  writeFile(path, Array(text.utf8))
}
