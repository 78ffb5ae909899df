/**
 * The stand-in's fixture: `{ settings, departments, customFields, agentsOnline }`. Settings left out take
 * Rocket.Chat's defaults (CONTRACT.md §7), so the rate limiter is ON; agents are online unless the fixture says
 * otherwise (the stand-in's own default, CONTRACT.md §8). Validation errors name the
 * offending key so a typo in a fixture is caught instead of silently ignored.
 */
import { z } from '../livechat/zod.ts';
import { SETTING_DEFAULTS, type Settings, withDefaults } from './settings.ts';

const departmentSchema = z.looseObject({
  _id: z.string().check(z.minLength(1)),
  name: z.string(),
  enabled: z.optional(z.boolean()),
  showOnRegistration: z.optional(z.boolean()),
  showOnOfflineForm: z.optional(z.boolean()),
  numAgents: z.optional(z.int().check(z.nonnegative())),
  /** Stand-in only: whether an agent of this department is online (overrides the top-level flag). */
  agentsOnline: z.optional(z.boolean()),
  departmentsAllowedToForward: z.optional(z.array(z.string())),
  fallbackForwardDepartment: z.optional(z.string()),
  /** Recipient of offline messages sent to this department, instead of `Livechat_offline_email` (§14). */
  email: z.optional(z.string()),
});

const customFieldSchema = z.looseObject({
  _id: z.string().check(z.minLength(1)),
  label: z.string(),
  scope: z.enum(['visitor', 'room']),
  visibility: z.optional(z.string()),
  public: z.optional(z.boolean()),
  type: z.optional(z.enum(['input', 'select'])),
  regexp: z.optional(z.nullable(z.string())),
  required: z.optional(z.boolean()),
  defaultValue: z.optional(z.nullable(z.string())),
  /** Comma-separated, as Rocket.Chat stores it. */
  options: z.optional(z.string()),
  searchable: z.optional(z.boolean()),
});

const fixtureSchema = z.strictObject({
  settings: z.optional(z.record(z.string(), z.unknown())),
  departments: z.optional(z.array(departmentSchema)),
  customFields: z.optional(z.array(customFieldSchema)),
  agentsOnline: z.optional(z.boolean()),
});

export type Department = z.infer<typeof departmentSchema> & {
  enabled: boolean;
  showOnRegistration: boolean;
  showOnOfflineForm: boolean;
  numAgents: number;
};
export type CustomFieldDefinition = z.infer<typeof customFieldSchema>;

export type Fixture = {
  settings: Settings;
  departments: Department[];
  customFields: CustomFieldDefinition[];
  agentsOnline: boolean;
};

type ParseResult = { ok: true; fixture: Fixture } | { ok: false; error: string };

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  return out || '(root)';
}

/** Known setting ids must keep the type of their Rocket.Chat default. */
function settingError(id: string, value: unknown): string | undefined {
  if (id === 'StandIn_Compat_Version') {
    return value === '7' || value === '8' ? undefined : `settings.${id}: expected "7" or "8"`;
  }
  if (!(id in SETTING_DEFAULTS)) return undefined;
  const expected = typeof SETTING_DEFAULTS[id as keyof typeof SETTING_DEFAULTS];
  return typeof value === expected
    ? undefined
    : `settings.${id}: expected ${expected}, got ${JSON.stringify(value)}`;
}

function duplicateId(items: { _id: string }[], where: string): string | undefined {
  const seen = new Set<string>();
  for (const [index, item] of items.entries()) {
    if (seen.has(item._id)) return `${where}[${index}]._id: duplicate _id "${item._id}"`;
    seen.add(item._id);
  }
  return undefined;
}

export function parseFixture(input: unknown): ParseResult {
  const parsed = z.safeParse(fixtureSchema, input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => {
      const keys = issue.code === 'unrecognized_keys' ? `: unknown key(s) ${issue.keys.join(', ')}` : '';
      return `${formatPath(issue.path)}: ${issue.message}${keys}`;
    });
    return { ok: false, error: `Invalid fixture: ${issues.join('; ')}` };
  }
  const data = parsed.data;
  const settings = data.settings ?? {};
  const problems = Object.entries(settings)
    .map(([id, value]) => settingError(id, value))
    .filter((problem): problem is string => problem !== undefined);
  const departments = data.departments ?? [];
  const customFields = data.customFields ?? [];
  for (const [index, field] of customFields.entries()) {
    if (!field.regexp) continue;
    try {
      new RegExp(field.regexp);
    } catch {
      problems.push(`customFields[${index}].regexp: not a valid regular expression`);
    }
  }
  const duplicate = duplicateId(departments, 'departments') ?? duplicateId(customFields, 'customFields');
  if (duplicate) problems.push(duplicate);
  if (problems.length > 0) return { ok: false, error: `Invalid fixture: ${problems.join('; ')}` };

  return {
    ok: true,
    fixture: {
      settings: withDefaults(settings),
      // A department document created in Rocket.Chat is enabled and shown on both forms; numAgents counts the
      // agents assigned to it, so a department without agents is 0 and is not listed by GET config (§2.3).
      departments: departments.map((department) => ({
        ...department,
        enabled: department.enabled ?? true,
        showOnRegistration: department.showOnRegistration ?? true,
        showOnOfflineForm: department.showOnOfflineForm ?? true,
        numAgents: department.numAgents ?? 0,
      })),
      customFields,
      agentsOnline: data.agentsOnline ?? true,
    },
  };
}
