#!/usr/bin/env sangtao
-- Reminders from cron (DESIGN.md §5): sends the reminders due today, or on --date, through the
-- chosen channel, prints a summary, and exits with status 1 when a reminder could not be
-- delivered — the outbox keeps it and the next run tries again. Running it twice the same day
-- sends nothing new.
--
--   sangtao --db /srv/sangtao/registry.sqlite scripts/remind.lua --channel command \
--     --command "msmtp -t"
--   sangtao --demo scripts/remind.lua --date 2023-03-14 --channel files --out nhac-viec
--   sangtao scripts/remind.lua --help
--
-- Custom rules (remind.rule{…}) go in a file loaded with --rules FILE.lua.

local ok, options = pcall(remind.args, arg)
if not ok then
  io.stderr:write(arg[0], ": ", tostring(options), "\n")
  os.exit(2)
end
if options.help then
  help("remind.lua")
  return
end
if options.rules then dofile(options.rules) end

local done, result = pcall(remind.run, options)
if not done then
  io.stderr:write(arg[0], ": ", tostring(result), "\n")
  os.exit(1)
end
print(result.text)
if result.failed > 0 then os.exit(1) end
