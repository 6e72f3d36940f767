import Glibc
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
            return try Registry.open(path: path, readOnly: readOnly, busy: busy)
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
