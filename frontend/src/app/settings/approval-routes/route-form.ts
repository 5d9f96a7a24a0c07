import { FormArray, FormControl, FormGroup, Validators } from '@angular/forms';
import type { ApprovalRouteView, CreateApprovalRouteRequest, UpdateApprovalRouteRequest } from '@amtsplan/contracts';
import type { ApprovalMode, OrganizationRole } from '@amtsplan/domain';

type StepInput = CreateApprovalRouteRequest['steps'][number];

/** One step as the form holds it: both approver choices stay filled while the person switches between them. */
export interface StepFormValue {
  readonly name: string;
  readonly approverKind: 'role' | 'users';
  readonly role: OrganizationRole;
  readonly userIds: readonly string[];
  readonly mode: ApprovalMode;
  readonly deputyUserId: string | null;
  readonly dueKind: 'after_submission' | 'before_planned';
  readonly dueHours: number;
  readonly skipWhenSubmittedBy: readonly OrganizationRole[];
}

export interface RouteFormValue {
  readonly name: string;
  readonly priority: number;
  /** The shape of the form's raw value, nested as the API's `conditions`. */
  readonly conditions: {
    readonly channelIds: readonly string[];
    readonly sensitiveTopic: boolean;
    /** Comma-separated, as typed; split into tags for the API. */
    readonly tags: string;
    readonly electionBlackout: boolean;
  };
  readonly steps: readonly StepFormValue[];
}

export const NEW_STEP: StepFormValue = {
  name: 'Leitung',
  approverKind: 'role',
  role: 'approver',
  userIds: [],
  mode: 'any',
  deputyUserId: null,
  dueKind: 'after_submission',
  dueHours: 24,
  skipWhenSubmittedBy: [],
};

export function stepGroup(value: StepFormValue = NEW_STEP) {
  return new FormGroup({
    name: new FormControl(value.name, { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
    approverKind: new FormControl(value.approverKind, { nonNullable: true }),
    role: new FormControl(value.role, { nonNullable: true }),
    userIds: new FormControl([...value.userIds], { nonNullable: true }),
    mode: new FormControl(value.mode, { nonNullable: true }),
    deputyUserId: new FormControl(value.deputyUserId),
    dueKind: new FormControl(value.dueKind, { nonNullable: true }),
    dueHours: new FormControl(value.dueHours, { nonNullable: true, validators: [Validators.required, Validators.min(1), Validators.max(2160)] }),
    skipWhenSubmittedBy: new FormControl([...value.skipWhenSubmittedBy], { nonNullable: true }),
  });
}
export type StepGroup = ReturnType<typeof stepGroup>;

/** The route form; control names follow the API's paths where they can, so 400 problems land at the fields. */
export function routeForm() {
  return new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
    priority: new FormControl(100, { nonNullable: true, validators: [Validators.required] }),
    conditions: new FormGroup({
      channelIds: new FormControl<string[]>([], { nonNullable: true }),
      sensitiveTopic: new FormControl(false, { nonNullable: true }),
      tags: new FormControl('', { nonNullable: true }),
      electionBlackout: new FormControl(false, { nonNullable: true }),
    }),
    steps: new FormArray<StepGroup>([stepGroup()]),
  });
}
export type RouteForm = ReturnType<typeof routeForm>;

export function routeFormValue(route: ApprovalRouteView): RouteFormValue {
  return {
    name: route.name,
    priority: route.priority,
    conditions: {
      channelIds: route.conditions.channelIds ?? [],
      sensitiveTopic: route.conditions.sensitiveTopic ?? false,
      tags: (route.conditions.tags ?? []).join(', '),
      electionBlackout: route.conditions.electionBlackout ?? false,
    },
    steps: route.steps.map((step) => ({
      name: step.name,
      approverKind: step.approvers.kind,
      role: step.approvers.kind === 'role' ? step.approvers.role : 'approver',
      userIds: step.approvers.kind === 'users' ? step.approvers.userIds : [],
      mode: step.mode,
      deputyUserId: step.deputyUserId,
      dueKind: step.due.kind,
      dueHours: step.due.hours,
      skipWhenSubmittedBy: step.skipWhenSubmittedBy,
    })),
  };
}

/** Fills the form with a route (or empties it for a new one); the steps array is rebuilt to the route's length. */
export function fillRouteForm(form: RouteForm, value: RouteFormValue | null): void {
  const source = value ?? { name: '', priority: 100, conditions: { channelIds: [], sensitiveTopic: false, tags: '', electionBlackout: false }, steps: [NEW_STEP] };
  form.controls.steps.clear({ emitEvent: false });
  for (const step of source.steps) form.controls.steps.push(stepGroup(step), { emitEvent: false });
  form.reset({
    name: source.name,
    priority: source.priority,
    conditions: { ...source.conditions, channelIds: [...source.conditions.channelIds] },
    steps: source.steps.map((s) => ({ ...s, userIds: [...s.userIds], skipWhenSubmittedBy: [...s.skipWhenSubmittedBy] })),
  });
}

/**
 * Conditions that are not set are left out rather than sent as empty: a route with no
 * conditions would match every post, so "not set" must stay distinguishable (chooseRoute).
 */
export function conditionsOf({ conditions: value }: RouteFormValue): CreateApprovalRouteRequest['conditions'] {
  const tags = value.tags
    .split(',')
    .map((tag) => tag.trim().replace(/^#/, ''))
    .filter(Boolean);
  return {
    ...(value.channelIds.length ? { channelIds: [...value.channelIds] } : {}),
    ...(value.sensitiveTopic ? { sensitiveTopic: true } : {}),
    ...(tags.length ? { tags: [...new Set(tags)] } : {}),
    ...(value.electionBlackout ? { electionBlackout: true } : {}),
  };
}

export function stepsOf(value: RouteFormValue): StepInput[] {
  return value.steps.map((step) => ({
    name: step.name.trim(),
    approvers: step.approverKind === 'role' ? { kind: 'role', role: step.role } : { kind: 'users', userIds: [...step.userIds] },
    mode: step.mode,
    deputyUserId: step.deputyUserId,
    due: { kind: step.dueKind, hours: Number(step.dueHours) },
    skipWhenSubmittedBy: [...step.skipWhenSubmittedBy],
  }));
}

export function createRouteRequest(value: RouteFormValue): CreateApprovalRouteRequest {
  return { name: value.name.trim(), priority: Number(value.priority), conditions: conditionsOf(value), steps: stepsOf(value) };
}

/** The default route takes no conditions (the API refuses them); its priority is fixed too. */
export function updateRouteRequest(route: ApprovalRouteView, value: RouteFormValue): UpdateApprovalRouteRequest {
  const common = { version: route.version, name: value.name.trim(), steps: stepsOf(value) };
  return route.isDefault ? common : { ...common, priority: Number(value.priority), conditions: conditionsOf(value) };
}
