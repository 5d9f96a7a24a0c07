import { Injectable } from '@nestjs/common';
import { CreateTextBlockRequest, type FieldError, ProblemType, type TextBlockImportResult, UpdateTextBlockRequest } from '@amtsplan/contracts';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { AuditLog } from '../audit/audit-log';
import { ProblemException } from '../http/problem.exception';
import { TextBlockRepository } from './text-block.repository';
import { TextBlocksService } from './text-blocks.service';

/** The columns of the CSV file, in this order; lists (platforms, tags) are separated by "|". */
export const TEXT_BLOCK_CSV_COLUMNS = ['kuerzel', 'titel', 'kategorie', 'text_sie', 'text_du', 'kanaele', 'schlagworte', 'gueltig_ab', 'gueltig_bis', 'pruefen_am'] as const;
type Column = (typeof TEXT_BLOCK_CSV_COLUMNS)[number];
type Row = Record<Column, string>;

const list = (value: string) =>
  value
    .split('|')
    .map((v) => v.trim())
    .filter(Boolean);
const dateOrNull = (value: string) => (value.trim() ? value.trim() : null);
const textOrNull = (value: string) => (value.trim() ? value : null);

/**
 * CSV export and import of text blocks (UTF-8, comma, header row; Excel opens it with the BOM).
 * The export has each block's latest version. An import checks every row first and writes
 * nothing when any row has a problem (`errors` name the line, header = line 1), so a file is
 * taken whole or not at all. Rows with a known short code change that block (a submitted
 * version gets a new version, like an edit); others create drafts. Imported text is never
 * approved by the import: it goes through the Freigabe like any other.
 */
@Injectable()
export class TextBlockCsv {
  constructor(
    private readonly repository: TextBlockRepository,
    private readonly blocks: TextBlocksService,
    private readonly audit: AuditLog,
  ) {}

  async export(): Promise<string> {
    const all = await this.allBlocks();
    const rows = all.map((b) => [b.shortCode, b.title, b.category.name, b.body.sie ?? '', b.body.du ?? '', b.platforms.join('|'), b.tags.join('|'), b.validFrom ?? '', b.validUntil ?? '', b.reviewOn ?? '']);
    await this.audit.recordInOrganization({ action: 'text_block.exported', objectType: 'text_block', objectId: undefined, details: { count: rows.length } });
    return `\uFEFF${stringify([[...TEXT_BLOCK_CSV_COLUMNS], ...rows])}`;
  }

  async import(csv: string): Promise<TextBlockImportResult> {
    let records: string[][];
    try {
      records = parse(csv.replace(/^\uFEFF/, ''), { skip_empty_lines: true, relax_column_count: true }) as string[][];
    } catch (error) {
      throw ProblemException.validation([{ path: 'csv', message: `Die Datei ist kein lesbares CSV: ${error instanceof Error ? error.message : String(error)}` }]);
    }
    const [header, ...body] = records;
    const missing = TEXT_BLOCK_CSV_COLUMNS.filter((c) => !header?.map((h) => h.trim().toLowerCase()).includes(c));
    if (!header || missing.length) throw ProblemException.validation([{ path: 'csv', message: `Es fehlen Spalten: ${missing.join(', ')}. Erwartet: ${TEXT_BLOCK_CSV_COLUMNS.join(', ')}.` }]);
    const index = new Map(header.map((h, i) => [h.trim().toLowerCase(), i]));
    const categories = new Map((await this.repository.categories()).map((c) => [c.name.toLowerCase(), c.id]));
    const errors: Array<FieldError & { line: number }> = [];
    const prepared: Array<{ line: number; shortCode: string; request: CreateTextBlockRequest }> = [];
    const seen = new Set<string>();
    body.forEach((record, i) => {
      const line = i + 2;
      const row = Object.fromEntries(TEXT_BLOCK_CSV_COLUMNS.map((c) => [c, record[index.get(c)!] ?? ''])) as Row;
      const categoryId = categories.get(row.kategorie.trim().toLowerCase());
      if (!categoryId) errors.push({ line, path: 'kategorie', message: `Unbekannte Kategorie „${row.kategorie}“.` });
      const parsed = CreateTextBlockRequest.safeParse({
        title: row.titel,
        shortCode: row.kuerzel,
        body: { sie: textOrNull(row.text_sie), du: textOrNull(row.text_du) },
        categoryId: categoryId ?? '00000000-0000-4000-8000-000000000000',
        platforms: list(row.kanaele),
        tags: list(row.schlagworte),
        validFrom: dateOrNull(row.gueltig_ab),
        validUntil: dateOrNull(row.gueltig_bis),
        reviewOn: dateOrNull(row.pruefen_am),
      });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) errors.push({ line, path: csvPath(issue.path.map(String)), message: issue.message });
        return;
      }
      const code = parsed.data.shortCode;
      if (seen.has(code)) errors.push({ line, path: 'kuerzel', message: `Das Kürzel „${code}“ steht mehrfach in der Datei.` });
      seen.add(code);
      prepared.push({ line, shortCode: code, request: parsed.data });
    });
    let created = 0;
    if (errors.length === 0) {
      for (const row of prepared) {
        try {
          if (await this.write(row.request)) created++;
        } catch (error) {
          if (!(error instanceof ProblemException)) throw error;
          for (const e of error.problem.errors ?? [{ path: 'zeile', message: error.message }]) errors.push({ line: row.line, path: csvPath(e.path.split('.')), message: e.message });
        }
      }
    }
    if (errors.length) {
      // Nothing of the file stays: the caller's transaction rolls back with this problem.
      throw new ProblemException({
        type: ProblemType.validation,
        title: 'Ungültige Eingabe',
        status: 400,
        detail: `Die Datei wurde nicht übernommen: ${errors.length} Problem(e). Bitte die genannten Zeilen korrigieren.`,
        errors: errors.map((e) => ({ path: `zeile.${e.line}.${e.path}`, message: e.message })),
      });
    }
    const updated = prepared.length - created;
    await this.audit.recordInOrganization({ action: 'text_block.imported', objectType: 'text_block', objectId: undefined, details: { created, updated } });
    return { created, updated, errors: [] };
  }

  /** True when the row created a block, false when it changed one. */
  private async write(request: CreateTextBlockRequest): Promise<boolean> {
    const existing = await this.repository.findByShortCode(request.shortCode);
    if (!existing) {
      await this.blocks.create(request as CreateTextBlockRequest & { platforms: string[]; tags: string[] });
      return true;
    }
    const update: UpdateTextBlockRequest = { ...request, version: existing.version };
    delete (update as { ownerUserId?: string }).ownerUserId;
    await this.blocks.update(existing.id, UpdateTextBlockRequest.parse(update));
    return false;
  }

  /** Every block with its latest version, in pages by short code. */
  private async allBlocks() {
    const views = [];
    let after = '';
    for (;;) {
      const page = await this.repository.shortCodesAfter(after, 500);
      if (page.length === 0) break;
      for (const block of page) views.push(await this.blocks.get(block.id).then((v) => ({ ...v.latest, shortCode: v.shortCode, tags: v.tags, validFrom: v.validFrom, validUntil: v.validUntil, reviewOn: v.reviewOn })));
      after = page[page.length - 1].shortCode;
    }
    return views;
  }
}

/** A contract path as the CSV's column. */
function csvPath(path: readonly string[]): string {
  const map: Record<string, Column> = {
    title: 'titel',
    shortCode: 'kuerzel',
    body: 'text_sie',
    categoryId: 'kategorie',
    platforms: 'kanaele',
    tags: 'schlagworte',
    validFrom: 'gueltig_ab',
    validUntil: 'gueltig_bis',
    reviewOn: 'pruefen_am',
  };
  if (path[0] === 'body' && path[1] === 'du') return 'text_du';
  return map[path[0]] ?? path.join('.');
}
