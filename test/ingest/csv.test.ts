import { describe, expect, test } from "vitest";
import { parseCsv, parseCsvRecords } from "../../src/ingest/csv.ts";

describe("parseCsv", () => {
  test("quoted fields hold commas, doubled quotes and line breaks", () => {
    const text = '\uFEFFprovince,full_text\r\n河南省,"下载\n打印\n各位代表：\n他说：""好""，对。"\r\n';
    expect(parseCsv(text)).toEqual([
      ["province", "full_text"],
      ["河南省", '下载\n打印\n各位代表：\n他说："好"，对。'],
    ]);
  });

  test("records are keyed by the header; a short row is an error naming the row", () => {
    expect(parseCsvRecords("a,b\n1,2\n")).toEqual([{ a: "1", b: "2" }]);
    expect(() => parseCsvRecords("a,b\n1\n")).toThrow(/row 2/);
  });

  test("an unterminated quote is an error, not a silently merged file", () => {
    expect(() => parseCsv('a\n"open')).toThrow(/unterminated/);
  });
});
