import {
  APPROVAL_MODES,
  type ApprovalRoute,
  type ApprovalStep,
  normalizeTag,
  routeConditionKinds,
  stepConflicts,
} from './approval-routes';
import type { FieldProblem } from './field-problem';
import { isOrganizationRole, ORGANIZATION_ROLES, ROLE_LABELS_DE } from './roles';

export const MAX_APPROVAL_STEPS = 10;
/** Thirty days: longer than that, a deadline is no deadline. */
export const MAX_DUE_HOURS = 720;
const MAX_NAME_LENGTH = 100;
const MAX_STEP_NAME_LENGTH = 60;
const MAX_TAG_LENGTH = 60;

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function stepProblems(step: ApprovalStep, at: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path: `${at}.${path}`, message });

  if (!isNonEmptyString(step.name)) add('name', 'Bitte einen Namen für den Schritt angeben.');
  else if (step.name.trim().length > MAX_STEP_NAME_LENGTH) add('name', `Der Name darf höchstens ${MAX_STEP_NAME_LENGTH} Zeichen lang sein.`);

  if (!(APPROVAL_MODES as readonly string[]).includes(step.mode)) add('mode', 'Bitte „eine Person genügt“ oder „alle“ wählen.');

  const { approvers } = step;
  let named: readonly string[] = [];
  if (approvers?.kind === 'role') {
    if (!isOrganizationRole(approvers.role)) add('approvers.role', `Unbekannte Rolle: ${String(approvers.role)}.`);
  } else if (approvers?.kind === 'users') {
    named = approvers.userIds ?? [];
    if (named.length === 0) {
      add('approvers.userIds', step.mode === 'all' ? '„Alle müssen freigeben“ braucht mindestens eine benannte Person.' : 'Bitte mindestens eine Person benennen.');
    }
    if (named.some((id) => !isNonEmptyString(id))) add('approvers.userIds', 'Eine benannte Person ist leer.');
    if (new Set(named).size !== named.length) add('approvers.userIds', 'Eine Person ist doppelt benannt.');
  } else {
    add('approvers', 'Bitte eine Rolle oder Personen angeben, die freigeben.');
  }

  const deputy = step.deputyUserId;
  if (deputy != null) {
    if (!isNonEmptyString(deputy)) add('deputyUserId', 'Die Vertretung ist leer.');
    else if (named.includes(deputy)) add('deputyUserId', 'Die Vertretung darf nicht selbst zu den Freigebenden dieses Schritts gehören.');
  }

  const hours = step.due?.hours;
  if (step.due?.kind !== 'after_submission' && step.due?.kind !== 'before_planned') {
    add('due.kind', 'Bitte wählen: Frist nach Einreichung oder vor dem geplanten Zeitpunkt.');
  }
  if (!Number.isInteger(hours) || hours < 1 || hours > MAX_DUE_HOURS) {
    add('due.hours', `Die Frist muss eine ganze Zahl von 1 bis ${MAX_DUE_HOURS} Stunden sein.`);
  }

  for (const role of step.skipWhenSubmittedBy ?? []) {
    if (!isOrganizationRole(role)) add('skipWhenSubmittedBy', `Unbekannte Rolle: ${String(role)}.`);
  }
  return problems;
}

function conditionProblems(route: ApprovalRoute): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const conditions = route.conditions ?? {};
  const kinds = routeConditionKinds(conditions);
  if (route.isDefault && kinds.length > 0) {
    problems.push({ path: 'conditions', message: 'Die Standardroute gilt für alle übrigen Beiträge und hat keine Bedingungen.' });
  }
  if (!route.isDefault && kinds.length === 0) {
    problems.push({ path: 'conditions', message: 'Bitte mindestens eine Bedingung angeben (Kanal, sensibles Thema, Schlagwort oder Vorwahlzeit).' });
  }
  const channelIds = conditions.channelIds ?? [];
  if (channelIds.some((id) => !isNonEmptyString(id))) problems.push({ path: 'conditions.channelIds', message: 'Ein Kanal ist leer.' });
  if (new Set(channelIds).size !== channelIds.length) problems.push({ path: 'conditions.channelIds', message: 'Ein Kanal ist doppelt angegeben.' });
  const tags = conditions.tags ?? [];
  if (tags.some((tag) => !isNonEmptyString(tag) || tag.trim().length > MAX_TAG_LENGTH)) {
    problems.push({ path: 'conditions.tags', message: `Schlagwörter dürfen nicht leer und höchstens ${MAX_TAG_LENGTH} Zeichen lang sein.` });
  }
  if (new Set(tags.map(normalizeTag)).size !== tags.length) problems.push({ path: 'conditions.tags', message: 'Ein Schlagwort ist doppelt angegeben.' });
  return problems;
}

/**
 * Everything wrong with one route definition, in German, one entry per problem; empty when
 * the route can be saved. Role-based steps are checked as far as possible without knowing
 * the members; openApprovalRequest checks the rest at submission.
 */
export function validateApprovalRoute(route: ApprovalRoute): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isNonEmptyString(route.name)) problems.push({ path: 'name', message: 'Bitte einen Namen für die Freigaberoute angeben.' });
  else if (route.name.trim().length > MAX_NAME_LENGTH) problems.push({ path: 'name', message: `Der Name darf höchstens ${MAX_NAME_LENGTH} Zeichen lang sein.` });
  if (!Number.isInteger(route.priority) || route.priority < 0 || route.priority > 9999) {
    problems.push({ path: 'priority', message: 'Die Reihenfolge muss eine ganze Zahl von 0 bis 9999 sein.' });
  }
  problems.push(...conditionProblems(route));

  const steps = route.steps ?? [];
  if (steps.length === 0) problems.push({ path: 'steps', message: 'Eine Freigaberoute braucht mindestens einen Schritt.' });
  if (steps.length > MAX_APPROVAL_STEPS) problems.push({ path: 'steps', message: `Höchstens ${MAX_APPROVAL_STEPS} Schritte.` });
  steps.forEach((step, index) => problems.push(...stepProblems(step, `steps.${index}`)));

  const named = steps.map((step) => ({ mode: step.mode, people: step.approvers?.kind === 'users' ? (step.approvers.userIds ?? []) : [] }));
  for (const [i, j] of stepConflicts(named)) {
    problems.push({
      path: `steps.${j}.approvers`,
      message: `Schritt ${j + 1} und Schritt ${i + 1} brauchen dieselbe Person; jede Person darf nur einen Schritt einer Freigabe entscheiden.`,
    });
  }

  if (steps.length > 0) {
    for (const role of ORGANIZATION_ROLES) {
      if (steps.every((step) => (step.skipWhenSubmittedBy ?? []).includes(role))) {
        problems.push({
          path: 'steps',
          message: `Reicht die Rolle „${ROLE_LABELS_DE[role]}“ ein, würden alle Schritte übersprungen; mindestens ein Schritt muss bleiben.`,
        });
      }
    }
  }
  return problems;
}

/** Problems of an organization's set of routes: exactly one default route, unique ids and names. */
export function validateApprovalRoutes(routes: readonly ApprovalRoute[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const defaults = routes.filter((route) => route.isDefault).length;
  if (defaults === 0) problems.push({ path: '', message: 'Es muss eine Standardroute geben.' });
  if (defaults > 1) problems.push({ path: '', message: 'Es darf nur eine Standardroute geben.' });
  const ids = new Set<string>();
  const names = new Set<string>();
  routes.forEach((route, index) => {
    if (ids.has(route.id)) problems.push({ path: `${index}.id`, message: 'Diese Kennung ist doppelt vergeben.' });
    const name = (route.name ?? '').trim().toLowerCase();
    if (names.has(name)) problems.push({ path: `${index}.name`, message: `Der Name „${route.name.trim()}“ ist bereits vergeben.` });
    ids.add(route.id);
    names.add(name);
  });
  return problems;
}
