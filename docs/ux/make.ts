/**
 * Regenerates docs/ux/: the Discord payloads of a few answers before and after issue 14, as JSON, as an
 * HTML mock-up at desktop and 390 px phone width, and the /compare chart PNGs, with an estimate of each
 * answer's height on a phone (test/e2e/ux-phone.ts). "Before" is the renderer and chart of commit
 * f9ab69f applied to today's answers; "after" is the current code. Run: npx tsx docs/ux/make.ts
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { execute } from "../../src/answer/execute.ts";
import type { Answer } from "../../src/answer/schema.ts";
import { renderCompareChart } from "../../src/chart/compare-chart.ts";
import { renderHelp, helpInfo } from "../../src/discord/render-help.ts";
import { type ReplyPayload, renderAnswer } from "../../src/discord/render.ts";
import { openEngine } from "../../src/engine.ts";
import type { Command } from "../../src/query/command.ts";
import { defaultStorePath } from "../../src/search/store-file.ts";
import { phoneHeight, pngSize, PHONE } from "../../test/e2e/ux-phone.ts";

const BEFORE = "f9ab69f";
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const out = here;

/** The old renderer and chart, copied from git with their imports pointing into today's tree. */
async function oldCode() {
  const dir = "/tmp/zb-ux-before";
  const files = [
    ["src/discord/render.ts", "discord"],
    ["src/discord/components.ts", "discord"],
    ["src/discord/custom-id.ts", "discord"],
    ["src/chart/compare-layout.ts", "chart"],
    ["src/chart/compare-chart.ts", "chart"],
  ] as const;
  for (const [path, folder] of files) {
    let text = execFileSync("git", ["show", `${BEFORE}:${path}`], { cwd: root, encoding: "utf8" });
    text = text.replace(/from "\.\.\/(answer|engine|query)\/?/g, `from "${root}/src/$1/`);
    text = text.replace(/from "\.\/(markdown|glyph-text|text-wrap|ticks|xml|font)\.ts"/g, `from "${root}/src/${folder}/$1.ts"`);
    mkdirSync(join(dir, folder), { recursive: true });
    writeFileSync(join(dir, folder, path.split("/").pop() as string), text);
  }
  const render = await import(join(dir, "discord/render.ts"));
  const chart = await import(join(dir, "chart/compare-chart.ts"));
  return {
    renderAnswer: render.renderAnswer as (a: Answer, o?: object) => ReplyPayload,
    renderCompareChart: chart.renderCompareChart as (input: unknown) => Buffer,
  };
}

const engine = openEngine(defaultStorePath(join(root, "corpus"), process.env));
const owner = "150000000000000001";

interface Scenario {
  name: string;
  label: string;
  command: Command;
}

const SCENARIOS: Scenario[] = [
  { name: "compare-gdp", label: "/compare GDP", command: { name: "compare", indicator: "GDP", kind: "target", year: null, level: null } },
  { name: "target-sichuan", label: "/target 四川 GDP", command: { name: "target", region: "四川", indicator: "GDP", year: null } },
  { name: "target-ambiguous", label: "/target 临 GDP", command: { name: "target", region: "临", indicator: "GDP", year: null } },
  { name: "target-not-found", label: "/target 临淄 进出口", command: { name: "target", region: "临淄", indicator: "进出口", year: null } },
  { name: "ask-page1", label: "/ask 充电桩", command: { name: "ask", question: "充电桩", year: null, page: 1 } },
  { name: "help", label: "/help", command: { name: "help" } },
];

/** The chart as the engine described it before: no year on the labels, every report in the footer. */
function oldChartInput(a: Answer) {
  const chart = a.chart;
  if (!chart) return null;
  const titles = a.citations.map((c) => c.report);
  return {
    ...chart,
    title: `${chart.title}（${chart.title.match(/(\d{4})年报告/)?.[1]}年报告）`,
    subtitle: chart.subtitle?.replace(/按增速从高到低$|按数值从高到低$/, "按数值从高到低排列"),
    rows: chart.rows.map((r) => ({ ...r, label: r.label.replace(/\s\d{4}$/, "") })),
    footer: `数据来源：${titles.join("；")}。`,
  };
}

function forJson(p: ReplyPayload) {
  return {
    ...p,
    files: p.files?.map((f) => ({ name: f.name, bytes: f.attachment.length, ...(f.name.endsWith(".png") ? pngSize(f.attachment) : {}) })),
  };
}

// ---- HTML mock-up ------------------------------------------------------------------------------------

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function inline(md: string): string {
  let s = esc(md);
  s = s.replace(/&lt;\/([\w-]+):(\d+)&gt;/g, '<span class="cmd">/$1</span>');
  s = s.replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<a href="$2">$1</a>');
  s = s.replace(/\*\*(.+?)\*\*/g, "<b>$1</b>");
  s = s.replace(/`([^`]+)`/g, "<code>$1</code>");
  return s.replace(/\\(.)/g, "$1");
}

function markdown(md: string): string {
  return md
    .split("\n")
    .map((line) => {
      if (line.startsWith("-# ")) return `<div class="sub">${inline(line.slice(3))}</div>`;
      if (line.startsWith("> ")) return `<div class="quote">${inline(line.slice(2))}</div>`;
      return `<div>${inline(line) || "&nbsp;"}</div>`;
    })
    .join("");
}

function components(p: ReplyPayload): string {
  return p.components
    .map((row) => {
      const parts = (row.components as unknown as Record<string, unknown>[]).map((c) => {
        if (c.type === 3) {
          const options = (c.options as { label: string }[]).map((o) => `<li>${esc(o.label)}</li>`).join("");
          return `<details class="select"><summary>${esc(String(c.placeholder ?? ""))}</summary><ul>${options}</ul></details>`;
        }
        const style = c.style === 5 ? "link" : c.style === 1 ? "primary" : "secondary";
        const label = esc(String(c.label ?? ""));
        return c.url ? `<a class="btn ${style}" href="${esc(String(c.url))}">${label} ↗</a>` : `<span class="btn ${style}">${label}</span>`;
      });
      return `<div class="row">${parts.join("")}</div>`;
    })
    .join("");
}

function message(p: ReplyPayload, image: string | null): string {
  const embed = p.embeds[0];
  const parts = [`<div class="author">政报通 <span class="tag">APP</span></div>`];
  if (p.content) parts.push(`<div class="content">${markdown(p.content)}</div>`);
  if (embed) {
    const color = `#${(embed.color ?? 0).toString(16).padStart(6, "0")}`;
    const title = embed.title ? (embed.url ? `<a href="${embed.url}">${esc(embed.title)}</a>` : esc(embed.title)) : "";
    const fields = (embed.fields ?? []).map((f) => `<div class="field"><b>${esc(f.name)}</b>${markdown(f.value)}</div>`).join("");
    parts.push(
      `<div class="embed" style="border-color:${color}">` +
        (title ? `<div class="title">${title}</div>` : "") +
        (embed.description ? `<div class="desc">${markdown(embed.description)}</div>` : "") +
        fields +
        (image ? `<img src="${image}" alt="chart">` : "") +
        (embed.footer ? `<div class="footer">${inline(embed.footer.text)}</div>` : "") +
        "</div>",
    );
  }
  parts.push(components(p));
  return `<div class="msg">${parts.join("")}</div>`;
}

const CSS = `body{font-family:"Noto Sans SC","PingFang SC",sans-serif;background:#f2f3f5;margin:24px;color:#060607}
h2{margin-top:40px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top}
.pair{display:flex;gap:24px;align-items:flex-start;flex-wrap:wrap}.frame{background:#fff;border:1px solid #ccc;border-radius:8px;padding:12px}
.desktop{width:640px}.phone{width:390px;box-sizing:border-box;padding:8px 8px 8px 52px;font-size:15px}
.frame h4{margin:0 0 8px 0;color:#666;font-weight:normal}.author{font-weight:600;margin-bottom:2px}.tag{background:#5865f2;color:#fff;font-size:10px;border-radius:3px;padding:0 3px}
.embed{border-left:4px solid;background:#f2f3f5;border-radius:4px;padding:8px 12px;max-width:520px;margin:4px 0}
.title{font-weight:600;margin-bottom:6px}.title a,.desc a{color:#006ce7;text-decoration:none}.desc{line-height:1.35}
.quote{border-left:4px solid #c4c9ce;padding-left:8px}.sub{font-size:12px;color:#5c5e66}
.embed img{display:block;max-width:400px;max-height:300px;margin-top:8px;border-radius:4px}.phone .embed img{max-width:100%;max-height:none}
.footer{font-size:12px;color:#5c5e66;margin-top:6px}.row{display:flex;gap:8px;flex-wrap:wrap;margin-top:6px}
.btn{display:inline-block;padding:4px 12px;border-radius:4px;font-size:14px;text-decoration:none}.secondary{background:#6d6f78;color:#fff}
.primary{background:#5865f2;color:#fff}.link{background:#6d6f78;color:#fff}.select{border:1px solid #ccc;background:#fff;border-radius:4px;padding:6px 10px;min-width:260px}
.cmd{background:#e0e3ff;color:#3e48c4;border-radius:3px;padding:0 2px}code{background:#e3e5e8;padding:0 3px;border-radius:3px}
.field{margin-top:6px}.content{margin-bottom:4px}`;

async function main() {
  const old = await oldCode();
  mkdirSync(join(out, "payloads"), { recursive: true });
  const rows: string[] = [];
  const sections: string[] = [];
  for (const s of SCENARIOS) {
    const answer = execute(engine, s.command);
    const paging = s.command.name === "ask" ? { question: s.command.question, year: s.command.year } : undefined;
    let newImage: Buffer | null = null;
    let oldImage: Buffer | null = null;
    if (answer.chart) {
      newImage = renderCompareChart(answer.chart);
      oldImage = old.renderCompareChart(oldChartInput(answer));
      writeFileSync(join(out, `${s.name}-before.png`), oldImage);
      writeFileSync(join(out, `${s.name}-after.png`), newImage);
    }
    const help = s.command.name === "help" ? helpInfo(engine, new Map(), "zh-CN") : undefined;
    const after = renderAnswer(answer, {
      ...(paging ? { paging } : {}),
      ...(newImage ? { image: { name: "compare.png", attachment: newImage } } : {}),
      view: { owner, command: s.command, reports: engine.reportById, ...(help ? { help } : {}) },
    });
    const before = old.renderAnswer(answer, {
      ...(paging ? { paging } : {}),
      ...(oldImage ? { image: { name: "compare.png", attachment: oldImage } } : {}),
    });
    writeFileSync(join(out, "payloads", `${s.name}-before.json`), `${JSON.stringify(forJson(before), null, 2)}\n`);
    writeFileSync(join(out, "payloads", `${s.name}-after.json`), `${JSON.stringify(forJson(after), null, 2)}\n`);
    const measure = (p: ReplyPayload, png: Buffer | null) => {
      const e = p.embeds[0] ?? {};
      const chars = (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.fields ?? []).reduce((n, f) => n + f.value.length, 0);
      const lines = (e.description ?? "").split("\n").length;
      const components = p.components.reduce((n, r) => n + r.components.length, 0);
      const height = phoneHeight(p.content, e, png ? pngSize(png) : undefined);
      return { chars, lines, components, height };
    };
    const b = measure(before, oldImage);
    const a = measure(after, newImage);
    const screens = (h: number) => (h / PHONE.visible).toFixed(1);
    rows.push(
      `| ${s.label} | ${b.chars} / ${a.chars} | ${b.lines} / ${a.lines} | ${b.components} / ${a.components} | ${b.height} pt (${screens(b.height)}) / ${a.height} pt (${screens(a.height)}) |`,
    );
    const img = (which: string) => (answer.chart ? `${s.name}-${which}.png` : null);
    sections.push(
      `<h2>${esc(s.label)}</h2><div class="pair">` +
        `<div class="frame desktop"><h4>before · desktop</h4>${message(before, img("before"))}</div>` +
        `<div class="frame desktop"><h4>after · desktop</h4>${message(after, img("after"))}</div>` +
        `<div class="frame phone"><h4>before · 390 px</h4>${message(before, img("before"))}</div>` +
        `<div class="frame phone"><h4>after · 390 px</h4>${message(after, img("after"))}</div></div>`,
    );
  }
  const table = [
    "| answer | characters (before / after) | description lines | components | est. height on a 390 pt phone (screens) |",
    "|---|---|---|---|---|",
    ...rows,
  ].join("\n");
  writeFileSync(join(out, "measurements.md"), `${table}\n`);
  writeFileSync(
    join(out, "index.html"),
    `<!doctype html><meta charset="utf-8"><title>政报通 · Discord before/after</title><style>${CSS}</style>` +
      `<h1>政报通 in Discord: before and after issue 14</h1><p>Mock-ups of the payloads in payloads/ (desktop: embed images in Discord's ~400 × 300 box; phone: 390 px). Generated by docs/ux/make.ts.</p>` +
      sections.join(""),
  );
  // Keep renderHelp referenced: the help scenario goes through renderAnswer's view.help.
  void renderHelp;
}

await main();
