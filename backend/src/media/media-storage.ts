import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** The only names this storage ever writes or reads: nothing from a client reaches a path. */
const STORAGE_KEY = new RegExp(`^${UUID}\\.(jpg|png|webp|gif)$`);
const ORGANIZATION_ID = new RegExp(`^${UUID}$`);

/**
 * Image files on disk, outside the web root: `<MEDIA_DIR>/<organization id>/<random uuid>.<ext>`.
 * A file is written under a temporary name and renamed, so a reader never sees half a file.
 */
@Injectable()
export class MediaStorage {
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = resolve(config.mediaDir);
  }

  /** Stores the bytes under a new random name and returns that name (the storage key). */
  async save(organizationId: string, bytes: Buffer, extension: string): Promise<string> {
    const key = `${randomUUID()}.${extension}`;
    const target = this.path(organizationId, key);
    const directory = join(this.root, organizationId);
    await mkdir(directory, { recursive: true, mode: 0o750 });
    const temporary = join(directory, `.${randomUUID()}.tmp`);
    try {
      const handle = await open(temporary, 'wx', 0o640);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return key;
  }

  /** The open file, or null when it is gone; the caller streams and closes it. */
  async open(organizationId: string, key: string): Promise<FileHandle | null> {
    try {
      return await open(this.path(organizationId, key), 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async remove(organizationId: string, key: string): Promise<void> {
    await rm(this.path(organizationId, key), { force: true });
  }

  /** Where a key lives; refuses anything that is not a name this storage generated. */
  path(organizationId: string, key: string): string {
    if (!ORGANIZATION_ID.test(organizationId) || !STORAGE_KEY.test(key)) throw new Error(`Invalid media storage key ${organizationId}/${key}`);
    return join(this.root, organizationId, key);
  }
}
