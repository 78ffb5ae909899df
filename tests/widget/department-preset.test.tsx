import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { API, configAnswer, livechatHandlers, type Recorded } from '../support/livechat-fixtures.ts';
import { server } from '../support/msw-server.ts';
import { renderWidget } from '../support/render-widget.ts';

/**
 * Rocket.Chat answers GET livechat/config about a department's agents by `_id` only: a preset given by name must be
 * asked about by its `_id`, an unknown one about the whole server — and an `_id` preset costs no extra request.
 */
const configRequests = (recorded: Recorded[]) =>
  recorded.filter((r) => r.url.pathname.endsWith('/config')).map((r) => r.url.searchParams.get('department'));

/** The server of the tests: Support's agents are online, Sales' are not; a name is not an `_id`. */
function agentsByDepartment(recorded: Recorded[], overrides: Record<string, unknown> = {}) {
  return http.get(`${API}/config`, ({ request }) => {
    const url = new URL(request.url);
    recorded.push({ method: 'GET', url, body: undefined });
    const department = url.searchParams.get('department');
    return HttpResponse.json(
      configAnswer({ online: department === null || department === 'dept-support', ...overrides }),
    );
  });
}

let warnings: MockInstance<typeof console.warn>;
beforeEach(() => {
  warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

describe('a preset department', () => {
  it('by name: asked about once more by its _id, shown, pre-selected and registered by _id', async () => {
    const recorded: Recorded[] = [];
    server.use(agentsByDepartment(recorded), ...livechatHandlers(recorded));
    // What the loader fetched, asking with the option as given: a name, so "offline" by Rocket.Chat's rule.
    const { screen } = renderWidget({
      options: { department: 'Support' },
      config: configAnswer({ online: false }),
    });
    const department = await screen.findByRole('combobox', { name: /^Department/ });
    expect(department).toHaveValue('dept-support');
    expect(configRequests(recorded)).toEqual(['dept-support']);
    expect(screen.queryByText(/available right now/)).not.toBeInTheDocument();

    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'Ada');
    await user.type(screen.getByRole('textbox', { name: /^Email/ }), 'ada@example.com');
    await user.selectOptions(screen.getByRole('combobox', { name: /^Plan/ }), 'Pro');
    await user.click(screen.getByRole('button', { name: 'Start chat' }));
    await screen.findByRole('heading', { name: 'You are connected' });
    const post = recorded.find((r) => r.method === 'POST')?.body as { visitor: { department?: string } };
    expect(post.visitor.department).toBe('dept-support');
    expect(warnings).not.toHaveBeenCalled();
  });

  it('by _id: the loader’s answer is used as is, no second request', async () => {
    const recorded: Recorded[] = [];
    server.use(agentsByDepartment(recorded), ...livechatHandlers(recorded));
    const { screen } = renderWidget({ options: { department: 'dept-support' }, config: configAnswer() });
    expect(await screen.findByRole('combobox', { name: /^Department/ })).toHaveValue('dept-support');
    expect(configRequests(recorded)).toEqual([]);
  });

  it('whose department has nobody online: says so, naming the department, once asked by its _id', async () => {
    const recorded: Recorded[] = [];
    server.use(agentsByDepartment(recorded), ...livechatHandlers(recorded));
    const { screen } = renderWidget({
      options: { department: 'Sales' },
      config: configAnswer({ online: false }),
    });
    // The offline form, for that department.
    expect(await screen.findByText('No one from Sales is available right now.')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /^Department/ })).toHaveValue('dept-sales');
    expect(configRequests(recorded)).toEqual(['dept-sales']);
  });

  it('whose department has nobody online, on a server without the offline form: says so and waits', async () => {
    const recorded: Recorded[] = [];
    const noOfflineForm = { settings: { displayOfflineForm: false } };
    server.use(agentsByDepartment(recorded, noOfflineForm), ...livechatHandlers(recorded));
    const { screen } = renderWidget({
      options: { department: 'Sales' },
      config: configAnswer({ online: false, settings: { displayOfflineForm: false } }),
    });
    expect(
      await screen.findByText('No one from Sales is available right now. Please come back later.'),
    ).toBeInTheDocument();
  });

  it('unknown: one warning naming it and the listed departments; agents asked for on the whole server', async () => {
    const recorded: Recorded[] = [];
    server.use(agentsByDepartment(recorded), ...livechatHandlers(recorded));
    const { screen } = renderWidget({
      options: { department: 'No Such Department' },
      config: configAnswer({ online: false }),
    });
    expect(await screen.findByRole('textbox', { name: /^Name/ })).toBeInTheDocument();
    expect(configRequests(recorded)).toEqual([null]);
    expect(warnings.mock.calls.map((call) => call.join(' '))).toEqual([
      '[RocketChatPrechat] department "No Such Department" is not among this server\'s departments ' +
        '("Support" (dept-support), "Billing" (dept-billing), "Sales" (dept-sales)): it is sent with the ' +
        'registration as given, and agents are looked for on the whole server',
    ]);
  });

  it('from the npm build (no loader answer): asked as given, then by _id', async () => {
    const recorded: Recorded[] = [];
    server.use(agentsByDepartment(recorded), ...livechatHandlers(recorded));
    const { screen } = renderWidget({ options: { department: 'Support' }, config: null });
    expect(await screen.findByRole('combobox', { name: /^Department/ })).toHaveValue('dept-support');
    expect(configRequests(recorded)).toEqual(['Support', 'dept-support']);
  });
});
