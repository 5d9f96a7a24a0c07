import { Injectable, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import type { PlanEntryView, Planning, PostView, UpdatePostRequest } from '@amtsplan/contracts';
import { type Observable, from, of, switchMap, throwError, catchError, map } from 'rxjs';
import { isStaleVersion } from '../shared/http/problem';
import { type PostFields, fieldsOfPost, fieldsSeenInEntry } from './editor/post-fields';
import type { StaleVersionChoice, StaleVersionData } from './editor/stale-version-dialog';
import type { PlanReferences } from './plan-references';
import { PostsApi } from './posts-api';

export type SaveOutcome =
  | { readonly outcome: 'saved'; readonly post: PostView }
  /** Someone saved first and the person chose their version: the stored post, mine discarded. */
  | { readonly outcome: 'reloaded'; readonly post: PostView }
  | { readonly outcome: 'cancelled' };

/** What a 409 is compared with: the post as the person saw it, and their own values. */
interface SeenAndMine {
  readonly base: PostFields;
  readonly mine: PostFields;
}

/**
 * Saves a change bound to the version the person saw. On 409 it reads the stored post and
 * lets the person reload it or compare and re-apply their own changes; the same path serves
 * the editor and drag and drop. Other failures reach the caller as errors.
 */
@Injectable({ providedIn: 'root' })
export class PostSaving {
  private readonly api = inject(PostsApi);
  private readonly dialog = inject(MatDialog);

  save(organizationId: string, base: PostView, change: UpdatePostRequest, mine: PostFields, references: PlanReferences): Observable<SaveOutcome> {
    return this.send(organizationId, base.id, change, () => ({ base: fieldsOfPost(base), mine }), references);
  }

  /**
   * A new planning for a post the calendar or the Themenspeicher shows as a plan entry (drag and
   * drop, "Einplanen"): only the planning is sent, bound to the entry's version. After a 409 the
   * comparison starts from what the entry showed.
   */
  replan(organizationId: string, entry: PlanEntryView, planning: Planning, references: PlanReferences): Observable<SaveOutcome> {
    return this.send(
      organizationId,
      entry.id,
      { version: entry.version, planning },
      (stored) => {
        const base = fieldsSeenInEntry(entry, stored);
        return { base, mine: { ...base, planning } };
      },
      references,
    );
  }

  private send(
    organizationId: string,
    postId: string,
    change: UpdatePostRequest,
    conflict: (stored: PostView) => SeenAndMine,
    references: PlanReferences,
  ): Observable<SaveOutcome> {
    return this.api.update(organizationId, postId, change).pipe(
      map((post): SaveOutcome => ({ outcome: 'saved', post })),
      catchError((error: unknown) => {
        if (!isStaleVersion(error)) return throwError(() => error);
        return this.api.get(organizationId, postId).pipe(switchMap((stored) => this.resolve(organizationId, stored, conflict(stored), references)));
      }),
    );
  }

  private resolve(organizationId: string, stored: PostView, { base, mine }: SeenAndMine, references: PlanReferences): Observable<SaveOutcome> {
    const data: StaleVersionData = { base, mine, stored, references };
    // The dialog's code is loaded when a conflict happens, not with the plan.
    return from(import('./editor/stale-version-dialog')).pipe(
      switchMap(({ StaleVersionDialog }) =>
        this.dialog
          .open<InstanceType<typeof StaleVersionDialog>, StaleVersionData, StaleVersionChoice>(StaleVersionDialog, { data, maxWidth: '880px', width: '96vw' })
          .afterClosed(),
      ),
      switchMap((choice): Observable<SaveOutcome> => {
        if (!choice) return of({ outcome: 'cancelled' });
        if (choice.choice === 'reload') return of({ outcome: 'reloaded', post: stored });
        // Re-applied onto the stored version; a third person saving meanwhile starts the same dialog again.
        return this.save(organizationId, stored, choice.change, mine, references);
      }),
    );
  }
}
