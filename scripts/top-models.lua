#!/usr/bin/env sangtao
-- top-models.lua — the best models and approaches of a year by appraisal score, with their
-- subject and organization, targets achieved, results and replication potential.
--
--   sangtao scripts/top-models.lua --year 2023 --top 5 -o tieu-bieu.md
package.path = (arg and arg[0] and arg[0]:match("^(.*)/") or ".") .. "/lib/?.lua;" .. package.path
local cli = require("cli")
local btv = require("btv")

local opts = cli.parse(arg, {
  name = "top-models",
  summary = {
    "Các mô hình, cách làm tiêu biểu theo điểm thẩm định, với kết quả và khả năng nhân rộng.",
    "The top models and approaches by appraisal score, with results and replication potential.",
  },
  options = {
    {"--top", "N", "N", "số mô hình (mặc định 10)", "how many models (default 10)",
     kind = "integer", default = 10},
  },
  example = "sangtao scripts/top-models.lua --year 2023 --top 5 -o tieu-bieu.md",
})
local c = opts.campaign

local r = cli.report(opts, "Mô hình mới, cách làm sáng tạo tiêu biểu năm " .. c.year)
btv.write_top(r, c, opts)
cli.finish(r, opts)
