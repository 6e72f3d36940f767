#!/usr/bin/env sangtao
-- htxs.lua — the HTXS pipeline: party members proposed for "completed tasks excellently" per
-- grassroots organization, how many hold a passing score, the quota (20 % of the members rated
-- HTT by default) and the headroom left; and the check of the five-year group.
--
--   sangtao scripts/htxs.lua --year 2023 -o htxs.html
package.path = (arg and arg[0] and arg[0]:match("^(.*)/") or ".") .. "/lib/?.lua;" .. package.path
local cli = require("cli")
local btv = require("btv")

local opts = cli.parse(arg, {
  name = "htxs",
  summary = {
    "Đề nghị hoàn thành xuất sắc nhiệm vụ: số đề nghị, số đạt điểm, chỉ tiêu và số còn lại theo tổ "
      .. "chức cơ sở đảng; kiểm tra nhóm 5 năm liền.",
    "HTXS proposals: proposed, passing, quota and headroom per grassroots organization; the "
      .. "five-year group's check.",
  },
  example = "sangtao scripts/htxs.lua --year 2023 -o htxs.html",
})
local c = opts.campaign

local r = cli.report(opts, "Đề nghị hoàn thành xuất sắc nhiệm vụ gắn với mô hình mới, cách làm sáng "
  .. "tạo năm " .. c.year)
btv.write_htxs(r, c, opts)
cli.finish(r, opts)
