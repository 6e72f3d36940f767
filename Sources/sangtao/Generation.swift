import Glibc
import LuaBridge
import Messages
import Registry

/// `sangtao --generate FILE [--scale N] [--seed S]`: a new demo registry at FILE, for trying
/// things out and for benchmarks (`--scale 5000` makes about a million registrations).
enum Generation {
  static func run(path: String, scale: String?, seed: String?) -> Int32 {
    guard let scale = Int(scale ?? "1"), scale >= 1 else {
      return fail(
        Message.badOptionValue(["value": scale ?? "", "option": "--scale", "expected": "1…"]))
    }
    guard let seed = UInt64(seed ?? String(DemoGenerator.defaultSeed)) else {
      return fail(
        Message.badOptionValue(["value": seed ?? "", "option": "--seed", "expected": "0…"]))
    }
    if access(path, F_OK) == 0 {
      return fail(Message.generateExists(["path": path]))
    }
    do {
      let registry = try DemoGenerator.openOrCreate(
        at: path, seed: seed, scale: scale, progress: Progress.terminal())
      try registry.queue.close()
      return EXIT_SUCCESS
    } catch {
      return fail(String(describing: error))
    }
  }

  private static func fail(_ message: String) -> Int32 {
    StandardStreams.write("sangtao: " + message + "\n", to: StandardStreams.error)
    return EXIT_FAILURE
  }
}
