import type { PrivacySettings, PrivacySettingsPatch } from '../../domain/privacy.js';
import { identitiesOutliveAttendance, retentionGraceDays } from '../../domain/privacy.js';
import { TrackTwoError } from '../../domain/errors.js';
import { getInitiative } from '../../store/repositories/initiatives.js';
import { nowIso } from '../../store/ids.js';
import * as repo from '../../store/repositories/privacy.js';
import { audit, must, requireAccess } from '../common.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { coarsenStoredPlaces } from './location.js';

function shown(row: repo.PrivacyRow): PrivacySettings {
  return { ...row, grace_days: retentionGraceDays };
}

/** An initiative's retention periods and location precision (everyone with a role there may read them). */
export function getPrivacySettings(ctx: ServiceContext, initiativeId: string): Promise<PrivacySettings> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'initiative.read', { initiativeId });
    return shown(await repo.getPrivacy(trx, initiativeId));
  });
}

/**
 * Sets retention periods and the location precision (the initiative's conveners and the workspace's
 * administrators). A coarser precision coarsens the coordinates already stored, in the same transaction.
 * Shortening a period hides nothing here: the next retention run does (on start, daily, or
 * `tracktwo retention run`).
 */
export function updatePrivacySettings(
  ctx: ServiceContext,
  initiativeId: string,
  patch: PrivacySettingsPatch,
): Promise<PrivacySettings> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'initiative.write', { initiativeId });
    const initiative = must(await getInitiative(trx, initiativeId), 'initiative');
    const current = await repo.getPrivacy(trx, initiativeId);
    const next = { ...current, ...patch, updated_at: nowIso() };
    if (identitiesOutliveAttendance(next)) {
      throw new TrackTwoError('TT_ERR_VALIDATION', {
        field: 'identities_days',
        reason:
          'identities may not be kept longer than attendance (the attendance is what ties a person to the ' +
          'initiative): set identities_days to at most attendance_days',
      });
    }
    await repo.putPrivacy(trx, next);
    await coarsenStoredPlaces(trx, initiative);
    await audit(
      trx,
      ctx.keys,
      ctx.auth,
      'initiative.privacy_update',
      'initiative',
      initiativeId,
      grant.workspaceId,
    );
    return shown(next);
  });
}
