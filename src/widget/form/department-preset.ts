import type { EnabledConfig } from '../../livechat/schemas.ts';

export type ListedDepartment = NonNullable<EnabledConfig['departments']>[number];

/**
 * The department a site presets (the `department` option, or a prefill) as this server lists it. Rocket.Chat
 * lists in `config.departments` the departments a visitor may choose (CONTRACT.md §2.3); a preset is looked up
 * there by `_id`, then by exact name — the rule of Rocket.Chat's own widget (`setDepartment`, CONTRACT.md §9).
 * Undefined when there is no preset or the server does not list it ("unknown").
 */
export function findPresetDepartment(
  departments: readonly ListedDepartment[] | undefined,
  preset: string | undefined,
): ListedDepartment | undefined {
  if (!preset || !departments) return undefined;
  return (
    departments.find((department) => department._id === preset) ?? departments.find((d) => d.name === preset)
  );
}

/** The console warning for a preset the server does not list: it names the preset and what is listed. */
export function unknownPresetWarning(preset: string, departments: readonly ListedDepartment[]): string {
  const listed = departments.map((department) => `"${department.name}" (${department._id})`).join(', ');
  return (
    `department "${preset}" is not among this server's departments (${listed || 'it lists none'}): it is sent ` +
    'with the registration as given, and agents are looked for on the whole server'
  );
}
