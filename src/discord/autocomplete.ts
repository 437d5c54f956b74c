/**
 * Autocomplete for region, indicator and citation ids over the engine's name index (MiniSearch: prefix
 * and fuzzy search over names, aliases, terms and pinyin with its initials). Discord asks on every
 * keystroke and gives us 3 s in total; the index is in memory and answers in well under a millisecond.
 */
import { LRUCache } from "lru-cache";
import type { Answer } from "../answer/schema.ts";
import type { NameHit, NameIndex } from "../search/names.ts";
import { normName } from "../search/names.ts";
import type { ReportInfo } from "../search/store.ts";
import { cutAtSentence } from "./markdown.ts";
import { LIMITS } from "./render.ts";

export interface Choice {
  name: string;
  value: string;
}

interface RecentCitation {
  id: string;
  label: string;
}

const RECENT_PER_USER = 15;

export class Autocomplete {
  /** The citations of each user's recent answers, newest first: what /source is most often asked for. */
  private readonly recent = new LRUCache<string, RecentCitation[]>({ max: 10_000 });

  /** Registered command ids seen on interactions: /help's clickable mentions. */
  private readonly commandIdsSeen = new Map<string, string>();

  constructor(private readonly names: NameIndex) {}

  learnCommand(name: string, id: string): void {
    if (this.commandIdsSeen.size < 100) this.commandIdsSeen.set(name, id);
  }

  commandIds(): ReadonlyMap<string, string> {
    return this.commandIdsSeen;
  }

  region(typed: string): Choice[] {
    return this.names
      .search("region", String(typed ?? ""), LIMITS.choices)
      .map((h) => choice(h, h.entry.label));
  }

  /** Shows the synonym that matched: typing "GDP" offers "地区生产总值（GDP）". */
  indicator(typed: string): Choice[] {
    const q = normName(String(typed ?? ""));
    return this.names.search("indicator", String(typed ?? ""), LIMITS.choices).map((h) => {
      const { entry } = h;
      const hit =
        q && !normName(entry.value).includes(q)
          ? entry.words.find((w) => normName(w).includes(q))
          : undefined;
      return choice(h, hit && hit !== entry.value ? `${entry.label}（${hit}）` : entry.label);
    });
  }

  /** Keeps the citations an answer showed, for this user's /source autocomplete. */
  remember(userId: string, answer: Answer): void {
    if (answer.command === "source" || answer.citations.length === 0) return;
    const mine = this.recent.get(userId) ?? [];
    const fresh = answer.citations.map((c) => ({ id: c.id, label: `${c.report} 第${c.paragraph}段` }));
    const ids = new Set(fresh.map((c) => c.id));
    this.recent.set(userId, [...fresh, ...mine.filter((c) => !ids.has(c.id))].slice(0, RECENT_PER_USER));
  }

  /**
   * /source choices: this user's recent citations first, then reports by id or title. A report alone is
   * not a citation, so its choice opens the first paragraph; typing "linzi-2023#57" offers that paragraph.
   */
  source(userId: string, typed: string, reportById: ReadonlyMap<string, ReportInfo>): Choice[] {
    const q = normName(String(typed ?? ""));
    const out: Choice[] = [];
    const add = (value: string, name: string) => {
      if (out.length < LIMITS.choices && !out.some((c) => c.value === value)) {
        out.push({ name: cutAtSentence(name, LIMITS.choiceName).text, value: value.slice(0, 80) });
      }
    };
    const exact = String(typed ?? "")
      .trim()
      .toLowerCase()
      .match(/^([a-z0-9-]+)#(\d{1,5})$/);
    const report = exact ? reportById.get(exact[1] as string) : undefined;
    if (exact && report && Number(exact[2]) <= report.paragraphCount) {
      add(`${report.id}#${Number(exact[2])}`, `${report.title} 第${Number(exact[2])}段`);
    }
    for (const c of this.recent.get(userId) ?? []) {
      if (!q || normName(c.id).includes(q) || normName(c.label).includes(q))
        add(c.id, `${c.label}（${c.id}）`);
    }
    const reportPart = String(typed ?? "").split("#")[0] ?? "";
    for (const h of this.names.search("report", reportPart, LIMITS.choices)) {
      add(`${h.entry.value}#1`, `${h.entry.label}（${h.entry.value}#段号）`);
    }
    return out;
  }
}

function choice(h: NameHit, label: string): Choice {
  return {
    name: cutAtSentence(label, LIMITS.choiceName).text,
    value: h.entry.value.slice(0, LIMITS.choiceName),
  };
}
