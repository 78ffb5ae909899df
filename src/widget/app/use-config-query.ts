import { useQuery } from '@tanstack/react-query';
import type { LivechatApi } from '../api/livechat-api.ts';
import type { TokenStore } from '../storage/token-store.ts';

/**
 * GET livechat/config about `department`'s agents (or the whole server's), kept for the page view: one request
 * per department however often the visitor picks it, until they ask to check again.
 */
export function useConfigQuery(
  api: LivechatApi,
  tokens: TokenStore,
  department: string | undefined,
  {
    initialData,
    enabled = true,
  }: { initialData?: Awaited<ReturnType<LivechatApi['config']>>; enabled?: boolean },
) {
  return useQuery({
    queryKey: ['livechat', 'config', department ?? null],
    queryFn: () => api.config({ token: tokens.peek() ?? undefined, department }),
    initialData,
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
}
