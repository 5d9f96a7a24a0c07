/**
 * A counter that advances whenever a cache forgets. A reader notes it before asking the
 * database and stores the answer only if it has not moved: a change that committed while the
 * reader was busy may be missing from the answer, so the answer must not outlive the change's
 * invalidation.
 */
export class Generation {
  private value = 0;

  get current(): number {
    return this.value;
  }

  advance(): void {
    this.value++;
  }

  unchangedSince(noted: number): boolean {
    return this.value === noted;
  }
}
