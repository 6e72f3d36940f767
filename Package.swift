// swift-tools-version:6.1
// sangtao: a Lua 5.4 console over the district's registry of new models and creative approaches.
// The targets and their imports are the architecture (DESIGN.md §7): `Registry` and `LuaBridge`
// never see each other, and only `CLuaShim` and `LuaBridge` touch `CLua`.

import PackageDescription

let package = Package(
  name: "sangtao",
  products: [
    .executable(name: "sangtao", targets: ["sangtao"])
  ],
  dependencies: [
    .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
  ],
  targets: [
    // Lua 5.4 from the system, with static-inline stand-ins for the macros Swift cannot import.
    // Its header includes <lua5.4/lua.h> from liblua5.4-dev; no pkgConfig, whose -llua5.4 would
    // come first on every link line and defeat the static VM of release builds (see CLuaShim).
    .systemLibrary(name: "CLua", providers: [.apt(["liblua5.4-dev"])]),
    // The only C we write: trampolines that raise, protected helpers, interrupts, the allocator.
    // Lua is linked here, not by CLua's module map, so that scripts/setup can give release
    // builds a statically linked VM (see there).
    .target(
      name: "CLuaShim", dependencies: ["CLua"],
      linkerSettings: [.linkedLibrary("sqlite3"), .linkedLibrary("lua5.4")]),
    .systemLibrary(name: "CReadline", providers: [.apt(["libreadline-dev"])]),
    // One catalog of user-facing messages, in Vietnamese and English.
    .target(name: "Messages"),
    // Generic Swift over Lua; knows nothing of the registry.
    .target(name: "LuaBridge", dependencies: ["CLua", "CLuaShim"]),
    // The domain model and its storage; never imports Lua.
    .target(
      name: "Registry",
      dependencies: [
        "Messages",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "CSV", package: "CSV.swift"),
      ]),
    // Tables, display width, renderers and SVG charts.
    .target(name: "Render", dependencies: ["Messages"]),
    // The only place Lua and the domain meet.
    .target(
      name: "RegistryLua",
      dependencies: [
        "LuaBridge", "Registry", "Render", "Messages",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ],
      resources: [.copy("Lua")]),
    // The REPL, line readers, completion, dot-commands and printing.
    .target(
      name: "Console",
      dependencies: ["LuaBridge", "RegistryLua", "Registry", "Render", "Messages", "CReadline"]),
    // The executable: command line and wiring only.
    .executableTarget(
      name: "sangtao",
      dependencies: ["Console", "RegistryLua", "LuaBridge", "Registry", "Messages"]
    ),

    .target(
      name: "TestSupport", dependencies: ["LuaBridge", "Registry"], path: "Tests/TestSupport"),
    .testTarget(name: "MessagesTests", dependencies: ["Messages"]),
    .testTarget(name: "LuaBridgeTests", dependencies: ["LuaBridge", "TestSupport"]),
    .testTarget(name: "RegistryTests", dependencies: ["Registry", "TestSupport"]),
    .testTarget(name: "RenderTests", dependencies: ["Render", "Messages"]),
    // The .lua tests are read from the source tree by path (LuaScriptHarness.runScript).
    .testTarget(
      name: "RegistryLuaTests", dependencies: ["RegistryLua", "TestSupport"], exclude: ["Lua"]),
    .testTarget(name: "ConsoleTests", dependencies: ["Console", "TestSupport"]),
    .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)

// libFuzzer targets (scripts/fuzz): entry points without a main of their own, built only with
// SANGTAO_FUZZ=1 and `--sanitize=fuzzer`, which links libFuzzer's main.
if Context.environment["SANGTAO_FUZZ"] == "1" {
  package.targets += [
    .executableTarget(
      name: "FuzzREPLInput", dependencies: ["Console"], path: "Tests/Fuzz/REPLInput"),
    .executableTarget(
      name: "FuzzConversions", dependencies: ["LuaBridge", "Console", "CLua"],
      path: "Tests/Fuzz/Conversions"),
    .executableTarget(
      name: "FuzzCSVImport",
      dependencies: ["Registry", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
      path: "Tests/Fuzz/CSVImport"),
  ]
}
