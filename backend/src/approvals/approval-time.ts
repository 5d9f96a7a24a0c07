/** An instant as German readers expect it, on the organization's wall clock: „05.05.2026, 10:00 Uhr“. */
export function germanDateTime(at: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat('de-DE', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(at);
  return `${text} Uhr`;
}
