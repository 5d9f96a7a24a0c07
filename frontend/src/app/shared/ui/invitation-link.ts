import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { ProblemNotice } from '../http/problem-notice';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/translate.pipe';

/**
 * The accept link exists in clear text only in the answer that created the invitation (the
 * server keeps a hash), so it is shown once, right after inviting, for passing on when the
 * e-mail does not arrive. Used for members and for the first administration of a new authority.
 */
@Component({
  selector: 'amt-invitation-link',
  imports: [MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="link" aria-labelledby="invitation-link-heading">
      <h3 id="invitation-link-heading">{{ 'invite.linkHeading' | t: { email: email() } }}</h3>
      <p class="amt-muted">{{ 'invite.linkHint' | t }}</p>
      <div class="link__row">
        <mat-form-field class="link__field">
          <mat-label>{{ 'invite.linkLabel' | t }}</mat-label>
          <input matInput readonly [value]="acceptUrl()" (focus)="selectAll($event)" />
        </mat-form-field>
        <button mat-flat-button type="button" (click)="copy()">
          <mat-icon aria-hidden="true">content_copy</mat-icon>
          {{ 'invite.copy' | t }}
        </button>
        <button mat-button type="button" (click)="dismissed.emit()">{{ 'common.close' | t }}</button>
      </div>
    </section>
  `,
  styles: `
    .link {
      padding: 16px;
      margin-top: 16px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container);
    }
    .link__row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: center;
    }
    .link__field {
      flex: 1 1 280px;
    }
  `,
})
export class InvitationLink {
  private readonly clipboard = inject(Clipboard);
  private readonly notice = inject(ProblemNotice);
  private readonly i18n = inject(I18n);

  readonly email = input.required<string>();
  readonly acceptUrl = input.required<string>();
  readonly dismissed = output<void>();

  protected copy(): void {
    if (this.clipboard.copy(this.acceptUrl())) this.notice.confirm(this.i18n.t('invite.copied'));
  }

  protected selectAll(event: FocusEvent): void {
    if (event.target instanceof HTMLInputElement) event.target.select();
  }
}
