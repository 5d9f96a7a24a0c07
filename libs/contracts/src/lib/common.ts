import { z } from 'zod';
import { de } from 'zod/locales';

// German first: every validation message the API sends is German (DESIGN.md). Only this locale
// is imported, so bundles do not carry zod's other languages.
z.config(de());

export const uuid = z.uuid({ message: 'Ungültige ID' });
export const email = z
  .string({ message: 'Bitte eine E-Mail-Adresse angeben' })
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'Bitte eine gültige E-Mail-Adresse angeben' }));
export const version = z.number().int().min(1);
export const displayName = z.string().trim().min(1, 'Bitte einen Namen angeben').max(120);
/** ASVS 2.1: at least 12 characters, no composition rules, long passphrases welcome. */
export const newPassword = z
  .string()
  .min(12, 'Das Passwort muss mindestens 12 Zeichen lang sein')
  .max(256, 'Das Passwort darf höchstens 256 Zeichen lang sein');
