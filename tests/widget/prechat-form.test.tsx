import { act, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type HttpHandler, HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { TOKEN_STORAGE_KEY } from '../../src/shared/visitor-token.ts';
import { API, configAnswer, livechatHandlers, type Recorded } from '../support/livechat-fixtures.ts';
import { server } from '../support/msw-server.ts';
import { renderWidget } from '../support/render-widget.ts';

/** Renders the form over msw handlers that act like Rocket.Chat; `overrides` take precedence over them. */
function setup(recorded: Recorded[] = [], config: unknown = configAnswer(), ...overrides: HttpHandler[]) {
  server.use(...livechatHandlers(recorded));
  server.use(...overrides);
  const user = userEvent.setup();
  return { user, recorded, ...renderWidget({ config }) };
}

const posts = (recorded: Recorded[]) => recorded.filter((r) => r.method === 'POST');
const postedVisitor = (recorded: Recorded[], index = 0) =>
  (posts(recorded)[index]?.body as { visitor?: Record<string, unknown> } | undefined)?.visitor ?? {};

describe('the pre-chat form', () => {
  it('draws the fields the server configures, with the intro as plain text', async () => {
    const { screen } = setup();
    expect(await screen.findByRole('textbox', { name: /^Name/ })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Email/ })).toHaveAttribute('type', 'email');
    expect(screen.getByRole('textbox', { name: /^Phone/ })).toHaveAttribute('autocomplete', 'tel');
    expect(screen.getByRole('textbox', { name: /^Company ID/ })).not.toBeRequired();
    const department = screen.getByRole('combobox', { name: /^Department/ });
    // Only departments shown on registration, sorted by name, value = _id.
    expect([...department.querySelectorAll('option')].map((o) => [o.value, o.textContent])).toEqual([
      ['', 'Choose a department'],
      ['dept-sales', 'Sales'],
      ['dept-support', 'Support'],
    ]);
    expect(screen.getByRole('combobox', { name: /^Plan/ })).toHaveAttribute('aria-required', 'true');
    expect(screen.getByText('Hi! <b>Tell us</b> who you are.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Acme support' })).toBeInTheDocument();
  });

  it('hides name and email when the server turns them off', async () => {
    const config = configAnswer({
      settings: { nameFieldRegistrationForm: false, emailFieldRegistrationForm: false },
    });
    const { screen } = setup([], config);
    await screen.findByRole('textbox', { name: /^Phone/ });
    expect(screen.queryByRole('textbox', { name: /^Name/ })).toBeNull();
    expect(screen.queryByRole('textbox', { name: /^Email/ })).toBeNull();
  });

  it('shows errors at the fields and sends nothing while the form is invalid', async () => {
    const { screen, user, recorded } = setup();
    await user.type(await screen.findByRole('textbox', { name: /^Email/ }), 'not-an-email');
    await user.type(screen.getByRole('textbox', { name: /^Company ID/ }), 'acme');
    await user.click(screen.getByRole('button', { name: 'Start chat' }));
    const name = screen.getByRole('textbox', { name: /^Name/ });
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    expect(name).toHaveAccessibleDescription('Please fill in Name.');
    expect(screen.getByRole('textbox', { name: /^Email/ })).toHaveAccessibleDescription(
      'Please enter a valid email address, like name@example.com.',
    );
    expect(screen.getByRole('textbox', { name: /^Company ID/ })).toHaveAccessibleDescription(
      'Company ID is not in the expected format.',
    );
    expect(screen.getByRole('combobox', { name: /^Plan/ })).toHaveAccessibleDescription(
      'Please choose Plan.',
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Please correct the highlighted fields (4).');
    expect(posts(recorded)).toHaveLength(0);
  });

  it('registers with ONE request carrying every field, then opens the room with the same token', async () => {
    const { screen, user, recorded, eventsNamed } = setup();
    await user.type(await screen.findByRole('textbox', { name: /^Name/ }), 'Ada Lovelace');
    await user.type(screen.getByRole('textbox', { name: /^Email/ }), 'ada@example.com');
    await user.type(screen.getByRole('textbox', { name: /^Phone/ }), '+44 20 7946 0958');
    await user.selectOptions(screen.getByRole('combobox', { name: /^Department/ }), 'Sales');
    await user.selectOptions(screen.getByRole('combobox', { name: /^Plan/ }), 'Pro');
    await user.type(screen.getByRole('textbox', { name: /^Company ID/ }), 'AC-1234');
    await user.click(screen.getByRole('button', { name: 'Start chat' }));

    expect(await screen.findByRole('heading', { name: 'You are connected' })).toBeInTheDocument();
    const token = localStorage.getItem(TOKEN_STORAGE_KEY);
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    expect(posts(recorded)).toHaveLength(1);
    expect(posts(recorded)[0]?.body).toEqual({
      visitor: {
        token,
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        phone: '+442079460958',
        department: 'dept-sales',
        customFields: [
          { key: 'plan', value: 'Pro', overwrite: true },
          { key: 'company.id', value: 'AC-1234', overwrite: true },
        ],
      },
    });
    const room = recorded.find((r) => r.url.pathname.endsWith('/room'));
    expect(room?.url.searchParams.get('token')).toBe(token);
    expect(eventsNamed('submit')[0]?.detail).toMatchObject({
      phone: '+442079460958',
      customFields: { plan: 'Pro' },
    });
    expect(eventsNamed('registered')[0]?.detail).toMatchObject({ token });
    expect(eventsNamed('room')[0]?.detail).toMatchObject({ token, newRoom: true, room: { _id: 'room-1' } });
  });

  it('leaves empty optional fields out of the request', async () => {
    const { screen, user, recorded } = setup();
    await user.type(await screen.findByRole('textbox', { name: /^Name/ }), 'Ada');
    await user.type(screen.getByRole('textbox', { name: /^Email/ }), 'ada@example.com');
    await user.selectOptions(screen.getByRole('combobox', { name: /^Plan/ }), 'Free');
    await user.click(screen.getByRole('button', { name: 'Start chat' }));
    await screen.findByRole('heading', { name: 'You are connected' });
    const visitor = postedVisitor(recorded);
    expect(Object.keys(visitor).sort()).toEqual(['customFields', 'email', 'name', 'token']);
    expect(visitor.customFields).toEqual([{ key: 'plan', value: 'Free', overwrite: true }]);
  });

  it('sends once however often the button is pressed while a request is on its way', async () => {
    const recorded: Recorded[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { screen, user } = setup(
      recorded,
      configAnswer({ customFields: [], departments: [] }),
      http.post(`${API}/visitor`, async ({ request }) => {
        recorded.push({ method: 'POST', url: new URL(request.url), body: await request.json() });
        await gate;
        return HttpResponse.json({ visitor: { _id: 'v1', token: 'x'.repeat(64) }, success: true });
      }),
    );
    await user.type(await screen.findByRole('textbox', { name: /^Name/ }), 'Ada');
    await user.type(screen.getByRole('textbox', { name: /^Email/ }), 'ada@example.com');
    const button = screen.getByRole('button', { name: 'Start chat' });
    await user.click(button);
    await user.click(button);
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Starting chat…' })).toHaveAttribute('aria-disabled', 'true'),
    );
    await user.click(screen.getByRole('button', { name: 'Starting chat…' }));
    act(() => release());
    await screen.findByRole('heading', { name: 'You are connected' });
    expect(posts(recorded)).toHaveLength(1);
  });

  it('adopts the token of the visitor the server matched by phone', async () => {
    const recorded: Recorded[] = [];
    const { screen, user, eventsNamed } = setup(
      recorded,
      configAnswer({ customFields: [], departments: [] }),
      http.post(`${API}/visitor`, () =>
        HttpResponse.json({ visitor: { _id: 'v1', token: 'older-visitor-token' }, success: true }),
      ),
    );
    await user.type(await screen.findByRole('textbox', { name: /^Name/ }), 'Ada');
    await user.type(screen.getByRole('textbox', { name: /^Email/ }), 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Start chat' }));
    await screen.findByRole('heading', { name: 'You are connected' });
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBe('older-visitor-token');
    expect(recorded.find((r) => r.url.pathname.endsWith('/room'))?.url.searchParams.get('token')).toBe(
      'older-visitor-token',
    );
    expect(eventsNamed('room')[0]?.detail).toMatchObject({ token: 'older-visitor-token' });
  });
});
