/**
 * The layering of src/, enforced: every import of every file under src/ is read (./import-graph.ts) and
 * checked against the table below. A violation names the file, the line, the specifier and the rule.
 *
 * Type-only means `import type` / `export type`; `import { type A } from 'm'` counts as a value import, since
 * under `verbatimModuleSyntax` it still compiles to `import 'm'` and the bundler keeps that module.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  checkGraph,
  extractImports,
  formatViolations,
  graphOf,
  type ImportRule,
  matchesPath,
  packageName,
  resolveSpecifier,
  ruleApplies,
  scanTree,
} from './import-graph.ts';

// ---------------------------------------------------------------------------------------------------------
// The rules. Each folder of src/ is one layer (every source file must be in one); the last rule cuts across.

const LAYERS: ImportRule[] = [
  {
    name: 'loader',
    files: 'src/loader/**',
    // loader.js is on every page of the site and has a 2.7 KB brotli budget: whatever it value-imports is
    // bundled into it. Types cost nothing; packages and the form's code would blow the budget.
    why: 'loader.js ships on every page within 2.7 KB brotli: only its own code and src/shared, types erased',
    only: { modules: ['src/loader/**', 'src/shared/**'], typeOnly: ['src/types/**'], packages: [] },
  },
  {
    name: 'shared',
    files: 'src/shared/**',
    // Bundled into both loader.js and widget.js, so it is held to the loader's limits.
    why: 'src/shared is bundled into loader.js too: only itself, types erased, no packages',
    only: { modules: ['src/shared/**'], typeOnly: ['src/types/**'], packages: [] },
  },
  {
    name: 'types',
    files: 'src/types/**',
    // The public API types: published as declarations and imported by the loader, so they must hold no code
    // and pull in nothing that is not itself public.
    why: 'src/types is the public, type-only API: it may only `import type` from src/types and src/shared',
    only: { modules: [], typeOnly: ['src/types/**', 'src/shared/**'], packages: [] },
  },
  {
    name: 'livechat',
    files: 'src/livechat/**',
    // Rocket.Chat's payload schemas, used by the widget (browser) and the stand-in (Node): they must run in
    // both, and zod/mini (not full zod) keeps them small in widget.js.
    why: 'src/livechat runs in the widget and in the stand-in: only itself and the package zod/mini',
    only: { modules: ['src/livechat/**'], packages: ['zod/mini'] },
  },
  {
    name: 'widget',
    files: 'src/widget/**',
    // The form bundle (browser): Node code, the npm wrapper, the loader and the tools must not leak into it.
    why: 'widget.js is the browser form bundle: no stand-in, npm wrapper, loader or dev code in it',
    never: ['src/server/**', 'src/npm/**', 'src/loader/**', 'src/dev/**'],
  },
  {
    name: 'server',
    files: 'src/server/**',
    // The stand-in runs in Node: browser code (DOM globals, the loader's helpers) does not belong in it.
    why: 'the stand-in runs in Node: no widget, loader, npm or shared (browser) code, no dev tools',
    never: ['src/widget/**', 'src/loader/**', 'src/npm/**', 'src/shared/**', 'src/dev/**'],
  },
  {
    name: 'npm',
    files: 'src/npm/**',
    // The npm package reaches the widget only through its public entries, which are also what
    // src/dev/write-npm-types.mjs lets into the published declarations; a deep import would couple the package
    // to the widget's internals.
    why: 'the npm package uses only the widget entries mount.tsx and phone/entry.ts; no stand-in, loader or dev code',
    never: [
      { path: 'src/widget/**', except: ['src/widget/mount.tsx', 'src/widget/phone/entry.ts'] },
      'src/server/**',
      'src/loader/**',
      'src/dev/**',
    ],
  },
  {
    name: 'dev',
    files: 'src/dev/**',
    // Build, size, demo and load tools: they may use anything.
    why: 'tools, run from the command line',
  },
];

const CROSS_CUTTING: ImportRule[] = [
  {
    name: 'dev is private',
    files: 'src/**',
    filesExcept: ['src/dev/**'],
    // The tools are not shipped anywhere; code that is must not depend on them.
    why: 'src/dev holds tools that ship nowhere: nothing outside src/dev may import them',
    never: ['src/dev/**'],
  },
];

const RULES = [...LAYERS, ...CROSS_CUTTING];

// ---------------------------------------------------------------------------------------------------------
// The reader

describe('import reader', () => {
  it('reads every import form, with its kind and whether it is type-only', () => {
    const source = [
      "import a from './a.ts';",
      "import b, { c as d } from './b.ts';",
      "import * as ns from 'ns';",
      "import type { T } from './types.ts';",
      "import type * as TNs from './types-ns.ts';",
      "import { type U, type V } from './inline-types.ts';",
      "import './side-effect.ts';",
      "export { e } from './e.ts';",
      "export * from './star.ts';",
      "export * as star from './star-ns.ts';",
      "export type { W } from './w.ts';",
      "export type * from './all-types.ts';",
      "const lazy = () => import('./lazy.ts');",
      "type Lazy = typeof import('./lazy-type.ts');",
      "const old = require('old-package');",
      'const tpl = import(`./template.ts`);',
    ].join('\n');
    expect(extractImports(source).imports).toEqual([
      { specifier: './a.ts', kind: 'import', typeOnly: false, line: 1 },
      { specifier: './b.ts', kind: 'import', typeOnly: false, line: 2 },
      { specifier: 'ns', kind: 'import', typeOnly: false, line: 3 },
      { specifier: './types.ts', kind: 'import', typeOnly: true, line: 4 },
      { specifier: './types-ns.ts', kind: 'import', typeOnly: true, line: 5 },
      { specifier: './inline-types.ts', kind: 'import', typeOnly: false, line: 6 },
      { specifier: './side-effect.ts', kind: 'side-effect', typeOnly: false, line: 7 },
      { specifier: './e.ts', kind: 'export', typeOnly: false, line: 8 },
      { specifier: './star.ts', kind: 'export', typeOnly: false, line: 9 },
      { specifier: './star-ns.ts', kind: 'export', typeOnly: false, line: 10 },
      { specifier: './w.ts', kind: 'export', typeOnly: true, line: 11 },
      { specifier: './all-types.ts', kind: 'export', typeOnly: true, line: 12 },
      { specifier: './lazy.ts', kind: 'dynamic', typeOnly: false, line: 13 },
      { specifier: './lazy-type.ts', kind: 'dynamic', typeOnly: true, line: 14 },
      { specifier: 'old-package', kind: 'require', typeOnly: false, line: 15 },
      { specifier: './template.ts', kind: 'dynamic', typeOnly: false, line: 16 },
    ]);
  });

  it('reads imports spread over lines, and ignores comments, strings, templates and regexes', () => {
    const source = `#!/usr/bin/env node
/* import fake from 'block-comment'; */
// import fake from 'line-comment';
import {
  type A,
  b, // import fake from 'trailing-comment'
  c,
} from './multi-line.ts';
const s = "import fake from 'in-a-string'";
const t = \`import('in-a-template') \${await import('./inside-substitution.ts')} export * from 'x'\`;
const r = /import\\(['"]in-a-regex['"]\\)/g;
const q = 'it\\'s'; import type {
  Z } from './after-quote.ts';
obj.import('property'); obj?.require('property');
export { local };
export type Alias = import('./type-position.ts').T;
const meta = import.meta.url;
`;
    expect(extractImports(source).imports.map((i) => [i.specifier, i.line, i.typeOnly])).toEqual([
      ['./multi-line.ts', 4, false],
      ['./inside-substitution.ts', 10, false],
      ['./after-quote.ts', 12, true],
      // `import('m').T` in a type position reads as a value import: stricter, never looser (use `import type`).
      ['./type-position.ts', 16, false],
    ]);
  });

  it('keeps going after a line it misreads (an apostrophe or a slash in JSX text)', () => {
    const source = [
      "import { a } from './a.ts';",
      "const view = <p>Don't / stop</p>;",
      "import { b } from './b.ts';",
    ].join('\n');
    expect(extractImports(source).imports.map((i) => i.specifier)).toEqual(['./a.ts', './b.ts']);
  });

  it('tells `import type` from a default import named `type`', () => {
    const source = "import type from './default-named-type.ts';\nimport type, { x } from './also.ts';";
    expect(extractImports(source).imports.map((i) => i.typeOnly)).toEqual([false, false]);
  });

  it('lists dynamic imports and requires whose module is an expression', () => {
    const source = `import(name);\nimport(\`./\${name}.ts\`);\nrequire('./' + name);\nimport('./fixed.ts');`;
    const found = extractImports(source);
    expect(found.computed).toEqual([1, 2, 3]);
    expect(found.imports.map((i) => i.specifier)).toEqual(['./fixed.ts']);
  });

  it('resolves relative specifiers to repo paths and keeps package names', () => {
    const known = new Set(['src/a/b.ts', 'src/a/c.tsx', 'src/d/index.ts', 'src/e.json', 'src/f.ts']);
    const exists = (path: string) => known.has(path);
    expect(resolveSpecifier('src/a/x.ts', './b.ts', exists)).toEqual({ kind: 'file', path: 'src/a/b.ts' });
    expect(resolveSpecifier('src/a/x.ts', './b', exists)).toEqual({ kind: 'file', path: 'src/a/b.ts' });
    expect(resolveSpecifier('src/a/x.ts', './b.js', exists)).toEqual({ kind: 'file', path: 'src/a/b.ts' });
    expect(resolveSpecifier('src/a/x.ts', './c.js', exists)).toEqual({ kind: 'file', path: 'src/a/c.tsx' });
    expect(resolveSpecifier('src/a/x.ts', '../d', exists)).toEqual({ kind: 'file', path: 'src/d/index.ts' });
    expect(resolveSpecifier('src/a/x.ts', '../e.json', exists)).toEqual({ kind: 'file', path: 'src/e.json' });
    expect(resolveSpecifier('src/a/x.ts', '../f.ts?raw', exists)).toEqual({ kind: 'file', path: 'src/f.ts' });
    expect(resolveSpecifier('src/a/x.ts', './missing.ts', exists)).toMatchObject({ kind: 'unresolved' });
    expect(resolveSpecifier('src/a/x.ts', 'zod/mini', exists)).toEqual({ kind: 'package', name: 'zod' });
    expect(packageName('@tanstack/react-query')).toBe('@tanstack/react-query');
    expect(packageName('@hookform/resolvers/zod')).toBe('@hookform/resolvers');
    expect(packageName('react-dom/client')).toBe('react-dom');
    expect(packageName('node:fs/promises')).toBe('node:fs');
  });
});

// ---------------------------------------------------------------------------------------------------------
// The checker, on a small synthetic graph

/** Each file's imports, as source text: the reader and the checker are exercised together. */
const SYNTHETIC_OK: Record<string, string> = {
  'src/loader/index.ts': [
    "import { loadScript } from '../shared/load-script.ts';",
    "import type { PrechatOptions } from '../types/public-api.ts';",
    "import { log } from './log.ts';",
  ].join('\n'),
  'src/loader/log.ts': "export type { PrechatOptions } from '../types/public-api.ts';",
  'src/shared/load-script.ts': "import type { PrechatOptions } from '../types/public-api.ts';",
  'src/types/public-api.ts': "import type { Other } from './other.ts';",
  'src/types/other.ts': "export type * from '../shared/load-script.ts';",
  'src/livechat/zod.ts': "import * as z from 'zod/mini';",
  'src/livechat/schemas.ts': "import { z } from './zod.ts';",
  'src/widget/mount.tsx': [
    "import { createRoot } from 'react-dom/client';",
    "import { addStyles } from '../shared/load-script.ts';",
    "import { TOKEN } from '../types/public-api.ts';",
    "import { z } from '../livechat/zod.ts';",
    "import { deep } from './app/deep.ts';",
  ].join('\n'),
  'src/widget/app/deep.ts': '',
  'src/widget/phone/entry.ts': "import 'libphonenumber-js/min';",
  'src/server/app.ts': [
    "import { Hono } from 'hono';",
    "import { z } from '../livechat/zod.ts';",
    "import type { X } from '../types/public-api.ts';",
  ].join('\n'),
  'src/npm/index.ts': [
    "import { useEffect } from 'react';",
    "import type { WidgetHandle } from '../types/public-api.ts';",
    "const mount = () => import('../widget/mount.tsx');",
    "const phone = () => import('../widget/phone/entry.ts');",
  ].join('\n'),
  'src/dev/tool.ts': [
    "import { startStandin } from '../server/app.ts';",
    "import { mount } from '../widget/mount.tsx';",
    "import { x } from '../loader/index.ts';",
    "import { spawn } from 'node:child_process';",
  ].join('\n'),
};

/** The violations found after adding (or replacing) one synthetic file. */
const violationsWith = (path: string, source: string, extraPaths: string[] = []) =>
  checkGraph(graphOf({ ...SYNTHETIC_OK, [path]: source }, extraPaths), RULES).map((v) => ({
    file: v.file,
    specifier: v.specifier,
    rule: v.rule,
  }));

describe('layer checker (synthetic graph)', () => {
  it('passes allowed imports in every layer, type-only, package, dynamic and dev imports included', () => {
    const graph = graphOf(SYNTHETIC_OK);
    expect(graph.edges.filter((e) => e.target.kind === 'unresolved')).toEqual([]);
    expect(checkGraph(graph, RULES)).toEqual([]);
  });

  it('catches the loader importing a package', () => {
    expect(violationsWith('src/loader/extra.ts', "import { z } from 'zod/mini';")).toEqual([
      { file: 'src/loader/extra.ts', specifier: 'zod/mini', rule: 'loader' },
    ]);
    // Not even types, nor Node built-ins.
    expect(
      violationsWith('src/loader/extra.ts', "import type { Z } from 'zod/mini';\nimport 'node:fs';"),
    ).toEqual([
      { file: 'src/loader/extra.ts', specifier: 'zod/mini', rule: 'loader' },
      { file: 'src/loader/extra.ts', specifier: 'node:fs', rule: 'loader' },
    ]);
  });

  it('catches the loader value-importing src/types (an inline `type` import included)', () => {
    const source = [
      "import { TOKEN_STORAGE_KEY } from '../types/public-api.ts';",
      "import { type PrechatOptions } from '../types/public-api.ts';",
      "export { TOKEN_STORAGE_KEY } from '../types/public-api.ts';",
      "const api = () => import('../types/public-api.ts');",
    ].join('\n');
    expect(violationsWith('src/loader/extra.ts', source)).toEqual(
      Array(4).fill({ file: 'src/loader/extra.ts', specifier: '../types/public-api.ts', rule: 'loader' }),
    );
  });

  it('catches the loader importing the widget, and a path outside src/', () => {
    const source = "import { mount } from '../widget/mount.tsx';\nimport pkg from '../../package.json';";
    expect(violationsWith('src/loader/extra.ts', source, ['package.json'])).toEqual([
      { file: 'src/loader/extra.ts', specifier: '../widget/mount.tsx', rule: 'loader' },
      { file: 'src/loader/extra.ts', specifier: '../../package.json', rule: 'loader' },
    ]);
  });

  it('catches shared and types importing packages or code', () => {
    expect(violationsWith('src/shared/extra.ts', "import { x } from '../types/public-api.ts';")).toEqual([
      { file: 'src/shared/extra.ts', specifier: '../types/public-api.ts', rule: 'shared' },
    ]);
    expect(violationsWith('src/shared/extra.ts', "import { useState } from 'react';")).toEqual([
      { file: 'src/shared/extra.ts', specifier: 'react', rule: 'shared' },
    ]);
    expect(violationsWith('src/types/extra.ts', "import { TOKEN } from './public-api.ts';")).toEqual([
      { file: 'src/types/extra.ts', specifier: './public-api.ts', rule: 'types' },
    ]);
    expect(
      violationsWith('src/types/extra.ts', "import type { Api } from '../livechat/schemas.ts';"),
    ).toEqual([{ file: 'src/types/extra.ts', specifier: '../livechat/schemas.ts', rule: 'types' }]);
    expect(violationsWith('src/types/extra.ts', "import type { ReactNode } from 'react';")).toEqual([
      { file: 'src/types/extra.ts', specifier: 'react', rule: 'types' },
    ]);
  });

  it('catches livechat importing full zod, another package or the widget', () => {
    const source =
      "import { z } from 'zod';\nimport { x } from 'hono';\nimport { y } from '../widget/mount.tsx';";
    expect(violationsWith('src/livechat/extra.ts', source)).toEqual([
      { file: 'src/livechat/extra.ts', specifier: 'zod', rule: 'livechat' },
      { file: 'src/livechat/extra.ts', specifier: 'hono', rule: 'livechat' },
      { file: 'src/livechat/extra.ts', specifier: '../widget/mount.tsx', rule: 'livechat' },
    ]);
  });

  it('catches the widget importing the stand-in (type-only too), the npm wrapper or the loader', () => {
    const source = [
      "import { Hono } from '../server/app.ts';",
      "import type { App } from '../server/app.ts';",
      "import { mount } from '../npm/index.ts';",
      "import { x } from '../loader/index.ts';",
    ].join('\n');
    expect(violationsWith('src/widget/extra.ts', source)).toEqual([
      { file: 'src/widget/extra.ts', specifier: '../server/app.ts', rule: 'widget' },
      { file: 'src/widget/extra.ts', specifier: '../server/app.ts', rule: 'widget' },
      { file: 'src/widget/extra.ts', specifier: '../npm/index.ts', rule: 'widget' },
      { file: 'src/widget/extra.ts', specifier: '../loader/index.ts', rule: 'widget' },
    ]);
  });

  it('catches the npm package importing a deep widget file (even lazily or type-only)', () => {
    const source = [
      "import { deep } from '../widget/app/deep.ts';",
      "export type { Deep } from '../widget/app/deep.ts';",
      "const lazy = () => import('../widget/app/deep.ts');",
      "import { app } from '../server/app.ts';",
    ].join('\n');
    expect(violationsWith('src/npm/extra.ts', source)).toEqual([
      { file: 'src/npm/extra.ts', specifier: '../widget/app/deep.ts', rule: 'npm' },
      { file: 'src/npm/extra.ts', specifier: '../widget/app/deep.ts', rule: 'npm' },
      { file: 'src/npm/extra.ts', specifier: '../widget/app/deep.ts', rule: 'npm' },
      { file: 'src/npm/extra.ts', specifier: '../server/app.ts', rule: 'npm' },
    ]);
  });

  it('catches the stand-in importing shared (browser) code, the widget, the loader or the npm package', () => {
    const source = [
      "import { loadScript } from '../shared/load-script.ts';",
      "import { mount } from '../widget/mount.tsx';",
      "import { x } from '../loader/index.ts';",
      "import { y } from '../npm/index.ts';",
    ].join('\n');
    expect(violationsWith('src/server/extra.ts', source)).toEqual([
      { file: 'src/server/extra.ts', specifier: '../shared/load-script.ts', rule: 'server' },
      { file: 'src/server/extra.ts', specifier: '../widget/mount.tsx', rule: 'server' },
      { file: 'src/server/extra.ts', specifier: '../loader/index.ts', rule: 'server' },
      { file: 'src/server/extra.ts', specifier: '../npm/index.ts', rule: 'server' },
    ]);
  });

  it('catches anyone outside src/dev importing src/dev', () => {
    expect(violationsWith('src/widget/extra.ts', "import { t } from '../dev/tool.ts';")).toEqual([
      { file: 'src/widget/extra.ts', specifier: '../dev/tool.ts', rule: 'widget' },
      { file: 'src/widget/extra.ts', specifier: '../dev/tool.ts', rule: 'dev is private' },
    ]);
    expect(violationsWith('src/livechat/extra.ts', "import '../dev/tool.ts';").map((v) => v.rule)).toEqual([
      'livechat',
      'dev is private',
    ]);
    expect(violationsWith('src/dev/other.ts', "import { t } from './tool.ts';")).toEqual([]);
  });

  it('names the file, line, specifier, rule and reason in its report', () => {
    const graph = graphOf({ 'src/loader/x.ts': "\nimport { K } from '../types/public-api.ts';" }, [
      'src/types/public-api.ts',
    ]);
    expect(formatViolations(checkGraph(graph, RULES))).toMatch(
      /^src\/loader\/x\.ts:2 imports '\.\.\/types\/public-api\.ts' — rule "loader": src\/types\/public-api\.ts may only be imported with `import type`/,
    );
  });

  it('only knows dir/** and exact-path patterns', () => {
    expect(matchesPath('src/widget/**', 'src/widget/a/b.ts')).toBe(true);
    expect(matchesPath('src/widget/**', 'src/widgets/a.ts')).toBe(false);
    expect(matchesPath('src/widget/mount.tsx', 'src/widget/mount.tsx')).toBe(true);
    expect(() => matchesPath('src/*.ts', 'src/a.ts')).toThrow(/unsupported pattern/);
  });
});

// ---------------------------------------------------------------------------------------------------------
// The real tree

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const graph = scanTree(REPO, 'src');

describe('src/ layering', () => {
  it('scans a plausible tree: files in every layer, imports of every kind', () => {
    expect(graph.files.length).toBeGreaterThanOrEqual(50);
    expect(graph.edges.length).toBeGreaterThanOrEqual(150);
    for (const layer of LAYERS) {
      expect(graph.files.filter((f) => matchesPath(layer.files, f)).length, layer.files).toBeGreaterThan(0);
    }
    const kinds = new Set(graph.edges.map((e) => `${e.kind}${e.typeOnly ? ' type' : ''}`));
    for (const kind of ['import', 'import type', 'export', 'dynamic']) expect(kinds, kind).toContain(kind);
    const targets = new Set(graph.edges.map((e) => e.target.kind));
    expect(targets).toContain('file');
    expect(targets).toContain('package');
  });

  it('puts every source file in exactly one layer', () => {
    const misplaced = graph.files.filter(
      (file) => LAYERS.filter((rule) => ruleApplies(rule, file)).length !== 1,
    );
    expect(misplaced).toEqual([]);
  });

  it('resolves every relative specifier', () => {
    const unresolved = graph.edges
      .filter((e) => e.target.kind === 'unresolved')
      .map((e) => `${e.from}:${e.line} '${e.specifier}'`);
    expect(unresolved).toEqual([]);
  });

  it('has no dynamic import or require of a computed module outside src/dev (the rules could not see it)', () => {
    const hidden = graph.computed
      .filter((c) => !c.file.startsWith('src/dev/'))
      .map((c) => `${c.file}:${c.line}`);
    expect(hidden).toEqual([]);
  });

  it('follows the layer rules', () => {
    const violations = checkGraph(graph, RULES);
    expect(violations, `\n${formatViolations(violations)}\n`).toEqual([]);
  });
});
