import { Injectable, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { type Observable, filter, switchMap } from 'rxjs';
import { TextBlocksApi } from '../text-blocks-api';
import type { PickedTextBlock, TextBlockPickerOptions } from './picked-text-block';
import { TextBlockPickerDialog, type TextBlockPickerData } from './text-block-picker-dialog';

/**
 * Opens the text block picker (command palette) and emits the chosen, rendered text once, or
 * completes without a value when it was closed with Escape. Only approved versions of blocks
 * valid today are offered (the API's `for=picker`).
 *
 * ```ts
 * this.picker.open({ organizationId, values: { name: '@anna' } }).subscribe((picked) => insertAtCursor(picked.text));
 * ```
 */
@Injectable({ providedIn: 'root' })
export class TextBlockPicker {
  private readonly dialog = inject(MatDialog);
  private readonly api = inject(TextBlocksApi);

  open(options: TextBlockPickerOptions): Observable<PickedTextBlock> {
    return this.api.settings(options.organizationId).pipe(
      switchMap((settings) =>
        this.dialog
          .open<TextBlockPickerDialog, TextBlockPickerData, PickedTextBlock>(TextBlockPickerDialog, {
            data: { options, settings },
            width: '640px',
            maxWidth: '96vw',
            autoFocus: false,
            restoreFocus: true,
          })
          .afterClosed(),
      ),
      filter((picked): picked is PickedTextBlock => picked !== undefined),
    );
  }
}
