import GRDB

/// What the registry holds, read from its own SQLite schema: entities (tables and views), their
/// columns with SQL types, allowed codes and comments, and the relations between them.
///
/// The Lua layer builds its collections, relations and TAB completion from this; nothing here is
/// a second copy of the column lists — it is read from `sqlite_master` and `PRAGMA table_xinfo`
/// / `foreign_key_list` of a migrated database.
///
///     let schema = Schema.current
///     schema.entity("registrations")?.column("status")?.allowedValues
///     // ["draft", "submitted", …, "cancelled"]
///     schema.entity("registrations")?.relation("unit")?.target  // "units"
///     schema.entity("units")?.relation("registrations")?.kind  // .hasMany
public struct Schema: Sendable {
  /// Tables first, then views, each in the order the schema creates them.
  public let entities: [Entity]

  /// Creates a value with these fields.
  public init(entities: [Entity]) {
    self.entities = entities
  }

  /// The entity whose table (or Lua collection) is `name`.
  public func entity(_ name: String) -> Entity? {
    entities.first { $0.table == name }
  }

  /// The entity whose record is called `name` in the singular (`registration`, `person`).
  public func entity(record name: String) -> Entity? {
    entities.first { $0.recordName == name }
  }

  /// A table or view of the registry.
  public struct Entity: Sendable {
    /// The SQL table, e.g. `registrations`; also the Lua collection's name.
    public let table: String
    /// One record in words, e.g. `registration`, `person`, `criterion`.
    public let recordName: String
    /// Whether this is a view (read-only, no primary key).
    public let isView: Bool
    /// The comment opening the `CREATE` statement.
    public let comment: String?
    public let columns: [Column]
    public let relations: [Relation]

    /// The collection name in Lua: the table's name.
    public var collection: String { table }

    /// The column named `name`.
    public func column(_ name: String) -> Column? {
      columns.first { $0.name == name }
    }

    /// The relation named `name`.
    public func relation(_ name: String) -> Relation? {
      relations.first { $0.name == name }
    }

    /// The column that names a record for a person: `code` when there is one, else nil.
    public var keyColumn: String? { column("code") != nil ? "code" : nil }

    /// The column holding a record's name: `name`, `full_name` or `title`, if any.
    public var nameColumn: String? {
      ["name", "full_name", "title"].first { column($0) != nil }
    }
  }

  /// A column of a table or view.
  public struct Column: Sendable, Equatable {
    public let name: String
    /// The declared SQL type: `INTEGER`, `TEXT`, `REAL`, or empty for views' expressions.
    public let sqlType: String
    public let isNotNull: Bool
    public let isPrimaryKey: Bool
    /// The default value as SQL text, e.g. `'draft'` or `85`.
    public let defaultSQL: String?
    /// The codes of a `CHECK (column IN (...))`, text or integer, in schema order.
    public let allowedValues: [String]?
    /// Whether the column holds ISO days (`CHECK (date(x) IS x)`).
    public let isDate: Bool
    /// Whether the column is a 0/1 flag (`CHECK (x IN (0,1))`).
    public let isBoolean: Bool
    /// The table and column this one references.
    public let references: (table: String, column: String)?
    /// The comment after the column in the schema.
    public let comment: String?

    /// Equal when every field is equal.
    public static func == (lhs: Column, rhs: Column) -> Bool {
      lhs.name == rhs.name && lhs.sqlType == rhs.sqlType && lhs.isNotNull == rhs.isNotNull
        && lhs.isPrimaryKey == rhs.isPrimaryKey && lhs.defaultSQL == rhs.defaultSQL
        && lhs.allowedValues == rhs.allowedValues && lhs.isDate == rhs.isDate
        && lhs.isBoolean == rhs.isBoolean && lhs.references?.table == rhs.references?.table
        && lhs.references?.column == rhs.references?.column && lhs.comment == rhs.comment
    }
  }

  /// A relation between entities.
  public struct Relation: Sendable, Equatable {
    /// How records relate.
    public enum Kind: Sendable, Equatable {
      /// This record points to one record of `target` through `column` (`registration.unit`).
      case belongsTo
      /// Records of `target` point to this one through their `column` (`unit.registrations`).
      case hasMany
      /// This record points to one record of one of `targets`, through the matching column of
      /// `columns` (`registration.subject`: a person or a collective).
      case either
    }

    /// The name in Lua: `unit`, `registrations`, `subject`.
    public let name: String
    public let kind: Kind
    /// The related table (for `either`, the first of `targets`).
    public let target: String
    /// The foreign key column: on this table for `belongsTo`, on `target` for `hasMany`.
    public let column: String
    /// For `either`: the possible tables, with `columns` the matching foreign keys.
    public let targets: [String]
    public let columns: [String]
  }
}
