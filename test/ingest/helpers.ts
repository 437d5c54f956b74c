import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

export const FIXTURES = "test/fixtures/ingest";

/** A temp copy of the corpus holding two real reports (a district and a national one) and the lexicon. */
export function tempCorpus(ids: string[] = ["linzi-2023", "national-2024"]): string {
  const dir = mkdtempSync(join(tmpdir(), "zhengbao-ingest-"));
  mkdirSync(join(dir, "reports"));
  for (const f of ["indicators.json", "stopwords.txt", "userdict.txt"])
    copyFileSync(join("corpus", f), join(dir, f));
  const manifest = JSON.parse(readFileSync("corpus/manifest.json", "utf8"));
  manifest.reports = manifest.reports.filter((r: { id: string }) => ids.includes(r.id));
  for (const r of manifest.reports) copyFileSync(join("corpus", r.file), join(dir, r.file));
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2));
  return dir;
}

/** Every file under dir with its content, to prove a run changed nothing. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p, "latin1");
    }
  };
  walk(dir);
  return out;
}

/** Captured output of one in-process CLI run. */
export function capture() {
  const io = { out: "", err: "" };
  return {
    io,
    streams: {
      out: (s: string) => {
        io.out += s;
      },
      err: (s: string) => {
        io.err += s;
      },
      env: {},
    },
  };
}
