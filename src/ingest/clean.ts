/**
 * Cleaning turns extracted text into paragraphs. It only removes clutter (page chrome, licence footers,
 * indentation, blank lines) and joins lines a layout or an inline link broke; it never edits the words
 * of a paragraph, so every sentence it returns is a substring of the source once line breaks are joined
 * (see `joinedSource`).
 */

export interface Cleaned {
  paragraphs: string[];
  /** Lines dropped as clutter, for the ingestion report. */
  removed: string[];
  /** How many line breaks inside a paragraph were joined. */
  joins: number;
  /** "blocks": paragraphs are separated by blank lines (wiki dumps); "lines": one paragraph per line. */
  layout: "blocks" | "lines";
}

const INVISIBLE = /\u200b|\u200c|\u200d|\u2060|\ufeff/g;

/** The source with its line breaks (and the whitespace around them) removed: what quotes are checked against. */
export function joinedSource(text: string): string {
  return text.replace(INVISIBLE, "").replace(/[^\S\n]*\r?\n\s*/g, "");
}

// Wikisource's licence block opens with one of these after the report's last paragraph:
// "本作品是中华人民共和国的\n法律\n、…属于\n公有领域\n。…Public domain\nPublic domain\nfalse\nfalse".
const LICENCE_START =
  /^(本作品是中华人民共和国的|本作品在全世界都属于公有领域|注：中文维基文库|Public domain$)/;

// Whole lines that are page furniture on government and newspaper sites.
const CHROME: RegExp[] = [
  /^(下载|打印|全屏|收藏|关闭|分享[:：]?|分享到[:：]?|【|】|分享到微信|打印本页|关闭窗口|返回顶部|字号|加大|还原|减小|默认|大|中|小|×|\||>|＞|首页)$/,
  /^【\s*(字号|字体)[:：]?.{0,12}$/,
  /^【\s*(大|中|小|打印本页|打印|关闭窗口|关闭|收藏|返回顶部)?\s*】$/,
  /^(来源|时间|发布时间|发表时间|发布日期|作者|编辑|责任编辑|阅读量|浏览次数|点击数|信息来源|文章来源)[：:].{0,40}$/,
  /^(您的位置|当前位置)[：:]?/,
  /^（来源[：:].{0,30}）$/,
  /^\d{4}-\d{1,2}-\d{1,2}( \d{1,2}:\d{2}(:\d{2})?)?$/,
  /^》》点击.{0,20}《《$/,
];
// Markers after which a page holds only related links and credits; "字库未存字注释：＠①原字石右加安" is a
// transcriber's note on missing glyphs, not the report.
const TAIL_CUT =
  /^(字库未存字注释[：:].*|相关(报道|文档|链接|新闻|阅读)[:：]?|责任编辑[：:].*|扫一扫在手机打开当前页|【?\s*打印本页\s*】?)$/;

const OPENING = /^各位代表[：:！!]?/;
// Title-block lines kept before "各位代表": the title, the date and meeting line, the speaker line.
const TITLE_LINE = /政府工作报告/;
export const DATE_LINE =
  /^[—―－\-─（(]*\s*([0-9０-９]{4}|[一二三四五六七八九〇○零]{4})年.{1,6}月.{1,6}日在(.+?)(会议|大会)上/;
export const SPEAKER_LINE =
  /(总理|省长|代省长|市长|代市长|区长|代区长|县长|代县长|主席|代主席|旗长)[\s\u3000]*[\u4e00-\u9fa5][\u4e00-\u9fa5\u3000 ·]{0,9}$/;

const OPENERS = /[《“（(【「‘，、]$/;
const CLOSERS = /^[》”）)】」’，。、；：！？%％]/;
const HAN = /[\u4e00-\u9fa5]/;
const END_PUNCT = /[。！？!?；;：:”’）)」』]$/;

export function isChrome(line: string): boolean {
  return CHROME.some((re) => re.test(line));
}

/** A unit with no Han characters, a few symbols long: a piece of "PM\n2.5\n）" or "M\n2". */
function isFragment(unit: string): boolean {
  return unit.length <= 6 && !HAN.test(unit) && /[0-9A-Za-z.％%]/.test(unit);
}

function splitUnits(
  text: string,
  layout?: Cleaned["layout"],
): { units: string[]; layout: Cleaned["layout"]; joins: number } {
  const lines = text.split("\n");
  const nonEmpty = lines.filter((l) => l.trim() !== "").length;
  const blocks = text.split(/\n[^\S\n]*\n/).filter((b) => b.trim() !== "");
  // A wiki dump separates paragraphs by blank lines and breaks lines inside them around links.
  if (layout === "blocks" || (layout === undefined && blocks.length > 1 && blocks.length >= nonEmpty * 0.5)) {
    let joins = 0;
    const units = blocks.map((b) => {
      const parts = b
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l !== "");
      joins += parts.length - 1;
      return parts.join("");
    });
    return { units: joinLeadIns(units), layout: "blocks", joins: joins + blocks.length - units.length };
  }
  return {
    units: lines.map((l) => l.trim()).filter((l) => l !== ""),
    layout: "lines",
    joins: 0,
  };
}

const NUMBERED =
  /^([（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[，、]|\d+[.．、]|——)/;

/**
 * A wiki page sets a bold lead-in apart as its own block: "今年经济社会发展的主要预期目标是：" then
 * "国内生产总值增长7.5％；…". The report prints them as one paragraph; a short block naming targets and
 * ending in "：" joins the next one unless that one starts a numbered item or a dash list. (Other
 * lead-ins, "今年改革的重点任务是：", introduce several paragraphs and stay apart.)
 */
function joinLeadIns(units: string[]): string[] {
  const out: string[] = [];
  let pending: string | null = null;
  for (const u of units) {
    if (pending !== null && !NUMBERED.test(u) && !OPENING.test(u)) {
      out.push(pending + u);
      pending = null;
      continue;
    }
    if (pending !== null) out.push(pending);
    pending = null;
    if (u.length <= 30 && /(目标|指标).{0,4}[：:]$/.test(u) && !OPENING.test(u) && !NUMBERED.test(u))
      pending = u;
    else out.push(u);
  }
  if (pending !== null) out.push(pending);
  return out;
}

/** One paragraph per line, but a link or a subscript broke some lines: join them back. */
function joinBroken(units: string[]): { units: string[]; joins: number } {
  const out: string[] = [];
  let joins = 0;
  let lastWasFragment = false;
  for (const u of units) {
    const prev = out[out.length - 1];
    const fragment = isFragment(u);
    const join: boolean =
      prev !== undefined &&
      !isChrome(u) &&
      (OPENERS.test(prev) ||
        CLOSERS.test(u) ||
        (fragment && !END_PUNCT.test(prev)) ||
        (lastWasFragment && !END_PUNCT.test(prev) && !/^[一二三四五六七八九十]+、/.test(u)));
    if (join) {
      out[out.length - 1] = prev + u;
      joins++;
    } else out.push(u);
    lastWasFragment = fragment && (join || prev === undefined);
  }
  return { units: out, joins };
}

/** Drops what comes before the report's own title block: navigation, page title, photo captions. */
function trimHead(units: string[], removed: string[]): string[] {
  const opening = units.findIndex((u) => OPENING.test(u));
  if (opening < 0 || opening > Math.max(40, units.length * 0.4)) return units;
  const head = units.slice(0, opening);
  const keep = new Set<number>();
  const lastIndex = (test: (u: string) => boolean) => {
    for (let i = head.length - 1; i >= 0; i--) if (test(head[i] as string)) return i;
    return -1;
  };
  const date = lastIndex((u) => DATE_LINE.test(u));
  const speaker = lastIndex((u) => u.length <= 30 && SPEAKER_LINE.test(u) && !/[，。]/.test(u));
  // The document's own title is the last one before the date line (a page repeats it above).
  const titleLimit = date >= 0 ? date : head.length;
  let title = -1;
  for (let i = titleLimit - 1; i >= 0; i--) {
    const u = head[i] as string;
    if (TITLE_LINE.test(u) && u.length <= 40 && !/[，。：:]/.test(u)) {
      title = i;
      break;
    }
  }
  // "毛伟明" alone under the date line is the speaker line without a title.
  const bareName =
    speaker < 0 && date >= 0
      ? head.findIndex(
          (u, i) => i > date && i <= date + 4 && /^[\u4e00-\u9fa5]{2,4}$/.test(u) && !isChrome(u),
        )
      : -1;
  for (const i of [title, date, speaker, bareName]) if (i >= 0) keep.add(i);
  head.forEach((u, i) => {
    if (!keep.has(i)) removed.push(u);
  });
  return [...head.filter((_, i) => keep.has(i)), ...units.slice(opening)];
}

function trimTail(units: string[], removed: string[]): string[] {
  const from = Math.floor(units.length * 0.5);
  for (let i = from; i < units.length; i++) {
    if (TAIL_CUT.test(units[i] as string)) {
      removed.push(...units.slice(i));
      return units.slice(0, i);
    }
  }
  return units;
}

function cutLicence(text: string, removed: string[]): string {
  const lines = text.split("\n");
  const from = Math.floor(lines.length * 0.5);
  for (let i = from; i < lines.length; i++) {
    if (LICENCE_START.test((lines[i] as string).trim())) {
      const cut = lines.slice(i).filter((l) => l.trim() !== "");
      removed.push(`（维基文库版权声明 ${cut.length} 行）`);
      return lines.slice(0, i).join("\n");
    }
  }
  return text;
}

/** `layout` forces how paragraphs are separated (PDF and Word readers know); otherwise it is guessed. */
// A wiki anchor leaves a line holding only a zero-width space inside a sentence: "达到74.4\n\u200b\n万亿元".
// Between words that no punctuation ends, it is no paragraph break.
const INVISIBLE_BREAK =
  /([^\n。！？!?；;：:”’）)」』])\n[^\S\n]*(?:(?:\u200b|\u200c|\u200d|\u2060|\ufeff)[^\S\n]*)+\n(?=[^\S\n]*\S)/g;

export function cleanText(raw: string, layout?: Cleaned["layout"]): Cleaned {
  const removed: string[] = [];
  const healed = raw.replace(/\r\n?/g, "\n").replace(INVISIBLE_BREAK, "$1\n");
  const text = cutLicence(healed.replace(INVISIBLE, ""), removed);
  const split = splitUnits(text, layout);
  let units = split.units;
  let joins = split.joins;
  if (split.layout === "lines") {
    const joined = joinBroken(units);
    units = joined.units;
    joins += joined.joins;
  }
  units = trimTail(units, removed);
  units = trimHead(units, removed);
  const paragraphs = units.filter((u) => {
    if (!isChrome(u)) return true;
    removed.push(u);
    return false;
  });
  return { paragraphs, removed, joins, layout: split.layout };
}
