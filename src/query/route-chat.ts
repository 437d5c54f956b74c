/**
 * A plain question becomes a command by what it names: a region and an indicator make a /target (with
 * 目标, 预期, 今年…) or a /figure; an indicator with 对比/各地 makes a /compare; anything else is an /ask.
 */
import type { Analysis } from "./analyze.ts";
import type { Command } from "./command.ts";

// Words that ask for a figure without adding a subject of their own.
const FILLER =
  /目标|预期|计划|多少|是|的|了|今年|去年|明年|全年|增长|增速|增幅|达到|完成|实现|情况|数据|数值|有|为|呢|吗|啊|请问|查询|一下|年|总额|多大|几|怎么样|如何|一共|共|\d+|[\p{P}\s]/gu;

export function chatCommand(a: Analysis): Command {
  const year = a.years[0] ?? null;
  const region = a.regions.length === 1 ? a.regions[0] : undefined;
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
