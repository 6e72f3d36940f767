// Messages of the command line: help, version, start-up failures.

extension Message {
  public static let seeHelp = Message(
    vi: "Gõ '{program} --help' để xem thêm các tùy chọn của sangtao.",
    en: "Type '{program} --help' for sangtao's other options.")
  public static let commandLineHelp = Message(
    vi: """
      sangtao — console Lua 5.4 cho sổ đăng ký mô hình mới, cách làm sáng tạo

      Cách dùng: {program} [tùy chọn] [script [đối số]]

      Như lua5.4:
        -e lệnh     chạy chuỗi lệnh Lua
        -i          vào chế độ tương tác sau khi chạy script
        -l mod      nạp thư viện 'mod' vào biến toàn cục 'mod'
        -l g=mod    nạp thư viện 'mod' vào biến toàn cục 'g'
        -v          in phiên bản Lua
        -E          bỏ qua các biến môi trường (LUA_INIT, LUA_PATH…, init.lua)
        -W          bật cảnh báo
        --          dừng đọc tùy chọn
        -           dừng đọc tùy chọn và chạy stdin

      Sổ đăng ký:
        --db TỆP            tệp sổ đăng ký SQLite (mặc định: $SANGTAO_DB, rồi {defaultdb})
        --demo              dùng sổ đăng ký mẫu (tạo ở lần dùng đầu tiên)
        --read-only         chỉ đọc: mọi thao tác ghi đều bị từ chối
        --format KIỂU       cách in kết quả khi không tương tác: box, markdown, csv, json,
                            line, lua
        --lang vi|en        ngôn ngữ thông báo (mặc định: $SANGTAO_LANG, rồi $LANG, rồi vi)
        --generate TỆP      tạo một sổ đăng ký mẫu mới tại TỆP (--scale N, --seed S)
        --max-memory CỠ     giới hạn bộ nhớ của Lua, ví dụ 256M (console: mặc định nửa RAM)
        --timeout GIÂY      giới hạn thời gian cho mỗi đoạn mã: script, -e, dòng lệnh
        --wait GIÂY         chờ tối đa bao lâu khi sổ đăng ký đang bận (mặc định 30)
        --sandbox           chạy script trong hộp cát (xem README)
        --out THƯ MỤC       trong hộp cát: nơi script được ghi tệp (mặc định: thư mục làm việc)
        --write             cho phép ghi sổ đăng ký khi dùng --sandbox
        --echo              console đọc từ ống: in lại mỗi dòng sau dấu nhắc (biên bản)
        --help              in trợ giúp này
        --version           in phiên bản sangtao, Lua và SQLite

      Không có script và stdin là terminal: mở console tương tác (gõ .help).
      """,
    en: """
      sangtao — a Lua 5.4 console for the registry of new models and creative approaches

      Usage: {program} [options] [script [args]]

      As lua5.4:
        -e stat     execute string 'stat'
        -i          enter interactive mode after executing 'script'
        -l mod      require library 'mod' into global 'mod'
        -l g=mod    require library 'mod' into global 'g'
        -v          show version information
        -E          ignore environment variables (LUA_INIT, LUA_PATH…, init.lua)
        -W          turn warnings on
        --          stop handling options
        -           stop handling options and execute stdin

      Registry:
        --db FILE           the SQLite registry file (default: $SANGTAO_DB, then {defaultdb})
        --demo              use the demo registry (created on first use)
        --read-only         read only: every write is refused
        --format KIND       how results print when not interactive: box, markdown, csv, json,
                            line, lua
        --lang vi|en        language of messages (default: $SANGTAO_LANG, then $LANG, then vi)
        --generate FILE     create a new demo registry at FILE (--scale N, --seed S)
        --max-memory SIZE   memory limit for Lua, e.g. 256M (console: half the RAM by default)
        --timeout SECONDS   time limit for each chunk: a script, -e, a console entry
        --wait SECONDS      how long to wait for a busy registry (default 30)
        --sandbox           run scripts in a sandbox (see README)
        --out DIR           in the sandbox: where scripts may write files (default: working dir)
        --write             allow registry writes under --sandbox
        --echo              a console reading a pipe shows each line after its prompt
        --help              print this help
        --version           print the versions of sangtao, Lua and SQLite

      With no script and a terminal on stdin: opens the interactive console (type .help).
      """)
  public static let badOptionValue = Message(
    vi: "giá trị '{value}' không hợp lệ cho {option}: cần {expected}",
    en: "invalid value '{value}' for {option}: expected {expected}")
}

// The console's banner.
extension Message {
  public static let bannerRegistry = Message(
    vi: "Sổ đăng ký {name}: {registrations} đăng ký, năm {years}, {size} — {path}",
    en: "Registry {name}: {registrations} registrations, years {years}, {size} — {path}")
  public static let bannerNoRegistry = Message(
    vi: "Chưa mở được sổ đăng ký {path}", en: "The registry {path} is not open")
  public static let bannerHelp = Message(
    vi: "Gõ .help để xem lệnh, help() để xem API Lua; TAB gợi ý, Ctrl-C dừng, Ctrl-D thoát.",
    en:
      "Type .help for commands, help() for the Lua API; TAB completes, Ctrl-C stops, Ctrl-D leaves."
  )
}

extension Message {
  public static let generateExists = Message(
    vi: "{path} đã có: --generate chỉ tạo tệp mới",
    en: "{path} exists: --generate only makes new files")
}
