/**
 * Writing custom-field values (CONTRACT.md §1.5 and §5). Two overwrite rules exist in Rocket.Chat and both are kept:
 * - `setMultipleVisitorCustomFields` (POST visitor, custom.fields): `overwrite:false` writes only over a FALSY value;
 * - `updateLivechatDataByToken` / `updateDataByToken` (custom.field): `overwrite:false` keeps any DEFINED value.
 */
import type { CustomFieldDefinition, Fixture } from './fixture.ts';
import type { Store, Visitor } from './store.ts';

export type CustomFieldInput = { key: string; value: string; overwrite: boolean };

/** `LivechatCustomField.findByScope('visitor', …, includeHidden=false)`. */
function visibleVisitorFields(fixture: Fixture): CustomFieldDefinition[] {
  return fixture.customFields.filter((field) => field.scope === 'visitor' && field.visibility !== 'hidden');
}

/**
 * §1.5: required check (when asked), then writes for known, visible, visitor-scope keys; anything else is
 * silently ignored. The caller has already upserted the visitor, so a failed required check leaves it written.
 */
export function setMultipleVisitorCustomFields(
  store: Store,
  fixture: Fixture,
  visitor: Visitor,
  items: CustomFieldInput[],
  options: { checkRequired: boolean },
): void {
  const definitions = visibleVisitorFields(fixture);
  if (options.checkRequired) {
    const missing = definitions
      .filter((definition) => definition.required && !items.some((item) => item.key === definition._id))
      .map((definition) => definition._id);
    if (missing.length > 0) throw new Error(`Missing required custom fields: ${missing.join(', ')}`);
  }
  const livechatData = { ...visitor.livechatData };
  let changed = false;
  for (const item of items) {
    if (!definitions.some((definition) => definition._id === item.key)) continue;
    if (!item.overwrite && livechatData[item.key]) continue;
    livechatData[item.key] = item.value;
    changed = true;
  }
  if (changed) store.updateVisitor(visitor, { livechatData, _updatedAt: new Date().toISOString() });
}

/** custom.field on a visitor-scope field: `overwrite:false` does not replace a defined value. */
export function updateVisitorDataByToken(store: Store, visitor: Visitor, item: CustomFieldInput): void {
  if (!item.overwrite && visitor.livechatData?.[item.key] !== undefined) return;
  store.updateVisitor(visitor, {
    livechatData: { ...visitor.livechatData, [item.key]: item.value },
    _updatedAt: new Date().toISOString(),
  });
}

/** A room-scope field goes to every OPEN room of the token, with the same overwrite rule. */
export function updateOpenRoomsDataByToken(store: Store, token: string, item: CustomFieldInput): void {
  for (const room of store.openRoomsOfToken(token)) {
    if (!item.overwrite && room.livechatData?.[item.key] !== undefined) continue;
    room.livechatData = { ...room.livechatData, [item.key]: item.value };
    room._updatedAt = new Date().toISOString();
  }
}
