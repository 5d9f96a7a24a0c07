export interface HealthResponse {
  readonly status: 'ok' | 'unavailable';
  readonly checks: { readonly postgres: 'up' | 'down'; readonly redis: 'up' | 'down' };
}
