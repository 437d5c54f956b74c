/**
 * Option builders shared by the slash commands (one wording, one localisation per locale), the
 * autocomplete handlers, and where commands may be used. Commands build a typed Command from their
 * options directly.
 */
import {
  ApplicationIntegrationType,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  InteractionContextType,
  SlashCommandBuilder,
  type SlashCommandIntegerOption,
  type SlashCommandStringOption,
} from "discord.js";
import { resolveRegion } from "../corpus/regions.ts";
import type { Engine } from "../engine.ts";
import { toSimplified, toTaiwan } from "../query/convert.ts";
import { cleanInput, LEVEL_WORDS, type Level } from "../query/text.ts";
import type { Choice } from "./autocomplete.ts";
import type { BotContext } from "./command.ts";

/**
 * Names and descriptions for zh-CN and zh-TW clients (Discord has no zh-HK locale; Hong Kong users pick
 * zh-TW). The English default is what en-US and every other client shows. Without a hand-written zh-TW
 * text, OpenCC's Taiwan conversion of the zh-CN one stands in (目标 → 目標, 默认 → 預設).
 */
export const zh = (cn: string, tw: string = toTaiwan(cn)) => ({ "zh-CN": cn, "zh-TW": tw });

/**
 * Usable where the user is: installed to a server or to a user's own account, in servers, in the bot's
 * DM and in group DMs / other DMs (a user install answers there too).
 */
export function everywhere<T extends SlashCommandBuilder>(b: T): T {
  return b
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall)
    .setContexts(
      InteractionContextType.Guild,
      InteractionContextType.BotDM,
      InteractionContextType.PrivateChannel,
    );
}

export function regionOption(o: SlashCommandStringOption): SlashCommandStringOption {
  return o
    .setName("region")
    .setNameLocalizations(zh("地区", "地區"))
    .setDescription("Region, e.g. 临淄 / Linzi / 浙江")
    .setDescriptionLocalizations(zh("地区，例如 临淄、浙江、全国", "地區，例如 臨淄、浙江、全國"))
    .setRequired(true)
    .setMaxLength(50)
    .setAutocomplete(true);
}

export function indicatorOption(o: SlashCommandStringOption): SlashCommandStringOption {
  return o
    .setName("indicator")
    .setNameLocalizations(zh("指标", "指標"))
    .setDescription("Indicator, e.g. GDP, retail sales (社零), fiscal revenue (财政收入)")
    .setDescriptionLocalizations(
      zh("指标，例如 GDP、社零、一般公共预算收入", "指標，例如 GDP、社零、一般公共預算收入"),
    )
    .setRequired(true)
    .setMaxLength(50)
    .setAutocomplete(true);
}

/** The year of the report; autocomplete offers the years the corpus has (the region's, once one is chosen). */
export function yearOption(o: SlashCommandIntegerOption): SlashCommandIntegerOption {
  return o
    .setName("year")
    .setNameLocalizations(zh("年份", "年份"))
    .setDescription("Year of the report (default: the latest)")
    .setDescriptionLocalizations(zh("报告年份（默认最新一份）", "報告年份（預設最新一份）"))
    .setMinValue(1949)
    .setMaxValue(2100)
    .setAutocomplete(true);
}

/**
 * Report years in the corpus, newest first; only the region's when `regionTyped` names one region, only
 * that level's when /compare's level is chosen.
 */
export function yearChoices(
  engine: Engine,
  regionTyped: string,
  typed: string,
  level: Level | null = null,
): Choice[] {
  const region = regionTyped.trim() ? resolveRegion(optionText(regionTyped), engine.regions) : null;
  const reports =
    region?.kind === "one"
      ? region.region.reports
      : level
        ? engine.regions.filter((r) => r.level === level).flatMap((r) => r.reports)
        : engine.reports;
  const years = [...new Set(reports.map((r) => r.year))].sort((a, b) => b - a);
  const digits = typed.replace(/\D/g, "");
  const label = region?.kind === "one" ? `${region.region.name} ` : "";
  return years
    .filter((y) => String(y).startsWith(digits))
    .slice(0, 25)
    .map((y) => ({ name: `${label}${y}年报告`, value: String(y) }));
}

/** Autocomplete for whichever of region / indicator / year is being typed; any other option gets none. */
export async function autocompleteRegionIndicator(
  i: AutocompleteInteraction,
  ctx: BotContext,
): Promise<void> {
  const focused = i.options.getFocused(true);
  const typed = String(focused.value ?? "");
  if (focused.name === "year") {
    const region = i.options.get("region")?.value;
    const level = LEVEL_WORDS[String(i.options.get("level")?.value ?? "")] ?? null;
    const choices = yearChoices(ctx.engine, typeof region === "string" ? region : "", typed, level);
    // An integer option's choices carry numbers.
    await i.respond(choices.map((c) => ({ name: c.name, value: Number(c.value) })));
    return;
  }
  const choices =
    focused.name === "region"
      ? ctx.autocomplete.region(toSimplified(typed))
      : focused.name === "indicator"
        ? ctx.autocomplete.indicator(toSimplified(typed))
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

/**
 * /target and /figure: region, indicator and an optional year, answered as the command of that name.
 * Only the name and the wording differ.
 */
export function regionIndicatorCommand(o: {
  name: "target" | "figure";
  zhName: string;
  twName: string;
  description: string;
  zhDescription: string;
  twDescription: string;
}) {
  const data = everywhere(new SlashCommandBuilder())
    .setName(o.name)
    .setNameLocalizations(zh(o.zhName, o.twName))
    .setDescription(o.description)
    .setDescriptionLocalizations(zh(o.zhDescription, o.twDescription))
    .addStringOption(regionOption)
    .addStringOption(indicatorOption)
    .addIntegerOption(yearOption);
  async function execute(i: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
    await ctx.answer(i, {
      name: o.name,
      region: optionText(i.options.getString("region", true)),
      indicator: optionText(i.options.getString("indicator", true)),
      year: i.options.getInteger("year"),
    });
  }
  return { data, execute };
}
