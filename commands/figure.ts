/** /figure 地区 指标 [年份]: what a region's report says was achieved, with the quote. */
import { regionIndicatorCommand } from "../src/discord/options.ts";

export const { data, execute } = regionIndicatorCommand({
  name: "figure",
  zhName: "数据",
  twName: "數據",
  description: "What a region's work report says was achieved on an indicator, with the quote",
  zhDescription: "查询某地区某指标的实际完成数据，附报告原文",
  twDescription: "查詢某地區某指標的實際完成數據，附報告原文",
});

export { autocompleteRegionIndicator as autocomplete } from "../src/discord/options.ts";
