import CLua
import CLuaShim

/// A Swift class whose instances Lua holds as full userdata.
///
/// Each type has one metatable, named `luaTypeName` (it is also the `__name` Lua's messages
/// use: `bad argument #1 to 'f' (sangtao.Query expected, got table)`). Lua keeps the object
/// alive; `__gc` releases it.
public protocol LuaObject: AnyObject {
  /// The metatable's name, e.g. `sangtao.Query`.
  static var luaTypeName: String { get }
}

extension LuaStack {
  /// Pushes `object` as a full userdata with its type's metatable (created on first use).
  public func push<T: LuaObject>(object: T) {
    let box = Unmanaged.passRetained(object as AnyObject).toOpaque()
    T.luaTypeName.withCString { luashim_pushobject(L, box, $0) }
  }

  /// The object at `index` if it is a `T` (nil for anything else, or after it was closed).
  public func object<T: LuaObject>(_ index: Int32, as type: T.Type = T.self) -> T? {
    let box = T.luaTypeName.withCString { luashim_toobject(L, index, $0) }
    guard let box else { return nil }
    return Unmanaged<AnyObject>.fromOpaque(box).takeUnretainedValue() as? T
  }

  /// The object at argument `index`, or a Lua type error naming `T`'s type.
  public func object<T: LuaObject>(argument index: Int32, as type: T.Type = T.self) throws -> T {
    guard let object = object(index, as: T.self) else {
      throw LuaCallError.type(index, expected: T.luaTypeName)
    }
    return object
  }

  /// Releases the object at `index` now; later reads of that userdata see nothing.
  public func closeObject<T: LuaObject>(_ index: Int32, as type: T.Type) {
    T.luaTypeName.withCString { luashim_closeobject(L, index, $0) }
  }

  /// Pushes the metatable of `T`, creating it (with `__gc` and `__name`) on first use.
  public func pushMetatable<T: LuaObject>(for type: T.Type) {
    T.luaTypeName.withCString { luashim_newobjectmeta(L, $0) }
  }
}
