#!/usr/bin/env node
/**
 * Where the bytes of a built bundle come from, per package (or per source file), measured the way
 * src/dev/check-size.mjs measures the budget: brotli at quality 11.
 *
 *   node src/dev/bundle-breakdown.mjs [mode] [--files] [--keep]
 *
 * mode is a vite.config.ts mode with one IIFE output: widget (default), phone or loader. The bundle is built
 * again, with a source map, into a temporary folder (dist/ is left alone); every byte of the minified output is
 * given to the source file its source-map segment points at, and the files are grouped by npm package (zod by
 * sub-folder, our own code by folder; the i18n catalogs are a group of their own). --files lists single files,
 * --keep leaves the temporary build in place and prints where it is. Takes about 20 s (one brotli pass per group).
 *
 * Columns: `raw` bytes of minified code; `alone` is the group's own bytes brotli'd on their own (usually
 * high: the group loses the context of the rest); `marginal` is what the whole file's brotli size drops by
 * when the group's bytes are cut out (about what removing the package would save). Brotli is
 * not additive, so neither column sums to the total. Bytes no segment claims (the IIFE wrapper, rolldown's
 * interop helpers, separators) are shown as "(unmapped)".
 *
 * The for…in rewrite of src/dev/own-keys-for-in.ts runs on the minified chunk and does not update the source
 * map, so the mapped build is made without it; the bundle is also built as configured, and what the rewrite
 * adds is printed on its own line.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';
import { build, loadConfigFromFile } from 'vite';

const args = process.argv.slice(2);
const mode = args.find((a) => !a.startsWith('--')) ?? 'widget';
const byFile = args.includes('--files');
const keep = args.includes('--keep');
const FILE_NAMES = { widget: 'widget.js', phone: 'phone.js', loader: 'loader.js' };
if (!FILE_NAMES[mode]) throw new Error(`bundle-breakdown: mode must be one of ${Object.keys(FILE_NAMES)}`);

const brotli = (text) =>
  brotliCompressSync(Buffer.from(text), {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  }).length;

/** The group a source belongs to: an npm package (zod by its sub-folder), or a folder of ours. */
function groupOf(source) {
  if (source === null) return '(unmapped)';
  const pkg = source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/);
  if (pkg) {
    const [, name, rest] = pkg;
    if (name === 'zod') return `zod/${rest.split('/').slice(0, 2).join('/')}`;
    return name;
  }
  const own = relative(process.cwd(), source).split('\\').join('/');
  if (own.includes('/i18n/catalogs/')) return 'own: i18n catalogs';
  return `own: ${own.split('/').slice(0, 2).join('/')}`;
}

const outDir = mkdtempSync(join(tmpdir(), 'bundle-breakdown-'));
const { config } = await loadConfigFromFile({ command: 'build', mode }, 'vite.config.ts');
const buildInto = (dir, { mapped }) =>
  build({
    ...config,
    configFile: false,
    mode,
    logLevel: 'warn',
    plugins: config.plugins?.flat(Infinity).filter((p) => !mapped || p?.name !== 'own-keys-for-in'),
    build: { ...config.build, sourcemap: mapped, outDir: join(outDir, dir), emptyOutDir: true },
  });
await buildInto('as-configured', { mapped: false });
await buildInto('mapped', { mapped: true });
const asConfigured = readFileSync(join(outDir, 'as-configured', FILE_NAMES[mode]), 'utf8');
const file = join(outDir, 'mapped', FILE_NAMES[mode]);
const code = readFileSync(file, 'utf8');
const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
const consumer = new SourceMapConsumer(map);
// Sources are relative to the map's folder; made absolute so they read the same from any temporary folder.
const absolute = (source) => (source == null ? null : resolve(dirname(file), source));

// One pass over the segments in output order: each runs from its own column to the next segment's (or the end
// of its line). Line ends are given to the segment before them.
const lines = code.split('\n');
const lineStart = [];
for (let i = 0, at = 0; i < lines.length; i++) {
  lineStart.push(at);
  at += lines[i].length + 1;
}
const owner = new Array(code.length).fill(null); // per character: source path, or null
let last = { line: 0, column: 0, source: null };
const assign = (from, to, source) => {
  for (let k = from; k < to; k++) owner[k] = source;
};
consumer.eachMapping(
  (m) => {
    const from = lineStart[last.line - 1] + last.column;
    const to = lineStart[m.generatedLine - 1] + m.generatedColumn;
    if (last.line > 0) assign(from, to, last.source);
    last = { line: m.generatedLine, column: m.generatedColumn, source: absolute(m.source) };
  },
  null,
  SourceMapConsumer.GENERATED_ORDER,
);
if (last.line > 0) assign(lineStart[last.line - 1] + last.column, code.length, last.source);

const keyOf = (source) =>
  byFile && source !== null
    ? relative(process.cwd(), source)
        .split('\\')
        .join('/')
        .replace(/^node_modules\//, '')
    : groupOf(source);
const parts = new Map(); // key → characters
for (let k = 0; k < code.length; k++) {
  const key = keyOf(owner[k]);
  if (!parts.has(key)) parts.set(key, []);
  parts.get(key).push(code[k]);
}

const total = { raw: Buffer.byteLength(code), brotli: brotli(code) };
const rows = [...parts].map(([key, chars]) => {
  const text = chars.join('');
  const without = [];
  for (let k = 0; k < code.length; k++) if (keyOf(owner[k]) !== key) without.push(code[k]);
  return {
    key,
    raw: Buffer.byteLength(text),
    alone: brotli(text),
    marginal: total.brotli - brotli(without.join('')),
  };
});
rows.sort((a, b) => b.raw - a.raw);

const fmt = (n) => n.toLocaleString('en-US');
const pct = (n) => `${((n / total.raw) * 100).toFixed(1)}%`;
const width = Math.max(10, ...rows.map((r) => r.key.length));
const configured = { raw: Buffer.byteLength(asConfigured), brotli: brotli(asConfigured) };
console.log(
  `${FILE_NAMES[mode]} as configured: ${fmt(configured.raw)} B minified, ${fmt(configured.brotli)} B brotli 11`,
);
console.log(
  `  of which the for…in rewrite: ${fmt(configured.raw - total.raw)} B raw, ${fmt(configured.brotli - total.brotli)} B brotli`,
);
console.log(`Mapped build (no rewrite): ${fmt(total.raw)} B minified, ${fmt(total.brotli)} B brotli 11\n`);
console.log(
  `${'group'.padEnd(width)}  ${'raw'.padStart(9)}  ${'share'.padStart(6)}  ${'alone br'.padStart(9)}  ${'marginal br'.padStart(11)}`,
);
for (const r of rows)
  console.log(
    `${r.key.padEnd(width)}  ${fmt(r.raw).padStart(9)}  ${pct(r.raw).padStart(6)}  ${fmt(r.alone).padStart(9)}  ${fmt(r.marginal).padStart(11)}`,
  );
if (keep) console.log(`\nBuild kept in ${outDir}`);
else rmSync(outDir, { recursive: true, force: true });
