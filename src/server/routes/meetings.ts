import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  attendanceCreateSchema,
  attendanceSchema,
  meetingCreateSchema,
  meetingPatchSchema,
  meetingSchema,
} from '../../domain/meeting.js';
import { idSchema } from '../../domain/scalars.js';
import * as meetings from '../../services/initiatives/index.js';
import { defineRoute } from '../route.js';
import { idParams, pageQuery } from './params.js';
import { listOf } from '../../domain/list.js';
import { attendanceRecordedSchema } from '../../domain/meeting-attended.js';
import { pageAnswer } from './lists.js';
import { meetingTextKinds, meetingTextPutSchema, meetingTextSchema } from '../../domain/meeting-text.js';

const attendeeParams = z.strictObject({ id: idSchema, actorId: idSchema });

export function registerMeetingRoutes(app: FastifyInstance): void {
  const tag = 'meetings';
  defineRoute(app, {
    method: 'GET',
    url: '/api/initiatives/:id/meetings',
    summary: "An initiative's meetings (date, coarse place, ground rule)",
    tag,
    access: 'meetings.read',
    response: listOf(meetingSchema, 'Paged: `next` is the offset of the next page'),
    params: idParams,
    query: pageQuery,
    handler: async ({ params, query, request }) =>
      pageAnswer(await meetings.listMeetings(request.services, params.id, query)),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/meetings',
    summary: 'Plan or record a meeting',
    tag,
    access: 'meetings.write',
    response: meetingSchema,
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
    response: meetingSchema,
    params: idParams,
    handler: ({ params, request }) => meetings.getMeeting(request.services, params.id),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/api/meetings/:id',
    summary: 'Change a meeting',
    tag,
    access: 'meetings.write',
    response: meetingSchema,
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
    response: null,
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
    response: listOf(attendanceSchema),
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
    response: attendanceRecordedSchema,
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
    response: null,
    params: attendeeParams,
    status: 204,
    handler: ({ params, request }) => meetings.removeAttendance(request.services, params.id, params.actorId),
  });
  for (const kind of meetingTextKinds) {
    const what = kind === 'minutes' ? 'minutes' : 'working notes';
    defineRoute(app, {
      method: 'GET',
      url: `/api/meetings/:id/${kind}`,
      summary: `A meeting's ${what} (Chatham House and closed meetings: conveners only)`,
      tag,
      access: 'minutes.read',
      response: meetingTextSchema,
      params: idParams,
      handler: ({ params, request }) => meetings.getMeetingText(request.services, params.id, kind),
    });
    defineRoute(app, {
      method: 'PUT',
      url: `/api/meetings/:id/${kind}`,
      summary:
        kind === 'minutes'
          ? "Replace a meeting's minutes; under the Chatham House rule they may not name an attendee"
          : "Replace a meeting's working notes",
      tag,
      access: 'minutes.write',
      response: meetingTextSchema,
      params: idParams,
      body: meetingTextPutSchema,
      handler: ({ params, body, request }) =>
        meetings.putMeetingText(request.services, params.id, kind, body.body),
    });
  }
}
