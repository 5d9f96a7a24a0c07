import { Injectable, inject } from '@angular/core';
import { MatSnackBar, type MatSnackBarRef, type TextOnlySnackBar } from '@angular/material/snack-bar';
import { I18n } from '../i18n/i18n';
import { describeFailure } from './problem';

/** How long a confirmation stays; errors stay until dismissed, so nobody misses them (WCAG 2.2.1). */
const CONFIRMATION_MS = 6000;

@Injectable({ providedIn: 'root' })
export class ProblemNotice {
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);

  /** Shows what went wrong in words: the problem's detail, else its title, else a generic text. */
  showError(error: unknown): MatSnackBarRef<TextOnlySnackBar> {
    return this.showErrorText(describeFailure(error, this.i18n));
  }

  showErrorText(text: string, action?: string): MatSnackBarRef<TextOnlySnackBar> {
    return this.snackBar.open(text, action ?? this.i18n.t('common.close'), { politeness: 'assertive' });
  }

  confirm(text: string): void {
    this.snackBar.open(text, this.i18n.t('common.close'), { duration: CONFIRMATION_MS, politeness: 'polite' });
  }
}
