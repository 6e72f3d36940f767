import LuaBridge

extension Session {
  /// The text the REPL prints for the value at `index`: a presenter's table or card, else the
  /// plain printer's.
  public func describe(_ stack: LuaStack, at index: Int32, width: Int?, mode: DisplayMode? = nil)
    -> String
  {
    let mode = mode ?? self.mode
    for presenter in presenters {
      if let text = presenter.present(stack, at: index, width: width, mode: mode) { return text }
    }
    return ValuePrinter(width: width ?? 100).describe(stack, at: index)
  }

  /// Defines `show(value [, mode])`: prints any value as the REPL would (result sets as tables
  /// in the current `.mode` or `--format`, a record as a card), for scripts.
  ///
  ///     show(registrations:where{year = 2023}:group("unit"):agg{n = "count"})
  ///     show(units, "csv")
  public func installShow() {
    lua.register("show") { [unowned self] L in
      try L.checkAny(1)
      var mode: DisplayMode?
      if let name = try L.optionalString(2) {
        guard let chosen = DisplayMode(rawValue: name) else {
          throw LuaCallError.argument(
            2, "expected " + DisplayMode.allCases.map(\.rawValue).joined(separator: "|"))
        }
        mode = chosen
      }
      self.output.line(self.describe(L, at: 1, width: nil, mode: mode))
      return 0
    }
  }
}
