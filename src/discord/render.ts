/**
 * The Discord rendering of the shared answer model: one embed (the answer line first, then each quote as
 * a block quote with its numbers bold, then a short citation linking the report), components, and
 * optional files. Every limit Discord enforces is respected here, so a long answer is shortened rather
 * than rejected by the API. /compare has its own compact layout (render-compare.ts), /help its own text
 * (render-help.ts).
 */
import type { APIButtonComponent, APIEmbed, APIEmbedField } from "discord.js";
import { ERROR_TITLES } from "../answer/messages.ts";
import type { Answer, Citation } from "../answer/schema.ts";
import {
  type ComponentRow,
  capRows,
  fullTextButton,
  linkButton,
  type Paging,
  pagingButtons,
  regionButtons,
  rowsOf,
  sourceButtons,
  sourceMenus,
} from "./components.ts";
import { clipLines, cutAtSentence, escapeText, markedQuote, neutralizeMentions } from "./markdown.ts";
import { renderCompare } from "./render-compare.ts";
import { type HelpInfo, renderHelp } from "./render-help.ts";
import { type RenderView, reportOf } from "./view.ts";

export const LIMITS = {
  content: 2000,
  title: 256,
  description: 4096,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  fields: 25,
  embedTotal: 6000,
  choices: 25,
  choiceName: 100,
} as const;

/** Nothing an answer says can ping: no @everyone, roles or users, not even the user who asked. */
export const NO_MENTIONS = { parse: [] as never[], repliedUser: false };

export interface ReplyFile {
  attachment: Buffer;
  name: string;
}

/** Options for interaction.reply / editReply / update and message.reply alike. */
export interface ReplyPayload {
  content?: string;
  embeds: APIEmbed[];
  components: ComponentRow[];
  files?: ReplyFile[];
  allowedMentions: typeof NO_MENTIONS;
}

export interface RenderOptions {
  /** The /ask question and year, so the reply can offer ◀ 上一页 / 下一页 ▶. */
  paging?: Paging;
  /** A picture for the embed (the /compare chart): attached and shown as the embed's image. */
  image?: ReplyFile;
  /** Who asked, the command, report links (see view.ts). */
  view?: RenderView & { help?: HelpInfo };
}

const TITLES: Record<string, string> = {
  target: "预期目标",
  figure: "实际完成",
  compare: "各地区对比",
  ask: "报告原文检索",
  check: "目标完成情况",
  trend: "历年目标与实际",
  source: "报告原文",
  reports: "已收录的报告",
  help: "政报通 · 用法",
};
export const COLORS = { ok: 0x2f6fde, notFound: 0x8a94a6, problem: 0xe3a008 };
const ANSWER_MAX = 1800;
const QUOTE_MAX = 700;
const QUOTE_MIN = 60;
const OMITTED_RESERVE = 40;
const SECTION_MAX = 40;
/** Quotes shown in the embed itself; past this they go behind menus (a phone screen holds about five). */
const MAX_INLINE_QUOTES = 6;
const MAX_ROWS_OF_MENUS = 4;

export function renderAnswer(answer: Answer, opts: RenderOptions = {}): ReplyPayload {
  const view = opts.view ?? {};
  if (answer.command === "help" && view.help) {
    return { embeds: [renderHelp(view.help)], components: [], allowedMentions: NO_MENTIONS };
  }
  if (answer.command === "compare" && answer.ok && answer.chart)
    return withNote(renderCompare(answer, opts), view);
  if (manyQuotes(answer)) return withNote(renderQuotesBehindMenus(answer, opts), view);
  const head = renderHead(answer.answer);
  const isSource = answer.command === "source";
  const preface = !answer.ok && answer.citations.length ? "\n\n最接近的段落：" : "";
  const { text: quotes, cutSource } = renderCitations(
    answer.citations,
    LIMITS.description - head.length - preface.length - 2,
    isSource ? LIMITS.description : QUOTE_MAX,
    view,
  );
  const embed: APIEmbed = {
    title: answer.error ? ERROR_TITLES[answer.error.code] : (TITLES[answer.command] ?? "政报通"),
    description: quotes ? `${head}${preface}\n\n${quotes}` : head,
    color: answer.ok ? COLORS.ok : answer.error?.code === "not_found" ? COLORS.notFound : COLORS.problem,
  };
  const report = singleReport(answer.citations, view);
  if (report?.url && answer.ok) embed.url = report.url;
  const buttons = actionButtons(answer, view);
  const choices = buttons.some((b) => b.kind === "choice");
  const fields = choices ? [] : suggestionFields(answer);
  if (fields.length) embed.fields = fields;
  if (choices) embed.description += "\n-# 点下方的地区，直接看答案。";
  if (opts.paging && answer.page) embed.footer = { text: pagingFooter(opts.paging, answer.page.page) };
  const files: ReplyFile[] = [];
  if (opts.image) {
    files.push(opts.image);
    embed.image = { url: `attachment://${opts.image.name}` };
  }
  if (cutSource) {
    // /source is the "full text" click: when even it must be cut, the whole paragraph comes as a file.
    files.push({
      attachment: Buffer.from(cutSource.quote, "utf8"),
      name: `${cutSource.id.replace("#", "-")}.txt`,
    });
    embed.description += "\n\n（段落较长，全文见附件。）";
  }
  const link = report?.url ? [linkButton(report.url, "打开报告原文")] : [];
  const rows = [
    ...rowsOf(buttons.map((b) => b.button)),
    ...rowsOf(sourceButtons(answer)),
    ...rowsOf([
      ...(opts.paging && answer.page ? pagingButtons(answer, opts.paging, view.owner) : []),
      ...link,
    ]),
  ];
  return withNote(
    {
      embeds: [embed],
      components: capRows(rows),
      ...(files.length ? { files } : {}),
      allowedMentions: NO_MENTIONS,
    },
    view,
  );
}

/**
 * More quotes than a phone screen holds (a /trend series cites two paragraphs a year): the answer's own
 * lines stay, the quotes go behind "查看原文…" menus. /ask pages three at a time and /source is one.
 */
function manyQuotes(answer: Answer): boolean {
  return (
    answer.citations.length > MAX_INLINE_QUOTES && answer.command !== "ask" && answer.command !== "source"
  );
}

function renderQuotesBehindMenus(answer: Answer, opts: RenderOptions): ReplyPayload {
  const head = renderHead(answer.answer);
  const n = new Set(answer.citations.map((c) => c.id)).size;
  const embed: APIEmbed = {
    title: answer.error ? ERROR_TITLES[answer.error.code] : (TITLES[answer.command] ?? "政报通"),
    description: `${head}\n-# 引用 ${n} 段原文：见下方“查看原文…”`,
    color: answer.ok ? COLORS.ok : COLORS.notFound,
  };
  const files = opts.image ? [opts.image] : [];
  if (opts.image) embed.image = { url: `attachment://${opts.image.name}` };
  return {
    embeds: [embed],
    components: capRows(sourceMenus(answer.citations, MAX_ROWS_OF_MENUS)),
    ...(files.length ? { files } : {}),
    allowedMentions: NO_MENTIONS,
  };
}

function withNote(payload: ReplyPayload, view: RenderView): ReplyPayload {
  return view.note ? { ...payload, content: cutAtSentence(view.note, LIMITS.content).text } : payload;
}

/** A short message of our own (rate limit, expired button, internal error). */
export function renderNotice(text: string): ReplyPayload {
  return {
    content: cutAtSentence(text, LIMITS.content).text,
    embeds: [],
    components: [],
    allowedMentions: NO_MENTIONS,
  };
}

/**
 * Ways out of a dead end: the candidate regions as buttons re-running the same lookup, and for a lookup
 * that found nothing, 改用全文搜索 with the same words.
 */
function actionButtons(
  answer: Answer,
  view: RenderView,
): { kind: "choice" | "search"; button: APIButtonComponent }[] {
  const c = view.command;
  const code = answer.error?.code;
  if (!c || !code) return [];
  if (
    (code === "ambiguous_region" || code === "unknown_region") &&
    (c.name === "target" || c.name === "figure")
  ) {
    // Unknown: the three closest names (the engine falls back to the first regions when none is close).
    const candidates = answer.error?.suggestions ?? [];
    const buttons = regionButtons(code === "unknown_region" ? candidates.slice(0, 3) : candidates, c);
    return buttons.map((button) => ({ kind: "choice", button }));
  }
  if (code !== "not_found") return [];
  const words =
    c.name === "target" || c.name === "figure"
      ? `${c.region} ${c.indicator}`
      : c.name === "compare"
        ? c.indicator
        : c.name === "chat"
          ? c.text
          : "";
  const year = "year" in c ? c.year : null;
  return fullTextButton(words.trim(), year).map((button) => ({ kind: "search", button }));
}

/** The answer's first line in bold, the rest as it is; both escaped. */
export function renderHead(answer: string): string {
  const [first = "", ...rest] = answer.split("\n");
  const line = cutAtSentence(first, 400).text;
  const bolded = line.trim() ? `**${escapeText(line)}**` : "";
  return clipLines([bolded, ...rest.map((t) => escapeText(t))], ANSWER_MAX);
}

/** The one report every citation comes from, with its link, or null when they come from several. */
function singleReport(citations: readonly Citation[], view: RenderView) {
  const ids = new Set(citations.map((c) => reportOf(c.id)));
  if (ids.size !== 1) return null;
  return view.reports?.get([...ids][0] as string) ?? null;
}

/**
 * `——《2023年临淄区政府工作报告》第19段`, the title linking to the report where its address is known, and
 * the section and citation id in small text (what /source takes). 第N段 as in the terminal and /source.
 */
export function citationLine(c: Citation, view: RenderView = {}): string {
  const title = `《${escapeText(c.report, false).replace(/[[\]]/g, "")}》`;
  const url = view.reports?.get(reportOf(c.id))?.url;
  const linked = url ? `[${title}](${url})` : title;
  const section = cutAtSentence(c.section, SECTION_MAX).text;
  return `——${linked}第${c.paragraph}段\n-# ${escapeText(section, false)} · ${c.id}`;
}

function quoteBlock(c: Citation, n: number, max: number, numbered: boolean, view: RenderView) {
  const q = markedQuote(c.quote.replace(/\s*\n\s*/g, " "), c.marks, max);
  return { text: `> ${numbered ? `[${n}] ` : ""}${q.text}\n${citationLine(c, view)}`, cut: q.cut };
}

/**
 * Citations in order while they fit the room left in the description; each quote is shortened (at a
 * sentence end) until its block fits, and citations that do not fit at all are counted, not dropped silently.
 */
function renderCitations(citations: Citation[], room: number, quoteMax: number, view: RenderView) {
  const blocks: string[] = [];
  let left = room - OMITTED_RESERVE;
  let cutSource: Citation | null = null;
  const numbered = citations.length > 1;
  for (const [i, c] of citations.entries()) {
    let max = Math.min(quoteMax, c.quote.length);
    let block = quoteBlock(c, i + 1, max, numbered, view);
    while (block.text.length + 2 > left && max > QUOTE_MIN) {
      max = Math.floor(max * 0.8);
      block = quoteBlock(c, i + 1, max, numbered, view);
    }
    if (block.text.length + 2 > left) break;
    blocks.push(block.text);
    left -= block.text.length + 2;
    if (block.cut && quoteMax === LIMITS.description) cutSource = c;
  }
  const omitted = citations.length - blocks.length;
  if (omitted > 0) blocks.push(`（另有 ${omitted} 条引用未能显示。）`);
  return { text: blocks.join("\n\n"), cutSource };
}

function suggestionFields(answer: Answer): APIEmbedField[] {
  const s = answer.error?.suggestions;
  // An unknown region's message names the closest already; a long list would only repeat the corpus.
  if (!s?.length || s.length > 12 || answer.error?.code === "unknown_region") return [];
  const value = clipLines([s.map((t) => escapeText(t)).join("、")], LIMITS.fieldValue);
  return [{ name: "可以试试", value }];
}

function pagingFooter(paging: Paging, page: number): string {
  const year = paging.year ? ` · ${paging.year}年` : "";
  const text = `第${page}页${year} · 问题：${neutralizeMentions(paging.question)}`;
  return cutAtSentence(text, 1000).text;
}

/** The question an /ask reply was for, read back from its footer (for questions too long for a custom id). */
export function questionFromEmbed(embed: { footer?: { text?: string } | null } | undefined): string | null {
  const text = embed?.footer?.text;
  const m = text?.match(/问题：(.*)$/su);
  // Questions are at most 500 characters (the router's limit), so the 1000-character footer never cuts one.
  if (!m?.[1]) return null;
  return m[1].replace(/\u200b/g, "");
}

/** Total characters Discord counts against the 6000 limit of one embed. */
export function embedLength(e: APIEmbed): number {
  const fields = (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.author?.name.length ?? 0) +
    fields
  );
}
