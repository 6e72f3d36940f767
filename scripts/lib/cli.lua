-- cli.lua — what every saved report script shares: its command line, its messages in
-- Vietnamese and English, the official header of its document, and where the document goes.
--
-- A script finds this module beside itself (scripts/lib/), wherever it is run from:
--
--   package.path = (arg and arg[0] and arg[0]:match("^(.*)/") or ".") .. "/lib/?.lua;" .. package.path
--   local cli = require("cli")
--   local opts = cli.parse(arg, {name = "coverage", summary = {"Tỷ lệ đăng ký…", "Coverage…"}})
--   local r = cli.report(opts, "Tỷ lệ đăng ký theo đơn vị năm " .. opts.year)
--   …
--   cli.finish(r, opts)
--
-- Only the public Lua API of sangtao is used (campaigns, report, db): copy and adapt freely.

local cli = {}

-- The issuer of the documents. Change these three lines for another district.
cli.PARENT = "ĐẢNG BỘ HUYỆN LẠC DƯƠNG"
cli.ORGANIZATION = "BAN TỔ CHỨC HUYỆN ỦY"
cli.PLACE = "Lạc Dương"

--- The text in the user's language (sangtao --lang, $SANGTAO_LANG, $LANG): cli.say("…", "…").
function cli.say(vi, en)
  return db.lang == "en" and en or vi
end

--- Stops with a message on stderr and exit status `status` (1 by default).
function cli.die(message, status)
  io.stderr:write((arg and arg[0] or "sangtao") .. ": " .. message .. "\n")
  os.exit(status or 1)
end

-- The options every script has, after its own.
local common = {
  {"--year", "YEAR", "NĂM", "năm của đợt đăng ký (mặc định: đợt gần nhất)",
   "the campaign's year (default: the latest campaign)"},
  {"-o, --output", "FILE", "TỆP", "ghi báo cáo ra TỆP theo đuôi: .html (để in A4), .md, .csv "
   .. "(Excel), .json; không có -o: in Markdown ra màn hình",
   "write the report to FILE by its extension: .html (to print on A4), .md, .csv (Excel), "
   .. ".json; without -o: Markdown on stdout"},
  {"--date", "DATE", "NGÀY", "ngày của văn bản, dd/mm/yyyy (mặc định: hôm nay)",
   "the document's date, dd/mm/yyyy (default: today)"},
  {"--number", "NO", "SỐ", "số văn bản, ví dụ 15-BC/BTCHU", "the document's number, e.g. 15-BC/BTCHU"},
  {"-h, --help", nil, nil, "in trợ giúp này", "print this help"},
}

-- `text` wrapped to 78 columns; the first line starts with `first`, the others with `indent`
-- spaces.
local function wrap(text, first, indent)
  local lines, line, width = {}, first, utf8.len(first)
  local start = width
  for word in text:gmatch("%S+") do
    local n = utf8.len(word)
    if width > start and width + 1 + n > 78 then
      lines[#lines + 1] = line
      line, width = string.rep(" ", indent), indent
      start = indent
    end
    if width > start then line, width = line .. " ", width + 1 end
    line, width = line .. word, width + n
  end
  lines[#lines + 1] = line
  return table.concat(lines, "\n")
end

-- The usage text of `spec`.
local function usage(spec)
  local lines = {
    cli.say("Cách dùng: ", "Usage: ") .. "sangtao [--db " .. cli.say("TỆP", "FILE") .. "] "
      .. (arg and arg[0] or spec.name .. ".lua") .. " [" .. cli.say("tùy chọn", "options") .. "]",
    "",
    wrap(cli.say(spec.summary[1], spec.summary[2]), "", 0),
    "",
  }
  local rows = {}
  for _, o in ipairs(spec.options or {}) do rows[#rows + 1] = o end
  for _, o in ipairs(common) do rows[#rows + 1] = o end
  for _, o in ipairs(rows) do
    local left = "  " .. o[1] .. (o[2] and (" " .. cli.say(o[3], o[2])) or "")
    local text = cli.say(o[4], o[5])
    if utf8.len(left) >= 22 then
      lines[#lines + 1] = left
      left = ""
    end
    lines[#lines + 1] = wrap(text, left .. string.rep(" ", 22 - utf8.len(left)), 22)
  end
  if spec.example then
    lines[#lines + 1] = ""
    lines[#lines + 1] = cli.say("Ví dụ:", "Example:")
    lines[#lines + 1] = "  " .. spec.example
  end
  return table.concat(lines, "\n") .. "\n"
end

-- Reads a date given as dd/mm/yyyy or yyyy-mm-dd; nil when it is none.
local function read_date(text)
  local d, m, y = text:match("^(%d%d?)/(%d%d?)/(%d%d%d%d)$")
  if not d then y, m, d = text:match("^(%d%d%d%d)-(%d%d?)-(%d%d?)$") end
  if not d then return nil end
  local iso = string.format("%04d-%02d-%02d", y, m, d)
  local ok = pcall(report.date, iso)
  return ok and iso or nil
end
cli.read_date = read_date

--- Reads the command line. `spec` names the script, sums it up in both languages, and lists
--- its own options as {"--top", "N", "N", "vi help", "en help", kind = "integer" | "date" |
--- "string", default = …}. Returns the options by name without dashes (top, year, output, date,
--- number, …) and the campaign of the year as opts.campaign. --help prints the usage and exits;
--- a mistake prints what is wrong and the usage, and exits with status 2.
function cli.parse(args, spec)
  local known = {}
  for _, o in ipairs(spec.options or {}) do
    known[o[1]:match("%-%-([%w-]+)$")] = o
  end
  local opts = {}
  for _, o in ipairs(spec.options or {}) do
    local name = o[1]:match("%-%-([%w-]+)$"):gsub("-", "_")
    opts[name] = o.default
  end
  local function bad(message)
    io.stderr:write((arg and arg[0] or spec.name) .. ": " .. message .. "\n\n" .. usage(spec))
    os.exit(2)
  end
  local i = 1
  while args and args[i] do
    local word = args[i]
    local name, value = word:match("^%-%-([%w-]+)=(.*)$")
    name = name or word:match("^%-%-([%w-]+)$")
    if word == "-h" then name = "help" end
    if word == "-o" then name = "output" end
    if not name then bad(cli.say("đối số không hiểu được: ", "unexpected argument: ") .. word) end
    local function take()
      if value then return value end
      i = i + 1
      local v = args[i]
      if v == nil then bad(cli.say("thiếu giá trị cho ", "missing value for ") .. word) end
      return v
    end
    if name == "help" then
      io.write(usage(spec))
      os.exit(0)
    elseif name == "year" then
      local v = take()
      opts.year = math.tointeger(tonumber(v))
      if not opts.year then bad(cli.say("năm không hợp lệ: ", "invalid year: ") .. v) end
    elseif name == "output" then
      opts.output = take()
    elseif name == "date" then
      local v = take()
      opts.date = read_date(v) or bad(cli.say("ngày không hợp lệ: ", "invalid date: ") .. v)
    elseif name == "number" then
      opts.number = take()
    elseif known[name] then
      local o, v = known[name], take()
      local key = name:gsub("-", "_")
      if o.kind == "integer" then
        opts[key] = math.tointeger(tonumber(v))
        if not opts[key] or opts[key] < 1 then bad(cli.say("cần một số nguyên dương: ", "expected a positive integer: ") .. word .. " " .. v) end
      elseif o.kind == "date" then
        opts[key] = read_date(v) or bad(cli.say("ngày không hợp lệ: ", "invalid date: ") .. v)
      else
        opts[key] = v
      end
    else
      bad(cli.say("tùy chọn không có: ", "unknown option: ") .. word)
    end
    i = i + 1
  end
  if opts.output and not (opts.output:lower():match("%.html?$") or opts.output:lower():match("%.md$")
      or opts.output:lower():match("%.markdown$") or opts.output:lower():match("%.csv$")
      or opts.output:lower():match("%.json$")) then
    bad(cli.say("tệp ra cần đuôi .html, .md, .csv hoặc .json: ", "the output file needs a .html, .md, .csv or .json extension: ") .. opts.output)
  end
  -- The campaign: the year asked, else the latest.
  local years = campaigns:order("year"):pluck("year")
  if #years == 0 then
    cli.die(cli.say("sổ đăng ký chưa có đợt đăng ký nào (" .. tostring(db.path) .. ")",
      "the registry has no campaign yet (" .. tostring(db.path) .. ")"))
  end
  opts.year = opts.year or years[#years]
  opts.campaign = campaign(opts.year)
  if not opts.campaign then
    local list = {}
    for k, y in ipairs(years) do list[k] = tostring(y) end
    cli.die(cli.say("không có đợt đăng ký năm " .. opts.year .. "; các năm có: ",
      "no campaign for " .. opts.year .. "; the years are: ") .. table.concat(list, ", "))
  end
  opts.date = opts.date or os.date("%Y-%m-%d")
  return opts
end

--- A new report with the official header: the issuer (cli.PARENT, cli.ORGANIZATION), the
--- document's number and date from the command line, and `kind` above the title ("BÁO CÁO" by
--- default). Documents are written in Vietnamese, as the Standing Committee reads them.
function cli.report(opts, title, kind)
  local r = report.new{
    title = title, parent = cli.PARENT, organization = cli.ORGANIZATION, place = cli.PLACE,
    number = opts.number, date = opts.date, type = kind or "BÁO CÁO", lang = "vi",
  }
  -- Captions numbered in order: Bảng 1, Bảng 2…; Biểu đồ 1…
  local tables, charts = 0, 0
  function r:caption(text)
    tables = tables + 1
    return "Bảng " .. tables .. ". " .. text
  end
  function r:figure(text)
    charts = charts + 1
    return "Biểu đồ " .. charts .. ". " .. text
  end
  return r
end

--- Writes the report where the command line says: the file of -o, else Markdown on stdout.
function cli.finish(r, opts)
  if opts.output then
    r:save(opts.output)
    io.stderr:write(cli.say("Đã ghi báo cáo: ", "Report written: ") .. opts.output .. "\n")
  else
    io.write(r:render("md"))
  end
end

return cli
