/**
 * One reading of a line of free text: the regions and indicator it names, its years and tense, and what
 * is left once those are taken out. Done once per line; the chat router, /ask and follow-ups consume it
 * instead of scanning the text again.
 */
import type { Region } from "../corpus/corpus.ts";
import { findRegionsInText, regionNames } from "../corpus/regions.ts";
import type { Engine } from "../engine.ts";
import { findIndicatorInText } from "../facts/indicators.ts";
import type { Indicator } from "../facts/lexicon.ts";
import type { ReportInfo } from "../search/store.ts";
import { CUES, cleanInput, readYears, withoutYears } from "./text.ts";

export interface Analysis {
  /** The cleaned text. */
  text: string;
  /** Regions named, in order of appearance, each with the name it was found by. */
  regions: { region: Region<ReportInfo>; name: string }[];
  /** The indicator named by its longest phrase, or null. */
  indicator: { indicator: Indicator; phrase: string } | null;
  years: number[];
  cues: { target: boolean; past: boolean; future: boolean; compare: boolean; numeric: boolean };
  /** The text without region names and years: what the question asks about. */
  residue: string;
}

export function analyze(engine: Pick<Engine, "regions" | "lexicon">, raw: string): Analysis {
  const text = cleanInput(raw);
  const regions = findRegionsInText(text, engine.regions);
  let residue = text;
  for (const { region } of regions) {
    for (const name of regionNames(region).sort((a, b) => b.length - a.length)) {
      residue = residue.split(name).join(" ");
    }
  }
  residue = withoutYears(residue).replace(/\s+/g, " ").trim();
  const indicator = findIndicatorInText(residue, engine.lexicon);
  return {
    text,
    regions,
    indicator,
    years: readYears(text),
    cues: {
      target: CUES.target.test(text),
      past: CUES.past.test(text),
      future: CUES.future.test(text),
      compare: CUES.compare.test(text),
      numeric: CUES.numeric.test(text) || indicator !== null,
    },
    residue,
  };
}
