#!/usr/bin/env node
/**
 * Writes the declarations of the npm entries into dist/npm (run by `npm run build`, after
 * `tsc -p tsconfig.types.json` has emitted into node_modules/.cache/rocketchat-prechat-types).
 *
 * tsc emits a declaration for every file of its program, which includes the whole widget (src/npm imports it
 * lazily), and keeps the source's `.ts` specifiers. This copies only the public modules, flat into dist/npm,
 * rewrites their relative imports to `./x.js` (which every resolution mode maps to `./x.d.ts`), and fails when
 * a copied declaration imports a module that is not copied — a widget type leaking into the public API.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';

const EMITTED = 'node_modules/.cache/rocketchat-prechat-types';
const OUT = 'dist/npm';

/** Emitted declaration (relative to src/) → file name in dist/npm. */
const PUBLIC = {
  'npm/index.d.ts': 'index.d.ts',
  'npm/testing.d.ts': 'testing.d.ts',
  'npm/global.d.ts': 'global.d.ts',
  'npm/types.d.ts': 'types.d.ts',
  'npm/PrechatForm.d.ts': 'PrechatForm.d.ts',
  'npm/mount-prechat.d.ts': 'mount-prechat.d.ts',
  'types/public-api.d.ts': 'public-api.d.ts',
};

const SPECIFIER = /(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]+)\2/g;

let failed = false;
mkdirSync(OUT, { recursive: true });
for (const [source, target] of Object.entries(PUBLIC)) {
  const path = join(EMITTED, source);
  if (!existsSync(path)) {
    console.error(`write-npm-types: ${path} was not emitted (run tsc -p tsconfig.types.json first)`);
    process.exit(1);
  }
  const text = readFileSync(path, 'utf8').replace(SPECIFIER, (_match, keyword, quote, specifier) => {
    // `../types/public-api.ts` from npm/x.d.ts → types/public-api.d.ts → its name in dist/npm.
    const resolved = posix.join(posix.dirname(source), specifier).replace(/\.(ts|tsx|js)$/, '.d.ts');
    const copied = PUBLIC[resolved];
    if (!copied) {
      console.error(`write-npm-types: ${source} imports ${specifier}, which is not part of the public types`);
      failed = true;
      return `${keyword}${quote}${specifier}${quote}`;
    }
    return `${keyword}${quote}./${copied.replace(/\.d\.ts$/, '.js')}${quote}`;
  });
  mkdirSync(dirname(join(OUT, target)), { recursive: true });
  writeFileSync(join(OUT, target), text);
}
process.exit(failed ? 1 : 0);
