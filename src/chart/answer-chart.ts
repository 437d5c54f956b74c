/**
 * The picture for an answer, whichever command drew it: the /compare bar chart or the /trend line chart.
 * Front ends (the bot's worker, the CLI's --chart) call this one function.
 */
import type { Answer } from "../answer/schema.ts";
import { renderCompareChart } from "./compare-chart.ts";

export { chartFileName } from "./chart-name.ts";

import { renderTrendChart } from "./trend-chart.ts";

export function answerChart(answer: Answer): Buffer | null {
  if (answer.chart) return renderCompareChart(answer.chart);
  if (answer.series && answer.ok) return renderTrendChart(answer.series);
  return null;
}
