import { describe, expect, test } from "vitest";
import { CUSTOM_ID_MAX, decodeCustomId, moreId, sourceId } from "../../src/discord/custom-id.ts";

describe("custom ids", () => {
  test.each([
    ["临淄新建了多少充电桩", 2, null],
    ["GDP: 目标 page:3 year:2020 还有冒号", 5, 2024],
    ["a", 99, 1999],
  ])("round-trips 更多结果 for %s (page %i, year %s)", (question, page, year) => {
    const { id, inline } = moreId(question, page, year);
    expect(inline).toBe(true);
    expect(id.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
    expect(decodeCustomId(id)).toEqual({ kind: "more", page, year, question });
  });

  test("leaves a question too long for 100 characters out of the id instead of cutting it", () => {
    const question = "临淄".repeat(60);
    const { id, inline } = moreId(question, 2, 2023);
    expect(inline).toBe(false);
    expect(id.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
    expect(decodeCustomId(id)).toEqual({ kind: "more", page: 2, year: 2023, question: null });
  });

  test("round-trips 查看原文", () => {
    const id = sourceId("linzi-2023#19");
    expect(id).toBe("zb1:src:linzi-2023#19");
    expect(decodeCustomId(id ?? "")).toEqual({ kind: "source", citation: "linzi-2023#19" });
  });

  test("gives no source id for a citation it could not decode again", () => {
    expect(sourceId("Linzi 2023#19")).toBeNull();
    expect(sourceId(`${"a".repeat(100)}#1`)).toBeNull();
  });

  test.each([
    ["", "malformed"],
    ["hello", "malformed"],
    ["zb1", "malformed"],
    ["zb1:src:", "malformed"],
    ["zb1:src:../../etc#1", "malformed"],
    ["zb1:more:x::问题", "malformed"],
    ["zb1:more:0::问题", "malformed"],
    ["zb1:more:2:20245:问题", "malformed"],
    ["zb1:boom:1", "malformed"],
    ["zb0:more:2::问题", "expired"],
    ["zb2:src:linzi-2023#19", "expired"],
    [`zb1:src:${"a".repeat(120)}`, "malformed"],
  ])("answers a malformed or stale id %j as invalid (%s), never throwing", (raw, reason) => {
    expect(decodeCustomId(raw)).toEqual({ kind: "invalid", reason });
  });
});
