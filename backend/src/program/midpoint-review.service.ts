import { Injectable } from '@nestjs/common';
import { MIDPOINT_REVIEW_WEEK, type MidpointReviewView, type SaveMidpointReviewRequest } from '@amtsplan/contracts';
import { weekStartsOn } from '@amtsplan/domain';
import { AuditLog } from '../audit/audit-log';
import { ProblemException } from '../http/problem.exception';
import { MidpointReviewRepository } from './midpoint-review.repository';
import { MyProgramService } from './my-program.service';
import { openWeeksOf } from './program-views';

const EMPTY: MidpointReviewView = { works: '', notWorking: '', next: '', submittedAt: null, version: 0 };

/**
 * The Zwischenfazit at week 6: a guided form (what works, what does not, what next). The
 * participant writes it in their authority; submitting shows it to the cohort and the facilitator.
 * The texts stay out of the audit trail.
 */
@Injectable()
export class MidpointReviewService {
  constructor(
    private readonly program: MyProgramService,
    private readonly reviews: MidpointReviewRepository,
    private readonly audit: AuditLog,
  ) {}

  async read(enrolmentId: string): Promise<MidpointReviewView> {
    await this.program.ownEnrolment(enrolmentId);
    return (await this.reviews.find(enrolmentId)) ?? EMPTY;
  }

  async save(enrolmentId: string, request: SaveMidpointReviewRequest): Promise<MidpointReviewView> {
    const { enrolment, run } = await this.program.ownEnrolment(enrolmentId);
    if (openWeeksOf(run, new Date()) < MIDPOINT_REVIEW_WEEK) {
      const [year, month, day] = weekStartsOn(run.startsOn, MIDPOINT_REVIEW_WEEK).split('-');
      throw ProblemException.unprocessable(`Das Zwischenfazit gehört zu Woche ${MIDPOINT_REVIEW_WEEK} (ab ${day}.${month}.${year}).`);
    }
    const submit = request.submit ?? false;
    if (submit && ![request.works, request.notWorking, request.next].every((text) => text.trim())) {
      throw ProblemException.validation(
        (['works', 'notWorking', 'next'] as const).filter((field) => !request[field].trim()).map((path) => ({ path, message: 'Bitte ausfüllen, bevor die Peer-Gruppe es sieht.' })),
      );
    }
    const before = await this.reviews.find(enrolmentId);
    if (!(await this.reviews.save(enrolmentId, enrolment.cohortId, request.version, { works: request.works, notWorking: request.notWorking, next: request.next, submit }))) {
      throw ProblemException.staleVersion();
    }
    const submittedNow = submit && !before?.submittedAt;
    await this.audit.recordInOrganization({
      action: submittedNow ? 'program.midpoint_review_submitted' : 'program.midpoint_review_saved',
      objectType: 'program_enrolment',
      objectId: enrolmentId,
      details: { cohortId: enrolment.cohortId, submitted: submit },
    });
    return (await this.reviews.find(enrolmentId)) ?? EMPTY;
  }
}
