/**
 * Provoked faults for the widget's own tests (control route `POST /_standin/faults`): the next `times` requests
 * matching method + path get a status, a delay, or a dropped connection instead of (or before) the real answer.
 */
import { z } from '../livechat/zod.ts';

const faultSchema = z.strictObject({
  method: z.string().check(z.minLength(1)),
  path: z.string().check(z.startsWith('/')),
  times: z.optional(z.int().check(z.positive())),
  status: z.optional(z.int().check(z.gte(200), z.lte(599))),
  body: z.optional(z.union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())])),
  contentType: z.optional(z.string()),
  delayMs: z.optional(z.int().check(z.nonnegative(), z.lte(120_000))),
  drop: z.optional(z.boolean()),
});

export type Fault = z.infer<typeof faultSchema> & { times: number };

export function parseFault(input: unknown): { ok: true; fault: Fault } | { ok: false; error: string } {
  const parsed = z.safeParse(faultSchema, input);
  if (!parsed.success) {
    const detail = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    return { ok: false, error: `Invalid fault: ${detail.join('; ')}` };
  }
  const fault = { ...parsed.data, method: parsed.data.method.toUpperCase(), times: parsed.data.times ?? 1 };
  if (fault.status === undefined && fault.delayMs === undefined && !fault.drop) {
    return { ok: false, error: 'Invalid fault: give at least one of status, delayMs or drop' };
  }
  return { ok: true, fault };
}

export class FaultQueue {
  private faults: Fault[] = [];

  add(fault: Fault): void {
    this.faults.push(fault);
  }

  /** The first pending fault for this method + path (query excluded), consuming one of its `times`. */
  take(method: string, path: string): Fault | undefined {
    const index = this.faults.findIndex((fault) => fault.method === method && fault.path === path);
    if (index === -1) return undefined;
    const fault = this.faults[index] as Fault;
    fault.times -= 1;
    if (fault.times <= 0) this.faults.splice(index, 1);
    return fault;
  }

  clear(): void {
    this.faults = [];
  }
}
