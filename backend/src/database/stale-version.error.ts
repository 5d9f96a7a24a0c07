/** A write based on an older version of the object than the stored one (answered with 409). */
export class StaleVersionError extends Error {
  constructor(
    readonly objectType: string,
    readonly currentVersion: number,
  ) {
    super(`${objectType} was changed in the meantime (current version ${currentVersion})`);
    this.name = 'StaleVersionError';
  }
}
