import Messages

/// Why reminders could not be computed or run; delivery failures are ``DeliveryFailure``.
public enum ReminderError: LocalizedFailure, Equatable {
  /// A rule's template cannot be filled.
  case template(rule: String, failure: ReminderTemplate.Failure)
  /// `remind.run` inside a transaction: a rollback would forget reminders already delivered.
  case insideTransaction
  /// No campaign for the year asked.
  case noCampaign(year: Int)

  public func message(in language: Language) -> String {
    switch self {
    case .template(let rule, .unknownPlaceholder(let name, let known)):
      return Message.reminderUnknownPlaceholder(
        [
          "rule": rule, "placeholder": "{" + name + "}",
          "known": known.map { "{" + $0 + "}" }.joined(separator: " "),
        ], in: language)
    case .template(let rule, .unclosed):
      return Message.reminderUnclosedPlaceholder(["rule": rule], in: language)
    case .insideTransaction:
      return Message.reminderInsideTransaction(in: language)
    case .noCampaign(let year):
      return Message.reminderNoCampaign(["year": year], in: language)
    }
  }
}

/// Why one reminder could not be delivered; its message is recorded in the outbox's `error`.
public enum DeliveryFailure: LocalizedFailure, Equatable {
  /// The channel needs an e-mail address and the recipient has none; `what` names the record
  /// whose email to fill in (`units DS`).
  case noAddress(recipient: String, what: String)
  case badAddress(String)
  /// The command exited with a non-zero status; `stderr` is what it said.
  case commandFailed(command: String, status: Int32, stderr: String)
  case commandKilled(command: String, signal: Int32, stderr: String)
  case commandTimedOut(command: String, seconds: Int)
  case commandNotStarted(command: String, reason: String)
  case cannotWrite(path: String, reason: String)

  public func message(in language: Language) -> String {
    func said(_ stderr: String) -> String {
      let text = stderr.trimmingASCIIWhitespace()
      return text.isEmpty ? "" : ": " + text
    }
    switch self {
    case .noAddress(let recipient, let what):
      return Message.reminderNoAddress(["recipient": recipient, "what": what], in: language)
    case .badAddress(let address):
      return Message.reminderBadAddress(["address": address], in: language)
    case .commandFailed(let command, let status, let stderr):
      return Message.reminderCommandFailed(
        ["command": command, "status": status, "stderr": said(stderr)], in: language)
    case .commandKilled(let command, let signal, let stderr):
      return Message.reminderCommandKilled(
        ["command": command, "signal": signal, "stderr": said(stderr)], in: language)
    case .commandTimedOut(let command, let seconds):
      return Message.reminderCommandTimedOut(
        ["command": command, "seconds": seconds], in: language)
    case .commandNotStarted(let command, let reason):
      return Message.reminderCommandNotStarted(
        ["command": command, "reason": reason], in: language)
    case .cannotWrite(let path, let reason):
      return Message.reminderCannotWrite(["path": path, "reason": reason], in: language)
    }
  }
}
