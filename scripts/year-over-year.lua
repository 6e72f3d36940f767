#!/usr/bin/env sangtao
-- year-over-year.lua — the main indicators of a year against the years before: registrations,
-- organizations with one, on time, scored, passing, excellent, withdrawn or cancelled; on-time
-- shares, mean score, targets achieved; with a line chart.
--
--   sangtao scripts/year-over-year.lua --year 2023 --years 3 -o so-sanh.html
package.path = (arg and arg[0] and arg[0]:match("^(.*)/") or ".") .. "/lib/?.lua;" .. package.path
local cli = require("cli")
local btv = require("btv")

local opts = cli.parse(arg, {
  name = "year-over-year",
  summary = {
    "So sánh các chỉ tiêu chính của một năm với các năm trước.",
    "The main indicators of a year against the years before.",
  },
  options = {
    {"--years", "N", "N", "số năm so sánh, kể cả năm được chọn (mặc định 5)",
     "how many years, the chosen one included (default 5)", kind = "integer", default = 5},
  },
  example = "sangtao scripts/year-over-year.lua --year 2023 --years 3 -o so-sanh.html",
})
local c = opts.campaign

local r = cli.report(opts, "Mô hình mới, cách làm sáng tạo năm " .. c.year .. " so với các năm trước")
btv.write_year_over_year(r, c, opts)
r:text(btv.definitions)
cli.finish(r, opts)
