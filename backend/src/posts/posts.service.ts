import { Injectable } from '@nestjs/common';
import type {
  AuditAction,
  CreatePostCommentRequest,
  CreatePostRequest,
  MovePostRequest,
  PostCommentView,
  PostListQuery,
  PostMediaView,
  PostVersionView,
  PostView,
  UpdatePostRequest,
} from '@amtsplan/contracts';
import { POST_STATUS_LABELS, roleAllows, userMayMove } from '@amtsplan/domain';
import { ApprovalVoiding } from '../approvals/approval-voiding';
import { AuditLog } from '../audit/audit-log';
import { RequestScope } from '../database/request-scope';
import { ProblemException } from '../http/problem.exception';
import { PostMediaRepository } from '../media/post-media.repository';
import { OrganizationRepository } from '../organizations/organization.repository';
import { PostFindings } from './post-findings';
import { PostReferences } from './post-references';
import { PostRepository } from './post.repository';
import { changedFields, planningColumns, snapshotOf, toPostView } from './post-view';
import { PostEntity } from './post.entity';

/** Default checklist of a new post: the two questions a press office must answer before anything goes out. */
export const DEFAULT_CHECKLIST = [
  { label: 'Bildrechte geklärt', done: false },
  { label: 'Einwilligung abgebildeter Personen liegt vor', done: false },
];

export type NewPost = Required<Omit<CreatePostRequest, 'checklist'>> & Pick<CreatePostRequest, 'checklist'>;

@Injectable()
export class PostsService {
  constructor(
    private readonly posts: PostRepository,
    private readonly media: PostMediaRepository,
    private readonly references: PostReferences,
    private readonly findings: PostFindings,
    private readonly organizations: OrganizationRepository,
    private readonly audit: AuditLog,
    private readonly approvals: ApprovalVoiding,
  ) {}

  async list(query: PostListQuery): Promise<PostView[]> {
    const posts = await this.posts.list(query);
    const ids = posts.map((p) => p.id);
    // One after the other: both run on the request's one connection (pg queues concurrent queries on a client, and pg 9 refuses them).
    const variants = await this.posts.variantsOf(ids);
    const media = await this.media.byPosts(ids);
    return posts.map((p) => toPostView(p, variants.get(p.id) ?? [], media.get(p.id) ?? []));
  }

  async get(id: string): Promise<PostView> {
    return this.view(await this.found(id));
  }

  /** `seriesSlotAt` is set only when a series slot is filled (see SeriesSlotsService). */
  async create(request: NewPost, origin: { seriesSlotAt?: Date } = {}): Promise<PostView> {
    await this.references.check({
      channelIds: request.variants.map((v) => v.channelId),
      topicId: request.topicId,
      responsibleUserId: request.responsibleUserId,
      seriesId: request.seriesId,
    });
    const scope = RequestScope.organization();
    const organization = await this.organizations.current();
    const id = await this.posts.create({
      workingTitle: request.workingTitle,
      text: request.text,
      status: request.status,
      ...planningColumns(request.planning),
      timeZone: organization?.timeZone ?? 'Europe/Berlin',
      topicId: request.topicId,
      tags: request.tags,
      responsibleUserId: request.responsibleUserId ?? scope.userId,
      authorUserId: scope.userId,
      checklist: request.checklist ?? DEFAULT_CHECKLIST,
      seriesId: request.seriesId,
      seriesSlotAt: origin.seriesSlotAt ?? null,
      findings: [],
    });
    const variants = request.variants.map((v) => ({ channelId: v.channelId, text: v.text ?? null }));
    await this.posts.addVariants(id, variants);
    // A new post has exactly the variants just written and no images yet.
    const view = await this.saved(id, { variants, media: [] });
    await this.posts.recordVersion(id, view.version, Object.keys(snapshotOf(view)), snapshotOf(view));
    await this.audit.recordInOrganization({ action: 'post.created', objectType: 'post', objectId: id, details: { workingTitle: view.workingTitle, status: view.status } });
    return view;
  }

  async update(id: string, request: UpdatePostRequest): Promise<PostView> {
    const post = await this.editable(id);
    await this.references.check({
      channelIds: request.variants?.map((v) => v.channelId),
      topicId: request.topicId,
      responsibleUserId: request.responsibleUserId,
      seriesId: request.seriesId,
    });
    const beforeView = await this.view(post);
    const before = snapshotOf(beforeView);
    const { version, variants, planning, ...fields } = request;
    await this.posts.update(id, version, { ...fields, ...(planning ? planningColumns(planning) : {}) });
    const newVariants = variants?.map((v) => ({ channelId: v.channelId, text: v.text ?? null }));
    if (newVariants) await this.posts.replaceVariants(id, newVariants);
    // A changed text, channel or time voids a running or granted approval (and the status becomes draft).
    await this.approvals.afterContentSaved(id);
    // An edit never touches the images, and the variants are either unchanged or the ones just written.
    const view = await this.saved(id, { variants: newVariants ?? beforeView.variants, media: beforeView.media });
    const fieldsChanged = changedFields(before, snapshotOf(view));
    await this.posts.recordVersion(id, view.version, fieldsChanged, snapshotOf(view));
    await this.audit.recordInOrganization({ action: 'post.updated', objectType: 'post', objectId: id, details: { version: view.version, fields: fieldsChanged } });
    return view;
  }

  /** A status move by hand (Idee ↔ Entwurf, archive, restore); approval and publishing moves have their own workflows. */
  async move(id: string, request: MovePostRequest): Promise<PostView> {
    const post = await this.editable(id);
    if (post.version !== request.version) throw ProblemException.staleVersion();
    if (post.status === request.to) return this.view(post);
    if (!userMayMove(post.status, request.to)) {
      throw ProblemException.unprocessable(
        `Ein Beitrag im Status „${POST_STATUS_LABELS[post.status]}“ kann hier nicht nach „${POST_STATUS_LABELS[request.to]}“ wechseln.`,
      );
    }
    await this.posts.update(id, request.version, { status: request.to });
    const view = await this.view(await this.found(id));
    await this.posts.recordVersion(id, view.version, ['status'], snapshotOf(view));
    await this.audit.recordInOrganization({
      action: 'post.status_changed',
      objectType: 'post',
      objectId: id,
      details: { from: post.status, to: request.to, version: view.version },
    });
    return view;
  }

  /**
   * Content kept outside the posts table (images) changed: the post gets a new version, a
   * history entry naming the field, and an audit entry, exactly like an edit of its text.
   */
  async recordContentChange(id: string, field: string, audit: { action: AuditAction; details: Record<string, unknown> }): Promise<PostView> {
    const post = await this.editable(id);
    await this.posts.update(id, post.version, {});
    const voided = await this.approvals.afterContentSaved(id);
    const view = await this.saved(id);
    await this.posts.recordVersion(id, view.version, voided && view.status !== post.status ? [field, 'status'] : [field], snapshotOf(view));
    await this.audit.recordInOrganization({ action: audit.action, objectType: 'post', objectId: id, details: { version: view.version, ...audit.details } });
    return view;
  }

  /** Throws 404/403 unless the current member may change this post's content. */
  async assertEditable(id: string): Promise<void> {
    await this.editable(id);
  }

  async history(id: string): Promise<PostVersionView[]> {
    if (!(await this.posts.find(id))) throw ProblemException.notFound();
    return (await this.posts.versions(id)).map((v) => ({
      version: v.version,
      changedAt: new Date(v.changedAt).toISOString(),
      changedBy: v.changedByUserId ? { id: v.changedByUserId, displayName: v.changedByName ?? '' } : null,
      changedFields: v.changedFields,
    }));
  }

  async comments(id: string): Promise<PostCommentView[]> {
    if (!(await this.posts.find(id))) throw ProblemException.notFound();
    return this.commentViews(id);
  }

  private async commentViews(id: string): Promise<PostCommentView[]> {
    return (await this.posts.comments(id)).map((c) => ({
      id: c.id,
      body: c.body,
      createdAt: new Date(c.createdAt).toISOString(),
      author: c.authorId ? { id: c.authorId, displayName: c.authorName ?? '' } : null,
    }));
  }

  async addComment(id: string, request: CreatePostCommentRequest): Promise<PostCommentView[]> {
    if (!(await this.posts.find(id))) throw ProblemException.notFound();
    const commentId = await this.posts.addComment(id, request.body);
    await this.audit.recordInOrganization({ action: 'post.comment_added', objectType: 'post', objectId: id, details: { commentId } });
    return this.commentViews(id);
  }

  /** Planners edit everything; a Fachbereich edits only its own ideas and drafts (Redaktionsplan issue). */
  private async editable(id: string): Promise<PostEntity> {
    const post = await this.found(id);
    // Taken by the publisher: what goes out is fixed until every channel is settled (publishing/).
    if (post.status === 'scheduled' && post.publishClaimedAt) {
      throw ProblemException.conflict('Der Beitrag wird gerade veröffentlicht. Änderungen sind erst möglich, wenn alle Kanäle erledigt sind.');
    }
    const { role, userId } = RequestScope.organization();
    if (roleAllows(role, 'posts.plan')) return post;
    if (roleAllows(role, 'posts.propose') && post.authorUserId === userId && (post.status === 'idea' || post.status === 'draft')) return post;
    throw ProblemException.forbidden('Sie können nur eigene Entwürfe bearbeiten.');
  }

  private async found(id: string): Promise<PostEntity> {
    const post = await this.posts.find(id);
    if (!post) throw ProblemException.notFound();
    return post;
  }

  /**
   * The post as saved, with its findings recomputed and stored when they changed. The row is
   * read again (version and update time come from the database); variants and images are read
   * only when the caller does not know them already.
   */
  private async saved(id: string, content?: Pick<PostView, 'variants' | 'media'>): Promise<PostView> {
    const post = await this.found(id);
    const view = content ? toPostView(post, content.variants, content.media) : await this.view(post);
    const findings = await this.findings.of(view);
    if (JSON.stringify(findings) === JSON.stringify(view.findings)) return view;
    await this.posts.storeFindings(id, findings);
    return { ...view, findings };
  }

  private async view(post: PostEntity): Promise<PostView> {
    const variants = await this.posts.variantsOf([post.id]);
    const media = await this.mediaOf(post.id);
    return toPostView(post, variants.get(post.id) ?? [], media);
  }

  private async mediaOf(postId: string): Promise<PostMediaView[]> {
    return (await this.media.byPosts([postId])).get(postId) ?? [];
  }
}
