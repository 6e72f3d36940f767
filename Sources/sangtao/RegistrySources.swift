import Glibc
import LuaBridge
import Registry
import RegistryLua

/// Which registry an invocation uses: `--demo`, `--db PATH`, `$SANGTAO_DB`, or the one in the
/// per-user data directory.
enum RegistrySources {
  /// The source, and whether it was named explicitly (then it opens at start-up).
  static func source(for invocation: Invocation, environment: Environment)
    -> (source: RegistryContext.Source, isExplicit: Bool)
  {
    // A sandboxed script only reads the registry, unless --write says otherwise.
    let readOnly = invocation.readOnly || (invocation.sandbox && !invocation.allowWrites)
    if invocation.demo {
      let directory = Environment.dataDirectory(environment)
      let path = directory + "/demo.sqlite"
      return (
        RegistryContext.Source(
          path: path, readOnly: readOnly,
          openWith: { busy in
            _ = Environment.makeDirectories(directory)
            return try DemoGenerator.openOrCreate(
              at: path, readOnly: readOnly, busy: busy, progress: Progress.terminal())
          }), true
      )
    }
    if let path = invocation.databasePath ?? environment.variables["SANGTAO_DB"], !path.isEmpty {
      return (RegistryContext.Source(path: path, readOnly: readOnly), true)
    }
    let directory = Environment.dataDirectory(environment)
    let path = directory + "/registry.sqlite"
    return (
      RegistryContext.Source(
        path: path, readOnly: readOnly,
        openWith: { busy in
          _ = Environment.makeDirectories(directory)
          return try Registry.open(path: path, readOnly: readOnly, busy: busy)
        }), false
    )
  }
}

/// Progress of long work on a terminal (stderr), and nothing in pipes and cron.
enum Progress {
  /// A progress callback for the demo generator, or nil when stderr is not a terminal.
  static func terminal() -> ((DemoGenerator.Progress) -> Void)? {
    guard isatty(STDERR_FILENO) != 0 else { return nil }
    var last = -1
    return { progress in
      let percent = progress.total > 0 ? progress.done * 100 / progress.total : 0
      if percent == last { return }
      last = percent
      let line = "\r\u{1b}[K" + progress.message() + (progress.done >= progress.total ? "\n" : "")
      StandardStreams.write(line, to: StandardStreams.error)
    }
  }
}
