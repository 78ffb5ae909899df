#!/usr/bin/env node
/**
 * Bundle budgets and a strict-CSP check for the built dist/, with no dependencies (`npm run size`).
 *
 * Sizes are what a visitor downloads: brotli at quality 11 (what CDNs serve) is the budget, gzip -9 is shown
 * for comparison. The loader is on every page of the site, so it must stay tiny — no bigger than the loader of
 * Rocket.Chat's own widget (2,732 B); widget.js is everything that must load before the form is usable;
 * phone.js is lazy (first use of the phone field) and gets a looser budget so it cannot grow unnoticed.
 *
 * It also fails when a built file calls `eval(` or `new Function` — a site with a strict CSP (no
 * 'unsafe-eval') would break. Strings and comments are skipped, so an error message that merely mentions
 * eval does not count; a match the scanner is unsure about is reported, not failed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const DIST = 'dist';
// Decimal kilobytes (1,000 bytes), the stricter reading, so the budgets hold whichever way a reader counts.
const KB = 1000;

const BUDGETS = [
  { file: 'dist/loader.js', maxBrotli: 2.7 * KB, role: 'on every page' },
  { file: 'dist/widget/widget.js', maxBrotli: 100 * KB, role: 'before the form is usable' },
  { file: 'dist/widget/phone.js', maxBrotli: 40 * KB, role: 'lazy: first use of the phone field' },
];

function brotliSize(buffer) {
  return brotliCompressSync(buffer, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
    },
  }).length;
}

function measure(file) {
  const buffer = readFileSync(file);
  return { raw: buffer.length, gzip: gzipSync(buffer, { level: 9 }).length, brotli: brotliSize(buffer) };
}

function listJsFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listJsFiles(path);
    return path.endsWith('.js') ? [path] : [];
  });
}

// ---------------------------------------------------------------------------------------------------------
// Blanking strings, comments and regex literals, so only real code is searched for eval.

/** After these characters a `/` starts a regular expression, not a division. */
const REGEX_AFTER_PUNCTUATOR = new Set('(,=:[!&|?{};+-*%<>~^'.split(''));
const REGEX_AFTER_KEYWORD =
  /(?:^|[^\w$])(?:return|typeof|instanceof|in|of|new|delete|void|throw|case|do|else|yield|await)$/;

/**
 * Returns `source` with the contents of string, template and regex literals and of comments replaced by
 * spaces (the delimiters and `${…}` expressions of templates are kept, so offsets still match the original).
 * It is a tokenizer, not a parser: `}` and `)` before a `/` are guesses, which is why a hit found by it is
 * double-checked against the original before failing.
 */
function blankNonCode(source) {
  const out = source.split('');
  const blank = (from, to) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  const templateDepth = []; // brace depth at which each open `${` returns to its template
  let braceDepth = 0;
  let i = 0;
  let lastSignificant = '';

  const skipTemplateText = () => {
    // i is just after ` or after the } that closes a ${…}; stop after the closing ` or after ${.
    const start = i;
    while (i < source.length) {
      const c = source[i];
      if (c === '\\') {
        i += 2;
      } else if (c === '`') {
        blank(start, i);
        i++;
        lastSignificant = '`';
        return;
      } else if (c === '$' && source[i + 1] === '{') {
        blank(start, i);
        i += 2;
        braceDepth++;
        templateDepth.push(braceDepth);
        lastSignificant = '{';
        return;
      } else {
        i++;
      }
    }
    blank(start, i);
  };

  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const stop = end === -1 ? source.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === '"' || c === "'") {
      const start = ++i;
      while (i < source.length && source[i] !== c && source[i] !== '\n') i += source[i] === '\\' ? 2 : 1;
      blank(start, i);
      i++;
      lastSignificant = c;
    } else if (c === '`') {
      i++;
      skipTemplateText();
    } else if (c === '{') {
      braceDepth++;
      i++;
      lastSignificant = c;
    } else if (c === '}') {
      if (templateDepth.at(-1) === braceDepth) {
        templateDepth.pop();
        braceDepth--;
        i++;
        skipTemplateText();
      } else {
        braceDepth--;
        i++;
        lastSignificant = c;
      }
    } else if (c === '/' && startsRegex(source, i, lastSignificant)) {
      const start = ++i;
      let inClass = false;
      while (i < source.length && source[i] !== '\n') {
        const r = source[i];
        if (r === '\\') i++;
        else if (r === '[') inClass = true;
        else if (r === ']') inClass = false;
        else if (r === '/' && !inClass) break;
        i++;
      }
      blank(start, i);
      i++;
      lastSignificant = '/';
    } else {
      if (!/\s/.test(c)) lastSignificant = c;
      i++;
    }
  }
  return out.join('');
}

function startsRegex(source, index, lastSignificant) {
  if (lastSignificant === '' || REGEX_AFTER_PUNCTUATOR.has(lastSignificant)) return true;
  if (lastSignificant === '}') return true; // after a block; a division after an object literal is rarer
  return REGEX_AFTER_KEYWORD.test(source.slice(Math.max(0, index - 12), index).trimEnd());
}

const DYNAMIC_CODE = [
  { pattern: /(?<![\w$.])eval\s*\(/g, what: 'eval(', fatal: true },
  { pattern: /(?<![\w$.])new\s+Function\b/g, what: 'new Function', fatal: true },
  { pattern: /\.eval\s*\(/g, what: '.eval( (a method call, maybe window.eval)', fatal: false },
  { pattern: /(?<![\w$.]|new\s+)Function\s*\(/g, what: 'Function( called without new', fatal: false },
  // zod keeps `const F = Function; new F("")` as a probe; harmless once `jitless` is set, but worth seeing.
  {
    pattern: /(?<![\w$.])Function\s*[;,)]/g,
    what: 'Function used as a value (an alias may call it)',
    fatal: false,
  },
];

function lineOf(source, index) {
  return source.slice(0, index).split('\n').length;
}

function excerpt(source, index) {
  return source
    .slice(Math.max(0, index - 40), index + 40)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Finds dynamic-code call sites in one built file: `fatal` ones fail the check, `doubtful` ones are shown. */
function scanForDynamicCode(file) {
  const source = readFileSync(file, 'utf8');
  const code = blankNonCode(source);
  const fatal = [];
  const doubtful = [];
  for (const { pattern, what, fatal: isFatal } of DYNAMIC_CODE) {
    for (const match of code.matchAll(pattern)) {
      // The blanked text keeps offsets, so the original must show the same token there; if not, the
      // tokenizer lost track and the hit is only worth a note.
      const confirmed = source.startsWith(match[0], match.index);
      const finding = `${file}:${lineOf(source, match.index)}: ${what} … ${excerpt(source, match.index)} …`;
      (isFatal && confirmed ? fatal : doubtful).push(finding);
    }
  }
  return { fatal, doubtful };
}

// ---------------------------------------------------------------------------------------------------------

function formatBytes(bytes) {
  return `${bytes.toLocaleString('en-US')} B`;
}

function main() {
  const problems = [];
  const rows = [];

  for (const { file, maxBrotli, role } of BUDGETS) {
    if (!existsSync(file)) {
      problems.push(`${file} is missing (${role}). Run \`npm run build\` first.`);
      rows.push([file, '-', '-', '-', formatBytes(maxBrotli), 'MISSING']);
      continue;
    }
    const size = measure(file);
    const share = Math.round((size.brotli / maxBrotli) * 100);
    const over = size.brotli > maxBrotli;
    if (over) {
      problems.push(
        `${file} is ${formatBytes(size.brotli)} brotli, over its budget of ${formatBytes(maxBrotli)} ` +
          `by ${formatBytes(size.brotli - maxBrotli)} (${role}).`,
      );
    }
    rows.push([
      file,
      formatBytes(size.raw),
      formatBytes(size.gzip),
      formatBytes(size.brotli),
      formatBytes(maxBrotli),
      `${over ? 'OVER' : 'ok'} ${share}%`,
    ]);
  }

  // Files nobody budgeted (a new lazy part, a stray chunk) are shown, so they cannot slip in unseen.
  const budgeted = new Set(BUDGETS.map((b) => b.file));
  for (const file of listJsFiles(DIST).map((f) => relative('.', f).split('\\').join('/'))) {
    if (budgeted.has(file)) continue;
    const size = measure(file);
    rows.push([
      file,
      formatBytes(size.raw),
      formatBytes(size.gzip),
      formatBytes(size.brotli),
      '-',
      'no budget',
    ]);
  }

  printTable(['file', 'raw', 'gzip -9', 'brotli 11', 'budget (br)', 'status'], rows);

  const scanned = listJsFiles(DIST);
  const doubtful = [];
  for (const file of scanned) {
    const findings = scanForDynamicCode(file);
    for (const f of findings.fatal) problems.push(`strict CSP: ${f}`);
    doubtful.push(...findings.doubtful);
  }
  const cspFailures = problems.filter((p) => p.startsWith('strict CSP')).length;
  console.log(
    `\nStrict-CSP scan of ${scanned.length} built file(s): ${cspFailures} eval( / new Function call site(s), ` +
      `${doubtful.length} note(s).`,
  );
  for (const d of doubtful) console.log(`  note (not failing, check by hand): ${d}`);

  if (problems.length > 0) {
    console.error(`\nSize check FAILED:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  console.log('\nSize check passed: every budget holds and no eval or new Function was found.');
}

function printTable(header, rows) {
  const widths = header.map((h, col) => Math.max(h.length, ...rows.map((r) => String(r[col]).length)));
  const line = (cells) =>
    cells.map((cell, col) => (col === 0 ? cell.padEnd : cell.padStart).call(cell, widths[col])).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row.map(String)));
}

main();
