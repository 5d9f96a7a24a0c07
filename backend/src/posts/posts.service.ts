import { Injectable } from '@nestjs/common';
import type { AuditAction, CreatePostCommentRequest, CreatePostRequest, PostCommentView, PostListQuery, PostVersionView, PostView, UpdatePostRequest } from '@amtsplan/contracts';
import { roleAllows } from '@amtsplan/domain';
import { AuditLog } from '../audit/audit-log';
import { RequestScope } from '../database/request-scope';
import { ProblemException } from '../http/problem.exception';
import { OrganizationRepository } from '../organizations/organization.repository';
import { PostReferences } from './post-references';
import { PostRepository } from './post.repository';
import { changedFields, planningColumns, snapshotOf, toPostView } from './post-view';
import { PostEntity } from './post.entity';

/** Default checklist of a new post: the two questions a press office must answer before anything goes out. */
export const DEFAULT_CHECKLIST = [
  { label: 'Bildrechte geklärt', done: false },
  { label: 'Einwilligung abgebildeter Personen liegt vor', done: false },
];

@Injectable()
export class PostsService {
  constructor(
    private readonly posts: PostRepository,
    private readonly references: PostReferences,
    private readonly organizations: OrganizationRepository,
    private readonly audit: AuditLog,
  ) {}

  async list(query: PostListQuery): Promise<PostView[]> {
    const posts = await this.posts.list(query);
    const variants = await this.posts.variantsOf(posts.map((p) => p.id));
    return posts.map((p) => toPostView(p, variants.get(p.id) ?? []));
  }

  async get(id: string): Promise<PostView> {
    const post = await this.posts.find(id);
    if (!post) throw ProblemException.notFound();
    return this.view(post);
  }

  async create(request: Required<Omit<CreatePostRequest, 'checklist'>> & Pick<CreatePostRequest, 'checklist'>): Promise<PostView> {
    await this.references.check({ channelIds: request.variants.map((v) => v.channelId), topicId: request.topicId, responsibleUserId: request.responsibleUserId });
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
    });
    await this.posts.replaceVariants(id, request.variants.map((v) => ({ channelId: v.channelId, text: v.text ?? null })));
    const view = await this.get(id);
    await this.posts.recordVersion(id, view.version, Object.keys(snapshotOf(view)), snapshotOf(view));
    await this.audit.recordInOrganization({ action: 'post.created', objectType: 'post', objectId: id, details: { workingTitle: view.workingTitle, status: view.status } });
    return view;
  }

  async update(id: string, request: UpdatePostRequest): Promise<PostView> {
    const post = await this.posts.find(id);
    if (!post) throw ProblemException.notFound();
    this.refuseEditByRole(post);
    await this.references.check({ channelIds: request.variants?.map((v) => v.channelId), topicId: request.topicId, responsibleUserId: request.responsibleUserId });
    const before = snapshotOf(await this.view(post));
    const { version, variants, planning, ...fields } = request;
    await this.posts.update(id, version, { ...fields, ...(planning ? planningColumns(planning) : {}) });
    if (variants) await this.posts.replaceVariants(id, variants.map((v) => ({ channelId: v.channelId, text: v.text ?? null })));
    const view = await this.get(id);
    const fieldsChanged = changedFields(before, snapshotOf(view));
    await this.posts.recordVersion(id, view.version, fieldsChanged, snapshotOf(view));
    await this.audit.recordInOrganization({ action: 'post.updated', objectType: 'post', objectId: id, details: { version: view.version, fields: fieldsChanged } });
    return view;
  }

  /**
   * Content kept outside the posts table (images) changed: the post gets a new version, a
   * history entry naming the field, and an audit entry, exactly like an edit of its text.
   */
  async recordContentChange(id: string, field: string, audit: { action: AuditAction; details: Record<string, unknown> }): Promise<PostView> {
    const post = await this.posts.find(id);
    if (!post) throw ProblemException.notFound();
    this.refuseEditByRole(post);
    await this.posts.update(id, post.version, {});
    const view = await this.get(id);
    await this.posts.recordVersion(id, view.version, [field], snapshotOf(view));
    await this.audit.recordInOrganization({ action: audit.action, objectType: 'post', objectId: id, details: { version: view.version, ...audit.details } });
    return view;
  }

  /** Throws 404/403 unless the current member may change this post's content. */
  async assertEditable(id: string): Promise<void> {
    const post = await this.posts.find(id);
    if (!post) throw ProblemException.notFound();
    this.refuseEditByRole(post);
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
    return this.comments(id);
  }

  /** Planners edit everything; a Fachbereich edits only its own ideas and drafts (Redaktionsplan issue). */
  private refuseEditByRole(post: PostEntity): void {
    const { role, userId } = RequestScope.organization();
    if (roleAllows(role, 'posts.plan')) return;
    if (roleAllows(role, 'posts.propose') && post.authorUserId === userId && (post.status === 'idea' || post.status === 'draft')) return;
    throw ProblemException.forbidden('Sie können nur eigene Entwürfe bearbeiten.');
  }

  private async view(post: PostEntity): Promise<PostView> {
    const variants = await this.posts.variantsOf([post.id]);
    return toPostView(post, variants.get(post.id) ?? []);
  }
}
