/**
 * Lists of subjects and values in one clause, paired in order: "A、B分别增长4.3%、5.5%", and the same
 * without 分别 when subjects and values are joined alike.
 */
import { findMentions, type Matcher, type Mention } from "./mentions.ts";
import type { NumberExpr } from "./numbers.ts";

/**
 * "A、B分别增长4.3%、5.5%" and "城乡居民人均可支配收入分别增长4%和7%": subjects paired with values in
 * order. Listed subjects may share a suffix: "城市和农村低保标准" is 城市低保标准 and 农村低保标准.
 */
export function distribute(
  text: string,
  mentions: Mention[],
  numbers: NumberExpr[],
  matcher: Matcher,
): [string, NumberExpr][] | null {
  const at = text.indexOf("分别");
  if (at < 0) return pairedWithout(text, mentions, numbers);
  const values = numbers.filter((n) => n.start > at);
  if (values.length < 2) return null;
  const ids = mentions.filter((m) => m.end <= at).flatMap((m) => m.ids);
  if (ids.length === values.length) return ids.map((id, i) => [id, values[i] as NumberExpr]);
  const items = text.slice(0, at).split(/[、和及与]/);
  if (items.length !== values.length) return null;
  const last = items.at(-1) ?? "";
  const paired: [string, NumberExpr][] = [];
  items.forEach((item, i) => {
    const own = findMentions(item, matcher).at(-1);
    const id =
      own?.ids.length === 1
        ? own.ids[0]
        : (sharedSuffixId(item, last, matcher) ?? sharedPrefixId(item, items[0] ?? "", matcher));
    if (id) paired.push([id, values[i] as NumberExpr]);
  });
  return paired.length > 0 ? paired : null;
}

/**
 * "城镇居民人均可支配收入和农村居民人均纯收入实际增长8.4％和11.4％": subjects joined by 和/、 before
 * values joined the same way pair up in order, as if 分别 were written.
 */
function pairedWithout(
  text: string,
  mentions: Mention[],
  numbers: NumberExpr[],
): [string, NumberExpr][] | null {
  if (mentions.length < 2 || numbers.length !== mentions.length) return null;
  const first = numbers[0] as NumberExpr;
  if (mentions.some((m) => m.end > first.start || m.ids.length !== 1)) return null;
  const joined = (a: number, b: number) => /^[和、及与]$/.test(text.slice(a, b));
  for (let i = 1; i < mentions.length; i++) {
    if (!joined((mentions[i - 1] as Mention).end, (mentions[i] as Mention).start)) return null;
  }
  for (let i = 1; i < numbers.length; i++) {
    if (!joined((numbers[i - 1] as NumberExpr).end, (numbers[i] as NumberExpr).start)) return null;
  }
  return mentions.map((m, i) => [m.ids[0] as string, numbers[i] as NumberExpr]);
}

/** "能耗" listed after "单位国内生产总值用水量": the indicator named by the first item's head + it. */
function sharedPrefixId(item: string, first: string, matcher: Matcher): string | undefined {
  for (let cut = first.length - 1; cut > 0; cut--) {
    const m = findMentions(first.slice(0, cut) + item, matcher)[0];
    if (m && m.start === 0 && m.end > cut && m.ids.length === 1) return m.ids[0];
  }
  return undefined;
}

/** "城市" listed before "农村低保标准": the indicator named by 城市 + the tail of the last item. */
function sharedSuffixId(item: string, last: string, matcher: Matcher): string | undefined {
  for (let cut = 1; cut < last.length; cut++) {
    const m = findMentions(item + last.slice(cut), matcher)[0];
    if (m && m.start === 0 && m.ids.length === 1) return m.ids[0];
  }
  return undefined;
}
