import { describe, expect, it, vi } from 'vitest';
import { lazySchema, z } from '../../src/livechat/zod.ts';

describe('lazySchema', () => {
  it('builds nothing until asked, then builds once and hands out the same schema', () => {
    const build = vi.fn(() => z.object({ a: z.string() }));
    const schema = lazySchema(build);
    expect(build).not.toHaveBeenCalled();
    const first = schema();
    expect(schema()).toBe(first);
    expect(build).toHaveBeenCalledTimes(1);
    expect(first.safeParse({ a: 'x' }).success).toBe(true);
    expect(first.safeParse({ a: 1 }).success).toBe(false);
  });
});
