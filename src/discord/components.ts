/** Buttons under an answer: "查看原文" for each cited paragraph and "更多结果" for the next /ask page. */
import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  ButtonStyle,
  ComponentType,
} from "discord.js";
import type { Answer } from "../answer/schema.ts";
import { moreId, sourceId } from "./custom-id.ts";

export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

export interface Paging {
  question: string;
  year: number | null;
}

const PER_ROW = 5;
// Two rows of source buttons: a /compare answer cites up to one paragraph per region.
const MAX_SOURCE_BUTTONS = 10;

function button(
  customId: string,
  label: string,
  style: ButtonStyle.Primary | ButtonStyle.Secondary,
): APIButtonComponentWithCustomId {
  return { type: ComponentType.Button, custom_id: customId, label, style };
}

export function answerButtons(answer: Answer, paging?: Paging): ButtonRow[] {
  const rows: ButtonRow[] = [];
  // A /source answer already is the full paragraph.
  const cited = answer.command === "source" ? [] : answer.citations.slice(0, MAX_SOURCE_BUTTONS);
  const single = cited.length === 1;
  const sources = cited.flatMap((c, i) => {
    const id = sourceId(c.id);
    return id ? [button(id, single ? "查看原文" : `原文 ${i + 1}`, ButtonStyle.Secondary)] : [];
  });
  // Discord rejects two components with one custom id in a message (two quotes of one paragraph).
  const unique = sources.filter((b, i) => sources.findIndex((o) => o.custom_id === b.custom_id) === i);
  for (let i = 0; i < unique.length; i += PER_ROW) {
    rows.push({ type: ComponentType.ActionRow, components: unique.slice(i, i + PER_ROW) });
  }
  if (answer.page?.hasMore && paging) {
    const { id } = moreId(paging.question, answer.page.page + 1, paging.year);
    rows.push({ type: ComponentType.ActionRow, components: [button(id, "更多结果", ButtonStyle.Primary)] });
  }
  return rows;
}
