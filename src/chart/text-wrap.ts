/** Measures text in px; the chart passes one backed by real font metrics. */
export type Measure = (text: string) => number;

/** Shortens `text` with an ellipsis so that it fits in `max` px. */
export function truncate(text: string, max: number, measure: Measure): string {
  if (measure(text) <= max) return text;
  const chars = [...text];
  while (chars.length > 0 && measure(`${chars.join("")}…`) > max) chars.pop();
  return `${chars.join("")}…`;
}

// Latin words and numbers such as "2024" or "5.5%" stay whole; any CJK character may start a line.
const TOKEN = /[A-Za-z0-9.%\-+/]+|\s+|./gsu;
// Closing punctuation must not begin a line (Chinese line-breaking rule), so it sticks to what precedes it.
const NO_LINE_START = /^[，。；：、！？）》」』】,.;:!?)\]%]/u;
// Opening punctuation must not end a line, so it sticks to what follows it.
const NO_LINE_END = /[（《「『【([]$/u;
// Lines preferably end after these, so a list of names is not split inside a name ("济南市历|城区").
const SOFT_BREAK = /[，。；：、！？\s]$/u;
/** How many tokens back a line may be shortened to end at a soft break. */
const SOFT_BREAK_REACH = 6;

/** Greedy line wrapping for mixed Chinese and Latin text; never returns an empty list. */
export function wrapText(text: string, max: number, measure: Measure): string[] {
  const tokens: string[] = [];
  for (const tok of text.match(TOKEN) ?? []) {
    const last = tokens.length - 1;
    if (last >= 0 && (NO_LINE_START.test(tok) || NO_LINE_END.test(tokens[last] ?? ""))) tokens[last] += tok;
    else tokens.push(tok);
  }
  const lines: string[] = [];
  let current: string[] = [];
  const fits = (toks: string[]) => measure(toks.join("")) <= max;
  for (const tok of tokens) {
    if (current.length > 0 && !fits([...current, tok])) {
      const keep = softBreak(current);
      lines.push(current.slice(0, keep).join("").trimEnd());
      current = current.slice(keep);
      if (/^\s+$/.test(current[0] ?? "")) current.shift();
    }
    if (current.length === 0 && /^\s+$/.test(tok)) continue;
    current.push(tok);
    // A single token wider than the line (a long URL) is cut wherever it must be.
    while (!fits(current) && [...current.join("")].length > 1) {
      const chars = [...current.join("")];
      let cut = chars.length - 1;
      while (cut > 1 && measure(chars.slice(0, cut).join("")) > max) cut--;
      lines.push(chars.slice(0, cut).join(""));
      current = [chars.slice(cut).join("")];
    }
  }
  if (current.length > 0 || lines.length === 0) lines.push(current.join("").trimEnd());
  return lines;
}

/** Where to end a full line: after the last soft break within reach, else after all its tokens. */
function softBreak(tokens: string[]): number {
  for (let i = tokens.length; i >= Math.max(1, tokens.length - SOFT_BREAK_REACH); i--) {
    if (SOFT_BREAK.test(tokens[i - 1] ?? "")) return i;
  }
  return tokens.length;
}
