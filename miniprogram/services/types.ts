/**
 * Request and response shapes of the backend, imported type-only from the contracts the cloud
 * functions validate against (cloudfunctions/_shared/contracts), so a renamed action or field
 * fails the mini-program's type check. Type-only imports vanish when DevTools compiles.
 */
import type { Api as BackendApi } from '../../cloudfunctions/_shared/contracts';
import type { MemberRow, MeOutput as BackendMe } from '../../cloudfunctions/_shared/contracts/org';
import type { Role } from '../../cloudfunctions/_shared/domain/org/model';
export type {
  AbsenceAlert,
  ActivityDetail,
  ActivitySummary,
  ActivityType,
  AttendanceRow,
  AttendanceStatus,
  BranchInactivity,
  ComplianceItem,
  PlanItem,
} from '../../cloudfunctions/_shared/contracts/activity';
export type { OrgTreeNode } from '../../cloudfunctions/_shared/contracts/org';
export type { TodoItem } from '../../cloudfunctions/_shared/contracts/org';
export type { AuditRow } from '../../cloudfunctions/_shared/contracts/org';

export type Api = BackendApi;
export type MeOutput = BackendMe;
export type MemberListItem = MemberRow;
export type MemberStatus = MeOutput['member']['status'];
export type RoleKey = Role;
/** A named permission of the backend's one policy (domain/org/policy.ts), as `org.me`'s `can` keys it. */
export type Permission = keyof MeOutput['can'];

export type FunctionName = keyof Api;
export type ActionName<F extends FunctionName> = keyof Api[F] & string;
type Contract<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends {
  input: unknown;
  output: unknown;
}
  ? Api[F][A]
  : never;
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = Contract<F, A>['input'];
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = Contract<
  F,
  A
>['output'];

/** The envelope every cloud function answers with (api.md §1). */
export type Envelope<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: string; message: string; details?: unknown } };
