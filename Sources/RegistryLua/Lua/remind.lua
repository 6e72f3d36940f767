-- sangtao: reminders (DESIGN.md §5) — remind.due, remind.run, remind.rule, remind.ics.
--
-- The built-in rules are data computed in Swift (Registry's ReminderPlanner); this file keeps
-- their settings (days, letters, on or off) and the custom rules written in Lua, evaluates the
-- custom rules on a day, and hands everything to the outbox (core.remind_due / remind_run),
-- which records each reminder once and delivers it.

local S = ...
local core, messages, ResultSet, entities = S.core, S.messages, S.ResultSet, S.entities

local type, pairs, ipairs, error, setmetatable, getmetatable, rawget, tostring, select =
  type, pairs, ipairs, error, setmetatable, getmetatable, rawget, tostring, select
local format, concat, sort = string.format, table.concat, table.sort

remind = {
  lang = "vi",   -- the language of the letters: "vi" or "en"
  board = nil,   -- the code of the Organization Board's unit; nil: BTC
  from = nil,    -- the sender, "Name <address>"; nil: the board and its email
  out = "nhac-viec",
  command = nil, -- the command channel's command; nil: sendmail -t
}

local order = {}      -- rule names, built-in first, in definition order
local rules = {}      -- by name
remind.rules = setmetatable({}, {
  __index = function(_, name) return rules[name] end,
  __newindex = function() error(messages.remind_rules_readonly(), 2) end,
  __pairs = function()
    local i = 0
    return function()
      i = i + 1
      local name = order[i]
      if name then return name, rules[name] end
    end
  end,
  __len = function() return #order end,
  __tostring = function()
    local lines = {}
    for i, name in ipairs(order) do lines[i] = tostring(rules[name]) end
    return table.concat(lines, "\n")
  end,
  __name = "sangtao.reminder_rules",
})

local Rule = {__name = "sangtao.reminder_rule"}
Rule.__index = Rule
function Rule.__tostring(r)
  if r.builtin then
    local offsets = {}
    for i, o in ipairs(r.offsets) do offsets[i] = format("%+d", o) end
    return format("%s: %s %s (%s)%s", r.name, r.deadline:upper(), concat(offsets, " "),
      r.description, r.enabled and "" or " " .. messages.remind_rule_off())
  end
  return format("%s (%s)%s", r.name, messages.remind_rule_custom(),
    r.enabled and "" or " " .. messages.remind_rule_off())
end

for _, b in ipairs(core.remind_rules()) do
  b.builtin, b.enabled = true, true
  rules[b.name] = setmetatable(b, Rule)
  order[#order + 1] = b.name
end

-- The ISO day of a date argument (today when nil), raising at the caller's caller.
local function date_arg(date, n, fname)
  if date ~= nil and type(date) ~= "string" then
    error(messages.bad_argument(n, fname, "date string", type(date)), 3)
  end
  local iso, why = core.remind_date(date)
  if not iso then error(format("bad argument #%d to '%s' (%s)", n, fname, why), 3) end
  return iso
end

-- The template text of `t` (a string, {subject=, body=} or {vi=, en=}) for `lang` and `part`.
local function template_text(t, lang, part)
  if t == nil then return nil end
  if type(t) == "string" then return part == "body" and t or nil end
  local localized = t[lang] or t.vi or t.en
  if localized ~= nil and (t.subject == nil and t.body == nil) then
    return template_text(localized, lang, part)
  end
  local v = t[part]
  if type(v) == "table" then v = v[lang] or v.vi or v.en end
  return v
end

-- The subject template of a rule: its own `subject` (string or {vi=, en=}), else the one in
-- its template table.
local function subject_text(rule, lang)
  local s = rule.subject
  if type(s) == "table" then s = s[lang] or s.vi or s.en end
  return s or template_text(rule.template, lang, "subject")
end

-- What Swift needs of the built-in rules' settings.
local function config(options)
  options = options or {}
  local lang = options.lang or remind.lang
  local c = {lang = lang, board = options.board or remind.board, rules = {}}
  for _, name in ipairs(order) do
    local r = rules[name]
    if r.builtin then
      c.rules[name] = {enabled = r.enabled ~= false, offsets = r.offsets, through = r.through,
        subject = subject_text(r, lang), body = template_text(r.template, lang, "body")}
    end
  end
  return c
end

-- Custom rules ---------------------------------------------------------------------------

local function check_name(name)
  return type(name) == "string" and name:match("^[%a_][%w_%-]*$") ~= nil
end

--- Defines (or replaces) a custom rule:
---   remind.rule{name = "cam_on", when = {deadline = "d1", offsets = {2}},
---     who = function(ctx) return units:where{code = "DS"}:list() end,
---     subject = "…", template = "Kính gửi: {addressee}\n…"}
function remind.rule(spec)
  if type(spec) ~= "table" then error(messages.bad_argument(1, "rule", "table", type(spec)), 2) end
  local name = spec.name
  if not check_name(name) then error(messages.remind_rule_name(), 2) end
  if rules[name] and rules[name].builtin then error(messages.remind_rule_builtin(name), 2) end
  local when = spec.when
  local tw = type(when)
  if not (tw == "function" or tw == "string" or (tw == "table" and (when.deadline or #when > 0))) then
    error(messages.remind_rule_when(name), 2)
  end
  if tw == "table" and when.deadline and not (type(when.offsets) == "table" or type(when.daily) == "table") then
    error(messages.remind_rule_when(name), 2)
  end
  local who = spec.who
  if not (type(who) == "function" or getmetatable(who) == S.Query or ResultSet.is(who)) then
    error(messages.remind_rule_who(name), 2)
  end
  local t = spec.template
  if not (type(t) == "string" or type(t) == "table") or template_text(t, "vi", "body") == nil then
    error(messages.remind_rule_template(name), 2)
  end
  local rule = setmetatable({name = name, when = when, who = who, template = t,
    subject = spec.subject, enabled = spec.enabled ~= false, builtin = false}, Rule)
  if not rules[name] then order[#order + 1] = name end
  rules[name] = rule
  return rule
end

-- The firing day of `rule` on `date` (an ISO day), or nil, and the rule's context there.
local function firing(rule, date, lang, board)
  local when = rule.when
  local deadline, offsets, through
  if type(when) == "table" and when.deadline then
    deadline, through = when.deadline, when.through
    if when.daily then
      offsets = {}
      local a, b = when.daily[1], when.daily[2] or when.daily[1]
      for o = math.min(a, b), math.max(a, b) do offsets[#offsets + 1] = o end
    else
      offsets = when.offsets
    end
  end
  local ctx = core.remind_context(date, lang, board, deadline, offsets, through)
  ctx.rule, ctx.lang = rule.name, lang
  if deadline then return ctx.firing, ctx end
  if type(when) == "string" then
    return (when == date) and date or nil, ctx
  elseif type(when) == "table" then
    for _, d in ipairs(when) do if d == date then return date, ctx end end
    return nil, ctx
  end
  local result = when(ctx)
  if result == true then return date, ctx end
  if type(result) == "string" then return result, ctx end
  return nil, ctx
end

local function entity_of(v)
  local meta = type(v) == "table" and getmetatable(v)
  return meta and rawget(meta, "_entity")
end

-- The fields of a row or table that templates can use: strings and numbers; a row's NULL
-- columns are empty texts (a missing agency is no unknown placeholder).
local function fields(row, into)
  for k, v in pairs(row) do
    local t = type(v)
    if type(k) == "string" and (t == "string" or t == "number") then into[k] = v end
  end
  local e = entity_of(row)
  if e then
    for _, c in ipairs(e.columns) do
      if into[c] == nil then into[c] = "" end
    end
  end
  return into
end

local function id_of(v)
  if type(v) == "table" then return rawget(v, "id") end
  return v
end

-- One recipient as a draft's fields and the template values it adds.
local function recipient(rule, item, position, lang)
  local e = entity_of(item)
  local name = e and e.name
  if name == "panel" then
    local person = item.person
    local r, vars = recipient(rule, person, position, lang)
    vars.role, vars.agency = item.role, item.agency or ""
    return r, vars
  elseif name == "registrations" then
    local subject = item.subject
    local r, vars = recipient(rule, subject, position, lang)
    r.registration_id = item.id
    vars = fields(item, vars)
    vars.unit = item.unit and item.unit.name
    vars.addressee = vars.addressee or r.recipient
    return r, vars
  elseif name == "units" then
    return {key = "unit:" .. item.code, recipient = item.name, address = item.email,
      unit_id = item.id}, fields(item, {addressee = item.name, unit = item.name, unit_code = item.code})
  elseif name == "people" then
    return {key = "person:" .. item.code, recipient = item.full_name, address = item.email,
      person_id = item.id, unit_id = item.unit_id},
      fields(item, {addressee = core.remind_addressee(item.full_name, lang), name = item.full_name})
  elseif name == "collectives" then
    local head = item.head
    return {key = "collective:" .. item.code, recipient = item.name,
      address = (head and head.email) or (item.unit and item.unit.email),
      person_id = item.head_id, unit_id = item.unit_id},
      fields(item, {addressee = item.name})
  elseif type(item) == "table" and not e and type(item.name) == "string" then
    local vars = {}
    for k, v in pairs(item) do
      if type(k) == "string" and (type(v) == "string" or type(v) == "number") then vars[k] = v end
    end
    if type(item.vars) == "table" then fields(item.vars, vars) end
    vars.addressee = vars.addressee or item.name
    return {key = item.key or ("name:" .. item.name), recipient = item.name,
      address = item.email or item.address, unit_id = id_of(item.unit),
      person_id = id_of(item.person), registration_id = id_of(item.registration)}, vars
  end
  error(messages.remind_bad_recipient(rule.name, position, e and e.singular or type(item)), 0)
end

-- The recipients a rule's `who` gives, as a plain list.
local function recipients(rule, ctx)
  local who = rule.who
  local list
  if type(who) == "function" then list = who(ctx) else list = who end
  if getmetatable(list) == S.Query then list = list:list() end
  if list == nil then return {} end
  if entity_of(list) or (type(list) == "table" and type(list.name) == "string" and list[1] == nil) then
    return {list}
  end
  return list
end

-- The drafts of the custom rules on `date`, and the rules evaluated with their firing day.
local function custom(date, c)
  local drafts, evaluated = {}, {}
  for _, name in ipairs(order) do
    local rule = rules[name]
    if not rule.builtin and rule.enabled then
      local due, ctx = firing(rule, date, c.lang, c.board)
      evaluated[name] = due or false
      if due then
        ctx.due = due
        local subject = subject_text(rule, c.lang) or core.remind_template("custom", c.lang)
        local body = template_text(rule.template, c.lang, "body")
        for position, item in ipairs(recipients(rule, ctx)) do
          local draft, vars = recipient(rule, item, position, c.lang)
          local values = {}
          fields(vars, values)
          fields(ctx.values, values)
          values.rule, values.name = name, draft.recipient
          values.email = draft.address or ""
          values.addressee = vars.addressee or draft.recipient
          if type(item) == "table" and not entity_of(item) and type(item.vars) == "table" then
            fields(item.vars, values)
          end
          draft.rule, draft.due_date = name, due
          draft.subject = core.remind_render(subject, values, name)
          draft.body = core.remind_render(body, values, name)
          drafts[#drafts + 1] = draft
        end
      end
    end
  end
  return drafts, evaluated
end

-- The API ----------------------------------------------------------------------------------

local due_columns = {"rule", "recipient", "address", "due_date", "status", "subject"}

--- The reminders due on `date` (today by default), with their outbox status ("new" when not
--- recorded yet). Nothing is recorded or sent.
function remind.due(date, options)
  date = date_arg(date, 1, "due")
  local c = config(options)
  local drafts, evaluated = custom(date, c)
  return ResultSet.wrap(core.remind_due(date, c, drafts, evaluated), nil, nil, due_columns)
end

local Run = {__name = "sangtao.reminder_run"}
Run.__index = Run
function Run.__tostring(r) return r.text end

--- Records, delivers and marks the reminders due:
---   remind.run{date = "2023-03-14", channel = "files", out = "nhac-viec", dry_run = true}
--- Returns what happened: r.sent, r.failed, r.reminders, and r.text to print.
function remind.run(options)
  if options ~= nil and type(options) ~= "table" then
    error(messages.bad_argument(1, "run", "table", type(options)), 2)
  end
  options = options or {}
  local date = date_arg(options.date, 1, "run")
  local c = config(options)
  local drafts, evaluated = custom(date, c)
  local run_options = {channel = options.channel or "stdout", out = options.out or remind.out,
    command = options.command or remind.command, timeout = options.timeout,
    dry_run = options.dry_run, from = options.from or remind.from}
  local result = core.remind_run(date, c, drafts, evaluated, run_options)
  ResultSet.wrap(result.reminders, nil, nil,
    {"id", "rule", "recipient", "address", "due_date", "status", "error"})
  return setmetatable(result, Run)
end

--- The subject and body templates rule `name` uses now, in `lang` (remind.lang by default).
function remind.template(name, lang)
  local rule = rules[name]
  if not rule then
    error(messages.remind_unknown_rule(tostring(name), concat(order, ", ")), 2)
  end
  lang = lang or remind.lang
  local subject, body = subject_text(rule, lang), template_text(rule.template, lang, "body")
  if rule.builtin then
    local s, b = core.remind_template(rule.kind, lang)
    return subject or s, body or b
  end
  return subject or core.remind_template("custom", lang), body
end

--- Fills a template: remind.render("Kính gửi: {addressee}", {addressee = "…"}).
function remind.render(template, values)
  if type(template) ~= "string" then
    error(messages.bad_argument(1, "render", "string", type(template)), 2)
  end
  if type(values) ~= "table" then error(messages.bad_argument(2, "render", "table", type(values)), 2) end
  return core.remind_render(template, values, "render")
end

--- The campaign's deadlines as an iCalendar text; written to `file` when given.
function remind.ics(year, file, options)
  if math.type(year) ~= "integer" then error(messages.bad_argument(1, "ics", "integer year", type(year)), 2) end
  if file ~= nil and type(file) ~= "string" then error(messages.bad_argument(2, "ics", "string", type(file)), 2) end
  local lang = (options and options.lang) or remind.lang
  return core.remind_ics(year, lang, file)
end

--- Reads a reminders script's command line (scripts/remind.lua) into remind.run's options:
--- --date, --channel, --out, --command, --from, --letters, --board, --rules, --dry-run, --help.
function remind.args(args)
  local options = {}
  local takes = {["--date"] = "date", ["--channel"] = "channel", ["--out"] = "out",
    ["--command"] = "command", ["--from"] = "from", ["--letters"] = "lang",
    ["--board"] = "board", ["--rules"] = "rules"}
  local i = 1
  while args and args[i] ~= nil do
    local a = args[i]
    local key, value = a:match("^(%-%-[%w-]+)=(.*)$")
    key = key or a
    if key == "--help" or key == "-h" then
      options.help = true
    elseif key == "--dry-run" then
      options.dry_run = true
    elseif takes[key] then
      if value == nil then
        i = i + 1
        value = args[i]
        if value == nil then error(messages.remind_option_value(key), 0) end
      end
      options[takes[key]] = value
    else
      error(messages.remind_unknown_option(a), 0)
    end
    i = i + 1
  end
  return options
end
