import * as z from 'zod/mini';

// zod 4 probes `new Function('')` the first time an object schema is built, to decide whether it may
// JIT-compile parsers. On a host page whose Content-Security-Policy forbids 'unsafe-eval' that probe is
// reported as a violation even though zod catches it. Turning JIT off before any schema exists avoids the
// probe entirely. Every schema module imports `z` from here so this line always runs first.
z.config({ jitless: true });

export { z };
