// Generated from the C# contracts by tests/KerjaSama.Planning.Tests/Contracts/TypeScriptContracts.cs: do not edit.
// Regenerate: KERJASAMA_WRITE_CONTRACTS=1 dotnet test tests/KerjaSama.Planning.Tests --filter FullyQualifiedName~TypeScriptContract
// Member names are as the MessagePack hub protocol sends them (the C# property names).

/** A field value as the hub carries it. */
export type FieldValue = string | number | boolean | null | FieldValue[] | { [key: string]: FieldValue };

export interface Ack {
  OpId: string;
  Seq: number;
  Outcome: string;
  Error: AckError | null;
  Overwrites: Overwrite[];
}

export interface AckError {
  Code: string;
  Message: string;
  Field: string | null;
}

export const AckOutcomes = {
  Applied: "applied",
  Duplicate: "duplicate",
  Rejected: "rejected",
} as const;

export interface AppliedOp {
  SessionId: string;
  Seq: number;
  OpId: string;
  Kind: string;
  RowId: string;
  Fields: Record<string, FieldValue>;
  Author: Author;
  At: unknown;
  Overwrites: Overwrite[];
}

export interface Author {
  UserId: string;
  DisplayName: string;
  OrganisationId: string;
  OrganisationName: string;
}

export const CommentKinds = {
  Comment: "comment",
  Question: "question",
} as const;

export interface CommentResult {
  Comment: RowComment | null;
  Error: AckError | null;
}

export const DuplicateDecisions = {
  Link: "link",
  Dismiss: "dismiss",
  ProposeMerge: "propose_merge",
  Reopen: "reopen",
} as const;

export interface DuplicatePair {
  PairId: string;
  AffairCode: string;
  Field: string;
  Score: number;
  RowA: DuplicateSide;
  RowB: DuplicateSide;
  Status: string;
  DecidedBy: Author | null;
}

export interface DuplicateResult {
  Pair: DuplicatePair | null;
  Error: AckError | null;
}

export interface DuplicateSide {
  RowId: string;
  OwnerOrganisationId: string;
  OrganisationName: string;
  Text: string;
}

export const DuplicateStatuses = {
  Open: "open",
  Linked: "linked",
  Dismissed: "dismissed",
  MergeProposed: "merge_proposed",
  Merged: "merged",
} as const;

export const FacilitationHubNames = {
  StartVote: "StartVote",
  CastVote: "CastVote",
  RetractVote: "RetractVote",
  RevealVote: "RevealVote",
  CloseVote: "CloseVote",
  SetTimer: "SetTimer",
  ShareView: "ShareView",
  BringEveryone: "BringEveryone",
  VoteState: "VoteState",
  Timer: "Timer",
  FacilitatorView: "FacilitatorView",
} as const;

export interface FacilitationResult {
  Ok: boolean;
  Error: AckError | null;
  Vote: VoteRound | null;
  Timer: MeetingTimer | null;
}

export interface FacilitationState {
  Timer: MeetingTimer | null;
  Vote: VoteRound | null;
  View: FacilitatorView | null;
}

export interface FacilitatorView {
  SessionId: string;
  AffairCode: string | null;
  Search: string | null;
  TopRowId: string | null;
  FocusRowId: string | null;
  BringEveryone: boolean;
  FacilitatorName: string;
  Version: number;
}

export const HubNames = {
  Path: "/hubs/mapping",
  Join: "Join",
  Submit: "Submit",
  Focus: "Focus",
  Leave: "Leave",
  Applied: "Applied",
  Presence: "Presence",
  SessionState: "SessionState",
  Revoked: "Revoked",
} as const;

export interface JoinResult {
  SessionId: string;
  Seq: number;
  State: string;
  Rows: MatrixRowSnapshot[] | null;
  Ops: AppliedOp[];
  Participants: Participant[];
  Facilitation: FacilitationState | null;
}

export const MatrixFieldNames = {
  AffairCode: "affairCode",
  SubAffairCode: "subAffairCode",
  Potential: "potential",
  CooperationObject: "object",
  CooperationType: "cooperationType",
  PartnerRegionCodes: "partnerRegionCodes",
  PartnerOrganisationIds: "partnerOrganisationIds",
  Form: "form",
  Benefit: "benefit",
  ProgramCode: "programCode",
  ActivityCode: "activityCode",
  SubActivityCode: "subActivityCode",
  YearlyPlans: "yearlyPlans",
  StartYear: "startYear",
  DurationYears: "durationYears",
  DurationLegalBasis: "durationLegalBasis",
  ResponsibleAgencyId: "responsibleAgencyId",
  SupportingAgencyIds: "supportingAgencyIds",
  DprdApprovalRequired: "dprdApprovalRequired",
  DprdReason: "dprdReason",
  Priority: "priority",
  Status: "status",
  Notes: "notes",
  Location: "location",
  Problem: "problem",
  Unit: "unit",
  Baseline: "baseline",
  ForwardTarget: "forwardTarget",
  ForwardBudget: "forwardBudget",
  RpjmdGoal: "rpjmdGoal",
  RpjmdIndicator: "rpjmdIndicator",
  CentralConsentRequired: "centralConsentRequired",
  StatusReason: "statusReason",
  PostponedFrom: "postponedFrom",
  MergedInto: "mergedInto",
  MergedFrom: "mergedFrom",
  MergeReason: "mergeReason",
  Question: "question",
  Answer: "answer",
  ReviewDecision: "reviewDecision",
  ReviewNote: "reviewNote",
} as const;

export interface MatrixRowSnapshot {
  RowId: string;
  OwnerOrganisationId: string;
  Fields: Record<string, FieldValue>;
  Seq: number;
}

export const MatrixVocabulary = {
  CooperationTypes: [
    { code: "KSDD-wajib", id: "Kerja sama daerah dengan daerah (wajib)", en: "Region with region (mandatory)" },
    { code: "KSDD-sukarela", id: "Kerja sama daerah dengan daerah (sukarela)", en: "Region with region (voluntary)" },
    { code: "KSDPK", id: "Kerja sama daerah dengan pihak ketiga", en: "Region with a third party" },
    { code: "KSDPL", id: "Kerja sama daerah dengan pemerintah daerah luar negeri", en: "Region with a foreign local government" },
    { code: "KSDLL", id: "Kerja sama daerah dengan lembaga luar negeri", en: "Region with a foreign institution" },
    { code: "Sinergi", id: "Sinergi dengan kementerian/lembaga", en: "Synergy with a ministry or central body" },
  ],
  Forms: [
    { code: "pelayanan_publik", id: "Penyediaan pelayanan publik", en: "Public service provision" },
    { code: "pengelolaan_aset", id: "Pengelolaan aset", en: "Asset management" },
    { code: "penanaman_modal", id: "Penanaman modal", en: "Investment" },
    { code: "lainnya", id: "Lainnya", en: "Other" },
  ],
  Statuses: [
    { code: "diusulkan", id: "Diusulkan", en: "Proposed" },
    { code: "diverifikasi", id: "Diverifikasi", en: "Verified" },
    { code: "dibahas_tkksd", id: "Dibahas TKKSD", en: "Under TKKSD review" },
    { code: "ditetapkan", id: "Ditetapkan", en: "Adopted" },
    { code: "terintegrasi_rpjmd_rkpd", id: "Terintegrasi RPJMD/RKPD", en: "Integrated into RPJMD/RKPD" },
    { code: "ditawarkan", id: "Ditawarkan", en: "Offered" },
    { code: "kb_ditandatangani", id: "KB ditandatangani", en: "Joint agreement signed" },
    { code: "persetujuan_dprd", id: "Persetujuan DPRD", en: "DPRD approval" },
    { code: "pks_ditandatangani", id: "PKS ditandatangani", en: "Cooperation agreement signed" },
    { code: "berjalan", id: "Berjalan", en: "Running" },
    { code: "berakhir", id: "Berakhir", en: "Ended" },
    { code: "diperpanjang", id: "Diperpanjang", en: "Extended" },
    { code: "dihentikan", id: "Dihentikan", en: "Stopped" },
    { code: "ditolak", id: "Ditolak", en: "Rejected" },
    { code: "ditunda", id: "Ditunda", en: "Postponed" },
  ],
  ReviewDecisions: [
    { code: "accept", id: "Diterima", en: "Accepted" },
    { code: "revise", id: "Perlu perbaikan", en: "Revise" },
    { code: "reject", id: "Ditolak", en: "Rejected" },
    { code: "postpone", id: "Ditunda", en: "Postponed" },
  ],
  Priorities: [
    { code: "1", id: "1 (tinggi)", en: "1 (high)" },
    { code: "2", id: "2 (sedang)", en: "2 (medium)" },
    { code: "3", id: "3 (rendah)", en: "3 (low)" },
  ],
  SessionStates: [
    { code: "open", id: "Berlangsung", en: "Open" },
    { code: "locked", id: "Dikunci", en: "Locked" },
    { code: "closed", id: "Ditutup", en: "Closed" },
  ],
} as const;

export interface MeetingTimer {
  SessionId: string;
  Active: boolean;
  Label: string;
  AffairCode: string | null;
  RowIds: string[];
  DurationSeconds: number;
  Running: boolean;
  EndsAtMs: number | null;
  RemainingMs: number;
  ServerNowMs: number;
}

export const OpKinds = {
  Add: "row.add",
  Update: "row.update",
  Remove: "row.remove",
} as const;

export interface OrganisationVotes {
  OrganisationId: string;
  OrganisationName: string;
  VotesCast: number;
}

export interface Overwrite {
  Field: string;
  PreviousSeq: number;
  PreviousAuthor: Author;
  PreviousValue: FieldValue;
}

export interface Participant {
  UserId: string;
  DisplayName: string;
  OrganisationId: string;
  OrganisationName: string;
  Role: string;
  FocusRowId: string | null;
  FocusField: string | null;
}

export interface PostCommentRequest {
  SessionId: string;
  RowId: string;
  Kind: string;
  Text: string;
  MentionedOrganisationIds: string[];
}

export const RejectionCodes = {
  RateLimited: "rate_limited",
  NotCommitted: "not_committed",
  NotJoined: "not_joined",
  NotInvited: "not_invited",
  Forbidden: "forbidden",
  UnknownSession: "unknown_session",
  SessionLocked: "session_locked",
  SessionClosed: "session_closed",
  UnknownRow: "unknown_row",
  RowExists: "row_exists",
  InvalidOp: "invalid_op",
  InvalidValue: "invalid_value",
  CodeNotOfLevel: "code_not_of_level",
  PartnerKindMismatch: "partner_kind_mismatch",
  ForeignApprovalsRequired: "foreign_approvals_required",
  UnknownVote: "unknown_vote",
  VoteClosed: "vote_closed",
  VoteAlreadyOpen: "vote_already_open",
  VoteAllowanceExceeded: "vote_allowance_exceeded",
  VoteRowOutsideRound: "vote_row_outside_round",
  NoVoteToRetract: "no_vote_to_retract",
  InvalidVote: "invalid_vote",
  InvalidTimer: "invalid_timer",
  InvalidView: "invalid_view",
  CommentEmpty: "comment_empty",
  CommentTooLong: "comment_too_long",
  InvalidKind: "invalid_kind",
  MentionNotInvited: "mention_not_invited",
  UnknownComment: "unknown_comment",
  UnknownPair: "unknown_pair",
  InvalidDecision: "invalid_decision",
} as const;

export interface RowComment {
  CommentId: string;
  RowId: string;
  Kind: string;
  Text: string;
  MentionedOrganisationIds: string[];
  Author: Author;
  At: unknown;
  Resolved: boolean;
  ResolvedBy: Author | null;
}

export interface RowVotes {
  RowId: string;
  Votes: number;
}

export const SessionStates = {
  Open: "open",
  Locked: "locked",
  Closed: "closed",
} as const;

export interface SetTimerRequest {
  SessionId: string;
  Action: string;
  Label: string | null;
  AffairCode: string | null;
  RowIds: string[] | null;
  Seconds: number;
}

export interface SimilarRow {
  RowId: string;
  OwnerOrganisationId: string;
  OrganisationName: string;
  Field: string;
  Text: string;
  Score: number;
}

export interface StartVoteRequest {
  SessionId: string;
  Label: string;
  AffairCode: string | null;
  RowIds: string[] | null;
  VotesPerOrganisation: number;
}

export interface SubmitOp {
  SessionId: string;
  OpId: string;
  Kind: string;
  RowId: string;
  Fields: Record<string, FieldValue>;
  BaseSeq: number;
}

export const TalkHubNames = {
  PostComment: "PostComment",
  ResolveComment: "ResolveComment",
  ListComments: "ListComments",
  CheckSimilar: "CheckSimilar",
  ListDuplicates: "ListDuplicates",
  DecideDuplicate: "DecideDuplicate",
  CommentChanged: "CommentChanged",
  Duplicates: "Duplicates",
} as const;

export const TimerActions = {
  Start: "start",
  Pause: "pause",
  Resume: "resume",
  Extend: "extend",
  Clear: "clear",
} as const;

export interface VoteRound {
  RoundId: string;
  SessionId: string;
  Label: string;
  AffairCode: string | null;
  RowIds: string[];
  VotesPerOrganisation: number;
  State: string;
  Revealed: boolean;
  CanVote: boolean;
  MyVotes: RowVotes[];
  VotesLeft: number;
  Tally: RowVotes[] | null;
  Participation: OrganisationVotes[] | null;
  OrganisationsVoted: number;
}

export const VoteStates = {
  Open: "open",
  Closed: "closed",
} as const;

export const PlatformRoles = {
  SecretariatAdmin: "secretariat_admin",
  Facilitator: "facilitator",
  AgencyContributor: "agency_contributor",
  PartnerContributor: "partner_contributor",
  Observer: "observer",
} as const;
