// Who may do what on the board, from the caller's role, the session's state and a row's owner (no DOM, no hub).
// The server decides (MappingHub, CanFacilitate/CanContribute); the board only hides what the server would refuse.
import { MatrixFieldNames as F, PlatformRoles, SessionStates } from '../contracts.g';
import type { BoardField } from '../fields';

export interface Access { readonly role: string; readonly state: string; readonly organisationId: string }

export const canFacilitate = (role: string): boolean => role === PlatformRoles.SecretariatAdmin || role === PlatformRoles.Facilitator;

export const canContribute = (role: string): boolean => role !== PlatformRoles.Observer && role.length > 0;

/** Contributors write while the session is open; facilitators also while it is locked; nobody once it is closed. */
export const canWrite = (role: string, state: string): boolean =>
  canContribute(role) && state !== SessionStates.Closed && (state === SessionStates.Open || canFacilitate(role));

export const canEditRow = (a: Access, owner: string): boolean => canWrite(a.role, a.state) && (canFacilitate(a.role) || owner === a.organisationId);

/** A cell is editable when its row is, unless the field is read-only, or is the status and the caller no facilitator. */
export const canEditField = (a: Access, owner: string, f: BoardField): boolean =>
  canEditRow(a, owner) && f.kind !== 'readOnly' && (f.name !== F.Status || canFacilitate(a.role));

/** Only the owning organisation removes its row (a facilitator edits other rows but does not remove them here). */
export const canRemoveRow = (a: Access, owner: string): boolean => canEditRow(a, owner) && owner === a.organisationId;

export type SessionAction = 'lock' | 'unlock' | 'close';

/** The facilitator's session buttons for a state: lock or unlock, then close (none once closed). */
export function sessionActions(state: string): SessionAction[] {
  const actions: SessionAction[] = [];
  if (state === SessionStates.Open) actions.push('lock');
  else if (state === SessionStates.Locked) actions.push('unlock');
  if (state !== SessionStates.Closed) actions.push('close');
  return actions;
}
