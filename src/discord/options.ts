/**
 * Option builders shared by the slash commands (one wording, one localization), the autocomplete
 * handler for region and indicator, and the engine line a command's options become.
 */
import type {
  AutocompleteInteraction,
  SlashCommandIntegerOption,
  SlashCommandStringOption,
} from "discord.js";
import { cleanInput } from "../router/parse-line.ts";
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
 * The engine line for a command and its options: `/target region:临淄 indicator:GDP year:2024`. Values
 * are cleaned (no line breaks or control characters); the router parses the line like a typed one, so
 * Discord and the local console answer through exactly the same code.
 */
export function engineLine(
  command: string,
  options: Record<string, string | number | null | undefined>,
): string {
  const parts = Object.entries(options).flatMap(([key, value]) => {
    if (value === null || value === undefined) return [];
    const text = cleanInput(String(value));
    return text ? [`${key}:${text}`] : [];
  });
  return [`/${command}`, ...parts].join(" ");
}
