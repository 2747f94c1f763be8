import type { Kysely } from 'kysely';
import { TrackTwoError } from '../../domain/errors.js';
import { groundRules } from '../../domain/vocabulary.js';
import { attendanceRoles } from '../../security/access.js';
import type { Auth } from '../../security/auth.js';
import type { MeetingEvidenceFilter } from '../../store/repositories/ties.js';
import { isWorkspaceAdmin, membershipsOfAccount } from '../../store/repositories/memberships.js';
import type { Database } from '../../store/schema.js';

/**
 * The one rule for `met` ties made by attendance: such a tie says who attended, so a reader sees it only
 * when at least one meeting behind it is one whose attendance the reader may know. Open meetings count
 * for everyone who reads the actor map; a Chatham House or closed meeting counts only for the roles
 * `attendanceRoles` gives its initiative (its conveners) and for the workspace's administrators. Ties of
 * another source (`observed`, `reported`) are always shown; a `meeting` tie whose meetings are gone
 * (deleted with their initiative) is shown to administrators only, since nothing tells it was open.
 *
 * Returns undefined when the reader sees every tie (administrators and the system), otherwise the
 * filter the ties repository applies inside its own query (one statement per page, not per tie).
 */
export async function tieEvidenceFor(
  trx: Kysely<Database>,
  auth: Auth | null,
  workspaceId: string,
): Promise<MeetingEvidenceFilter | undefined> {
  if (!auth) throw new TrackTwoError('TT_ERR_UNAUTHENTICATED');
  if (auth.system || (await isWorkspaceAdmin(trx, workspaceId, auth.accountId))) return undefined;
  const memberships = (await membershipsOfAccount(trx, auth.accountId)).filter(
    (membership) => membership.workspaceId === workspaceId,
  );
  return groundRules.map((groundRule) => ({
    groundRule,
    initiativeIds:
      groundRule === 'open'
        ? 'all'
        : [
            ...new Set(
              memberships
                .filter((membership) => attendanceRoles(groundRule).includes(membership.role))
                .map((membership) => membership.initiativeId),
            ),
          ],
  }));
}
