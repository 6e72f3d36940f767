import Foundation

/// Writes what a test rendered to `$RENDER_PREVIEW_DIR`, when set, so a person can look at it
/// (in a browser, or as a headless Chromium screenshot). Does nothing otherwise.
enum Preview {
  static func write(_ text: String, as name: String) {
    guard let directory = ProcessInfo.processInfo.environment["RENDER_PREVIEW_DIR"] else { return }
    try? FileManager.default.createDirectory(
      atPath: directory, withIntermediateDirectories: true)
    try? text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
  }
}
