import { Injectable, inject } from '@angular/core';
import { MatDialog, type MatDialogConfig, type MatDialogRef } from '@angular/material/dialog';
import type { Planning, PostView } from '@amtsplan/contracts';
import { type Observable, from, switchMap } from 'rxjs';
import type { PostEditor, PostEditorData } from './editor/post-editor';
import type { PlanningDialogData } from './planning-dialog';
import type { QuickCreateData } from './quick-create-dialog';
import type { SlotDialogData } from './slot-dialog';

/** The post editor as a side panel on the right, the full height of the window. */
const EDITOR_PANEL: MatDialogConfig = {
  panelClass: 'plan-editor-panel',
  position: { right: '0', top: '0' },
  height: '100dvh',
  width: '720px',
  maxWidth: '100vw',
  maxHeight: '100dvh',
  disableClose: true,
  autoFocus: 'first-heading',
  ariaLabelledBy: 'post-editor-heading',
};

/**
 * The plan's dialogs, each loaded with its code when it is first opened. None of them is needed
 * to draw the month: imported with the page, the editor (with its approval and publication
 * panels, chips, checkboxes and forms) made up a third of the plan's code that every visit
 * loaded and evaluated before the calendar could be drawn. Once loaded, a dialog's code stays.
 */
@Injectable({ providedIn: 'root' })
export class PlanDialogs {
  private readonly dialog = inject(MatDialog);

  /** Opens the editor once its code is there; `stillWanted` is asked then (the URL may have moved on). */
  async editor(data: PostEditorData, stillWanted: () => boolean): Promise<MatDialogRef<PostEditor> | null> {
    const { PostEditor } = await import('./editor/post-editor');
    return stillWanted() ? this.dialog.open<PostEditor, PostEditorData>(PostEditor, { ...EDITOR_PANEL, data }) : null;
  }

  /** The created post, or undefined when the dialog was cancelled. */
  quickCreate(data: QuickCreateData): Observable<PostView | undefined> {
    return from(import('./quick-create-dialog')).pipe(
      switchMap(({ QuickCreateDialog }) =>
        this.dialog.open<InstanceType<typeof QuickCreateDialog>, QuickCreateData, PostView>(QuickCreateDialog, { data, maxWidth: '560px' }).afterClosed(),
      ),
    );
  }

  /** The post that fills the slot, or undefined. */
  slot(data: SlotDialogData): Observable<PostView | undefined> {
    return from(import('./slot-dialog')).pipe(
      switchMap(({ SlotDialog }) => this.dialog.open<InstanceType<typeof SlotDialog>, SlotDialogData, PostView>(SlotDialog, { data, maxWidth: '520px' }).afterClosed()),
    );
  }

  /** The chosen planning, or undefined. */
  planning(data: PlanningDialogData): Observable<Planning | undefined> {
    return from(import('./planning-dialog')).pipe(
      switchMap(({ PlanningDialog }) =>
        this.dialog.open<InstanceType<typeof PlanningDialog>, PlanningDialogData, Planning>(PlanningDialog, { data, maxWidth: '480px' }).afterClosed(),
      ),
    );
  }
}
