import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { PlaybookContentInput, PlaybookView } from '@amtsplan/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { APPROVALS_PATH } from '../approvals/approvals-paths';
import { describeFailure, isStaleVersion, problemOf } from '../shared/http/problem';
import { I18n } from '../shared/i18n/i18n';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { organizationUrl } from '../shared/routing/paths';
import { InlineAlert } from '../shared/ui/inline-alert';
import { CrisisApi } from './crisis-api';
import { VERSION_STATUS_KEYS } from './crisis-labels';
import { CRISIS_PATH } from './crisis-paths';

type Content = PlaybookContentInput;
type Level = Content['levels'][number];

/** Lines of a textarea as a list, empty lines left out. */
function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/**
 * The playbook editor: name, scenario, contact list, and per level the checklist (responsible
 * role or person, time target), the contacts to alert, the holding statements (text block
 * references), do's and don'ts and whether the Kommunikationsstopp is recommended.
 */
@Component({
  selector: 'amt-playbook-editor-page',
  imports: [FormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, RouterLink, InlineAlert, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'amt-page' },
  templateUrl: './playbook-editor-page.html',
  styleUrl: './playbook-editor-page.scss',
})
export class PlaybookEditorPage {
  private readonly api = inject(CrisisApi);
  private readonly i18n = inject(I18n);
  readonly orgId = input.required<string>();
  readonly playbookId = input.required<string>();

  protected readonly VERSION_STATUS_KEYS = VERSION_STATUS_KEYS;
  protected readonly playbook = signal<PlaybookView | null>(null);
  protected readonly content = signal<Content | null>(null);
  protected readonly busy = signal(false);
  protected readonly message = signal<{ tone: 'info' | 'error'; text: string; errors?: string[] } | null>(null);
  protected nextReviewOn = '';
  /** Textareas per level: do's, don'ts, statement ids. */
  protected text: Record<number, { dos: string; donts: string; statements: string }> = {};

  constructor() {
    effect(() => this.load(this.orgId(), this.playbookId()));
  }

  protected backLink(): string[] {
    return organizationUrl(this.orgId(), CRISIS_PATH);
  }

  private load(orgId: string, id: string): void {
    this.api.playbook(orgId, id).subscribe({
      next: (p) => this.show(p),
      error: (e) => this.message.set({ tone: 'error', text: describeFailure(e, this.i18n) }),
    });
  }

  private show(p: PlaybookView): void {
    this.playbook.set(p);
    const content = structuredClone(p.content) as Content;
    this.content.set(content);
    this.nextReviewOn = p.nextReviewOn ?? '';
    this.text = Object.fromEntries(
      content.levels.map((l) => [l.level, { dos: l.dos.join('\n'), donts: l.donts.join('\n'), statements: l.holdingStatementIds.join('\n') }]),
    );
  }

  protected addContact(content: Content): void {
    content.contacts.push({ id: `k${Date.now().toString(36)}`, name: '', function: '', phone: '', deputy: '', reachability: '', userId: null });
  }

  protected removeContact(content: Content, index: number): void {
    const [removed] = content.contacts.splice(index, 1);
    for (const level of content.levels) level.contactIds = level.contactIds.filter((id) => id !== removed?.id);
  }

  protected addStep(level: Level): void {
    level.checklist.push({ id: `s${level.level}-${Date.now().toString(36)}`, title: '', responsible: { kind: 'role', role: '' }, dueWithinMinutes: 30 });
  }

  protected removeStep(level: Level, index: number): void {
    level.checklist.splice(index, 1);
  }

  protected who(step: Level['checklist'][number]): string {
    return step.responsible.kind === 'role' ? step.responsible.role : step.responsible.name;
  }

  protected setWho(step: Level['checklist'][number], value: string): void {
    step.responsible = { kind: 'role', role: value };
  }

  protected toggleContact(level: Level, contactId: string, on: boolean): void {
    level.contactIds = on ? [...level.contactIds, contactId] : level.contactIds.filter((id) => id !== contactId);
  }

  protected save(): void {
    const p = this.playbook();
    const content = this.content();
    if (!p || !content) return;
    for (const level of content.levels) {
      const t = this.text[level.level];
      if (!t) continue;
      level.dos = lines(t.dos);
      level.donts = lines(t.donts);
      level.holdingStatementIds = lines(t.statements);
    }
    this.busy.set(true);
    this.api.savePlaybook(this.orgId(), p.id, p.version, content, this.nextReviewOn || null).subscribe({
      next: (saved) => {
        this.busy.set(false);
        this.show(saved);
        this.message.set({ tone: 'info', text: this.i18n.t('crisis.editor.saved') });
      },
      error: (e) => this.failed(e),
    });
  }

  /** A draft that was never submitted can go to the Freigabe; a decided one needs an edit (a new version) first. */
  protected canSubmit(p: PlaybookView): boolean {
    return p.versionStatus === 'draft' && p.approvalRequestId === null;
  }

  protected approvalLink(p: PlaybookView): string[] | null {
    return p.approvalRequestId ? organizationUrl(this.orgId(), APPROVALS_PATH, p.approvalRequestId) : null;
  }

  /** Submits the current version to the organization's Freigabe; the decision is made there. */
  protected submit(): void {
    const p = this.playbook();
    if (!p) return;
    this.busy.set(true);
    this.api.submitPlaybook(this.orgId(), p.id, p.version).subscribe({
      next: (request) => {
        this.busy.set(false);
        this.message.set({ tone: 'info', text: this.i18n.t(request.status === 'approved' ? 'crisis.editor.approvedAtOnce' : 'crisis.editor.submitted') });
        this.load(this.orgId(), p.id);
      },
      error: (e) => this.failed(e),
    });
  }

  private failed(e: unknown): void {
    this.busy.set(false);
    if (isStaleVersion(e)) {
      this.message.set({ tone: 'error', text: this.i18n.t('crisis.editor.stale') });
      return;
    }
    const problem = problemOf(e);
    this.message.set({ tone: 'error', text: describeFailure(e, this.i18n), errors: problem?.errors?.map((f) => `${f.path}: ${f.message}`) });
  }
}
