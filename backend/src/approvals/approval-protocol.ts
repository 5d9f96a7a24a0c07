/**
 * The Freigabeprotokoll of one post, ready to be written down: names and labels resolved, all
 * texts German. Built by ApprovalProtocolService, rendered by renderApprovalProtocolPdf.
 */
export interface ApprovalProtocol {
  readonly organizationName: string;
  /** The organization's IANA zone; every time in the protocol is on its wall clock. */
  readonly timeZone: string;
  readonly postId: string;
  readonly workingTitle: string;
  readonly generatedAt: Date;
  readonly generatedBy: string;
  /** Newest first. */
  readonly requests: readonly ProtocolRequest[];
}

export interface ProtocolRequest {
  readonly id: string;
  readonly status: string;
  readonly submittedAt: Date;
  readonly submittedBy: string;
  readonly author: string;
  readonly closedAt: Date | null;
  readonly routeName: string;
  readonly contentHash: string;
  readonly planning: string;
  readonly channels: ReadonlyArray<{ readonly name: string; readonly text: string }>;
  readonly media: ReadonlyArray<{ readonly altText: string; readonly contentHash: string }>;
  readonly steps: readonly ProtocolStep[];
  readonly decisions: readonly ProtocolDecision[];
  readonly voidReasons: readonly string[];
  readonly attempts: readonly ProtocolAttempt[];
}

export interface ProtocolStep {
  readonly name: string;
  readonly status: string;
  readonly mode: string;
  readonly approvers: readonly string[];
  readonly deputy: string | null;
  readonly dueAt: Date;
}

export interface ProtocolDecision {
  readonly at: Date;
  /** „Name, Rolle „Leitung (Freigabe)““, the role held today. */
  readonly person: string;
  readonly stepName: string;
  readonly decision: string;
  readonly comment: string | null;
  readonly asDeputy: boolean;
  readonly selfApproval: boolean;
}

export interface ProtocolAttempt {
  readonly channel: string;
  readonly attemptNo: number;
  readonly startedAt: Date;
  readonly outcome: string;
  /** The post's address on the platform, or the error. */
  readonly detail: string | null;
}
