/**
 * Sample chart inputs (2024 GDP growth targets as the reports word them) for tests and docs; run this file
 * with tsx to redraw docs/compare-example.png.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type ChartInput, renderCompareChart } from "./compare-chart.ts";

export const exampleInput: ChartInput = {
  title: "地区生产总值增长预期目标（2024年）",
  subtitle: "各地政府工作报告中的数值目标，按目标值从高到低排列",
  unit: "%",
  rows: [
    { label: "荔湾", valueText: "6.5%", value: 6.5 },
    { label: "历城", valueText: "6%", value: 6 },
    { label: "四川", valueText: "5.5%左右", value: 5.5 },
    { label: "临淄", valueText: "5.5%以上", value: 5.5 },
    { label: "浙江", valueText: "5%—5.5%", value: 5, low: 5, high: 5.5 },
    { label: "临安", valueText: "5%以上", value: 5 },
    { label: "全国", valueText: "5%左右", value: 5 },
    { label: "北京", valueText: "5%左右", value: 5 },
    { label: "广东", valueText: "4.5%—5%", value: 4.5, low: 4.5, high: 5 },
    { label: "天津", valueText: "4.5%", value: 4.5 },
  ],
  missing: [],
  footer:
    "数据来源：2024年国务院政府工作报告；北京市、天津市、浙江省、广东省、四川省2024年政府工作报告；" +
    "广州市荔湾区、济南市历城区、淄博市临淄区、杭州市临安区2024年政府工作报告。",
};

const SYNTHETIC_NAMES = [
  "北京",
  "天津",
  "河北",
  "山西",
  "内蒙古",
  "辽宁",
  "吉林",
  "黑龙江",
  "上海",
  "江苏",
  "浙江",
  "安徽",
  "福建",
  "江西",
  "山东",
  "河南",
  "湖北",
  "湖南",
  "广东",
  "广西",
  "海南",
  "重庆",
  "四川",
  "贵州",
  "云南",
  "西藏",
  "陕西",
  "甘肃",
  "青海",
  "宁夏",
  "新疆",
  "荔湾",
  "历城",
  "临淄",
  "临安",
  "越秀",
  "天河",
  "海珠",
  "市中",
  "槐荫",
  "张店",
  "周村",
  "余杭",
  "萧山",
  "富阳",
  "西湖",
  "拱墅",
  "滨江",
  "黄埔",
  "番禺",
];

/** `n` regions (up to 50) with a mix of plain, "以上"/"左右" and range targets, sorted high to low. */
export function syntheticInput(n: number): ChartInput {
  const rows = SYNTHETIC_NAMES.slice(0, n).map((label, i) => {
    const value = 4 + ((i * 7) % 13) * 0.25; // 4% to 7% in quarter steps, spread without randomness
    if (i % 9 === 4)
      return { label, valueText: `${value}%—${value + 0.5}%`, value, low: value, high: value + 0.5 };
    const suffix = ["", "左右", "以上"][i % 3];
    return { label, valueText: `${value}%${suffix}`, value };
  });
  rows.sort((a, b) => b.value - a.value);
  return {
    title: `地区生产总值增长预期目标（2024年，${n}个地区）`,
    unit: "%",
    rows,
    missing: [{ label: "临安区", reason: "与经济增长保持同步" }],
    footer: "数据来源：各地区2024年政府工作报告（合成数据，仅用于测试版式）。",
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = new URL("../../docs/compare-example.png", import.meta.url);
  writeFileSync(out, renderCompareChart(exampleInput));
  console.log(`wrote ${fileURLToPath(out)}`);
}
