-- sangtao: reports for the Standing Committee.
--
--   local r = report.new{title = "Kết quả đăng ký mô hình mới, cách làm sáng tạo năm 2023",
--     parent = "ĐẢNG BỘ HUYỆN LẠC DƯƠNG", organization = "BAN TỔ CHỨC HUYỆN ỦY",
--     number = "15-BC/BTCHU", place = "Lạc Dương", date = "28/03/2023", type = "BÁO CÁO"}
--   r:heading("I. Tình hình đăng ký")
--   r:text("Toàn huyện có %s đăng ký.", r:number(n))
--   r:table(registrations:where{year = 2023}, {columns = {"code", "title", "unit"}})
--   r:chart{kind = "bar", title = "Đăng ký theo đơn vị", data = by_unit, category = "unit",
--           value = "n"}
--   r:save("bao-cao.html")      -- .html, .md, .csv or .json; the file is created 0600
--
-- A report is a plain Lua table (title, lang, header, blocks) whose metatable adds the methods,
-- so a script can look inside it. Tables and charts take their data when they are added: an
-- error points at the line that added them, and the document shows the registry as it was
-- then. Tables show what the console shows (S.tabulate: relations by their names), with codes
-- by their labels (economy → Kinh tế) and the registry's columns under Vietnamese headers.
-- RegistryLua's ReportReader turns the report into Render's ReportDocument.

local S = ...
local core, Query, ResultSet, messages = S.core, S.Query, S.ResultSet, S.messages

local type, pairs, ipairs, getmetatable, setmetatable, tostring, select, rawget =
  type, pairs, ipairs, getmetatable, setmetatable, tostring, select, rawget
local getinfo, concat, format = debug.getinfo, table.concat, string.format

local Report = {__name = "sangtao.Report"}
Report.__index = Report
S.Report = Report

local ALL = 1 << 40 -- "every row" for S.tabulate

-- Raises `message` at the first line outside sangtao's bundled code: the analyst's r:table(…).
local function raise(message)
  local level = 2
  while true do
    local info = getinfo(level, "Sl")
    if not info then break end
    if info.source:sub(1, 9) ~= "=sangtao:" and info.currentline > 0 then
      error(info.short_src .. ":" .. info.currentline .. ": " .. message, 0)
    end
    level = level + 1
  end
  error(message, 0)
end

local function check(value, expected, n, fname, optional)
  if value == nil and optional then return end
  if type(value) ~= expected then
    raise(messages.bad_argument(n, fname, expected, type(value)))
  end
end

-- A date as ISO text, from dd/mm/yyyy or yyyy-mm-dd.
local function iso_date(text)
  if text == nil then return nil end
  local d, m, y
  if type(text) == "string" then
    d, m, y = text:match("^(%d%d?)/(%d%d?)/(%d%d%d%d)$")
    if not d then y, m, d = text:match("^(%d%d%d%d)-(%d%d)-(%d%d)$") end
  end
  local iso = d and format("%04d-%02d-%02d", y, m, d)
  if not iso or core.report_format("date", iso) == nil then
    raise(messages.report_bad_date(tostring(text)))
  end
  return iso
end

-- Labels ---------------------------------------------------------------------------------------

local code_cache = {}

-- {code = label} of a coded column of entity `e`, in `lang`, or nil.
local function code_labels(e, column, lang)
  if e == nil or e.enums == nil or not e.enums[column] then return nil end
  local key = e.table .. "." .. column .. "." .. lang
  local labels = code_cache[key]
  if labels == nil then
    labels = core.code_labels(e.table, column, lang) or false
    code_cache[key] = labels
  end
  return labels or nil
end

-- The header of `column`: the script's label (by name or position), else the registry's.
local function header(labels, column, position, e, lang)
  if type(labels) == "table" then
    local label = labels[column] or labels[position]
    if label ~= nil then return tostring(label) end
  end
  if e then return core.column_label(e.table, column, lang) end
  return core.column_label("", column, lang)
end

-- Data -------------------------------------------------------------------------------------------

local function is_plain(t)
  return type(t) == "table" and getmetatable(t) == nil
end

-- The fields `columns` may name for `source`; nil when anything goes (arrays of records).
local function known_fields(source)
  local meta = getmetatable(source)
  local e
  if meta == Query then
    e = source._entity
  elseif meta == ResultSet then
    e = source:entity()
    if not e then
      local set = {}
      for _, c in ipairs(source:columns()) do set[c] = true end
      return set, source:columns()
    end
  end
  if not e then return nil end
  local set = {}
  for _, c in ipairs(e.columns) do set[c] = true end
  for name in pairs(e.virtual) do set[name] = true end
  for name in pairs(e.relations) do set[name] = true end
  for name in pairs(e.aliases or {}) do set[name] = true end
  if meta == Query and source._select then
    for _, s in ipairs(source._select) do set[s.name] = true end
  end
  return set, e.columns
end

local function check_columns(source, columns)
  if columns == nil then return end
  if type(columns) ~= "table" then raise(messages.bad_argument(2, "table", "table", type(columns))) end
  local set, listed = known_fields(source)
  if not set then return end
  for _, c in ipairs(columns) do
    local found = set[c]
    if not found and ResultSet.is(source) and not source:entity() then
      -- Rows of db.sql or agg{} may carry fields a script added; a field no row has is a typo
      -- (unless there are no rows to tell).
      found = #source == 0
      for _, row in ipairs(source) do
        if row[c] ~= nil then found = true break end
      end
    end
    if not found then raise(messages.report_unknown_column(tostring(c), concat(listed, ", "))) end
  end
end

-- The tabulation of a source: a query, a result set, a row, an array of records, or an array
-- of arrays (with `columns`).
local function tabulation(source, columns)
  if getmetatable(source) == Query and source._group then
    raise(messages.report_bad_source("query:group(…) without :agg{…}"))
  end
  if is_plain(source) then
    if #source == 0 and next(source) == nil then
      return {kind = "table", columns = columns or {}, rows = {}, total = 0}
    end
    local first = source[1]
    if type(first) == "table" and first[1] ~= nil then
      if not columns then raise(messages.report_columns_needed()) end
      local rows = {}
      for i, r in ipairs(source) do
        local line = {}
        for j = 1, #columns do
          local v = r[j]
          if type(v) == "table" then v = nil end
          line[j] = v
        end
        rows[i] = line
      end
      return {kind = "table", columns = columns, rows = rows, total = #rows}
    end
  end
  check_columns(source, columns)
  local t = S.tabulate(source, ALL, columns)
  if t == nil then raise(messages.report_bad_source(type(source))) end
  return t
end

-- Building ---------------------------------------------------------------------------------------

--- A new report: report.new{title = "…", organization = "…", parent = "…", number = "…",
--- place = "…", date = "28/03/2023", type = "BÁO CÁO", lang = "vi"}. The official header
--- appears when an organization, a number or a date is given.
local function new(options)
  if type(options) == "string" then options = {title = options} end
  check(options, "table", 1, "new")
  check(options.title, "string", 1, "new")
  local lang = options.lang or core.language()
  if lang ~= "vi" and lang ~= "en" then raise(messages.bad_argument(1, "new", "lang \"vi\" or \"en\"", tostring(lang))) end
  local self = {title = options.title, lang = lang, blocks = {}}
  for _, key in ipairs{"organization", "parent", "number", "place", "type", "motto"} do
    check(options[key], "string", 1, "new", true)
  end
  if options.organization or options.number or options.date or options.parent then
    self.header = {
      organization = options.organization or "", parent = options.parent,
      number = options.number, place = options.place, date = iso_date(options.date),
      type = options.type, motto = options.motto,
    }
  end
  return setmetatable(self, Report)
end

--- A section heading: r:heading("I. Tình hình đăng ký"), r:heading("1. Theo đơn vị", 2).
function Report:heading(text, level)
  check(text, "string", 1, "heading")
  if level ~= nil and math.type(level) ~= "integer" then
    raise(messages.bad_argument(2, "heading", "integer", type(level)))
  end
  self.blocks[#self.blocks + 1] = {type = "heading", level = level or 1, text = text}
  return self
end

--- A paragraph; with more arguments, string.format's: r:text("Có %s đăng ký.", r:number(n)).
function Report:text(text, ...)
  check(text, "string", 1, "text")
  if select("#", ...) > 0 then text = format(text, ...) end
  self.blocks[#self.blocks + 1] = {type = "paragraph", text = text}
  return self
end

--- A new page in print.
function Report:page_break()
  self.blocks[#self.blocks + 1] = {type = "page_break"}
  return self
end

local column_kinds = {text = true, integer = true, number = true, percent = true, date = true, boolean = true}

--- A table of a query, a result set, a row or an array of rows, with options:
---   columns = {"code", "title", "unit"}   the fields, in order (else the collection's summary)
---   labels = {code = "Mã"} or {"Mã", …}   headers (else the registry's Vietnamese ones)
---   caption = "Bảng 1. …"                  above the table
---   limit = 20                             rows shown (a note says how many more there are)
---   numbered = true                        a first column TT: 1, 2, 3…
---   totals = {"n", "late"} or true         a last row "Tổng cộng" with the sums
---   kinds = {share = "percent"}            text, integer, number, percent, date, boolean
---   codes = false                          keep codes (economy) instead of labels (Kinh tế)
function Report:table(source, options)
  check(options, "table", 2, "table", true)
  options = options or {}
  local columns = options.columns
  if columns ~= nil and type(columns) ~= "table" then raise(messages.bad_argument(2, "table", "columns as a table", type(columns))) end
  local t = tabulation(source, columns)
  local lang, e = self.lang, t.entity
  local names, data = t.columns, t.rows
  local keep = {}
  if t.kind == "card" then
    -- One record: a line per field.
    local row, lines = data[1] or {}, {}
    for j, c in ipairs(names) do
      local v = row[j]
      local codes = code_labels(e, c, lang)
      if codes and v ~= nil then v = codes[v] or v end
      lines[j] = {header(options.labels, c, j, e, lang) or c, v}
    end
    names, data, e = {"field", "value"}, lines, nil
    options = setmetatable({labels = {core.message("report_field_label"), core.message("report_value_label")}}, {__index = options})
  end
  for j, c in ipairs(names) do
    -- A grouped result shows a relation by name (unit) beside its id (unit_id): keep the name.
    local id_of = not columns and c:match("^(.+)_id$")
    local hidden = false
    if id_of and ResultSet.is(source) and not source:entity() then
      for _, other in ipairs(names) do if other == id_of then hidden = true end end
    end
    if not hidden then keep[#keep + 1] = j end
  end
  local kinds_asked = options.kinds or {}
  local out_names, labels, kinds, codes = {}, {}, {}, {}
  for k, j in ipairs(keep) do
    local c = names[j]
    out_names[k] = c
    labels[k] = header(options.labels, c, k, e, lang)
    local kind = kinds_asked[c]
    if kind ~= nil and not column_kinds[kind] then raise(messages.report_unknown_kind(tostring(kind), c)) end
    kinds[k] = kind
    if options.codes ~= false then codes[k] = code_labels(e, c, lang) end
  end
  local rows = {}
  for i, row in ipairs(data) do
    local line = {}
    for k, j in ipairs(keep) do
      local v = row[j]
      if codes[k] and v ~= nil then v = codes[k][v] or v end
      line[k] = v
    end
    rows[i] = line
  end
  local total = t.total
  -- Totals, over every row (also those a limit leaves out).
  local sums
  if options.totals then
    sums = {}
    local wanted = {}
    if options.totals == true then
      for k = 2, #out_names do
        local numeric = #rows > 0
        for _, line in ipairs(rows) do
          if line[k] ~= nil and type(line[k]) ~= "number" then numeric = false break end
        end
        if numeric then wanted[k] = true end
      end
    else
      for _, c in ipairs(options.totals) do
        local found = false
        for k, name in ipairs(out_names) do if name == c then wanted[k], found = true, true end end
        if not found then raise(messages.report_unknown_column(tostring(c), concat(out_names, ", "))) end
      end
    end
    for k in pairs(wanted) do
      local s = 0
      for _, line in ipairs(rows) do if type(line[k]) == "number" then s = s + line[k] end end
      sums[k] = s
    end
    for k = 1, #out_names do
      if not wanted[k] then sums[k] = core.message("report_total_label") break end
    end
  end
  if options.limit ~= nil then
    if math.type(options.limit) ~= "integer" or options.limit < 0 then
      raise(messages.bad_argument(2, "table", "limit as a non-negative integer", type(options.limit)))
    end
    for i = #rows, options.limit + 1, -1 do rows[i] = nil end
  end
  if sums then
    rows[#rows + 1] = sums
    total = total + 1
  end
  if options.numbered then
    -- Labels and kinds have holes (nil for "the registry's" and "as the cells say"): shift
    -- them by position, not with table.insert.
    local width = #out_names
    for k = width, 1, -1 do
      out_names[k + 1], labels[k + 1], kinds[k + 1] = out_names[k], labels[k], kinds[k]
    end
    out_names[1], labels[1], kinds[1] = "no", core.message("report_numbered_label"), "integer"
    local n = sums and #rows - 1 or #rows
    for i, line in ipairs(rows) do
      local shifted = {i <= n and i or nil}
      for k = 1, width do shifted[k + 1] = line[k] end
      rows[i] = shifted
    end
  end
  if options.caption ~= nil then check(options.caption, "string", 2, "table") end
  self.blocks[#self.blocks + 1] = {type = "table", caption = options.caption, columns = out_names,
    labels = labels, kinds = kinds, rows = rows, total = total, footer = sums and 1 or 0}
  return self
end

local chart_kinds = {bar = true, stacked = true, histogram = true, line = true}

-- Checks that values[1..count] are numbers or nil.
local function check_numbers(values, count, name)
  if type(values) ~= "table" then raise(messages.report_chart_data()) end
  for i = 1, count do
    local v = values[i]
    if v ~= nil and type(v) ~= "number" then
      raise(messages.report_chart_not_number(i, tostring(name), type(v)))
    end
  end
end

--- A chart, drawn as SVG in HTML (its numbers as a table in Markdown, CSV and JSON):
---   r:chart{kind = "bar", title = "…", data = rs, category = "unit", value = "n"}
---   r:chart{kind = "stacked", data = rs, category = "unit", series = {"on_time", "late"},
---           labels = {on_time = "Đúng hạn", late = "Trễ hạn"}}
---   r:chart{kind = "line", categories = {"2022", "2023"}, series = {{name = "Điểm", values = {…}}}}
---   r:chart{kind = "histogram", data = rs, value = "score", bin_width = 5}
--- with value_label and category_label naming the axes.
function Report:chart(spec)
  check(spec, "table", 1, "chart")
  local kind = spec.kind or "bar"
  if not chart_kinds[kind] then raise(messages.report_unknown_chart(tostring(kind))) end
  local lang = self.lang
  local block = {type = "chart", kind = kind, title = spec.title or "",
    value_label = spec.value_label, category_label = spec.category_label}
  for _, key in ipairs{"title", "value_label", "category_label"} do
    check(spec[key], "string", 1, "chart", true)
  end
  if kind == "histogram" then
    local values, count
    if spec.data ~= nil then
      if type(spec.value) ~= "string" then raise(messages.report_chart_data()) end
      local t = tabulation(spec.data, {spec.value})
      values, count = {}, #t.rows
      for i, row in ipairs(t.rows) do values[i] = row[1] end
      block.value_label = block.value_label or header(spec.labels, spec.value, 1, t.entity, lang)
    elseif type(spec.values) == "table" then
      values, count = spec.values, #spec.values
    else
      raise(messages.report_chart_data())
    end
    check_numbers(values, count, block.value_label or block.title)
    if spec.bin_width ~= nil and type(spec.bin_width) ~= "number" then
      raise(messages.bad_argument(1, "chart", "bin_width as a number", type(spec.bin_width)))
    end
    block.values, block.count, block.bin_width = values, count, spec.bin_width
  else
    local categories, series, count = {}, {}, 0
    if spec.data ~= nil then
      local fields = spec.series or {spec.value}
      if type(spec.category) ~= "string" or type(fields) ~= "table" or #fields == 0 then
        raise(messages.report_chart_data())
      end
      local columns = {spec.category}
      for _, f in ipairs(fields) do
        if type(f) ~= "string" then raise(messages.report_chart_data()) end
        columns[#columns + 1] = f
      end
      local t = tabulation(spec.data, columns)
      local codes = code_labels(t.entity, spec.category, lang)
      count = #t.rows
      for i, row in ipairs(t.rows) do
        local c = row[1]
        if codes and c ~= nil then c = codes[c] or c end
        categories[i] = c == nil and "" or tostring(c)
      end
      for j, f in ipairs(fields) do
        local values = {}
        for i, row in ipairs(t.rows) do values[i] = row[j + 1] end
        -- A series without a label of its own: the value axis's name, for a lone one.
        local name = header(spec.labels, f, j, t.entity, lang)
          or (#fields == 1 and (spec.value_label or (block.title ~= "" and block.title))) or f
        series[j] = {name = name, values = values}
      end
      block.category_label = block.category_label or header(nil, spec.category, 1, t.entity, lang)
      if #fields == 1 then block.value_label = block.value_label or series[1].name end
    elseif type(spec.categories) == "table" then
      count = #spec.categories
      for i = 1, count do categories[i] = tostring(spec.categories[i]) end
      if spec.values ~= nil then
        series[1] = {name = spec.value_label or block.title, values = spec.values}
      elseif type(spec.series) == "table" then
        for j, s in ipairs(spec.series) do
          if type(s) ~= "table" then raise(messages.report_chart_data()) end
          series[j] = {name = tostring(s.name or s.label or ""), values = s.values}
        end
      else
        raise(messages.report_chart_data())
      end
    else
      raise(messages.report_chart_data())
    end
    for _, s in ipairs(series) do check_numbers(s.values, count, s.name) end
    block.categories, block.series, block.count = categories, series, count
  end
  core.report_chart(block)
  self.blocks[#self.blocks + 1] = block
  return self
end

-- Output -----------------------------------------------------------------------------------------

--- The report as text: r:render("md"), "html", "csv" or "json".
function Report:render(fmt)
  check(fmt, "string", 1, "render")
  return core.report_render(self, fmt)
end

--- Writes the report to a file, in the format its extension names (.html, .md, .csv, .json),
--- created 0600, whole or not at all; returns the report: r:save("a.html"):save("a.csv").
function Report:save(path)
  check(path, "string", 1, "save")
  core.report_save(self, path)
  return self
end

--- Numbers and dates the way the report writes them: r:number(1234.5) is "1.234,5",
--- r:percent(0.125) "12,5 %", r:date("2023-03-28") "28/03/2023", r:date(d, true) the long form.
function Report:number(x, decimals)
  check(x, "number", 1, "number")
  return core.report_format("number", x, self.lang, decimals)
end

function Report:percent(x, decimals)
  check(x, "number", 1, "percent")
  return core.report_format("percent", x, self.lang, decimals)
end

function Report:date(iso, long)
  check(iso, "string", 1, "date")
  return core.report_format(long and "long_date" or "date", iso_date(iso), self.lang)
end

function Report:__tostring()
  return format("report: %s (%d blocks)", self.title, #self.blocks)
end

-- Globals ----------------------------------------------------------------------------------------

report = {
  new = new,
  --- Whether x is a report.
  is = function(x) return getmetatable(x) == Report end,
  number = function(x, decimals) return Report.number({lang = core.language()}, x, decimals) end,
  percent = function(x, decimals) return Report.percent({lang = core.language()}, x, decimals) end,
  date = function(iso, long) return Report.date({lang = core.language()}, iso, long) end,
}

--- The labels of a coded field, in the current language: db.labels("registrations", "field")
--- is {economy = "Kinh tế", …}; nil for a field without codes.
rawset(db, "labels", function(collection, field)
  check(collection, "string", 1, "labels")
  check(field, "string", 2, "labels")
  local e = S.entities[collection]
  if not e then raise(messages.not_found("collection", collection)) end
  local labels = code_labels(e, field, core.language())
  if not labels then return nil end
  local copy = {}
  for k, v in pairs(labels) do copy[k] = v end
  return copy
end)
