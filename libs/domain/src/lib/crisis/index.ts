export * from './shitstorm-scale';
export * from './playbook';
export * from './incident';
export * from './communication-stop';
export * from './detection';
export * from './playbook-review-reminders';
