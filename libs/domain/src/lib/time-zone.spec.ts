import { isValidTimeZone, localDateOf, utcToZonedLocal, zonedLocalToUtc } from './time-zone';

const BERLIN = 'Europe/Berlin';
const iso = (local: string, zone = BERLIN) => zonedLocalToUtc(local, zone).toISOString();

describe('zonedLocalToUtc', () => {
  it('uses winter and summer time', () => {
    expect(iso('2026-01-13T10:00')).toBe('2026-01-13T09:00:00.000Z');
    expect(iso('2026-07-14T10:00')).toBe('2026-07-14T08:00:00.000Z');
    expect(iso('2026-07-14T10:00:30')).toBe('2026-07-14T08:00:30.000Z');
  });

  it('moves a time that does not exist in spring forward by the gap (2027-03-28)', () => {
    expect(iso('2027-03-28T01:59')).toBe('2027-03-28T00:59:00.000Z');
    expect(iso('2027-03-28T02:30')).toBe('2027-03-28T01:30:00.000Z');
    expect(utcToZonedLocal(zonedLocalToUtc('2027-03-28T02:30', BERLIN), BERLIN)).toBe('2027-03-28T03:30');
    expect(iso('2027-03-28T03:00')).toBe('2027-03-28T01:00:00.000Z');
  });

  it('takes the first of two equal wall times in autumn (2026-10-25, 2027-10-31)', () => {
    expect(iso('2026-10-25T02:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(iso('2026-10-25T03:00')).toBe('2026-10-25T02:00:00.000Z');
    expect(iso('2027-10-31T02:00')).toBe('2027-10-31T00:00:00.000Z');
    expect(iso('2027-10-31T01:59')).toBe('2027-10-30T23:59:00.000Z');
  });

  it('works for other zones and half-hour offsets', () => {
    expect(iso('2026-11-01T01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
    expect(iso('2026-03-08T02:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
    expect(iso('2026-06-01T12:00', 'Asia/Kolkata')).toBe('2026-06-01T06:30:00.000Z');
    expect(iso('2026-06-01T12:00', 'UTC')).toBe('2026-06-01T12:00:00.000Z');
  });

  it('refuses impossible wall times and unknown zones', () => {
    expect(() => zonedLocalToUtc('2026-02-30T10:00', BERLIN)).toThrow(RangeError);
    expect(() => zonedLocalToUtc('2026-01-01T24:00', BERLIN)).toThrow('Keine gültige Ortszeit');
    expect(() => zonedLocalToUtc('2026-01-01 10:00', BERLIN)).toThrow(RangeError);
    expect(() => zonedLocalToUtc('2026-01-01T10:00', 'Europe/Musterstadt')).toThrow(RangeError);
  });
});

describe('utcToZonedLocal and localDateOf', () => {
  it('reads the wall clock at an instant', () => {
    expect(utcToZonedLocal(new Date('2026-10-25T00:30:00Z'), BERLIN)).toBe('2026-10-25T02:30');
    expect(utcToZonedLocal(new Date('2026-10-25T01:30:00Z'), BERLIN)).toBe('2026-10-25T02:30');
  });

  it('gives the local calendar day, which may differ from the UTC day', () => {
    expect(localDateOf(new Date('2026-06-30T22:30:00Z'), BERLIN)).toBe('2026-07-01');
    expect(localDateOf(new Date('2026-06-30T21:59:00Z'), BERLIN)).toBe('2026-06-30');
  });

  it('validates zone names', () => {
    expect(isValidTimeZone(BERLIN)).toBe(true);
    expect(isValidTimeZone('Mitteleuropa')).toBe(false);
  });
});
