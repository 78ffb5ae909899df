/**
 * Who is online (CONTRACT.md §2.2 `online()`, §3.2/§3.4 room routing). The fixture has no agent documents, only
 * `agentsOnline` flags, so one synthetic agent stands for "an agent is online": it serves routed rooms and is
 * what `config.agent` shows.
 */
import type { Department, Fixture } from './fixture.ts';

export const STAND_IN_AGENT = {
  _id: 'stand-in-agent',
  username: 'stand-in.agent',
  name: 'Stand-in Agent',
} as const;

/** A department has an online agent when it has agents and its own flag (else the top-level one) says so. */
function departmentHasOnlineAgent(fixture: Fixture, department: Department): boolean {
  return department.numAgents > 0 && (department.agentsOnline ?? fixture.agentsOnline);
}

/** Online in the department or along its `fallbackForwardDepartment` chain (cycles cut). */
export function departmentOnline(fixture: Fixture, departmentId: string): boolean {
  const seen = new Set<string>();
  let id: string | undefined = departmentId;
  while (id && !seen.has(id)) {
    seen.add(id);
    const department = fixture.departments.find((candidate) => candidate._id === id);
    if (!department) return false;
    if (departmentHasOnlineAgent(fixture, department)) return true;
    id = department.fallbackForwardDepartment;
  }
  return false;
}

/** Any agent online anywhere: the top-level flag, or a department that says its agent is online. */
export function anyAgentOnline(fixture: Fixture): boolean {
  if (fixture.agentsOnline) return true;
  return fixture.departments.some(
    (department) => department.agentsOnline === true && department.numAgents > 0,
  );
}

/** §2.2 `online(department)`: accept-with-no-agents makes it always true. */
export function serviceOnline(fixture: Fixture, departmentId?: string): boolean {
  if (fixture.settings.Livechat_accept_chats_with_no_agents) return true;
  return departmentId ? departmentOnline(fixture, departmentId) : anyAgentOnline(fixture);
}

/** §3.2 `getRequiredDepartment`: first enabled department with agents, shown on registration, with one online. */
export function defaultDepartment(fixture: Fixture): Department | undefined {
  return fixture.departments.find(
    (department) =>
      department.enabled && department.showOnRegistration && departmentHasOnlineAgent(fixture, department),
  );
}

/** `LivechatDepartment.findOneByIdOrName` (§1.4): `_id` or exact, case-sensitive name; no `enabled` filter. */
export function findDepartmentByIdOrName(fixture: Fixture, value: string): Department | undefined {
  return fixture.departments.find((department) => department._id === value || department.name === value);
}
