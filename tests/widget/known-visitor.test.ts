import { describe, expect, it } from 'vitest';
import { buildFormModel } from '../../src/widget/form/form-model.ts';
import { hasPrefill, isKnownVisitor } from '../../src/widget/form/known-visitor.ts';
import { en } from '../../src/widget/i18n/catalogs/en.ts';
import { createTranslator } from '../../src/widget/i18n/translate.ts';
import { resolveOptions } from '../../src/widget/options.ts';
import { configAnswer } from '../support/livechat-fixtures.ts';

const t = createTranslator(en);
const options = (extra: Record<string, unknown> = {}) =>
  resolveOptions({ serverUrl: 'https://chat.example.com', ...extra }, () => {});
const config = configAnswer().config;

describe('known visitors', () => {
  it('are known when every required field has a valid value', () => {
    const prefill = {
      name: 'Ada',
      email: { value: 'ada@example.com', mode: 'hidden' as const },
      customFields: { plan: 'Pro' },
    };
    expect(hasPrefill(prefill)).toBe(true);
    expect(isKnownVisitor(buildFormModel(config, options(), prefill, t), true, t)).toBe(true);
  });

  it('are not known while a required field is missing or invalid, or consent must be ticked', () => {
    const partial = { name: 'Ada', email: 'ada@example.com' }; // plan is required
    expect(isKnownVisitor(buildFormModel(config, options(), partial, t), true, t)).toBe(false);
    const invalid = { name: 'Ada', email: 'not-an-email', customFields: { plan: 'Pro' } };
    expect(isKnownVisitor(buildFormModel(config, options(), invalid, t), true, t)).toBe(false);
    const complete = { name: 'Ada', email: 'ada@example.com', customFields: { plan: 'Pro' } };
    expect(isKnownVisitor(buildFormModel(config, options({ consent: {} }), complete, t), true, t)).toBe(
      false,
    );
  });

  it('a username alone is no prefill', () => {
    expect(hasPrefill({ username: 'ada' })).toBe(false);
  });
});

describe('consent in the model', () => {
  it("follows the server's forced consent with its text, versioned by a fingerprint", () => {
    const forced = {
      ...config,
      settings: { ...config.settings, forceAcceptDataProcessingConsent: true },
      messages: { dataProcessingConsentText: 'We keep your chat.' },
    };
    const a = buildFormModel(forced, options(), {}, t).consent;
    expect(a).toMatchObject({
      text: 'We keep your chat.',
      required: true,
      keys: { version: 'consent_version', acceptedAt: 'consent_at' },
    });
    expect(a?.version).toMatch(/^t-[0-9a-f]{8}$/);
    const changed = { ...forced, messages: { dataProcessingConsentText: 'We keep your chat for 30 days.' } };
    expect(buildFormModel(changed, options(), {}, t).consent?.version).not.toBe(a?.version);
  });

  it('is absent unless asked for', () => {
    expect(buildFormModel(config, options(), {}, t).consent).toBeUndefined();
  });
});
