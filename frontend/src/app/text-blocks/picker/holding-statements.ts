import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { TextBlockHit } from '@amtsplan/contracts';
import { type Observable, catchError, of } from 'rxjs';

/**
 * The holding statements of the organization's active crisis (the open incident's current level,
 * approved and valid; backend/src/crisis/holding-statements.ts). No crisis, no statements; a
 * failed read shows none rather than stopping the picker.
 */
@Injectable({ providedIn: 'root' })
export class PickerHoldingStatements {
  private readonly http = inject(HttpClient);

  load(organizationId: string): Observable<TextBlockHit[]> {
    return this.http.get<TextBlockHit[]>(`/api/orgs/${organizationId}/crisis-status/holding-statements`).pipe(catchError(() => of([] as TextBlockHit[])));
  }
}
