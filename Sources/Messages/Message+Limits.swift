// Messages of the limits, the sandbox, a busy registry and backups.

extension Message {
  /// Seconds as people write them in a message: `30`, `0.5`.
  ///
  ///     Message.seconds(2.0)  // "2"
  public static func seconds(_ seconds: Double) -> String {
    seconds == seconds.rounded() && abs(seconds) < 1e15 ? String(Int64(seconds)) : String(seconds)
  }

  // MARK: Limits

  public static let timeLimitExceeded = Message(
    vi: "quá giới hạn thời gian {seconds} giây", en: "time limit of {seconds} s exceeded")
  public static let expectedSize = Message(
    vi: "một dung lượng như 256M hoặc 1G (0: không giới hạn)",
    en: "a size such as 256M or 1G (0: no limit)")
  public static let expectedSeconds = Message(
    vi: "một số giây dương, ví dụ 30 hoặc 0.5", en: "a positive number of seconds, e.g. 30 or 0.5")
  public static let expectedNonNegativeSeconds = Message(
    vi: "một số giây, ví dụ 30 (0: không chờ)", en: "a number of seconds, e.g. 30 (0: no wait)")
  public static let tostringFailed = Message(
    vi: "<__tostring lỗi: {message}>", en: "<__tostring failed: {message}>")

  // MARK: The sandbox

  public static let sandboxReadRefused = Message(
    vi: "{path}: hộp cát không cho đọc tệp này (chỉ được đọc trong {roots})",
    en: "{path}: the sandbox does not allow reading this file (only under {roots})")
  public static let sandboxWriteRefused = Message(
    vi: "{path}: hộp cát không cho ghi tệp này (chỉ được ghi trong {root})",
    en: "{path}: the sandbox does not allow writing this file (only under {root})")
  public static let sandboxDisabled = Message(
    vi: "{name} bị tắt trong hộp cát (--sandbox)",
    en: "{name} is disabled in the sandbox (--sandbox)")
  public static let outNeedsDirectory = Message(
    vi: "không tạo được thư mục kết quả '{path}': {reason}",
    en: "cannot create the output directory '{path}': {reason}")

  // MARK: A busy registry

  public static let registryBusyWaiting = Message(
    vi:
      "sổ đăng ký {path} đang bận: một chương trình khác đang ghi vào đó; đang chờ (tối đa {seconds} giây, Ctrl-C để thôi)…",
    en:
      "the registry {path} is busy: another program is writing to it; waiting (up to {seconds} s, Ctrl-C to give up)…"
  )
  public static let registryBusy = Message(
    vi:
      "sổ đăng ký {path} vẫn bận sau {seconds} giây chờ: một chương trình khác đang giữ một giao dịch ghi; chưa ghi gì cả, hãy thử lại sau",
    en:
      "the registry {path} was still busy after waiting {seconds} s: another program holds a write transaction; nothing was written, try again later"
  )

  // MARK: Backups

  public static let backupOntoItself = Message(
    vi: "không thể sao lưu sổ đăng ký {path} đè lên chính nó",
    en: "cannot back the registry {path} up onto itself")
  public static let backupInTransaction = Message(
    vi:
      "không thể sao lưu bên trong db.tx: giao dịch chưa được ghi; hãy sao lưu sau khi nó kết thúc",
    en: "cannot back up inside db.tx: the transaction is not written yet; back up after it ends")
  public static let backupFailed = Message(
    vi: "không sao lưu được vào {path}: {reason}", en: "cannot back up to {path}: {reason}")
}
