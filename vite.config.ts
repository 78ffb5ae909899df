import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';
import { ownKeysForIn } from './src/dev/own-keys-for-in.ts';

/**
 * Three classic-script (IIFE) builds, one per mode, run in order by `npm run build`:
 * - widget: dist/widget/widget.js — React + the form, added by the loader when needed;
 * - phone:  dist/widget/phone.js  — libphonenumber-js metadata, added when the phone field is first used;
 * - loader: dist/loader.js        — the one file a site owner references.
 * IIFE rather than ES modules: a module script or import() from another origin needs CORS headers,
 * and these files must work from any static host. Rolldown cannot code-split an IIFE, so each lazy
 * part is its own entry.
 *
 * A fourth mode, npm (`vite build --mode npm`), builds the package's ES module entries for bundlers:
 * dist/npm/index.js (`import { PrechatForm } from 'rocketchat-prechat'`, the form and the phone metadata
 * as lazy chunks) and dist/npm/testing.js (`rocketchat-prechat/testing`). See npmBuild below.
 */
const builds: Record<
  string,
  { entry: string; name: string; outDir: string; fileName: string; empty: boolean }
> = {
  widget: {
    entry: 'src/widget/entry.ts',
    name: 'RocketChatPrechatWidget',
    outDir: 'dist/widget',
    fileName: 'widget.js',
    empty: true,
  },
  phone: {
    entry: 'src/widget/phone/entry.ts',
    name: 'RocketChatPrechatPhone',
    outDir: 'dist/widget',
    fileName: 'phone.js',
    empty: false,
  },
  loader: {
    entry: 'src/loader/index.ts',
    name: 'RocketChatPrechatLoader',
    outDir: 'dist',
    fileName: 'loader.js',
    empty: false,
  },
};

/**
 * The ES build for npm consumers. React and react-dom are peer dependencies, so they (and their subpaths,
 * e.g. react/jsx-runtime, react-dom/client) stay imports; so does @playwright/test (an optional peer, only
 * used by the testing entry). Everything else is bundled: the consumer gets the exact versions we test,
 * and zod's global `jitless` setting (src/livechat/zod.ts) cannot leak into the consumer's own zod.
 * `process.env.NODE_ENV` is left for the consumer's bundler, as React's own packages expect: the
 * libraries bundled here keep their development warnings in a development build. Not minified: the
 * consumer's bundler minifies, and readable code is easier to debug.
 */
const npmBuild: UserConfig = {
  plugins: [react(), ownKeysForIn()],
  publicDir: false,
  build: {
    outDir: 'dist/npm',
    emptyOutDir: true,
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    lib: {
      entry: { index: 'src/npm/index.ts', testing: 'src/npm/testing.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      external: [/^react(-dom)?(\/|$)/, /^@playwright\/test(\/|$)/],
      // The phone entry (src/widget/phone/entry.ts) would be called "entry".
      output: {
        chunkFileNames: ({ name }) => `chunks/${name === 'entry' ? 'phone' : name}-[hash].js`,
      },
    },
  },
};

export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'npm') return npmBuild;
  const build = builds[mode];
  if (!build)
    throw new Error(`vite.config.ts: build with --mode ${[...Object.keys(builds), 'npm'].join('|')}`);
  return {
    // The loader has no for…in; the bundles with React, zod and libphonenumber-js do (src/dev/own-keys-for-in.ts).
    plugins: mode === 'widget' ? [react(), ownKeysForIn()] : mode === 'phone' ? [ownKeysForIn()] : [],
    publicDir: false,
    // widget.js bundles React 18.3 (npm aliases react-18, react-dom-18), not 19: 19 KB brotli smaller, and the
    // form runs on both — the npm package takes the site's React, ^18.3 or ^19. Every import of React, ours and
    // the libraries', resolves to the one copy.
    resolve:
      mode === 'widget'
        ? {
            alias: [
              { find: /^react(\/.*)?$/, replacement: 'react-18$1' },
              { find: /^react-dom(\/.*)?$/, replacement: 'react-dom-18$1' },
            ],
          }
        : undefined,
    // Lib mode leaves process.env.NODE_ENV in place: without this React ships its dev build (and throws).
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: build.outDir,
      emptyOutDir: build.empty,
      minify: true,
      sourcemap: false,
      reportCompressedSize: false,
      lib: { entry: build.entry, name: build.name, formats: ['iife'], fileName: () => build.fileName },
      // V8's explicit compile hint: compile every function of widget.js while it streams in, on a background
      // thread, instead of each one on the main thread the first time the form calls it. Nearly all of it runs
      // for the first render (React, react-hook-form, TanStack Query, zod, the form); measured on the benchmark,
      // main-thread script time fell by about half on the desktop profile, and the form was usable ~100 ms sooner
      // after a click on the mobile one, at the price of ~0.2 MB more heap for code compiled but never run.
      rolldownOptions:
        mode === 'widget' ? { output: { postBanner: '//# allFunctionsCalledOnLoad' } } : undefined,
    },
  };
});
