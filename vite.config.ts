import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

/**
 * Three classic-script (IIFE) builds, one per mode, run in order by `npm run build`:
 * - widget: dist/widget/widget.js — React + the form, added by the loader when needed;
 * - phone:  dist/widget/phone.js  — libphonenumber-js metadata, added when the phone field is first used;
 * - loader: dist/loader.js        — the one file a site owner references.
 * IIFE rather than ES modules: a module script or import() from another origin needs CORS headers,
 * and these files must work from any static host. Rolldown cannot code-split an IIFE, so each lazy
 * part is its own entry.
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

export default defineConfig(({ mode }): UserConfig => {
  const build = builds[mode];
  if (!build) throw new Error(`vite.config.ts: build with --mode ${Object.keys(builds).join('|')}`);
  return {
    plugins: mode === 'widget' ? [react()] : [],
    publicDir: false,
    // Lib mode leaves process.env.NODE_ENV in place: without this React ships its dev build (and throws).
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: build.outDir,
      emptyOutDir: build.empty,
      minify: true,
      sourcemap: false,
      reportCompressedSize: false,
      lib: { entry: build.entry, name: build.name, formats: ['iife'], fileName: () => build.fileName },
    },
  };
});
