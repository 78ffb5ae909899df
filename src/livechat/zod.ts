import * as z from 'zod/mini';

// zod 4 probes `new Function('')` the first time an object schema is built, to decide whether it may
// JIT-compile parsers. On a host page whose Content-Security-Policy forbids 'unsafe-eval' that probe is
// reported as a violation even though zod catches it. Turning JIT off before any schema exists avoids the
// probe entirely. Every schema module imports `z` from here so this line always runs first.
z.config({ jitless: true });

export { z };

/**
 * A schema built the first time it is asked for, then reused. zod schemas are objects built at run time: a module
 * of them built at import would cost every page view's startup (about 25 ms for this widget's on the benchmark's
 * mobile profile), even for the answers that never come (a room, an error) and the options the site never sets.
 */
export function lazySchema<T>(build: () => T): () => T {
  let schema: T | undefined;
  return () => {
    schema ??= build();
    return schema;
  };
}
