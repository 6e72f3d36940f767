#!/usr/bin/env sangtao
-- btv-brief.lua — the Standing Committee's brief on a year's new models and creative approaches:
-- the ten statistics a BTV meeting asks for (coverage, units without registration, timeliness,
-- mix, scores, top models, HTXS pipeline and quota, targets, year over year, follow-ups), with
-- charts, in one document to print.
--
--   sangtao --db sodangky.sqlite scripts/btv-brief.lua --year 2023 -o brief.html
package.path = (arg and arg[0] and arg[0]:match("^(.*)/") or ".") .. "/lib/?.lua;" .. package.path
local cli = require("cli")
local btv = require("btv")

local opts = cli.parse(arg, {
  name = "btv-brief",
  summary = {
    "Báo cáo Ban Thường vụ: mười nhóm số liệu về đăng ký, báo cáo kết quả, thẩm định và đề nghị "
      .. "hoàn thành xuất sắc nhiệm vụ của một năm, có biểu đồ, trong một văn bản để in.",
    "The Standing Committee's brief: the ten statistics on a year's registrations, results "
      .. "reports, appraisal and HTXS proposals, with charts, in one document to print.",
  },
  options = {
    {"--as-of", "DATE", "NGÀY", "tính tình hình “đến nay” tại ngày này (mặc định: hôm nay)",
     "the day “still none today” is counted at (default: today)", kind = "date"},
    {"--top", "N", "N", "số mô hình tiêu biểu (mặc định 10)", "how many top models (default 10)",
     kind = "integer", default = 10},
  },
  example = "sangtao scripts/btv-brief.lua --year 2023 -o brief.html",
})
opts.as_of = opts.as_of or os.date("%Y-%m-%d")
local c = opts.campaign

local r = cli.report(opts, "Tình hình đăng ký, thực hiện và thẩm định mô hình mới, cách làm sáng tạo "
  .. "năm " .. c.year)
if c.basis and c.basis ~= "" then
  r:text("Căn cứ: %s.", c.basis)
end
r:text("Hạn đăng ký %s; hạn báo cáo kết quả %s; hạn hoàn thành thẩm định %s.",
  r:date(c.d1_registration), r:date(c.d2_report), r:date(c.d3_appraisal))

r:heading("I. Tình hình đăng ký")
r:heading("1. Tỷ lệ đăng ký theo tổ chức cơ sở đảng", 2)
btv.write_coverage(r, c, opts)
r:heading("2. Tổ chức cơ sở đảng chưa đăng ký", 2)
btv.write_units_without(r, c, opts)
r:heading("3. Thời hạn đăng ký", 2)
btv.write_timeliness(r, c, opts)

r:heading("II. Cơ cấu đăng ký")
btv.write_mix(r, c, opts)

r:heading("III. Báo cáo kết quả và thẩm định")
r:heading("1. Báo cáo kết quả", 2)
btv.write_reports(r, c, opts)
r:heading("2. Phiếu chấm của Tổ thẩm định", 2)
btv.write_sheets(r, c, opts)
r:heading("3. Kết quả chấm điểm", 2)
btv.write_scores(r, c, opts)

r:heading("IV. Mô hình, cách làm tiêu biểu")
btv.write_top(r, c, opts)

r:heading("V. Đề nghị hoàn thành xuất sắc nhiệm vụ")
btv.write_htxs(r, c, opts)

r:heading("VI. Kết quả thực hiện chỉ tiêu đăng ký")
btv.write_targets(r, c, opts)

r:heading("VII. So sánh với các năm trước")
btv.write_year_over_year(r, c, opts)

r:heading("VIII. Việc cần theo dõi")
btv.write_follow_ups(r, c, opts)

r:text(btv.definitions)
cli.finish(r, opts)
