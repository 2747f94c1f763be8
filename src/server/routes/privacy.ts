import type { FastifyInstance } from 'fastify';
import { privacySettingsPatchSchema, privacySettingsSchema } from '../../domain/privacy.js';
import * as privacy from '../../services/privacy/index.js';
import { defineRoute } from '../route.js';
import { idParams } from './params.js';

export function registerPrivacyRoutes(app: FastifyInstance): void {
  const tag = 'privacy';
  defineRoute(app, {
    method: 'GET',
    url: '/api/initiatives/:id/privacy',
    summary:
      'Retention and privacy of an initiative: how many days identities, attendance and raw survey answers ' +
      'are kept (null: kept), the grace period before hidden records are purged, the location precision',
    tag,
    access: 'initiative.read',
    response: privacySettingsSchema,
    params: idParams,
    handler: ({ params, request }) => privacy.getPrivacySettings(request.services, params.id),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/api/initiatives/:id/privacy',
    summary:
      'Change retention periods or the location precision (conveners, administrators). A coarser ' +
      'precision coarsens the coordinates already stored; shorter periods take effect at the next retention run',
    tag,
    access: 'initiative.write',
    response: privacySettingsSchema,
    params: idParams,
    body: privacySettingsPatchSchema,
    handler: ({ params, body, request }) => privacy.updatePrivacySettings(request.services, params.id, body),
  });
}
