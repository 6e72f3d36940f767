import CLua

/// A Swift value that can be pushed onto a Lua stack.
public protocol LuaPushable {
  /// Pushes the value as one Lua value.
  func push(onto stack: LuaStack)
}

/// A Swift value that can be read from a Lua stack.
public protocol LuaReadable {
  /// Reads the value at `index`.
  ///
  /// - Throws: `LuaCallError.type` (or `.argument`) naming `index`, so that a Swift function
  ///   reading its arguments raises Lua's own message.
  static func read(from stack: LuaStack, at index: Int32) throws -> Self
}

/// Both directions.
public typealias LuaConvertible = LuaPushable & LuaReadable

extension LuaStack {
  /// Pushes any convertible value.
  public func push(_ value: some LuaPushable) { value.push(onto: self) }

  /// Reads argument `index` as `T`.
  ///
  ///     let names: [String] = try L.read(1)
  public func read<T: LuaReadable>(_ index: Int32, as type: T.Type = T.self) throws -> T {
    try T.read(from: self, at: index)
  }
}
