import { Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CreatePostCommentRequest,
  CreatePostRequest,
  MovePostRequest,
  PostCommentView,
  PostListQuery,
  PostVersionView,
  PostView,
  UpdatePostRequest,
} from '@amtsplan/contracts';
import { notFoundOnBadUuid } from '../http/uuid-param';
import { BodySchema, ValidBody } from '../http/valid-body.decorator';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { RequirePermission } from '../tenancy/require-permission.decorator';
import { NewPost, PostsService } from './posts.service';

const postId = new ParseUUIDPipe(notFoundOnBadUuid);

@ApiTags('posts')
@Controller('orgs/:orgId/posts')
export class PostsController {
  constructor(private readonly posts: PostsService) {}

  @Get()
  @RequirePermission('posts.read')
  list(@Query(new ZodValidationPipe(PostListQuery)) query: PostListQuery): Promise<PostView[]> {
    return this.posts.list(query);
  }

  @Post()
  @RequirePermission('posts.propose')
  @BodySchema(CreatePostRequest)
  create(@ValidBody(CreatePostRequest) body: NewPost): Promise<PostView> {
    return this.posts.create(body);
  }

  @Get(':postId')
  @RequirePermission('posts.read')
  get(@Param('postId', postId) id: string): Promise<PostView> {
    return this.posts.get(id);
  }

  @Patch(':postId')
  @RequirePermission('posts.propose')
  @BodySchema(UpdatePostRequest)
  update(@Param('postId', postId) id: string, @ValidBody(UpdatePostRequest) body: UpdatePostRequest): Promise<PostView> {
    return this.posts.update(id, body);
  }

  @Post(':postId/status')
  @RequirePermission('posts.propose')
  @BodySchema(MovePostRequest)
  move(@Param('postId', postId) id: string, @ValidBody(MovePostRequest) body: MovePostRequest): Promise<PostView> {
    return this.posts.move(id, body);
  }

  @Get(':postId/versions')
  @RequirePermission('posts.read')
  history(@Param('postId', postId) id: string): Promise<PostVersionView[]> {
    return this.posts.history(id);
  }

  @Get(':postId/comments')
  @RequirePermission('posts.read')
  comments(@Param('postId', postId) id: string): Promise<PostCommentView[]> {
    return this.posts.comments(id);
  }

  @Post(':postId/comments')
  @RequirePermission('posts.read')
  @BodySchema(CreatePostCommentRequest)
  addComment(@Param('postId', postId) id: string, @ValidBody(CreatePostCommentRequest) body: CreatePostCommentRequest): Promise<PostCommentView[]> {
    return this.posts.addComment(id, body);
  }
}
