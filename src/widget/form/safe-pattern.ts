import safeRegex from 'safe-regex2';
import { logWarn } from '../../shared/log.ts';

const warned = new Set<string>();

/**
 * Compiles a custom field's `regexp` as Rocket.Chat does (`new RegExp(regexp)`), for checking in the browser —
 * unless it could backtrack catastrophically: a nested repetition such as `^(\w+\s?)*$` takes exponential time
 * on some inputs and would freeze the host page on a keystroke. Such a pattern (star height above 1, as
 * safe-regex2 measures it) is never run here: the field is left to the server, which checks it on submit, and
 * the console says so once. An invalid pattern checks nothing, as on the server.
 */
export function compileSafePattern(source: string | null | undefined, fieldKey: string): RegExp | undefined {
  if (!source) return undefined;
  let pattern: RegExp;
  try {
    pattern = new RegExp(source);
  } catch {
    return undefined;
  }
  if (safeRegex(source)) return pattern;
  if (!warned.has(source)) {
    warned.add(source);
    logWarn(
      `custom field "${fieldKey}": its regexp ${source} can take exponential time, so it is not checked in the ` +
        'browser; Rocket.Chat still checks it when the visitor submits',
    );
  }
  return undefined;
}
