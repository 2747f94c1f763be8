import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { attendanceCreateSchema, meetingCreateSchema, meetingPatchSchema } from '../../domain/meeting.js';
import {
  outcomeCreateSchema,
  outcomePatchSchema,
  transferCreateSchema,
  transferPatchSchema,
} from '../../domain/outcome.js';
import { idSchema } from '../../domain/scalars.js';
import * as meetings from '../../services/meetings.js';
import * as outcomes from '../../services/outcomes.js';
import { defineRoute } from '../route.js';
import { idParams, pageQuery } from './params.js';

const attendeeParams = z.strictObject({ id: idSchema, actorId: idSchema });

export function registerMeetingRoutes(app: FastifyInstance): void {
  const tag = 'meetings';
  defineRoute(app, {
    method: 'GET',
    url: '/api/initiatives/:id/meetings',
    summary: "An initiative's meetings (date, coarse place, ground rule)",
    tag,
    access: 'meetings.read',
    params: idParams,
    query: pageQuery,
    handler: ({ params, query, request }) => meetings.listMeetings(request.services, params.id, query),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/meetings',
    summary: 'Plan or record a meeting',
    tag,
    access: 'meetings.write',
    body: meetingCreateSchema,
    status: 201,
    handler: ({ body, request }) => meetings.createMeeting(request.services, body),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/meetings/:id',
    summary: 'One meeting',
    tag,
    access: 'meetings.read',
    params: idParams,
    handler: ({ params, request }) => meetings.getMeeting(request.services, params.id),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/api/meetings/:id',
    summary: 'Change a meeting',
    tag,
    access: 'meetings.write',
    params: idParams,
    body: meetingPatchSchema,
    handler: ({ params, body, request }) => meetings.updateMeeting(request.services, params.id, body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/meetings/:id',
    summary: 'Delete a meeting (its met ties stay)',
    tag,
    access: 'meetings.write',
    params: idParams,
    status: 204,
    handler: ({ params, request }) => meetings.deleteMeeting(request.services, params.id),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/meetings/:id/attendance',
    summary: 'Who attended (Chatham House and closed meetings: conveners only)',
    tag,
    access: 'attendance.read',
    params: idParams,
    handler: async ({ params, request }) => ({
      items: await meetings.listAttendance(request.services, params.id),
    }),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/meetings/:id/attendance',
    summary: 'Record attendees; creates or strengthens met ties between them',
    tag,
    access: 'attendance.write',
    params: idParams,
    body: attendanceCreateSchema,
    handler: ({ params, body, request }) => meetings.recordAttendance(request.services, params.id, body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/meetings/:id/attendance/:actorId',
    summary: 'Remove an attendance (met ties stay: people who met cannot un-meet)',
    tag,
    access: 'attendance.write',
    params: attendeeParams,
    status: 204,
    handler: ({ params, request }) => meetings.removeAttendance(request.services, params.id, params.actorId),
  });

  const outcomeTag = 'outcomes';
  defineRoute(app, {
    method: 'GET',
    url: '/api/initiatives/:id/outcomes',
    summary: "An initiative's outcomes",
    tag: outcomeTag,
    access: 'outcomes.read',
    params: idParams,
    query: pageQuery,
    handler: ({ params, query, request }) => outcomes.listOutcomes(request.services, params.id, query),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/outcomes',
    summary: 'Record an outcome',
    tag: outcomeTag,
    access: 'outcomes.write',
    body: outcomeCreateSchema,
    status: 201,
    handler: ({ body, request }) => outcomes.createOutcome(request.services, body),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/outcomes/:id',
    summary: 'One outcome',
    tag: outcomeTag,
    access: 'outcomes.read',
    params: idParams,
    handler: ({ params, request }) => outcomes.getOutcome(request.services, params.id),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/api/outcomes/:id',
    summary: 'Change an outcome',
    tag: outcomeTag,
    access: 'outcomes.write',
    params: idParams,
    body: outcomePatchSchema,
    handler: ({ params, body, request }) => outcomes.updateOutcome(request.services, params.id, body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/outcomes/:id',
    summary: 'Delete an outcome and its transfers',
    tag: outcomeTag,
    access: 'outcomes.write',
    params: idParams,
    status: 204,
    handler: ({ params, request }) => outcomes.deleteOutcome(request.services, params.id),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/initiatives/:id/transfers',
    summary: "Transfers of an initiative's outcomes to Track I (recipients: to those who may read actors)",
    tag: outcomeTag,
    access: 'outcomes.read',
    params: idParams,
    query: pageQuery,
    handler: ({ params, query, request }) => outcomes.listTransfers(request.services, params.id, query),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/transfers',
    summary: 'Hand an outcome to Track-I actors',
    tag: outcomeTag,
    access: 'transfers.write',
    body: transferCreateSchema,
    status: 201,
    handler: ({ body, request }) => outcomes.createTransfer(request.services, body),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/transfers/:id',
    summary: 'One transfer',
    tag: outcomeTag,
    access: 'outcomes.read',
    params: idParams,
    handler: ({ params, request }) => outcomes.getTransfer(request.services, params.id),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/api/transfers/:id',
    summary: 'Record what became of a transfer (status and its date) or correct it',
    tag: outcomeTag,
    access: 'transfers.write',
    params: idParams,
    body: transferPatchSchema,
    handler: ({ params, body, request }) => outcomes.updateTransfer(request.services, params.id, body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/transfers/:id',
    summary: 'Delete a transfer',
    tag: outcomeTag,
    access: 'transfers.write',
    params: idParams,
    status: 204,
    handler: ({ params, request }) => outcomes.deleteTransfer(request.services, params.id),
  });
}
