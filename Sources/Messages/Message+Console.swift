// Messages of the console: dot-commands, the REPL, output redirection.

extension Message {
  // MARK: Dot-commands

  public static let helpHelp = Message(
    vi: "liệt kê các lệnh chấm, hoặc giải thích một lệnh",
    en: "list the dot-commands, or explain one")
  public static let helpQuit = Message(vi: "thoát khỏi console", en: "leave the console")
  public static let helpMode = Message(
    vi: "chọn cách hiển thị kết quả: bảng khung, markdown, csv, json, dòng, hoặc giá trị Lua",
    en: "choose how results are shown: box, markdown, csv, json, line, or Lua values")
  public static let helpOutput = Message(
    vi: "ghi kết quả vào TỆP (không có TỆP: trở lại màn hình)",
    en: "send results to FILE (no FILE: back to the screen)")
  public static let helpOnce = Message(
    vi: "ghi kết quả tiếp theo vào TỆP", en: "send the next result to FILE")
  public static let helpTimer = Message(
    vi: "bật/tắt đo thời gian, số dòng và số câu lệnh SQL của mỗi lệnh",
    en: "turn timing (wall time, rows, SQL statements) of each command on or off")
  public static let helpRead = Message(
    vi: "chạy tệp Lua (ví dụ scripts/tre-han.lua) với các đối số",
    en: "run a Lua file (e.g. scripts/late.lua) with arguments")
  public static let helpHistory = Message(
    vi: "liệt kê lịch sử lệnh (chỉ những mục chứa TEXT nếu có)",
    en: "list the command history (only entries containing TEXT if given)")
  public static let helpLang = Message(
    vi: "chọn ngôn ngữ thông báo: vi (tiếng Việt) hoặc en (tiếng Anh)",
    en: "choose the language of messages: vi (Vietnamese) or en (English)")
  public static let helpFooter = Message(
    vi: "Dòng bắt đầu bằng dấu chấm là lệnh của console; mọi dòng khác là Lua. "
      + "Gõ help() để xem API Lua, help(registrations) cho một tập hợp; TAB để gợi ý.",
    en: "A line starting with a dot is a console command; every other line is Lua. "
      + "Type help() for the Lua API, help(registrations) for one collection; TAB completes.")
  public static let unknownCommand = Message(
    vi: "không có lệnh '.{name}'; gõ .help để xem danh sách lệnh",
    en: "no command '.{name}'; type .help for the list of commands")
  public static let commandUsage = Message(vi: "cách dùng: {usage}", en: "usage: {usage}")
  public static let invalidCommandArgument = Message(
    vi: "{command}: đối số '{argument}' không hợp lệ, cần {expected}",
    en: "{command}: invalid argument '{argument}', expected {expected}")

  // MARK: The REPL

  public static let interrupted = Message(
    vi: "⏹ đã dừng (Ctrl-C); các biến vẫn còn nguyên",
    en: "⏹ stopped (Ctrl-C); every variable is intact")
  public static let timerReal = Message(
    vi: "Thời gian: {seconds} giây", en: "Run time: {seconds} s")
  public static let timerRows = Message(vi: "{count} dòng", en: "{count} rows")
  public static let timerStatements = Message(
    vi: "{count} câu lệnh SQL", en: "{count} SQL statements")
  public static let cannotOpenOutput = Message(
    vi: "không mở được tệp '{path}' để ghi: {reason}",
    en: "cannot open '{path}' for writing: {reason}")
}

// The registry's dot-commands.
extension Message {
  public static let helpTables = Message(
    vi: "liệt kê các tập hợp của sổ đăng ký với bảng và số dòng",
    en: "list the registry's collections with their tables and row counts")
  public static let helpSchema = Message(
    vi: "in câu lệnh CREATE của các bảng (hoặc của một tập hợp)",
    en: "print the CREATE statements of the tables (or of one collection)")
  public static let helpSQL = Message(
    vi: "chạy một câu SELECT và in kết quả như bảng",
    en: "run a SELECT statement and print its rows as a table")
  public static let helpBackup = Message(
    vi: "sao lưu sổ đăng ký vào TỆP (sao lưu trực tuyến của SQLite)",
    en: "back the registry up to FILE (SQLite's online backup)")
  public static let backupDone = Message(
    vi: "đã sao lưu vào {path}", en: "backed up to {path}")
}

// CSV in the console.
extension Message {
  public static let helpImport = Message(
    vi: "nhập tệp CSV vào một tập hợp: tất cả hoặc không gì cả (--dry-run: chỉ cho biết sẽ đổi gì)",
    en:
      "import a CSV file into a collection, all or nothing (--dry-run: only say what would change)")
  public static let helpImportDetails = Message(
    vi: """
      Tiêu đề cột bằng tiếng Việt ("Họ và tên", "Đơn vị", "Tên mô hình", "Ngày tiếp nhận"…)
      hoặc tiếng Anh; đơn vị và người theo mã hoặc tên (không phân biệt dấu); ngày dd/mm/yyyy
      hoặc yyyy-mm-dd. Mọi lỗi được báo cùng lúc kèm dòng và cột; nhập lại cùng tệp không đổi gì.
      Ví dụ: .import dang-ky-2023.csv registrations --dry-run
      """,
    en: """
      Headers in Vietnamese ("Họ và tên", "Đơn vị", "Tên mô hình", "Ngày tiếp nhận"…) or
      English; units and people by code or name (accents optional); dates dd/mm/yyyy or
      yyyy-mm-dd. Every error is reported at once with its line and column; importing the same
      file again changes nothing.
      Example: .import registrations-2023.csv registrations --dry-run
      """)
  public static let helpExport = Message(
    vi: "xuất một tập hợp ra tệp CSV mở được bằng Excel (--plain: không BOM, xuống dòng LF)",
    en: "export a collection as a CSV file Excel opens (--plain: no BOM, LF line ends)")
  public static let exportDone = Message(
    vi: "đã xuất {count} dòng vào {path}", en: "exported {count} rows to {path}")
}
