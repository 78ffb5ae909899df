/**
 * A small import-graph reader and layer checker for `src/`, with no dependencies (TypeScript 7 is the native
 * compiler and has no JS API to lean on).
 *
 * Reading is a tokenizer, not a parser: comments are skipped, string / template / regex literals become single
 * tokens (so `'import x from "y"'` inside a string is not an import), and the module specifiers are picked out
 * of the token stream:
 *   import x from 'm'   import { a, type b } from 'm'   import * as ns from 'm'   import 'm'
 *   import type { T } from 'm'   export { a } from 'm'   export * from 'm'   export type * from 'm'
 *   import('m')   typeof import('m')   require('m')
 * Quoted strings and regex literals end at a line break at the latest, so a tokenizer guess that goes wrong
 * (an apostrophe in JSX text, a `/` it takes for a regex) spoils one line, never the imports further down.
 *
 * Type-only means `import type …` / `export type …` (and `typeof import('m')`). `import { type A } from 'm'`
 * is NOT type-only: under `verbatimModuleSyntax` it compiles to `import 'm'`, and since package.json marks
 * `./src/**` as having side effects, the bundler then keeps that module's code.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';

// ---------------------------------------------------------------------------------------------------------
// Tokens

type TokenType = 'name' | 'string' | 'template' | 'punct' | 'number' | 'regex';

interface Token {
  type: TokenType;
  /** A name, the value of a string (or of a template without `${}`), or the punctuator. */
  value: string;
  line: number;
}

/** After these punctuators a `/` starts a regular expression, not a division. */
const REGEX_AFTER_PUNCT = new Set('( , = : [ ! & | ? { } ; + - * % < > ~ ^ ... =>'.split(' '));
const REGEX_AFTER_NAME = new Set(
  'return typeof instanceof in of new delete void throw case do else yield await'.split(' '),
);
const NAME_START = /[\p{ID_Start}$_\\]/u;
const NAME = /[\p{ID_Start}$_\\](?:[\p{ID_Continue}$\\]|\u200c|\u200d)*/uy;
const NUMBER = /(?:\d|\.\d)[\w.]*/y;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  // Each open `{` in code is 'brace'; each `${` of a template is 'template', where its `}` resumes the text.
  const braces: Array<'brace' | 'template'> = [];
  let line = 1;
  let i = source.startsWith('#!') ? source.indexOf('\n') : 0;
  if (i < 0) i = source.length;

  const push = (type: TokenType, value: string, at: number) => tokens.push({ type, value, line: at });
  const advanceTo = (end: number) => {
    for (let k = i; k < end; k++) if (source.charCodeAt(k) === 10) line++;
    i = end;
  };
  const regexAllowed = () => {
    const prev = tokens.at(-1);
    if (!prev) return true;
    if (prev.type === 'punct') return REGEX_AFTER_PUNCT.has(prev.value);
    return prev.type === 'name' && REGEX_AFTER_NAME.has(prev.value);
  };
  /** Reads template text from i (just after ` or after the } that closes a ${…}). */
  const templateText = (startLine: number, opening: boolean) => {
    let text = '';
    while (i < source.length) {
      const c = source[i];
      if (c === '\\') {
        text += source[i + 1] ?? '';
        advanceTo(i + 2);
      } else if (c === '`') {
        advanceTo(i + 1);
        // A template with no substitution is a plain string; one with substitutions was already pushed.
        if (opening) push('string', text, startLine);
        return;
      } else if (c === '$' && source[i + 1] === '{') {
        if (opening) push('template', '', startLine);
        advanceTo(i + 2);
        braces.push('template');
        return;
      } else {
        text += c;
        advanceTo(i + 1);
      }
    }
  };

  while (i < source.length) {
    const c = source[i] as string;
    const next = source[i + 1];
    if (c === '\n' || c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v' || c === '\uFEFF') {
      advanceTo(i + 1);
    } else if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      advanceTo(end === -1 ? source.length : end);
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      advanceTo(end === -1 ? source.length : end + 2);
    } else if (c === "'" || c === '"') {
      const startLine = line;
      let text = '';
      let k = i + 1;
      while (k < source.length && source[k] !== c && source[k] !== '\n') {
        if (source[k] === '\\') {
          text += source[k + 1] ?? '';
          k += 2;
        } else {
          text += source[k];
          k++;
        }
      }
      advanceTo(source[k] === c ? k + 1 : k);
      push('string', text, startLine);
    } else if (c === '`') {
      const startLine = line;
      advanceTo(i + 1);
      templateText(startLine, true);
    } else if (c === '/' && regexAllowed()) {
      let k = i + 1;
      let inClass = false;
      while (k < source.length && source[k] !== '\n') {
        const r = source[k];
        if (r === '\\') k++;
        else if (r === '[') inClass = true;
        else if (r === ']') inClass = false;
        else if (r === '/' && !inClass) break;
        k++;
      }
      if (source[k] === '/') k++;
      while (k < source.length && /[a-z]/i.test(source[k] as string)) k++;
      push('regex', source.slice(i, k), line);
      advanceTo(k);
    } else if (NAME_START.test(c)) {
      NAME.lastIndex = i;
      const match = NAME.exec(source);
      const value = match ? match[0] : c;
      push('name', value, line);
      advanceTo(i + value.length);
    } else if (/\d/.test(c) || (c === '.' && next !== undefined && /\d/.test(next))) {
      NUMBER.lastIndex = i;
      const value = NUMBER.exec(source)?.[0] ?? c;
      push('number', value, line);
      advanceTo(i + value.length);
    } else if (c === '{') {
      braces.push('brace');
      push('punct', c, line);
      advanceTo(i + 1);
    } else if (c === '}') {
      if (braces.pop() === 'template') {
        advanceTo(i + 1);
        templateText(line, false);
      } else {
        push('punct', c, line);
        advanceTo(i + 1);
      }
    } else {
      const three = source.slice(i, i + 3);
      const two = source.slice(i, i + 2);
      const value =
        three === '...' ? three : two === '=>' || (two === '?.' && !/\d/.test(source[i + 2] ?? '')) ? two : c;
      push('punct', value, line);
      advanceTo(i + value.length);
    }
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------------------
// Import statements

export type ImportKind = 'import' | 'side-effect' | 'export' | 'dynamic' | 'require';

export interface ImportStatement {
  specifier: string;
  kind: ImportKind;
  /** `import type` / `export type` / `typeof import()`: erased at compile time, no code is bundled. */
  typeOnly: boolean;
  line: number;
}

export interface ExtractedImports {
  imports: ImportStatement[];
  /** Lines of `import(expr)` / `require(expr)` whose module cannot be read from the source. */
  computed: number[];
}

const isPunct = (t: Token | undefined, value: string) => t?.type === 'punct' && t.value === value;
const isName = (t: Token | undefined, value: string) => t?.type === 'name' && t.value === value;

/**
 * The index of the specifier of `… from 'm'`, reading an import clause that starts at `start`
 * (`x`, `x, { a as b }`, `* as ns`, `{ from }`…), or -1 when the tokens are not such a clause.
 */
function clauseSpecifier(tokens: Token[], start: number): number {
  let depth = 0;
  for (let j = start; j < tokens.length; j++) {
    const t = tokens[j] as Token;
    if (t.type === 'name') {
      if (depth === 0 && t.value === 'from' && tokens[j + 1]?.type === 'string') return j + 1;
    } else if (t.type === 'punct' && t.value === '{') {
      depth++;
    } else if (t.type === 'punct' && t.value === '}') {
      if (--depth < 0) return -1;
    } else if (
      !(t.type === 'punct' && (t.value === ',' || t.value === '*')) &&
      !(t.type === 'string' && depth > 0)
    ) {
      return -1;
    }
  }
  return -1;
}

/** The index of the specifier of `{ a, b as c } from 'm'` / `* from 'm'` / `* as ns from 'm'`, or -1. */
function reexportSpecifier(tokens: Token[], start: number): number {
  let j = start;
  if (isPunct(tokens[j], '*')) {
    j++;
    if (isName(tokens[j], 'as')) j += 2;
  } else if (isPunct(tokens[j], '{')) {
    j++;
    while (j < tokens.length && !isPunct(tokens[j], '}')) {
      const t = tokens[j] as Token;
      if (!(t.type === 'name' || t.type === 'string' || isPunct(t, ','))) return -1;
      j++;
    }
    j++;
  } else {
    return -1;
  }
  return isName(tokens[j], 'from') && tokens[j + 1]?.type === 'string' ? j + 1 : -1;
}

/** `( 'm' )` or `( 'm', { with: … } )` after index `open` (the `(`): the specifier's index, or -1. */
function callSpecifier(tokens: Token[], open: number): number {
  const arg = tokens[open + 1];
  const after = tokens[open + 2];
  return arg?.type === 'string' && (isPunct(after, ')') || isPunct(after, ',')) ? open + 1 : -1;
}

export function extractImports(source: string): ExtractedImports {
  const tokens = tokenize(source);
  const imports: ImportStatement[] = [];
  const computed: number[] = [];
  const add = (index: number, kind: ImportKind, typeOnly: boolean, line: number) =>
    imports.push({ specifier: (tokens[index] as Token).value, kind, typeOnly, line });

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.type !== 'name') continue;
    const prev = tokens[i - 1];
    // `obj.import(…)`, `obj?.require(…)`: a property, not the keyword.
    if (isPunct(prev, '.') || isPunct(prev, '?.')) continue;
    const next = tokens[i + 1];

    if (t.value === 'import') {
      if (isPunct(next, '(')) {
        const at = callSpecifier(tokens, i + 1);
        if (at < 0) computed.push(t.line);
        else add(at, 'dynamic', isName(prev, 'typeof'), t.line);
      } else if (next?.type === 'string') {
        add(i + 1, 'side-effect', false, t.line);
      } else if (next?.type === 'name' || isPunct(next, '{') || isPunct(next, '*')) {
        // `import type from 'm'` and `import type, { a } from 'm'` import a default export named `type`.
        const defaultNamedType =
          isPunct(tokens[i + 2], ',') || (isName(tokens[i + 2], 'from') && tokens[i + 3]?.type === 'string');
        const typeOnly = isName(next, 'type') && !defaultNamedType;
        const at = clauseSpecifier(tokens, typeOnly ? i + 2 : i + 1);
        if (at >= 0) add(at, 'import', typeOnly, t.line);
      }
    } else if (t.value === 'export') {
      const typeOnly = isName(next, 'type');
      const at = reexportSpecifier(tokens, typeOnly ? i + 2 : i + 1);
      if (at >= 0) add(at, 'export', typeOnly, t.line);
    } else if (t.value === 'require' && isPunct(next, '(')) {
      const at = callSpecifier(tokens, i + 1);
      if (at < 0) computed.push(t.line);
      else add(at, 'require', false, t.line);
    }
  }
  return { imports, computed };
}

// ---------------------------------------------------------------------------------------------------------
// Resolution

export type Target =
  | { kind: 'file'; path: string }
  | { kind: 'package'; name: string }
  | { kind: 'unresolved'; tried: string };

/** `react-dom/client` → `react-dom`, `@scope/pkg/sub` → `@scope/pkg`, `node:fs` → `node:fs`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

const isRelative = (specifier: string) =>
  specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../');

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.d.ts', '.js', '.jsx', '.mjs', '.json'];
const JS_TO_TS: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'] };

/**
 * Resolves `specifier`, written in the repo file `from` (a posix path relative to the repo root), the way the
 * bundler does for this project: exact path first (the source uses `.ts` extensions), then `.js` → `.ts`,
 * then an added extension, then a folder's `index`. A `?query` (Vite's `?raw`, `?url`) is ignored.
 */
export function resolveSpecifier(from: string, specifier: string, exists: (path: string) => boolean): Target {
  if (!isRelative(specifier)) {
    if (specifier.startsWith('/') || /^[a-z]:[\\/]/i.test(specifier) || specifier.startsWith('#')) {
      return { kind: 'unresolved', tried: specifier };
    }
    return { kind: 'package', name: packageName(specifier) };
  }
  const base = posix.normalize(posix.join(posix.dirname(from), specifier.replace(/[?#].*$/, '')));
  const ext = posix.extname(base);
  const candidates = [
    base,
    ...(JS_TO_TS[ext] ?? []).map((tsExt) => base.slice(0, -ext.length) + tsExt),
    ...EXTENSIONS.map((e) => base + e),
    ...EXTENSIONS.map((e) => `${base}/index${e}`),
  ];
  const path = candidates.find(exists);
  return path === undefined ? { kind: 'unresolved', tried: base } : { kind: 'file', path };
}

// ---------------------------------------------------------------------------------------------------------
// The graph

export interface SourceFile {
  /** Posix path relative to the repo root, e.g. `src/loader/index.ts`. */
  path: string;
  source: string;
}

export interface ImportEdge extends ImportStatement {
  from: string;
  target: Target;
}

export interface ImportGraph {
  files: string[];
  edges: ImportEdge[];
  /** Dynamic imports / requires whose specifier is an expression: invisible to the rules. */
  computed: Array<{ file: string; line: number }>;
}

export function buildGraph(files: SourceFile[], exists: (path: string) => boolean): ImportGraph {
  const edges: ImportEdge[] = [];
  const computed: ImportGraph['computed'] = [];
  for (const file of files) {
    const found = extractImports(file.source);
    for (const statement of found.imports) {
      edges.push({
        ...statement,
        from: file.path,
        target: resolveSpecifier(file.path, statement.specifier, exists),
      });
    }
    for (const line of found.computed) computed.push({ file: file.path, line });
  }
  return { files: files.map((f) => f.path), edges, computed };
}

/** An in-memory graph: `exists` is true for the given files and any `extraPaths` (JSON, CSS…). */
export function graphOf(files: Record<string, string>, extraPaths: string[] = []): ImportGraph {
  const known = new Set([...Object.keys(files), ...extraPaths]);
  return buildGraph(
    Object.entries(files).map(([path, source]) => ({ path, source })),
    (path) => known.has(path),
  );
}

export const SOURCE_FILE = /\.(?:ts|tsx|mts|mjs)$/;

/** Reads every `*.{ts,tsx,mts,mjs}` under `dir` (relative to `root`) and builds its graph from disk. */
export function scanTree(root: string, dir: string): ImportGraph {
  const files: SourceFile[] = [];
  const walk = (relDir: string) => {
    for (const entry of readdirSync(join(root, relDir), { withFileTypes: true })) {
      const path = posix.join(relDir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(path);
      } else if (entry.isFile() && SOURCE_FILE.test(entry.name)) {
        files.push({ path, source: readFileSync(join(root, path), 'utf8') });
      }
    }
  };
  walk(dir);
  files.sort((a, b) => a.path.localeCompare(b.path));
  return buildGraph(files, (path) => {
    try {
      return statSync(join(root, path)).isFile();
    } catch {
      return false;
    }
  });
}

// ---------------------------------------------------------------------------------------------------------
// Rules

/** `src/loader/**` (the folder and everything below it) or an exact file path. */
export type PathPattern = string;

export interface ForbiddenTarget {
  path: PathPattern;
  /** Files under `path` that may be imported after all. */
  except?: PathPattern[];
}

export interface ImportRule {
  name: string;
  /** Why the rule exists: printed with each violation. */
  why: string;
  /** The importing files the rule applies to. */
  files: PathPattern;
  /** Importing files exempt from the rule. */
  filesExcept?: PathPattern[];
  /**
   * An allow-list: when given, every import must be one of these (anything else, a path outside src/
   * included, breaks the rule).
   */
  only?: {
    /** Modules that may be imported in any way. */
    modules?: PathPattern[];
    /** Modules that may be imported with `import type` / `export type` only. */
    typeOnly?: PathPattern[];
    /** Package specifiers allowed: `zod/mini` allows `zod/mini` (and `zod/mini/…`), not `zod`. */
    packages?: string[];
  };
  /** A deny-list: modules that must not be imported at all, type-only imports included. */
  never?: Array<PathPattern | ForbiddenTarget>;
}

export function matchesPath(pattern: PathPattern, path: string): boolean {
  if (pattern.endsWith('/**')) return path.startsWith(pattern.slice(0, -2));
  if (pattern.includes('*')) throw new Error(`unsupported pattern ${pattern}: use dir/** or an exact path`);
  return path === pattern;
}

const matchesAny = (patterns: PathPattern[] | undefined, path: string) =>
  (patterns ?? []).some((pattern) => matchesPath(pattern, path));

const matchesPackage = (allowed: string, specifier: string) =>
  specifier === allowed || specifier.startsWith(`${allowed}/`);

export function ruleApplies(rule: ImportRule, file: string): boolean {
  return matchesPath(rule.files, file) && !matchesAny(rule.filesExcept, file);
}

const VALUE_IMPORT: Record<ImportKind, string> = {
  import: 'value import',
  'side-effect': 'side-effect import',
  export: 'value re-export',
  dynamic: 'dynamic import',
  require: 'require',
};

/** Why `edge` breaks `rule`, or undefined when it does not. */
export function breach(rule: ImportRule, edge: ImportEdge): string | undefined {
  const { target } = edge;
  if (target.kind === 'unresolved') return undefined; // reported on its own: see the unresolved check
  if (rule.only) {
    const { modules, typeOnly, packages } = rule.only;
    if (target.kind === 'package') {
      if ((packages ?? []).some((allowed) => matchesPackage(allowed, edge.specifier))) return undefined;
      return packages?.length
        ? `package ${edge.specifier} is not allowed (only ${packages.join(', ')})`
        : `package ${edge.specifier}: no packages allowed`;
    }
    if (matchesAny(modules, target.path)) return undefined;
    if (matchesAny(typeOnly, target.path)) {
      return edge.typeOnly
        ? undefined
        : `${target.path} may only be imported with \`import type\` / \`export type\` (this ${VALUE_IMPORT[edge.kind]} keeps its code)`;
    }
    const allowed = [...(modules ?? []), ...(typeOnly ?? []).map((p) => `${p} (type-only)`)];
    return `${target.path} is outside what it may import (${allowed.join(', ') || 'nothing'})`;
  }
  if (rule.never && target.kind === 'file') {
    for (const entry of rule.never) {
      const { path, except } = typeof entry === 'string' ? { path: entry, except: undefined } : entry;
      if (matchesPath(path, target.path) && !matchesAny(except, target.path)) {
        return except?.length
          ? `${target.path} is forbidden (${path}, except ${except.join(', ')})`
          : `${target.path} is forbidden (${path})`;
      }
    }
  }
  return undefined;
}

export interface Violation {
  file: string;
  line: number;
  specifier: string;
  typeOnly: boolean;
  rule: string;
  reason: string;
  why: string;
}

export function checkGraph(graph: ImportGraph, rules: ImportRule[]): Violation[] {
  const violations: Violation[] = [];
  for (const edge of graph.edges) {
    for (const rule of rules) {
      if (!ruleApplies(rule, edge.from)) continue;
      const reason = breach(rule, edge);
      if (reason !== undefined) {
        violations.push({
          file: edge.from,
          line: edge.line,
          specifier: edge.specifier,
          typeOnly: edge.typeOnly,
          rule: rule.name,
          reason,
          why: rule.why,
        });
      }
    }
  }
  return violations;
}

export function formatViolations(violations: Violation[]): string {
  return violations
    .map(
      (v) =>
        `${v.file}:${v.line} imports '${v.specifier}' — rule "${v.rule}": ${v.reason}.\n    why: ${v.why}`,
    )
    .join('\n');
}
