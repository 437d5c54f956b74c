import { describe, expect, test } from "vitest";
import { parseReport } from "../../src/corpus/structure.ts";
import { IngestError } from "../../src/ingest/ingest.ts";
import { cnNumber, dateOf, detectMetadata, type Overrides } from "../../src/ingest/metadata.ts";
import { regionSlug, shortName } from "../../src/ingest/regions.ts";

function detect(lines: string[], o: Overrides = {}, containerTitle?: string) {
  return detectMetadata(lines, parseReport("t", lines.join("\n")), o, containerTitle);
}

const HENAN = [
  "2026年河南省政府工作报告",
  "——2026年1月26日在河南省第十四届人民代表大会第四次会议上",
  "河南省人民政府省长 王凯",
  "各位代表：",
  "现在，我代表省人民政府，向大会报告工作，请予审议。",
  "一、“十四五”时期和2025年工作回顾",
  "过去的五年极不寻常。",
  "三、2026年重点工作安排",
  "主要预期目标是：经济增长5%左右。",
];

describe("detectMetadata", () => {
  test("reads title, region, level, year, date line, speaker and the review and target years", () => {
    const m = detect(HENAN);
    expect(m.title).toEqual({ value: "2026年河南省政府工作报告", from: "检测" });
    expect(m.region.value).toBe("河南省");
    expect(m.level.value).toBe("省");
    expect(m.year.value).toBe(2026);
    expect(m.id.value).toBe("henan-2026");
    expect(m.aliases.value).toEqual(["河南", "Henan"]);
    expect(m.dateLine).toBe("——2026年1月26日在河南省第十四届人民代表大会第四次会议上");
    expect(m.speakerLine).toBe("河南省人民政府省长 王凯");
    expect(m.published.value).toBe("2026-01-26");
    expect(m.reviewYear).toEqual({ value: 2025, from: "检测" });
    expect(m.targetYear).toEqual({ value: 2026, from: "检测" });
  });

  test("every field yields to a flag, and the origin says so", () => {
    const m = detect(HENAN, { region: "洛阳", year: 2025, level: "市", id: "luoyang-2025", title: "洛阳" });
    expect(m.region).toEqual({ value: "洛阳", from: "参数" });
    expect(m.year).toEqual({ value: 2025, from: "参数" });
    expect(m.level).toEqual({ value: "市", from: "参数" });
    expect(m.id.value).toBe("luoyang-2025");
  });

  test("a short province name from a flag becomes the official one", () => {
    expect(detect(HENAN, { region: "内蒙古" }).region.value).toBe("内蒙古自治区");
  });

  test("the national report: region 全国 from the meeting line, years default to Y-1 and Y", () => {
    const m = detect([
      "政府工作报告",
      "——2024年3月5日在第十四届全国人民代表大会第二次会议上",
      "国务院总理李　强",
      "各位代表：",
      "现在，我代表国务院，向大会报告政府工作。",
    ]);
    expect(m.region.value).toBe("全国");
    expect(m.level.value).toBe("国家");
    expect(m.title).toEqual({ value: "2024年国务院政府工作报告", from: "默认" });
    expect(m.aliases.value).toContain("国务院");
    expect(m.reviewYear).toEqual({ value: 2023, from: "默认" });
    expect(m.id.value).toBe("national-2024");
  });

  test("a district names itself in the opening sentence; old dates are written in Chinese numerals", () => {
    const m = detect([
      "政府工作报告",
      "——二〇二三年一月十日在淄博市临淄区第十九届人民代表大会第三次会议上",
      "各位代表：",
      "现在，我代表临淄区人民政府向大会报告工作。",
    ]);
    expect(m.region.value).toBe("淄博市临淄区");
    expect(m.level.value).toBe("区县");
    expect(m.published.value).toBe("2023-01-10");
  });

  test("a report that names no region is refused with the flag to use", () => {
    expect(() =>
      detect(["各位代表：", "现在，我向大会报告工作。", "一、2025年工作回顾"], { year: 2026 }),
    ).toThrow(IngestError);
    expect(() => detect(["各位代表：", "现在，我向大会报告工作。"], { year: 2026 })).toThrow(/--region/);
  });

  test("a report without a year is refused unless --year is given", () => {
    const lines = ["各位代表：", "现在，我代表临淄区人民政府向大会报告工作。"];
    expect(() => detect(lines)).toThrow(/--year/);
    expect(detect(lines, { year: 2023 }).year.value).toBe(2023);
  });
});

describe("numbers and names", () => {
  test.each([
    ["一九七八", 1978],
    ["二〇二六", 2026],
    ["十二", 12],
    ["二十六", 26],
    ["三十一", 31],
    ["九", 9],
    ["２００１", 2001],
  ])("cnNumber(%s) = %d", (s, n) => expect(cnNumber(s)).toBe(n));

  test("dateOf reads the date of a meeting line", () => {
    expect(dateOf("——一九七八年二月二十六日在第五届全国人民代表大会第一次会议上")).toBe("1978-02-26");
    expect(dateOf("（2026年1月27日在贵州省第十四届人民代表大会第四次会议上）")).toBe("2026-01-27");
  });

  test.each([
    ["河南省", "河南", "henan"],
    ["内蒙古自治区", "内蒙古", "neimenggu"],
    ["广西壮族自治区", "广西", "guangxi"],
    ["陕西省", "陕西", "shaanxi"],
    ["临淄区", "临淄", "linzi"],
  ])("%s: short name %s, id slug %s", (region, short, slug) => {
    expect(shortName(region)).toBe(short);
    expect(regionSlug(region)).toBe(slug);
  });
});
