import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ApprovalPlaybookSubjectView } from '@amtsplan/contracts';
import { CRISIS_PATH, PLAYBOOK_SEGMENT } from '../crisis/crisis-paths';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { organizationUrl } from '../shared/routing/paths';

/** What a crisis playbook version's approval is bound to, in brief: name, scenario, and per level the steps and contacts. */
@Component({
  selector: 'amt-approval-playbook-preview',
  imports: [RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="preview" aria-labelledby="playbook-heading">
      <h2 id="playbook-heading">{{ 'approvals.playbook.heading' | t }}</h2>
      <p class="preview__title">{{ playbook().content.name }}</p>
      <h3>{{ 'approvals.playbook.scenario' | t }}</h3>
      <p class="preview__body">{{ playbook().content.scenario }}</p>
      <p>{{ 'approvals.playbook.contacts' | t: { count: playbook().content.contactCount } }}</p>
      <h3>{{ 'approvals.playbook.levels' | t }}</h3>
      <ul class="preview__levels">
        @for (level of playbook().content.levels; track level.level) {
          <li>
            <strong>{{ 'approvals.playbook.level' | t: { level: level.level, name: level.name } }}</strong>
            {{ 'approvals.playbook.levelCounts' | t: { steps: level.stepCount, contacts: level.contactCount } }}
            @if (level.stopRecommended) {
              · {{ 'approvals.playbook.stopRecommended' | t }}
            }
          </li>
        }
      </ul>
      <a [routerLink]="link()">{{ 'approvals.playbook.open' | t }}</a>
    </section>
  `,
  styles: `
    .preview__title {
      font: var(--mat-sys-title-medium);
      margin: 0 0 8px;
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 12px 0 4px;
    }
    .preview__body {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      padding: 12px;
      margin: 0 0 8px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface);
    }
    .preview__levels {
      margin: 0 0 12px;
      padding-left: 20px;
    }
    .preview__levels li {
      margin: 4px 0;
    }
  `,
})
export class ApprovalPlaybookPreview {
  readonly playbook = input.required<ApprovalPlaybookSubjectView>();
  readonly orgId = input.required<string>();

  protected readonly link = computed(() => organizationUrl(this.orgId(), CRISIS_PATH, PLAYBOOK_SEGMENT, this.playbook().playbookId));
}
