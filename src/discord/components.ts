/**
 * Components under an answer: 查看原文 for cited paragraphs, a link to the report, ◀ 上一页 / 下一页 ▶ for
 * /ask, buttons that re-run a command with a region the user picks or as a full-text search, and the
 * /compare "查看原文…" menu (one option per region). At most five rows; ids from custom-id.ts.
 */
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  type APIStringSelectComponent,
  ButtonStyle,
  ComponentType,
} from "discord.js";
import type { Answer, Citation } from "../answer/schema.ts";
import { askId, moreId, pageId, quotesId, rerunId, sourceId, sourceMenuId } from "./custom-id.ts";
import type { CompareCommand, LookupCommand } from "./view.ts";

export type ComponentRow = APIActionRowComponent<APIComponentInMessageActionRow>;

export interface Paging {
  question: string;
  year: number | null;
}

const PER_ROW = 5;
const MAX_ROWS = 5;
// Two rows of source buttons at most: more citations than that is a /compare answer, which gets a menu.
const MAX_SOURCE_BUTTONS = 10;
const MENU_OPTIONS = 25;

type Style = ButtonStyle.Primary | ButtonStyle.Secondary;

export function button(
  customId: string,
  label: string,
  style: Style = ButtonStyle.Secondary,
): APIButtonComponent {
  return { type: ComponentType.Button, custom_id: customId, label: label.slice(0, 80), style };
}

export function linkButton(url: string, label: string): APIButtonComponent {
  return { type: ComponentType.Button, style: ButtonStyle.Link, url, label };
}

/** Buttons in rows of five; Discord rejects two components with one custom id, so repeats are dropped. */
export function rowsOf(buttons: APIButtonComponent[]): ComponentRow[] {
  const seen = new Set<string>();
  const unique = buttons.filter((b) => {
    const key = "custom_id" in b ? b.custom_id : "url" in b ? `url:${b.url}` : "";
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const rows: ComponentRow[] = [];
  for (let i = 0; i < unique.length; i += PER_ROW) {
    rows.push({ type: ComponentType.ActionRow, components: unique.slice(i, i + PER_ROW) });
  }
  return rows;
}

/** 查看原文 (one citation) or 原文 1…n (several); none for /source, which already is the paragraph. */
export function sourceButtons(answer: Answer): APIButtonComponent[] {
  if (answer.command === "source") return [];
  const cited = answer.citations.slice(0, MAX_SOURCE_BUTTONS);
  const single = cited.length === 1;
  return cited.flatMap((c, i) => {
    const id = sourceId(c.id);
    return id ? [button(id, single ? "查看原文" : `原文 ${i + 1}`)] : [];
  });
}

/**
 * ◀ 上一页 / 下一页 ▶ for an /ask page. With an owner, only they can turn the shared message's page (the
 * router answers anyone else privately); without one (older callers) the id is the anyone-may-press kind.
 */
export function pagingButtons(answer: Answer, paging: Paging, owner?: string): APIButtonComponent[] {
  const page = answer.page?.page ?? 1;
  const id = (to: number) =>
    owner ? pageId(paging.question, to, paging.year, owner).id : moreId(paging.question, to, paging.year).id;
  const out: APIButtonComponent[] = [];
  if (page > 1) out.push(button(id(page - 1), "◀ 上一页"));
  if (answer.page?.hasMore) out.push(button(id(page + 1), "下一页 ▶", ButtonStyle.Primary));
  return out;
}

/** One button per candidate region, re-running the same /target or /figure with it. */
export function regionButtons(candidates: readonly string[], c: LookupCommand): APIButtonComponent[] {
  return candidates.slice(0, PER_ROW).flatMap((region) => {
    const id = rerunId(c.name, region, c.indicator, c.year);
    return id ? [button(id, region, ButtonStyle.Primary)] : [];
  });
}

/** 改用全文搜索: the same words as an /ask. */
export function fullTextButton(words: string, year: number | null): APIButtonComponent[] {
  const id = askId(words, year);
  return id ? [button(id, "改用全文搜索", ButtonStyle.Primary)] : [];
}

/**
 * The /compare quotes behind one menu: one option per region (its value and the start of its quote),
 * opening that region's quote privately. Past 25 regions the last option opens the next group.
 */
export function quoteMenu(
  answer: Answer,
  c: CompareCommand,
  labels: readonly { region: string; value: string }[],
  offset = 0,
): ComponentRow[] {
  const id = quotesId(c.kind, c.level, c.year, c.indicator);
  const all = answer.citations;
  if (!id || all.length === 0) return [];
  const rest = all.length - offset;
  const room = rest > MENU_OPTIONS ? MENU_OPTIONS - 1 : MENU_OPTIONS;
  const options: { label: string; value: string; description?: string }[] = all
    .slice(offset, offset + room)
    .flatMap((cit, k) => (cit.id ? [menuOption(cit, labels[offset + k])] : []));
  if (rest > room) {
    const next = offset + room;
    options.push({
      label: `更多地区（第${next + 1}—${Math.min(all.length, next + room)}个）…`,
      value: `@${next}`,
    });
  }
  const menu: APIStringSelectComponent = {
    type: ComponentType.StringSelect,
    custom_id: id,
    placeholder: offset ? `查看原文…（第${offset + 1}个起）` : "查看原文…",
    min_values: 1,
    max_values: 1,
    options,
  };
  return [{ type: ComponentType.ActionRow, components: [menu] }];
}

/** An option's description, 1–100 characters, or none. */
function described(text: string): { description?: string } {
  const t = text.trim();
  if (!t) return {};
  return { description: t.length > 90 ? `${t.slice(0, 89)}…` : t };
}

function menuOption(c: Citation, label?: { region: string; value: string }) {
  const name = label ? `${label.region} · ${label.value}` : c.region;
  // From the indicator's own words on: "今年经济社会发展主要预期目标是：" says nothing a menu needs.
  const at = c.marks?.find((m) => m.kind === "term")?.start ?? 0;
  const quote = `${at > 0 ? "…" : ""}${c.quote.slice(at)}`.replace(/\s+/g, " ");
  return { label: (name || `第${c.paragraph}段`).slice(0, 100), value: c.id, ...described(quote) };
}

/**
 * An answer with many quotes (a /trend series, a /check table) keeps its text and puts the quotes behind
 * "查看原文…" menus of 25, each option opening that paragraph privately; at most `rows` menus.
 */
export function sourceMenus(citations: readonly Citation[], rows: number): ComponentRow[] {
  const out: ComponentRow[] = [];
  const seen = new Set<string>();
  const unique = citations.filter((c) => c.id !== "" && !seen.has(c.id) && seen.add(c.id));
  for (let i = 0; i < unique.length && out.length < rows; i += MENU_OPTIONS) {
    const group = unique.slice(i, i + MENU_OPTIONS);
    const menu: APIStringSelectComponent = {
      type: ComponentType.StringSelect,
      custom_id: sourceMenuId(out.length),
      placeholder:
        unique.length > MENU_OPTIONS ? `查看原文…（第${i + 1}—${i + group.length}条）` : "查看原文…",
      min_values: 1,
      max_values: 1,
      options: group.map((c, k) => {
        const quote = c.quote.replace(/\s+/g, " ");
        return {
          label: `[${i + k + 1}] ${c.report} 第${c.paragraph}段`.slice(0, 100),
          value: c.id,
          ...described(quote || c.section),
        };
      }),
    };
    out.push({ type: ComponentType.ActionRow, components: [menu] });
  }
  return out;
}

/** At most five rows: a menu row counts as one. */
export function capRows(rows: ComponentRow[]): ComponentRow[] {
  return rows.slice(0, MAX_ROWS);
}
