import { z } from 'zod';
import {
  acknowledgeEscalation,
  addEscalationAction,
  closeEscalation,
  getEscalation,
  listEscalations,
  reopenEscalation,
} from '../../core/followups/escalations.service.js';
import {
  enrolRecurringCalls,
  listRecurringCalls,
  updateRecurringCalls,
} from '../../core/followups/recurring.service.js';
import {
  createReferralService,
  listReferralServices,
  updateReferralService,
} from '../../core/followups/directory.service.js';
import { createReferral, listReferrals } from '../../core/followups/referrals.service.js';
import {
  createTask,
  getTask,
  listTasks,
  sendTaskEmail,
  updateTask,
} from '../../core/followups/tasks.service.js';
import { createTeam, listTeams, updateTeam } from '../../core/followups/teams.service.js';
import { getWorkSummary, listMyCallbacks } from '../../core/followups/work.service.js';
import {
  closeEscalationInput,
  createReferralInput,
  createTaskInput,
  enrolRecurringCallsInput,
  escalationNoteInput,
  escalationSchema,
  escalationSummarySchema,
  listEscalationsQuery,
  listRecurringCallsQuery,
  listReferralsQuery,
  listTasksQuery,
  myCallbackSchema,
  recurringCallsSchema,
  referralSchema,
  referralServiceInput,
  referralServiceSchema,
  sendTaskEmailInput,
  taskSchema,
  taskSummarySchema,
  teamInput,
  teamSchema,
  updateRecurringCallsInput,
  updateTaskInput,
  workSummarySchema,
} from '../../shared/schemas/followups.js';
import type { AppDeps, AppInstance } from '../app.js';
import { ctxOf } from '../auth.js';
import { errorResponses } from '../schemas.js';

const staff = ['admin', 'coordinator', 'caller'] as const;
const coordinators = ['admin', 'coordinator'] as const;
const idParam = z.object({ id: z.coerce.number().int().positive() });

/** Follow-ups: tasks, wellbeing escalations, the referral directory and referrals, recurring calls, teams. */
export function followUpRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/work/summary',
    {
      config: { access: ['admin', 'coordinator', 'caller', 'viewer'] },
      schema: {
        operationId: 'getWorkSummary',
        tags: ['follow-ups'],
        summary:
          'Counts for the navigation: my open and overdue tasks, team tasks waiting, recurring calls due, escalations waiting (coordinators)',
        response: { 200: workSummarySchema, ...errorResponses },
      },
    },
    async (request) => getWorkSummary(ctxOf(request, deps)),
  );

  app.get(
    '/api/work/callbacks',
    {
      config: { access: staff },
      schema: {
        operationId: 'listMyCallbacks',
        tags: ['follow-ups'],
        summary:
          'The callbacks booked for me (promised, and my recurring friendly calls) on running campaigns, soonest first (audited)',
        response: { 200: z.array(myCallbackSchema), ...errorResponses },
      },
    },
    async (request) => listMyCallbacks(ctxOf(request, deps)),
  );

  // Tasks -------------------------------------------------------------------------------------
  app.get(
    '/api/tasks',
    {
      config: { access: staff },
      schema: {
        operationId: 'listTasks',
        tags: ['follow-ups'],
        summary: 'My tasks, my teams’ tasks, or all I may see; active, closed, overdue (audited)',
        querystring: listTasksQuery,
        response: { 200: z.array(taskSummarySchema), ...errorResponses },
      },
    },
    async (request) => listTasks(ctxOf(request, deps), request.query),
  );

  app.post(
    '/api/tasks',
    {
      config: { access: staff },
      schema: {
        operationId: 'createTask',
        tags: ['follow-ups'],
        summary:
          'A follow-up task for a patron: coordinators for anyone; callers for the patron of their call or task',
        body: createTaskInput,
        response: { 200: taskSchema, ...errorResponses },
      },
    },
    async (request) => createTask(ctxOf(request, deps), request.body),
  );

  app.get(
    '/api/tasks/:id',
    {
      config: { access: staff },
      schema: {
        operationId: 'getTask',
        tags: ['follow-ups'],
        summary: 'A task with the patron’s contact details, notes and referral (audited)',
        params: idParam,
        response: { 200: taskSchema, ...errorResponses },
      },
    },
    async (request) => getTask(ctxOf(request, deps), request.params.id),
  );

  app.patch(
    '/api/tasks/:id',
    {
      config: { access: staff },
      schema: {
        operationId: 'updateTask',
        tags: ['follow-ups'],
        summary: 'Change a task’s status, owner, team or due date; add a note',
        params: idParam,
        body: updateTaskInput,
        response: { 200: taskSchema, ...errorResponses },
      },
    },
    async (request) => updateTask(ctxOf(request, deps), request.params.id, request.body),
  );

  app.post(
    '/api/tasks/:id/email',
    {
      config: { access: staff },
      schema: {
        operationId: 'sendTaskEmail',
        tags: ['follow-ups'],
        summary: 'Send the patron the link(s) they asked for and close the task with it',
        params: idParam,
        body: sendTaskEmailInput,
        response: { 200: taskSchema, ...errorResponses },
      },
    },
    async (request) =>
      sendTaskEmail(ctxOf(request, deps), deps.mail, request.params.id, request.body),
  );

  // Escalations -------------------------------------------------------------------------------
  app.get(
    '/api/escalations',
    {
      config: { access: staff },
      schema: {
        operationId: 'listEscalations',
        tags: ['follow-ups'],
        summary:
          'The escalations queue, waiting and urgent first (coordinators: all; callers: those they raised; audited)',
        querystring: listEscalationsQuery,
        response: { 200: z.array(escalationSummarySchema), ...errorResponses },
      },
    },
    async (request) => listEscalations(ctxOf(request, deps), request.query),
  );

  app.get(
    '/api/escalations/:id',
    {
      config: { access: staff },
      schema: {
        operationId: 'getEscalation',
        tags: ['follow-ups'],
        summary: 'An escalation with what the caller wrote, the actions and referrals (audited)',
        params: idParam,
        response: { 200: escalationSchema, ...errorResponses },
      },
    },
    async (request) => getEscalation(ctxOf(request, deps), request.params.id),
  );

  for (const [path, operationId, summary, handler, body] of [
    [
      'acknowledge',
      'acknowledgeEscalation',
      'Take the escalation on: stops re-notification',
      acknowledgeEscalation,
      escalationNoteInput,
    ],
    [
      'actions',
      'addEscalationAction',
      'Record what was done',
      addEscalationAction,
      escalationNoteInput,
    ],
    [
      'close',
      'closeEscalation',
      'Close it with how it was resolved',
      closeEscalation,
      closeEscalationInput,
    ],
    [
      'reopen',
      'reopenEscalation',
      'Open a closed escalation again',
      reopenEscalation,
      escalationNoteInput,
    ],
  ] as const) {
    app.post(
      `/api/escalations/:id/${path}`,
      {
        config: { access: coordinators },
        schema: {
          operationId,
          tags: ['follow-ups'],
          summary,
          params: idParam,
          body,
          response: { 200: escalationSchema, ...errorResponses },
        },
      },
      async (request) => handler(ctxOf(request, deps), request.params.id, request.body),
    );
  }

  // Referral directory and referrals ----------------------------------------------------------
  app.get(
    '/api/referral-services',
    {
      config: { access: staff },
      schema: {
        operationId: 'listReferralServices',
        tags: ['follow-ups'],
        summary: 'The library’s directory of community services',
        querystring: z.object({
          includeArchived: z
            .enum(['true', 'false'])
            .transform((v) => v === 'true')
            .optional(),
        }),
        response: { 200: z.array(referralServiceSchema), ...errorResponses },
      },
    },
    async (request) =>
      listReferralServices(ctxOf(request, deps), {
        includeArchived: request.query.includeArchived === true,
      }),
  );

  app.post(
    '/api/referral-services',
    {
      config: { access: coordinators },
      schema: {
        operationId: 'createReferralService',
        tags: ['follow-ups'],
        summary: 'Add a service to the directory',
        body: referralServiceInput,
        response: { 200: referralServiceSchema, ...errorResponses },
      },
    },
    async (request) => createReferralService(ctxOf(request, deps), request.body),
  );

  app.put(
    '/api/referral-services/:id',
    {
      config: { access: coordinators },
      schema: {
        operationId: 'updateReferralService',
        tags: ['follow-ups'],
        summary: 'Edit or archive a directory entry',
        params: idParam,
        body: referralServiceInput,
        response: { 200: referralServiceSchema, ...errorResponses },
      },
    },
    async (request) => updateReferralService(ctxOf(request, deps), request.params.id, request.body),
  );

  app.post(
    '/api/referrals',
    {
      config: { access: staff },
      schema: {
        operationId: 'createReferral',
        tags: ['follow-ups'],
        summary:
          'Refer a patron to a service with their consent; the follow-up date becomes a task (audited)',
        body: createReferralInput,
        response: { 200: referralSchema, ...errorResponses },
      },
    },
    async (request) => createReferral(ctxOf(request, deps), request.body),
  );

  app.get(
    '/api/referrals',
    {
      config: { access: staff },
      schema: {
        operationId: 'listReferrals',
        tags: ['follow-ups'],
        summary: 'A patron’s or an escalation’s referrals (notes only for those allowed; audited)',
        querystring: listReferralsQuery,
        response: { 200: z.array(referralSchema), ...errorResponses },
      },
    },
    async (request) => listReferrals(ctxOf(request, deps), request.query),
  );

  // Recurring calls ---------------------------------------------------------------------------
  app.get(
    '/api/recurring-calls',
    {
      config: { access: staff },
      schema: {
        operationId: 'listRecurringCalls',
        tags: ['follow-ups'],
        summary: 'My recurring calls, or everyone’s (coordinators), soonest first (audited)',
        querystring: listRecurringCallsQuery,
        response: { 200: z.array(recurringCallsSchema), ...errorResponses },
      },
    },
    async (request) => listRecurringCalls(ctxOf(request, deps), request.query),
  );

  app.post(
    '/api/recurring-calls',
    {
      config: { access: staff },
      schema: {
        operationId: 'enrolRecurringCalls',
        tags: ['follow-ups'],
        summary:
          'Enrol a patron in weekly, fortnightly or monthly calls, preferably with the same caller',
        body: enrolRecurringCallsInput,
        response: { 200: recurringCallsSchema, ...errorResponses },
      },
    },
    async (request) => enrolRecurringCalls(ctxOf(request, deps), request.body),
  );

  app.patch(
    '/api/recurring-calls/:id',
    {
      config: { access: staff },
      schema: {
        operationId: 'updateRecurringCalls',
        tags: ['follow-ups'],
        summary: 'Pause, resume or end recurring calls; change how often, who calls, or when next',
        params: idParam,
        body: updateRecurringCallsInput,
        response: { 200: recurringCallsSchema, ...errorResponses },
      },
    },
    async (request) => updateRecurringCalls(ctxOf(request, deps), request.params.id, request.body),
  );

  // Teams -------------------------------------------------------------------------------------
  app.get(
    '/api/teams',
    {
      config: { access: staff },
      schema: {
        operationId: 'listTeams',
        tags: ['follow-ups'],
        summary: 'Teams that can own tasks, with their members',
        response: { 200: z.array(teamSchema), ...errorResponses },
      },
    },
    async (request) => listTeams(ctxOf(request, deps)),
  );

  app.post(
    '/api/teams',
    {
      config: { access: coordinators },
      schema: {
        operationId: 'createTeam',
        tags: ['follow-ups'],
        summary: 'A new team, with its members',
        body: teamInput,
        response: { 200: teamSchema, ...errorResponses },
      },
    },
    async (request) => createTeam(ctxOf(request, deps), request.body),
  );

  app.put(
    '/api/teams/:id',
    {
      config: { access: coordinators },
      schema: {
        operationId: 'updateTeam',
        tags: ['follow-ups'],
        summary: 'Rename a team and set its members',
        params: idParam,
        body: teamInput,
        response: { 200: teamSchema, ...errorResponses },
      },
    },
    async (request) => updateTeam(ctxOf(request, deps), request.params.id, request.body),
  );
}
