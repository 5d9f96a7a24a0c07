/** URL segments of the crisis area (German, bookmarkable). */
export const CRISIS_PATH = 'krisen-playbooks';
export const PLAYBOOK_SEGMENT = 'playbooks';
export const INCIDENT_SEGMENT = 'krisenfaelle';
