/**
 * Request bodies: a 1 MB cap (413 above it) and Rocket.Chat's `Router.parseBodyParams` (CONTRACT.md §0.1):
 * JSON is parsed, a body that fails to parse becomes `{}`, form-encoded becomes a flat object, any other type is
 * read as text and spread into an object (`{...'ab'}` → `{0:'a',1:'b'}`), which is what Rocket.Chat really does.
 */

/** Same cap as body-parser's `1mb`. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

export type RawBody = { tooLarge: true } | { tooLarge: false; text: string };

export async function readRawBody(request: Request): Promise<RawBody> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > BODY_LIMIT_BYTES) return { tooLarge: true };
  if (!request.body) return { tooLarge: false, text: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > BODY_LIMIT_BYTES) {
      await reader.cancel().catch(() => {});
      return { tooLarge: true };
    }
    chunks.push(value);
  }
  return { tooLarge: false, text: Buffer.concat(chunks).toString('utf8') };
}

export function parseBodyParams(contentType: string | undefined, text: string): unknown {
  let parsed: unknown;
  if (contentType?.includes('multipart/form-data')) return {};
  if (contentType?.includes('application/json')) {
    try {
      parsed = JSON.parse(text);
    } catch {
      return {};
    }
  } else if (contentType?.includes('application/x-www-form-urlencoded')) {
    parsed = Object.fromEntries(new URLSearchParams(text));
  } else {
    parsed = text;
  }
  if (parsed === '') return {};
  if (Array.isArray(parsed)) return parsed;
  return { ...(parsed as object) };
}

/** For the control request log: parsed JSON, else the raw text, else `null` for an empty body. */
export function bodyForLog(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
