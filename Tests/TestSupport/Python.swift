import Foundation

/// Runs `script` with `python3 -c`, its arguments after it, for checks made by Python's own
/// parsers (`email`, `icalendar`, `xml`): what we write must read the same to another program.
///
///     let result = try python("import sys; print(open(sys.argv[1]).read())", [path])
public func python(_ script: String, _ arguments: [String] = []) throws -> ProcessResult {
  try run("/usr/bin/env", ["python3", "-c", script] + arguments)
}

/// Whether `python3` can import `module`.
public func pythonHas(_ module: String) -> Bool {
  (try? python("import \(module)"))?.status == 0
}
