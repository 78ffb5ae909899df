/**
 * widget/widget.js — the form bundle, a classic script the loader adds when the form is needed.
 * It registers itself as `window.RocketChatPrechatWidget` (the IIFE name set in vite.config.ts).
 */
export { mount } from './mount.tsx';
