#!/usr/bin/env sangtao
-- coverage.lua — coverage per grassroots party organization: the collectives and party members
-- due to register a model (leadership collectives; members rated HTXS the year before), how many
-- did, lowest first; and the organizations with no registration at D1, or still none.
--
--   sangtao scripts/coverage.lua --year 2023 -o bao-phu.csv
package.path = (arg and arg[0] and arg[0]:match("^(.*)/") or ".") .. "/lib/?.lua;" .. package.path
local cli = require("cli")
local btv = require("btv")

local opts = cli.parse(arg, {
  name = "coverage",
  summary = {
    "Tỷ lệ đăng ký theo tổ chức cơ sở đảng (thấp nhất trước) và các tổ chức chưa đăng ký.",
    "Coverage per grassroots organization (lowest first) and the organizations without a "
      .. "registration.",
  },
  options = {
    {"--as-of", "DATE", "NGÀY", "tính tình hình “đến nay” tại ngày này (mặc định: hôm nay)",
     "the day “still none today” is counted at (default: today)", kind = "date"},
  },
  example = "sangtao scripts/coverage.lua --year 2023 -o bao-phu.html",
})
opts.as_of = opts.as_of or os.date("%Y-%m-%d")
local c = opts.campaign

local r = cli.report(opts, "Tỷ lệ đăng ký mô hình mới, cách làm sáng tạo năm " .. c.year
  .. " theo tổ chức cơ sở đảng")
r:heading("1. Tỷ lệ đăng ký")
btv.write_coverage(r, c, opts)
r:heading("2. Tổ chức cơ sở đảng chưa đăng ký")
btv.write_units_without(r, c, opts)
r:text(btv.definitions)
cli.finish(r, opts)
