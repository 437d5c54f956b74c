/**
 * A plain question becomes a command by what it names: a region and an indicator make a /target (with
 * 目标, 预期, 今年…) or a /figure; an indicator with 对比/各地 makes a /compare; "…目标完成了吗" makes a
 * /check and "历年…", "…的变化" a /trend (全国 when no region is named); anything else is an /ask.
 */
import type { Analysis } from "./analyze.ts";
import type { Command } from "./command.ts";

// Words that ask for a figure without adding a subject of their own.
const FILLER =
  /目标|预期|计划|多少|是|的|了|今年|去年|明年|全年|增长|增速|增幅|达到|完成|实现|情况|数据|数值|有|为|呢|吗|啊|请问|查询|一下|年|总额|多大|几|怎么样|如何|一共|共|\d+|[\p{P}\s]/gu;

// "2019年GDP目标完成了吗", "河南去年的目标都完成了吗", "就业目标完成得怎么样", "CPI达标了吗".
const CHECK_CUE =
  /(完成|实现|达到|达成)(了|没有|没)?吗|完成得(怎么样|如何|好吗)|完成情况|完成了没|达标|(完成|实现)(了)?(预期)?目标/;
// "历年GDP目标和实际增速", "全国CPI的变化", "近二十年粮食产量走势".
const TREND_CUE = /历年|逐年|历来|多年来|这些年|的变化|变化情况|变化趋势|走势|趋势/;

export function chatCommand(a: Analysis): Command {
  const year = a.years[0] ?? null;
  const region = a.regions.length === 1 ? a.regions[0] : undefined;
  // A question about a region's or the country's record: no region named means the national reports.
  // "各地GDP目标完成了吗" compares regions: left to /compare below.
  const where = region?.region.name ?? (a.regions.length === 0 && !a.cues.compare ? "全国" : null);
  if (where && TREND_CUE.test(a.text) && a.indicator) {
    const [from = null, to = null] = [...a.years].sort((x, y) => x - y);
    return { name: "trend", region: where, indicator: a.indicator.phrase, from, to: to ?? null };
  }
  if (where && CHECK_CUE.test(a.text) && (a.indicator || /目标/.test(a.text))) {
    return { name: "check", region: where, indicator: a.indicator?.phrase ?? null, year };
  }
  if (a.indicator && region && isLookupQuestion(a)) {
    // A named region and indicator is a lookup; when the report has no such statement the answer is
    // not_found with the nearest passages, never a number from another region or indicator.
    const name = a.cues.target ? "target" : "figure";
    return { name, region: region.region.name, indicator: a.indicator.phrase, year };
  }
  if (a.indicator && a.regions.length === 0 && a.cues.compare) {
    const kind = a.cues.target ? "target" : "actual";
    return { name: "compare", indicator: a.indicator.phrase, kind, year, level: null };
  }
  return { name: "ask", question: a.text, year: null, page: 1 };
}

/**
 * "临淄今年GDP目标是多少" asks for the indicator; "荔湾发放消费券拉动消费多少" only contains an
 * indicator word (消费) and is a free question: little may remain once region, indicator and filler go.
 */
function isLookupQuestion(a: Analysis): boolean {
  const phrase = a.indicator?.phrase.toLowerCase() ?? "";
  const rest = a.residue.toLowerCase().split(phrase).join("");
  return rest.replace(FILLER, "").length <= 2;
}
