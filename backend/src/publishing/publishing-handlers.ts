import { Injectable } from '@nestjs/common';
import { JobHandler, JobName, JobPayloads } from '../queues/queue-registry';
import { Publisher } from './publisher';
import { PublishingSweep } from './publishing-sweep';

/** A post's publishing job (or a retry's): claim and publish from PostgreSQL, whatever the job says. */
@Injectable()
export class PublishPostHandler implements JobHandler<JobName.PublishPost> {
  readonly job = JobName.PublishPost;

  constructor(private readonly publisher: Publisher) {}

  async handle(payload: JobPayloads[JobName.PublishPost]): Promise<void> {
    await this.publisher.advance(payload.organizationId, payload.postId);
  }
}

@Injectable()
export class PublishingSweepHandler implements JobHandler<JobName.PublishingSweep> {
  readonly job = JobName.PublishingSweep;

  constructor(private readonly sweep: PublishingSweep) {}

  async handle(): Promise<void> {
    await this.sweep.run();
  }
}
