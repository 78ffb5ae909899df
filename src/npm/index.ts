/**
 * `rocketchat-prechat` for bundlers: the pre-chat form as a React component (`<PrechatForm>`), an imperative
 * `mountPrechat(element, options)`, and the public types. React and react-dom are peer dependencies.
 * The script-tag build (dist/loader.js) is unrelated to this entry; see README "Embed it".
 */
export { mountPrechat } from './mount-prechat.ts';
export { PrechatForm } from './PrechatForm.tsx';
export type * from './types.ts';
