import type { FastifyInstance } from 'fastify';
import { accountCreateSchema, createAccountForColleague } from '../../services/accounts/index.js';
import { defineRoute } from '../route.js';
import { accountCreatedSchema, accountRecord } from '../../domain/account.js';

/** Accounts of people (their sign-in and own password: auth.ts). */
export function registerAccountRoutes(app: FastifyInstance): void {
  defineRoute(app, {
    method: 'POST',
    url: '/api/accounts',
    summary: 'Make an account for a colleague (workspace administrators); a generated password is shown once',
    tag: 'accounts',
    access: 'admin',
    response: accountCreatedSchema,
    body: accountCreateSchema,
    status: 201,
    handler: async ({ body, request }) => {
      const created = await createAccountForColleague(request.services, body);
      return { ...created, account: accountRecord(created.account) };
    },
  });
}
