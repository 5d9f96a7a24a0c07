import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CohortShareEntity, ShareCommentEntity } from './cohort-share.entity';
import { insertRow } from './program-runs.repository';

export interface ShareRow {
  readonly id: string;
  readonly organizationId: string;
  readonly authorUserId: string;
  readonly authorName: string;
  readonly kind: 'reflection' | 'post_draft' | 'upload' | 'poster_section' | 'text_block';
  readonly exerciseId: string | null;
  readonly title: string;
  readonly body: string;
  readonly imageStorageKey: string | null;
  readonly imageContentType: string | null;
  readonly createdAt: Date;
}

export interface CommentRow {
  readonly id: string;
  readonly shareId: string;
  readonly organizationId: string | null;
  readonly authorName: string;
  readonly body: string;
  readonly createdAt: Date;
}

/**
 * What was shared into a cohort. Row-level security shows a cohort's shares, comments and
 * reactions only to its participants and its run's facilitator; the queries name the cohort too.
 */
@Injectable()
export class CohortSharesRepository {
  async shares(manager: EntityManager, cohortId: string, shareId?: string): Promise<ShareRow[]> {
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT s.id, s.organization_id, s.author_user_id, u.display_name AS author_name, s.kind, s.exercise_id, s.title, s.body, s.image_storage_key, s.image_content_type, s.created_at
         FROM program_shares s JOIN users u ON u.id = s.author_user_id
        WHERE s.cohort_id = $1 AND ($2::uuid IS NULL OR s.id = $2) ORDER BY s.created_at DESC, s.id`,
      [cohortId, shareId ?? null],
    );
    return rows.map((r) => ({
      id: r['id'] as string,
      organizationId: r['organization_id'] as string,
      authorUserId: r['author_user_id'] as string,
      authorName: r['author_name'] as string,
      kind: r['kind'] as ShareRow['kind'],
      exerciseId: r['exercise_id'] as string | null,
      title: r['title'] as string,
      body: r['body'] as string,
      imageStorageKey: r['image_storage_key'] as string | null,
      imageContentType: r['image_content_type'] as string | null,
      createdAt: r['created_at'] as Date,
    }));
  }

  async comments(manager: EntityManager, cohortId: string): Promise<CommentRow[]> {
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT c.id, c.share_id, c.organization_id, u.display_name AS author_name, c.body, c.created_at
         FROM program_share_comments c JOIN users u ON u.id = c.author_user_id
        WHERE c.cohort_id = $1 ORDER BY c.created_at, c.id`,
      [cohortId],
    );
    return rows.map((r) => ({
      id: r['id'] as string,
      shareId: r['share_id'] as string,
      organizationId: r['organization_id'] as string | null,
      authorName: r['author_name'] as string,
      body: r['body'] as string,
      createdAt: r['created_at'] as Date,
    }));
  }

  reactions(manager: EntityManager, cohortId: string): Promise<Array<{ share_id: string; user_id: string; reaction: 'like' | 'helpful' | 'idea' }>> {
    return manager.query('SELECT share_id, user_id, reaction FROM program_share_reactions WHERE cohort_id = $1', [cohortId]);
  }

  insertShare(manager: EntityManager, values: Omit<CohortShareEntity, 'id' | 'createdAt' | 'organization' | 'cohort' | 'enrolment'>): Promise<string> {
    return insertRow(manager, CohortShareEntity, { ...values });
  }

  insertComment(manager: EntityManager, values: Omit<ShareCommentEntity, 'id' | 'createdAt' | 'share'>): Promise<string> {
    return insertRow(manager, ShareCommentEntity, { ...values });
  }

  async setReaction(manager: EntityManager, cohortId: string, shareId: string, userId: string, reaction: 'like' | 'helpful' | 'idea' | null): Promise<void> {
    if (reaction === null) {
      await manager.query('DELETE FROM program_share_reactions WHERE share_id = $1 AND user_id = $2', [shareId, userId]);
      return;
    }
    await manager.query(
      `INSERT INTO program_share_reactions (share_id, user_id, cohort_id, reaction) VALUES ($1, $2, $3, $4)
       ON CONFLICT (share_id, user_id) DO UPDATE SET reaction = EXCLUDED.reaction`,
      [shareId, userId, cohortId, reaction],
    );
  }

  /** Deletes the copy with its comments and reactions; only its author can (row-level security too). */
  async withdraw(manager: EntityManager, cohortId: string, shareId: string, userId: string): Promise<boolean> {
    const [, affected]: [unknown, number] = await manager.query('DELETE FROM program_shares WHERE id = $1 AND cohort_id = $2 AND author_user_id = $3', [shareId, cohortId, userId]);
    return affected === 1;
  }
}
