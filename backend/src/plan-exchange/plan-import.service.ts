import { Inject, Injectable } from '@nestjs/common';
import {
  FieldError,
  PLAN_IMPORT_FIELDS,
  PLAN_IMPORT_MAX_ROWS,
  PlanImportFields,
  PlanImportMapping,
  PlanImportPreview,
  PlanImportProblem,
  PlanImportResult,
  ProblemType,
} from '@amtsplan/contracts';
import { AuditLog } from '../audit/audit-log';
import { ChannelRepository } from '../channels/channel.repository';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ProblemException } from '../http/problem.exception';
import { OrganizationRepository } from '../organizations/organization.repository';
import { PostsService } from '../posts/posts.service';
import { TopicRepository } from '../topics/topic.repository';
import { cellText } from './import-cell-values';
import { ImportFileProblem } from './import-file-errors';
import { readImportFile } from './import-file-reader';
import { suggestMapping } from './import-mapping';
import { validateRows } from './import-rows';
import { ImportTable, toImportTable } from './import-table';
import { ImportUpload } from './import-upload';

const PREVIEW_ROWS = 20;

/**
 * Imports an existing Excel/CSV Redaktionsplan. Every row is checked before anything is
 * written; the posts are then created through PostsService (versions, audit entries) inside
 * the request's one transaction, so a failure part-way leaves nothing behind.
 */
@Injectable()
export class PlanImportService {
  constructor(
    private readonly posts: PostsService,
    private readonly channels: ChannelRepository,
    private readonly topics: TopicRepository,
    private readonly organizations: OrganizationRepository,
    private readonly audit: AuditLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get maxBytes(): number {
    return this.config.importMaxBytes;
  }

  async preview(upload: ImportUpload): Promise<PlanImportPreview> {
    const table = await tableOf(upload.content);
    return {
      columns: [...table.columns],
      suggestedMapping: suggestMapping(table.columns),
      rows: table.rows.slice(0, PREVIEW_ROWS).map((row) => table.columns.map((_, index) => cellText(row.cells[index] ?? null))),
      totalRows: table.rows.length,
      sheetName: table.sheetName,
    };
  }

  async import(upload: ImportUpload): Promise<PlanImportResult> {
    const { mapping, mode } = importFields(upload.fields);
    const table = await tableOf(upload.content);
    refuseUnknownColumns(mapping, table);
    const validated = validateRows(table, mapping, await this.catalog());
    if (validated.errors.length > 0 && mode === 'all-or-nothing') {
      const problem: PlanImportProblem = {
        type: ProblemType.validation,
        title: 'Import abgelehnt',
        status: 422,
        detail: `${validated.invalidRows} von ${table.rows.length} Zeilen enthalten Fehler. Es wurde nichts importiert.`,
        rowErrors: validated.errors,
      };
      throw new ProblemException(problem);
    }
    for (const { post } of validated.valid) await this.posts.create(post);
    const result = { created: validated.valid.length, skipped: validated.invalidRows, rowErrors: [...validated.errors] };
    await this.audit.recordInOrganization({
      action: 'plan.imported',
      objectType: 'plan',
      details: { created: result.created, skipped: result.skipped, format: table.format, mode },
    });
    return result;
  }

  private async catalog() {
    const lower = (name: string) => name.toLocaleLowerCase('de');
    return {
      channels: new Map((await this.channels.list()).map((c) => [lower(c.name), c.id])),
      topics: new Map((await this.topics.list()).map((t) => [lower(t.name), t.id])),
      timeZone: (await this.organizations.current())?.timeZone ?? 'Europe/Berlin',
    };
  }
}

async function tableOf(content: Buffer): Promise<ImportTable> {
  const table = toImportTable(await readImportFile(content));
  if (!table) throw ImportFileProblem.unreadable('Die Datei enthält keine ausgefüllten Zeilen.');
  if (table.rows.length === 0) throw ImportFileProblem.unreadable('Die Datei enthält nur eine Kopfzeile und keine Beiträge.');
  if (table.rows.length > PLAN_IMPORT_MAX_ROWS) {
    throw ImportFileProblem.unreadable(
      `Die Datei enthält ${table.rows.length.toLocaleString('de-DE')} Zeilen; höchstens ${PLAN_IMPORT_MAX_ROWS.toLocaleString('de-DE')} sind je Import möglich. Bitte den Plan aufteilen.`,
    );
  }
  return table;
}

/** The form fields `mapping` (JSON) and `mode`, validated like a body. */
function importFields(fields: Readonly<Record<string, string>>): { mapping: PlanImportMapping; mode: 'all-or-nothing' | 'skip-invalid' } {
  let mapping: unknown;
  try {
    mapping = JSON.parse(fields['mapping'] ?? '');
  } catch {
    throw ProblemException.validation([{ path: 'mapping', message: 'Bitte die Zuordnung der Spalten als JSON senden' }]);
  }
  const parsed = PlanImportFields.safeParse({ mapping, mode: fields['mode'] || undefined });
  if (!parsed.success) throw ProblemException.validation(parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
  return parsed.data;
}

function refuseUnknownColumns(mapping: PlanImportMapping, table: ImportTable): void {
  const errors: FieldError[] = [];
  for (const field of PLAN_IMPORT_FIELDS) {
    const column = mapping[field];
    if (column && !table.columns.includes(column)) errors.push({ path: `mapping.${field}`, message: `Die Spalte „${column}“ gibt es in der Datei nicht` });
  }
  if (errors.length) throw ProblemException.validation(errors);
}
