import LuaBridge
import Messages
import RegistryLua
import Render

/// Shows registry values at the prompt: result sets and queries as tables in the `.mode`, a
/// single record as a card. Plain Lua values are left to the value printer.
public final class RegistryPresenter: ValuePresenter {
  private let binding: RegistryBinding
  /// Whether colors may be used (a terminal without `NO_COLOR`).
  public var usesColor: Bool
  /// How many rows a table shows before "… N more rows".
  public var maxRows: Int

  /// A presenter for the values of `binding`.
  public init(binding: RegistryBinding, usesColor: Bool, maxRows: Int = 20) {
    self.binding = binding
    self.usesColor = usesColor
    self.maxRows = maxRows
  }

  public func present(_ stack: LuaStack, at index: Int32, width: Int?, mode: DisplayMode)
    -> String?
  {
    if mode == .lua { return nil }
    let presentation: Presentation?
    do {
      presentation = try binding.present(stack, at: index, maxRows: maxRows)
    } catch {
      return String(describing: error)
    }
    guard let presentation else { return nil }
    let options = TerminalOptions(
      width: width, maxRows: mode == .csv || mode == .json ? nil : maxRows,
      style: usesColor ? .colored : .plain)
    let text: String
    switch (presentation, mode) {
    case (.card(let table), .box):
      text = TableMode.card.render(table, options: options)
    case (.card(let table), _), (.table(let table), _):
      text = (TableMode(rawValue: mode.rawValue) ?? .box).render(table, options: options)
    }
    var trimmed = Substring(text)
    while let last = trimmed.last, last == "\n" || last == "\r" || last == "\r\n" {
      trimmed = trimmed.dropLast()
    }
    return String(trimmed)
  }
}
