import { HttpResponse, http } from 'msw';

export const SERVER = 'https://chat.example.com';
export const API = `${SERVER}/api/v1/livechat`;

/** A `GET livechat/config` answer shaped as CONTRACT.md §2.3, with overrides. */
export function configAnswer(overrides: Record<string, unknown> = {}) {
  return {
    config: {
      enabled: true,
      settings: {
        registrationForm: true,
        nameFieldRegistrationForm: true,
        emailFieldRegistrationForm: true,
        language: '',
      },
      theme: { title: 'Acme support', color: '#C1272D' },
      messages: { registrationFormMessage: 'Hi! <b>Tell us</b> who you are.' },
      departments: [
        { _id: 'dept-support', name: 'Support', showOnRegistration: true, showOnOfflineForm: true },
        { _id: 'dept-billing', name: 'Billing', showOnRegistration: false, showOnOfflineForm: true },
        { _id: 'dept-sales', name: 'Sales', showOnRegistration: true, showOnOfflineForm: true },
      ],
      customFields: [
        {
          _id: 'plan',
          label: 'Plan',
          type: 'select',
          required: true,
          options: ['Free', 'Pro'],
          defaultValue: null,
          regexp: '',
        },
        {
          _id: 'company.id',
          label: 'Company ID',
          type: 'input',
          required: false,
          regexp: '^[A-Z]{2}-\\d{4}$',
          defaultValue: null,
        },
      ],
      online: true,
      ...overrides,
    },
    success: true,
  };
}

export interface Recorded {
  method: string;
  url: URL;
  body: unknown;
}

/**
 * msw handlers that behave like the stand-in for the happy path and record every request, so tests
 * assert what went over the wire.
 */
export function livechatHandlers(recorded: Recorded[], options: { config?: unknown } = {}) {
  const record = async (request: Request) => {
    const text = request.method === 'GET' ? '' : await request.clone().text();
    recorded.push({
      method: request.method,
      url: new URL(request.url),
      body: text ? JSON.parse(text) : undefined,
    });
  };
  return [
    http.get(`${API}/config`, async ({ request }) => {
      await record(request);
      return HttpResponse.json(options.config ?? configAnswer());
    }),
    http.post(`${API}/visitor`, async ({ request }) => {
      await record(request);
      const { visitor } = (await request.json()) as { visitor: Record<string, string> };
      return HttpResponse.json({
        visitor: {
          _id: '6743a0c5e4b0a1b2c3d4e5f6',
          token: visitor.token,
          username: 'guest-1',
          status: 'online',
        },
        success: true,
      });
    }),
    http.get(`${API}/room`, async ({ request }) => {
      await record(request);
      const token = new URL(request.url).searchParams.get('token') ?? '';
      return HttpResponse.json({
        room: { _id: 'room-1', t: 'l', open: true, v: { _id: '6743a0c5e4b0a1b2c3d4e5f6', token } },
        newRoom: true,
        success: true,
      });
    }),
    http.post(`${API}/message`, async ({ request }) => {
      await record(request);
      const { _id, rid, msg, token } = (await request.json()) as Record<string, string>;
      return HttpResponse.json({
        message: { _id, rid, msg, token, u: { _id: '6743a0c5e4b0a1b2c3d4e5f6', username: 'guest-1' } },
        success: true,
      });
    }),
    http.post(`${API}/offline.message`, async ({ request }) => {
      await record(request);
      return HttpResponse.json({ message: 'Livechat offline message sent', success: true });
    }),
  ];
}
