import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useLatestCallback } from '../../src/widget/app/use-latest-callback.ts';

describe('useLatestCallback', () => {
  it('keeps one identity across renders and runs the callback of the latest render', () => {
    const { result, rerender } = renderHook(
      ({ suffix }) => useLatestCallback((name: string) => name + suffix),
      {
        initialProps: { suffix: '!' },
      },
    );
    const first = result.current;
    expect(first('Ana')).toBe('Ana!');
    rerender({ suffix: '?' });
    // The memoised form keeps the same handler, and a submit after the re-render reads the new state.
    expect(result.current).toBe(first);
    expect(first('Ana')).toBe('Ana?');
  });
});
