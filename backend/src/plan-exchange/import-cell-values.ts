import { isCalendarDate } from '@amtsplan/domain';
import type { ImportCell } from './import-sheet';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Excel counts days from 1899-12-30; a date cell is that count, a time cell its fraction of a day. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** Excel serials of 2000-01-01 and 2099-12-31: a bare number outside is no plausible plan date. */
const PLAUSIBLE_SERIALS = { min: 36526, max: 73050 } as const;

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * Excel date and time cells arrive as Date objects whose UTC fields are the wall-clock values
 * typed into the sheet (exceljs converts serials without a zone). Only the UTC fields are read.
 */
function isTimeOnly(value: Date): boolean {
  return value.getTime() >= EXCEL_EPOCH_MS && value.getTime() < EXCEL_EPOCH_MS + DAY_MS;
}

function utcDate(value: Date): string {
  return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
}

function utcTime(value: Date): string {
  return `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}`;
}

/** A cell as text, the way a person reads it in the sheet (used for preview and messages). */
export function cellText(cell: ImportCell): string {
  if (cell === null) return '';
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return '';
    if (isTimeOnly(cell)) return utcTime(cell);
    const [year, month, day] = utcDate(cell).split('-');
    const time = utcTime(cell);
    return `${day}.${month}.${year}${time === '00:00' ? '' : ` ${time}`}`;
  }
  if (typeof cell === 'boolean') return cell ? 'WAHR' : 'FALSCH';
  return String(cell).trim();
}

export interface ImportDate {
  /** 'YYYY-MM-DD' */
  readonly date: string;
  /** 'HH:mm' when the cell also held a time of day. */
  readonly time: string | null;
}

const GERMAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 31.12.2026, 31.12.26, 2026-12-31, or an Excel date cell. Null when the cell is no date. */
export function parseImportDate(cell: ImportCell): ImportDate | null {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime()) || isTimeOnly(cell)) return null;
    const time = utcTime(cell);
    return { date: utcDate(cell), time: time === '00:00' ? null : time };
  }
  if (typeof cell === 'number') {
    if (cell < PLAUSIBLE_SERIALS.min || cell > PLAUSIBLE_SERIALS.max) return null;
    return parseImportDate(new Date(EXCEL_EPOCH_MS + Math.round(cell * DAY_MS)));
  }
  if (typeof cell !== 'string') return null;
  const text = cell.trim();
  let date: string | null = null;
  const german = GERMAN_DATE.exec(text);
  if (german) {
    // Two-digit years are this century's: nobody plans posts for 1926.
    const year = german[3].length === 2 ? 2000 + Number(german[3]) : Number(german[3]);
    date = `${year}-${pad(Number(german[2]))}-${pad(Number(german[1]))}`;
  } else if (ISO_DATE.test(text)) {
    date = text;
  }
  return date && isCalendarDate(date) ? { date, time: null } : null;
}

const TIME = /^(\d{1,2})[:.](\d{2})(?::(\d{2}))?(?:\s*Uhr)?$/i;

/** 9:30, 09:30, 09:30:00, 9.30 Uhr, or an Excel time cell, as 'HH:mm'. Null when the cell is no time. */
export function parseImportTime(cell: ImportCell): string | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : utcTime(cell);
  if (typeof cell === 'number') {
    if (cell < 0 || cell >= 1) return null;
    const minutes = Math.round(cell * 24 * 60);
    return minutes < 24 * 60 ? `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}` : null;
  }
  if (typeof cell !== 'string') return null;
  const match = TIME.exec(cell.trim());
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  return hours <= 23 && minutes <= 59 ? `${pad(hours)}:${pad(minutes)}` : null;
}

/** A list in one cell: „Facebook, Instagram“ or one per line. */
export function splitList(text: string): string[] {
  return [...new Set(text.split(/[,;\n]/).map((part) => part.trim()).filter(Boolean))];
}
