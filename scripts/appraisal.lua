#!/usr/bin/env sangtao
-- appraisal.lua — the appraisal table: every scored registration with each team member's total,
-- the number of valid sheets, the spread, the score and its level, and what needs a look (short
-- of quorum, spread over the limit); then the scores by level, organization, field and
-- criterion.
--
--   sangtao scripts/appraisal.lua --year 2023 -o tham-dinh.csv
package.path = (arg and arg[0] and arg[0]:match("^(.*)/") or ".") .. "/lib/?.lua;" .. package.path
local cli = require("cli")
local btv = require("btv")

local opts = cli.parse(arg, {
  name = "appraisal",
  summary = {
    "Bảng tổng hợp kết quả chấm điểm của Tổ thẩm định: điểm từng thành viên, chênh lệch, điểm, "
      .. "xếp loại; điểm theo mức, tổ chức, lĩnh vực và tiêu chí.",
    "The appraisal table: each member's total, spread, score and level per registration; "
      .. "scores by level, organization, field and criterion.",
  },
  example = "sangtao scripts/appraisal.lua --year 2023 -o tham-dinh.csv",
})
local c = opts.campaign

local r = cli.report(opts, "Tổng hợp kết quả thẩm định, chấm điểm mô hình mới, cách làm sáng tạo năm "
  .. c.year)
r:heading("1. Bảng tổng hợp")
btv.write_appraisal(r, c, opts)
r:heading("2. Kết quả theo mức, tổ chức, lĩnh vực và tiêu chí")
btv.write_scores(r, c, opts)
cli.finish(r, opts)
