import { type Signal, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { type Observable, catchError, map, of, switchMap } from 'rxjs';
import { I18n } from '../i18n/i18n';
import { describeFailure } from './problem';

/** What a page shows of something it reads from the API: a progress bar, the failure, or the value. */
export type LoadState<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly message: string }
  | { readonly state: 'loaded'; readonly value: T };

export interface Loader<T> {
  readonly current: Signal<LoadState<T>>;
  /** Asks again for the same request: the retry button, or after a change made elsewhere. */
  reload(): void;
  /** Changes the loaded value in place, for a change the server has already confirmed. */
  update(change: (value: T) => T): void;
}

export interface LoadOptions<P, T> {
  /** Read reactively: the loader asks again whenever the value changes. Constant when left out. */
  readonly params?: () => P;
  readonly load: (params: P) => Observable<T>;
}

/**
 * Loads at once, again when `params()` changes and on `reload()`. An answer for params that
 * have changed meanwhile is dropped (switchMap), so a quick switch between authorities never
 * shows the previous one's data. The previous state stays on screen until the new answer is in.
 * Call it in an injection context (a field initializer); it stops when the component is destroyed.
 */
export function loadOnRequest<P, T>({ params, load }: LoadOptions<P, T>): Loader<T> {
  const i18n = inject(I18n);
  const reloads = signal(0);
  const current = signal<LoadState<T>>({ state: 'loading' });
  const request = computed(() => ({ params: params?.() as P, reload: reloads() }));

  toObservable(request)
    .pipe(
      switchMap(({ params }) =>
        load(params).pipe(
          map((value): LoadState<T> => ({ state: 'loaded', value })),
          catchError((error: unknown) => of<LoadState<T>>({ state: 'failed', message: describeFailure(error, i18n) })),
        ),
      ),
      takeUntilDestroyed(),
    )
    .subscribe((state) => current.set(state));

  return {
    current: current.asReadonly(),
    reload: () => reloads.update((n) => n + 1),
    update: (change) =>
      current.update((state) => (state.state === 'loaded' ? { state: 'loaded', value: change(state.value) } : state)),
  };
}
