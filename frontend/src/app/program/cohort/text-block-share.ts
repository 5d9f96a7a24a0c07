import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import type { EnrolmentProgramView } from '@amtsplan/contracts';
import { ProgramApi } from '../program-api';
import { OwnShares } from './own-shares';
import { ShareControl } from './share-control';

/**
 * "Mit der Peer-Gruppe im Lernprogramm teilen" on a text block with an approved version: only for
 * a person enrolled in the learning program for this authority (nothing renders otherwise). The
 * server shares the approved version's title and body after the usual preview.
 */
@Component({
  selector: 'amt-text-block-share',
  imports: [ShareControl],
  providers: [OwnShares],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (enrolment(); as e) {
      <amt-share-control
        [organizationId]="organizationId()"
        [enrolmentId]="e.enrolmentId"
        [source]="{ kind: 'text_block', textBlockId: textBlockId() }"
        [sharedTitle]="'Textbaustein: ' + approvedTitle()"
        startLabel="program.share.startTextBlock"
      />
    }
  `,
})
export class TextBlockShare {
  private readonly api = inject(ProgramApi);
  private readonly own = inject(OwnShares);

  readonly organizationId = input.required<string>();
  readonly textBlockId = input.required<string>();
  /** The approved version's title: the share's title is "Textbaustein: <title>". */
  readonly approvedTitle = input.required<string>();

  protected readonly enrolment = signal<EnrolmentProgramView | null>(null);

  constructor() {
    effect(() => {
      const organizationId = this.organizationId();
      // Quietly nothing on failure: the text block is the page's work, sharing is an extra.
      this.api.ownEnrolment(organizationId).subscribe((enrolment) => {
        this.enrolment.set(enrolment);
        if (enrolment) this.own.watch(enrolment.cohort.id);
      });
    });
  }
}
