/** /target 地区 指标 [年份]: the target a region's report sets for an indicator, with the quote. */
import { regionIndicatorCommand } from "../src/discord/options.ts";

export const { data, execute } = regionIndicatorCommand({
  name: "target",
  zhName: "目标",
  twName: "目標",
  description: "What a region's work report aims for on an indicator, with the quote",
  zhDescription: "查询某地区某指标的预期目标，附报告原文",
  twDescription: "查詢某地區某指標的預期目標，附報告原文",
});

export { autocompleteRegionIndicator as autocomplete } from "../src/discord/options.ts";
