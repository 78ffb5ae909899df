import { describe, expect, it, vi } from 'vitest';
import { buildFormModel, withDraft } from '../../src/widget/form/form-model.ts';
import { toRegistration, toSubmission } from '../../src/widget/form/registration-body.ts';
import { en } from '../../src/widget/i18n/catalogs/en.ts';
import { createTranslator } from '../../src/widget/i18n/translate.ts';
import { resolveOptions } from '../../src/widget/options.ts';
import { configAnswer } from '../support/livechat-fixtures.ts';

const t = createTranslator(en);
const config = configAnswer().config;
const options = (extra: Record<string, unknown> = {}) =>
  resolveOptions({ serverUrl: 'https://chat.example.com', ...extra }, () => {});

describe('the form model', () => {
  it('lets local options override the server: hide email, require phone, relabel and add a field', () => {
    const model = buildFormModel(
      config,
      options({
        fields: { email: { show: false }, phone: { required: true } },
        customFields: [
          { key: 'plan', label: 'Your plan', overwrite: false },
          { key: 'crm_id', hidden: true, defaultValue: 'CRM-9' },
        ],
      }),
      {},
      t,
    );
    expect(model.fields.map((f) => [f.name, f.label, f.required])).toEqual([
      ['name', 'Name', true],
      ['phone', 'Phone', true],
      ['department', 'Department', false],
      ['custom_0', 'Your plan', true],
      ['custom_1', 'Company ID', false],
      ['message', 'How can we help?', false],
    ]);
    expect(model.hidden.customFields).toEqual([{ key: 'crm_id', value: 'CRM-9', overwrite: true }]);
  });

  it("orders departments as Rocket.Chat's widget does: by name, code unit by code unit", () => {
    const departments = ['billing', 'Zeta', 'Ärzte', 'Alpha', 'Alpha'].map((name, i) => ({
      _id: `d${i}`,
      name,
      showOnRegistration: true,
    }));
    const model = buildFormModel({ ...config, departments }, options(), {}, t);
    const select = model.fields.find((field) => field.name === 'department');
    expect(select?.kind === 'select' && select.options.map((o) => [o.value, o.label])).toEqual([
      ['d3', 'Alpha'],
      ['d4', 'Alpha'],
      ['d1', 'Zeta'],
      ['d0', 'billing'],
      ['d2', 'Ärzte'],
    ]);
  });

  it('resolves a preset department by _id or name to its _id; an unknown one is sent as given', () => {
    // Listed by the server but not offered on registration: not in the select, sent by _id.
    const model = buildFormModel(config, options({ department: 'Billing' }), {}, t);
    expect(model.defaults.department).toBe('');
    expect(model.hidden.department).toBe('dept-billing');
    for (const preset of ['Sales', 'dept-sales']) {
      const preselected = buildFormModel(config, options({ department: preset }), {}, t);
      expect(preselected.defaults.department).toBe('dept-sales');
      expect(preselected.hidden.department).toBeUndefined();
    }
    // Not listed at all: Rocket.Chat's registration decides (it resolves a real department by _id or name).
    const unknown = buildFormModel(config, options({ department: 'Night Shift' }), {}, t);
    expect(unknown.defaults.department).toBe('');
    expect(unknown.hidden.department).toBe('Night Shift');
  });

  it('pre-fills from prefill, then from the known guest, then from defaultValue', () => {
    const model = buildFormModel(
      {
        ...config,
        guest: { _id: 'g', token: 't', name: 'Known', visitorEmails: [{ address: 'known@example.com' }] },
      },
      options(),
      { name: 'Prefilled', customFields: { 'company.id': 'AB-1234' } },
      t,
    );
    expect(model.defaults).toMatchObject({
      name: 'Prefilled',
      email: 'known@example.com',
      custom_1: 'AB-1234',
    });
  });

  it('builds the registration with overwrite from the local definition, username, and prefilled extra keys', async () => {
    const model = buildFormModel(
      config,
      options({ customFields: [{ key: 'plan', overwrite: false }] }),
      { customFields: { crm_id: 'CRM-1' } },
      t,
    );
    const submission = await toSubmission(
      model,
      { name: ' Ada ', email: '', phone: '', department: '', custom_0: 'Pro', custom_1: '' },
      async () => undefined,
    );
    expect(submission.values).toEqual({ name: 'Ada', customFields: { crm_id: 'CRM-1', plan: 'Pro' } });
    expect(toRegistration(submission, 'tok', 'ada-user')).toEqual({
      token: 'tok',
      name: 'Ada',
      username: 'ada-user',
      customFields: [
        { key: 'crm_id', value: 'CRM-1', overwrite: true },
        { key: 'plan', value: 'Pro', overwrite: false },
      ],
    });
  });

  it('normalises a hidden phone like a typed one, and sends it as given when it cannot be', async () => {
    const model = buildFormModel(
      config,
      options(),
      { phone: { value: ' 020 7946 0958 ', mode: 'hidden' } },
      t,
    );
    const normalised = await toSubmission(model, {}, async () => '+442079460958');
    expect(normalised.values.phone).toBe('+442079460958');
    const asGiven = await toSubmission(model, {}, async () => undefined);
    expect(asGiven.values.phone).toBe('020 7946 0958');
    // A typed phone arrives normalised from the form schema and is not normalised again.
    const normalise = vi.fn(async () => 'never');
    const typed = buildFormModel(config, options(), {}, t);
    expect((await toSubmission(typed, { phone: '+12015550123' }, normalise)).values.phone).toBe(
      '+12015550123',
    );
    expect(normalise).not.toHaveBeenCalled();
  });

  it('a draft fills what the visitor may edit, never a read-only prefill (a shared computer’s last visitor)', () => {
    const model = buildFormModel(
      config,
      options(),
      { name: { value: 'Logged-in User', mode: 'readonly' }, email: 'site@example.com' },
      t,
    );
    const restored = withDraft(model, { name: 'Previous Visitor', email: 'previous@example.com' });
    expect(restored.defaults.name).toBe('Logged-in User');
    expect(restored.defaults.email).toBe('previous@example.com');
  });

  it('falls back to Rocket.Chat defaults without a config', () => {
    const model = buildFormModel(undefined, options(), {}, t);
    expect(model.fields.map((f) => f.name)).toEqual(['name', 'email', 'phone', 'message']);
  });
});
