/**
 * Option builders shared by the slash commands (one wording, one localization), the autocomplete
 * handler for region and indicator. Commands build a typed Command from their options directly.
 */
import type {
  AutocompleteInteraction,
  SlashCommandIntegerOption,
  SlashCommandStringOption,
} from "discord.js";
import { toSimplified } from "../query/convert.ts";
import { cleanInput } from "../query/text.ts";
import type { BotContext } from "./command.ts";

export const zh = (text: string) => ({ "zh-CN": text });

export function regionOption(o: SlashCommandStringOption): SlashCommandStringOption {
  return o
    .setName("region")
    .setNameLocalizations(zh("地区"))
    .setDescription("Region, e.g. 临淄 / Linzi / 浙江")
    .setDescriptionLocalizations(zh("地区，例如 临淄、浙江、全国"))
    .setRequired(true)
    .setMaxLength(50)
    .setAutocomplete(true);
}

export function indicatorOption(o: SlashCommandStringOption): SlashCommandStringOption {
  return o
    .setName("indicator")
    .setNameLocalizations(zh("指标"))
    .setDescription("Indicator, e.g. GDP, 社零, 财政收入")
    .setDescriptionLocalizations(zh("指标，例如 GDP、社零、一般公共预算收入"))
    .setRequired(true)
    .setMaxLength(50)
    .setAutocomplete(true);
}

export function yearOption(o: SlashCommandIntegerOption): SlashCommandIntegerOption {
  return o
    .setName("year")
    .setNameLocalizations(zh("年份"))
    .setDescription("Report year (default: the latest report)")
    .setDescriptionLocalizations(zh("报告年份（默认最新一份）"))
    .setMinValue(1949)
    .setMaxValue(2100);
}

/** Autocomplete for whichever of region / indicator is being typed; any other option gets no choices. */
export async function autocompleteRegionIndicator(
  i: AutocompleteInteraction,
  ctx: BotContext,
): Promise<void> {
  const focused = i.options.getFocused(true);
  const typed = String(focused.value ?? "");
  const choices =
    focused.name === "region"
      ? ctx.autocomplete.region(typed)
      : focused.name === "indicator"
        ? ctx.autocomplete.indicator(typed)
        : [];
  await i.respond(choices);
}

/**
 * An option's text as the engine takes it: no line breaks, control or zero-width characters, and in
 * simplified characters (a zh-TW user's 臨淄 is 临淄). Quotes are shown as the corpus has them.
 */
export function optionText(value: string): string {
  return toSimplified(cleanInput(value));
}
