/** Scoring of one eval line against one JSON answer, per ../shared/eval/README.md. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Answer, AnswerSchema } from "../answer/schema.ts";

export interface EvalLine {
  id: string;
  kind: "target" | "figure" | "ask" | "none" | "unknown-region" | "check" | "trend";
  ask: string;
  region?: string;
  want?: string[];
  forbid?: string[];
  quote?: string;
}

export interface LineScore {
  pass: boolean;
  why: string;
  quotes: number;
  verbatim: number;
}

/** Every text file under the corpus directory, for the verbatim-quote check. */
export function loadCorpusTexts(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".txt")) out.push(readFileSync(p, "utf8"));
    }
  };
  walk(dir);
  return out;
}

export function scoreLine(line: EvalLine, json: string, corpusTexts: readonly string[]): LineScore {
  let a: Answer;
  try {
    a = AnswerSchema.parse(JSON.parse(json));
  } catch (e) {
    return {
      pass: false,
      why: `not a valid answer: ${(e as Error).message.slice(0, 80)}`,
      quotes: 0,
      verbatim: 0,
    };
  }
  const quotes = a.citations.length;
  const verbatim = a.citations.filter((c) => corpusTexts.some((t) => t.includes(c.quote))).length;
  const why = check(line, a);
  return { pass: why === "" && verbatim === quotes, why: why || "quote not verbatim", quotes, verbatim };
}

function check(line: EvalLine, a: Answer): string {
  const want = line.want ?? [];
  const forbid = line.forbid ?? [];
  const inRegion = (region: string) => !line.region || region.startsWith(line.region);
  const wantsOk = want.every((w) => a.answer.includes(w));
  const forbidOk = !forbid.some((f) => a.answer.includes(f));
  const quoteIn = (n: number, regional: boolean) =>
    a.citations
      .slice(0, n)
      .some((c) => (!regional || inRegion(c.region)) && c.quote.includes(line.quote ?? ""));
  switch (line.kind) {
    case "target":
    case "figure":
      if (!a.ok) return `ok=false (${a.error?.code})`;
      if (a.facts.length === 0) return "no facts";
      if (!inRegion(a.facts[0]?.region ?? "")) return `facts[0] region ${a.facts[0]?.region}`;
      if (!wantsOk) return `answer lacks ${want.filter((w) => !a.answer.includes(w)).join(",")}: ${a.answer}`;
      if (!forbidOk) return "answer has a forbidden string";
      return quoteIn(3, true) ? "" : "quote not in the first three citations";
    // /check and /trend (eval/public.jsonl): a verdict or a series, the wants, the quote among the citations
    // (a trend cites every year, so anywhere in its list).
    case "check":
    case "trend": {
      if (!a.ok) return `ok=false (${a.error?.code})`;
      if (line.kind === "check" ? !a.check && !a.checks : !a.series) return `no ${line.kind} in the answer`;
      if (!inRegion(a.facts[0]?.region ?? "")) return `facts[0] region ${a.facts[0]?.region}`;
      if (!wantsOk) return `answer lacks ${want.filter((w) => !a.answer.includes(w)).join(",")}: ${a.answer}`;
      if (!forbidOk) return "answer has a forbidden string";
      return quoteIn(a.citations.length, true) ? "" : "quote not among the citations";
    }
    case "ask":
      if (!a.ok) return `ok=false (${a.error?.code})`;
      if (a.citations[0]?.quote.includes(line.quote ?? "")) return "";
      if (wantsOk && quoteIn(3, true)) return "";
      return `first citation lacks the quote; answer: ${a.answer.slice(0, 60)}`;
    case "none":
      if (a.ok || a.error?.code !== "not_found") return `expected not_found, got ${a.error?.code ?? "ok"}`;
      if (a.facts.length) return "facts not empty";
      return forbidOk ? "" : "answer has a forbidden string";
    case "unknown-region":
      if (a.ok || a.error?.code !== "unknown_region")
        return `expected unknown_region, got ${a.error?.code ?? "ok"}`;
      return forbidOk ? "" : "answer has a forbidden string";
  }
}
