/** POST livechat/custom.field and livechat/custom.fields (CONTRACT.md §5): AJV params, regexp enforced HERE only. */
import type { Hono } from 'hono';
import { type ObjectSchema, validateParams } from '../ajv-params.ts';
import {
  type CustomFieldInput,
  setMultipleVisitorCustomFields,
  updateOpenRoomsDataByToken,
  updateVisitorDataByToken,
} from '../custom-field-writes.ts';
import { LegacyParamsError } from '../errors.ts';
import type { CustomFieldDefinition } from '../fixture.ts';
import type { AppEnv } from '../http.ts';
import type { StandinState } from '../state.ts';
import { endpoint } from './endpoint.ts';

const ITEM_SCHEMA: ObjectSchema = {
  type: 'object',
  properties: { key: { type: 'string' }, value: { type: 'string' }, overwrite: { type: 'boolean' } },
  required: ['key', 'value', 'overwrite'],
  additionalProperties: false,
};

const FIELD_SCHEMA: ObjectSchema = {
  ...ITEM_SCHEMA,
  properties: { token: { type: 'string' }, ...ITEM_SCHEMA.properties },
  required: ['token', ...ITEM_SCHEMA.required],
};

const FIELDS_SCHEMA: ObjectSchema = {
  type: 'object',
  properties: { token: { type: 'string' }, customFields: { type: 'array', items: ITEM_SCHEMA } },
  required: ['token', 'customFields'],
  additionalProperties: false,
};

/** Legacy `addRoute` + `validateParams`: `"<ajv message> [invalid-params]"` (§0.3). */
function params<T>(body: unknown, schema: ObjectSchema): T {
  const result = validateParams(body, schema);
  if (!result.ok) throw new LegacyParamsError(result.message);
  return result.value as T;
}

function checkRegexp(definition: CustomFieldDefinition, item: CustomFieldInput): void {
  if (definition.regexp && !new RegExp(definition.regexp).test(item.value)) {
    // i18n `error-invalid-custom-field-value` = "Invalid value for {{field}} field", server language English.
    throw new Error(`Invalid value for ${item.key} field`);
  }
}

export function mountCustomFieldRoutes(app: Hono<AppEnv>, state: StandinState): void {
  app.post(
    '/api/v1/livechat/custom.field',
    endpoint(state, 'livechat/custom.field', (c) => {
      const { token, ...item } = params<CustomFieldInput & { token: string }>(
        c.get('bodyParams'),
        FIELD_SCHEMA,
      );
      const { store, fixture } = state;
      const visitor = store.visitorByToken(token);
      if (!visitor) throw new Error('invalid-token');
      // Any scope, hidden fields included (§5.1 step 2).
      const definition = fixture.customFields.find((field) => field._id === item.key);
      if (!definition) throw new Error('invalid-custom-field');
      checkRegexp(definition, item);
      if (definition.scope === 'room') updateOpenRoomsDataByToken(store, token, item);
      else updateVisitorDataByToken(store, visitor, item);
      store.changed();
      return { field: item };
    }),
  );

  app.post(
    '/api/v1/livechat/custom.fields',
    endpoint(state, 'livechat/custom.fields', (c) => {
      const { token, customFields } = params<{ token: string; customFields: CustomFieldInput[] }>(
        c.get('bodyParams'),
        FIELDS_SCHEMA,
      );
      const { store, fixture } = state;
      const visitor = store.visitorByToken(token);
      if (!visitor) throw new Error('invalid-token');
      // §5.2: every key must be a known field (else nothing is written), then every regexp must pass.
      const pairs = customFields.map((item) => ({
        item,
        definition: fixture.customFields.find((field) => field._id === item.key),
      }));
      if (pairs.length === 0 || pairs.some((pair) => !pair.definition))
        throw new Error('invalid-custom-field');
      for (const { item, definition } of pairs) checkRegexp(definition as CustomFieldDefinition, item);

      const roomItems = pairs.filter((pair) => pair.definition?.scope === 'room').map((pair) => pair.item);
      const visitorItems = pairs.filter((pair) => pair.definition?.scope !== 'room').map((pair) => pair.item);
      for (const item of roomItems) updateOpenRoomsDataByToken(store, token, item);
      // Its required check is a no-op here (§5.2); hidden fields are skipped by the same rules as §1.5.
      setMultipleVisitorCustomFields(store, fixture, visitor, visitorItems, { checkRequired: false });
      store.changed();
      // The capital `Key` is Rocket.Chat's (and rest-typings'); room-scope fields are listed first.
      const fields = [...roomItems, ...visitorItems].map(({ key, value, overwrite }) => ({
        Key: key,
        value,
        overwrite,
      }));
      return { fields };
    }),
  );
}
