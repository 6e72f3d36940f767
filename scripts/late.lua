#!/usr/bin/env sangtao
-- late.lua — what is late or missing: registrations received after D1 (with days late),
-- organizations with no registration, results reports missing or late at D2, and score sheets
-- each appraisal team member still owes before D3.
--
--   sangtao scripts/late.lua --year 2023 -o tre-han.html
package.path = (arg and arg[0] and arg[0]:match("^(.*)/") or ".") .. "/lib/?.lua;" .. package.path
local cli = require("cli")
local btv = require("btv")

local opts = cli.parse(arg, {
  name = "late",
  summary = {
    "Đăng ký trễ hạn và còn thiếu: đăng ký sau hạn, tổ chức chưa đăng ký, báo cáo kết quả chưa có "
      .. "hoặc trễ, phiếu chấm còn thiếu của từng thành viên Tổ thẩm định.",
    "Late and missing: registrations after D1, organizations without one, results reports "
      .. "missing or late, score sheets each appraisal team member still owes.",
  },
  options = {
    {"--as-of", "DATE", "NGÀY", "tính tình hình “đến nay” tại ngày này (mặc định: hôm nay)",
     "the day “still none today” is counted at (default: today)", kind = "date"},
  },
  example = "sangtao scripts/late.lua --year 2023 -o tre-han.html",
})
opts.as_of = opts.as_of or os.date("%Y-%m-%d")
local c = opts.campaign

local r = cli.report(opts, "Đăng ký, báo cáo kết quả và phiếu chấm trễ hạn, còn thiếu năm " .. c.year)
r:heading("1. Đăng ký sau hạn " .. r:date(c.d1_registration))
btv.write_timeliness(r, c, opts)
r:heading("2. Tổ chức cơ sở đảng chưa đăng ký")
btv.write_units_without(r, c, opts)
r:heading("3. Báo cáo kết quả")
btv.write_reports(r, c, opts)
r:heading("4. Phiếu chấm còn thiếu")
btv.write_sheets(r, c, opts)
cli.finish(r, opts)
