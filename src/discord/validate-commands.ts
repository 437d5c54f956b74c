/**
 * Checks command JSON against Discord's registration rules before it is sent (or printed by
 * `deploy-commands --dry-run`), so a bad name or a too-long description fails here with a clear line.
 */
import { Locale, type RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";

const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;
const LOCALES = new Set<string>(Object.values(Locale));
const MAX_COMMANDS = 100;
const MAX_OPTIONS = 25;
const MAX_CHOICES = 25;
/** Discord's cap on a command's names, descriptions and choice values added up (per locale). */
const MAX_COMMAND_CHARS = 4000;

type Json = RESTPostAPIChatInputApplicationCommandsJSONBody;
interface NamedJson {
  name: string;
  name_localizations?: Record<string, string | null> | null;
  description?: string;
  description_localizations?: Record<string, string | null> | null;
}
interface OptionJson extends NamedJson {
  required?: boolean;
  choices?: { name: string; name_localizations?: Record<string, string | null> | null; value: unknown }[];
  options?: OptionJson[];
  autocomplete?: boolean;
}

function checkName(where: string, name: string, problems: string[]): void {
  if (!NAME.test(name)) problems.push(`${where}: name "${name}" must match ^[-_\\p{L}\\p{N}]{1,32}$`);
  else if (name !== name.toLowerCase()) problems.push(`${where}: name "${name}" must be lowercase`);
}

function checkDescription(where: string, text: string | undefined, problems: string[]): void {
  const n = text?.length ?? 0;
  if (n < 1 || n > 100) problems.push(`${where}: description must be 1–100 characters (has ${n})`);
}

function checkNamed(where: string, item: NamedJson, problems: string[]): void {
  checkName(where, item.name, problems);
  checkDescription(where, item.description, problems);
  for (const [locale, name] of Object.entries(item.name_localizations ?? {})) {
    if (!LOCALES.has(locale)) problems.push(`${where}: unknown locale "${locale}" in name_localizations`);
    if (name !== null) checkName(`${where} [${locale}]`, name, problems);
  }
  for (const [locale, text] of Object.entries(item.description_localizations ?? {})) {
    if (!LOCALES.has(locale))
      problems.push(`${where}: unknown locale "${locale}" in description_localizations`);
    if (text !== null) checkDescription(`${where} [${locale}]`, text, problems);
  }
}

function checkOptions(where: string, options: OptionJson[], problems: string[]): void {
  if (options.length > MAX_OPTIONS) problems.push(`${where}: ${options.length} options (max ${MAX_OPTIONS})`);
  for (const n of duplicates(options.map((o) => o.name))) problems.push(`${where}: duplicate option "${n}"`);
  let optionalSeen = false;
  for (const o of options) {
    const at = `${where} option ${o.name}`;
    checkNamed(at, o, problems);
    if (o.required && optionalSeen) problems.push(`${at}: required options must come before optional ones`);
    if (!o.required) optionalSeen = true;
    const choices = o.choices ?? [];
    if (choices.length > MAX_CHOICES) problems.push(`${at}: ${choices.length} choices (max ${MAX_CHOICES})`);
    if (choices.length && o.autocomplete) problems.push(`${at}: choices and autocomplete exclude each other`);
    for (const c of choices) {
      if (c.name.length < 1 || c.name.length > 100)
        problems.push(`${at}: choice name "${c.name}" must be 1–100 characters`);
      for (const [locale, name] of Object.entries(c.name_localizations ?? {})) {
        if (!LOCALES.has(locale)) problems.push(`${at}: unknown locale "${locale}" in a choice`);
        if (name !== null && (name.length < 1 || name.length > 100))
          problems.push(`${at}: choice name [${locale}] too long`);
      }
    }
    if (o.options) checkOptions(at, o.options, problems);
  }
}

function textSize(item: OptionJson | Json): number {
  const own = item.name.length + (item.description?.length ?? 0);
  const choices = ((item as OptionJson).choices ?? []).reduce(
    (n, c) => n + c.name.length + String(c.value).length,
    0,
  );
  const options = ((item.options ?? []) as OptionJson[]).reduce((n, o) => n + textSize(o), 0);
  return own + choices + options;
}

function duplicates(names: string[]): string[] {
  return [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
}

/** Every problem found, one line each; an empty list means Discord will accept the commands. */
export function validateCommands(commands: readonly Json[]): string[] {
  const problems: string[] = [];
  if (commands.length > MAX_COMMANDS) problems.push(`${commands.length} commands (max ${MAX_COMMANDS})`);
  for (const n of duplicates(commands.map((c) => c.name))) problems.push(`duplicate command "${n}"`);
  for (const locale of LOCALES) {
    const localized = commands
      .map((c) => c.name_localizations?.[locale as Locale])
      .filter((n): n is string => !!n);
    for (const n of duplicates(localized)) problems.push(`duplicate command name "${n}" in ${locale}`);
  }
  for (const c of commands) {
    const where = `/${c.name}`;
    checkNamed(where, c as NamedJson, problems);
    checkOptions(where, (c.options ?? []) as OptionJson[], problems);
    const size = textSize(c);
    if (size > MAX_COMMAND_CHARS)
      problems.push(`${where}: ${size} characters of text (max ${MAX_COMMAND_CHARS})`);
  }
  return problems;
}
