import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureStarterContent } from '../../core/campaigns/starter-content.js';
import { createTestDb, type TestDatabase } from '../../../tests/helpers/db.js';
import { testCtx } from '../../../tests/helpers/ctx.js';
import { createPatron, createStaff } from '../../../tests/helpers/factories.js';
import { buildTestApp, signInCookie } from '../../../tests/helpers/http.js';
import type { Role } from '../../shared/roles.js';
import type { AppInstance } from '../app.js';

let t: TestDatabase;
let app: AppInstance;
const cookies = {} as Record<Role, string>;
let campaignId: number;
let scriptId: number;
let serviceId: number;

const settings = {
  name: 'Wellness check-in',
  purpose: 'Check in with older patrons',
  legalAuthority: 'Public Libraries Act',
  contact: 'Outreach desk, 905-653-7323',
};

beforeEach(async () => {
  t = await createTestDb();
  app = await buildTestApp(t.db);
  await ensureStarterContent(testCtx(t.db));
  for (const role of ['admin', 'coordinator', 'caller', 'viewer'] as const) {
    cookies[role] = await signInCookie(app, (await createStaff(t.db, role)).email);
  }
  await createPatron(t.db, { birthDate: '1935-01-01' });
  await createPatron(t.db, { birthDate: '1950-01-01' });
  scriptId = (await t.db.selectFrom('scripts').select('id').orderBy('id').executeTakeFirstOrThrow())
    .id;
  serviceId = (
    await t.db.selectFrom('services').select('id').orderBy('id').executeTakeFirstOrThrow()
  ).id;
  const created = await app.inject({
    method: 'POST',
    url: '/api/campaigns',
    headers: { cookie: cookies.coordinator },
    payload: { ...settings, scriptId },
  });
  campaignId = created.json<{ id: number }>().id;
});
afterEach(async () => {
  await app.close();
  await t.destroy();
});

const call = (
  role: Role | null,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
  url: string,
  payload?: object,
) =>
  app.inject({
    method,
    url,
    headers: role === null ? {} : { cookie: cookies[role] },
    ...(payload ? { payload } : {}),
  });

describe('campaigns over HTTP', () => {
  it('creates, previews, launches, pauses and exports a campaign', async () => {
    const preview = await call('coordinator', 'POST', '/api/campaigns/preview-audience', {
      audience: { minAge: 80 },
      priorities: [{ label: '90+', when: { ageBands: ['90+'] } }],
    });
    expect(preview.json()).toMatchObject({
      count: 1,
      withPhone: 1,
      byPriority: [{ label: '90+', count: 1 }],
    });
    const launched = await call('coordinator', 'POST', `/api/campaigns/${campaignId}/launch`);
    expect(launched.json()).toMatchObject({ status: 'active', callListSize: 2 });
    expect(
      (await call('coordinator', 'POST', `/api/campaigns/${campaignId}/pause`)).json(),
    ).toMatchObject({ status: 'paused' });
    expect(
      (await call('coordinator', 'POST', `/api/campaigns/${campaignId}/launch`)).json(),
    ).toMatchObject({ error: { code: 'CONFLICT' } });
    const file = await call('coordinator', 'GET', `/api/campaigns/${campaignId}/export`);
    expect(file.headers['content-disposition']).toContain('attachment');
    const shared = file.json<{
      format: string;
      campaign: object;
      script: { versions: unknown[] };
      services: unknown[];
    }>();
    expect(shared.format).toBe('outreach-desk-campaign');
    expect(JSON.stringify(shared)).not.toMatch(/1935-01-01|callerIds/);
    expect(shared.script.versions.length).toBeGreaterThanOrEqual(2);
    const imported = await call('admin', 'POST', '/api/campaigns/import', shared);
    expect(imported.statusCode).toBe(201);
    expect(imported.json()).toMatchObject({ name: 'Wellness check-in', status: 'draft' });
  });

  it('names the fields of an invalid campaign and of a broken shared file', async () => {
    const bad = await call('coordinator', 'POST', '/api/campaigns', {
      ...settings,
      purpose: '',
      callingHours: { weekdayStart: '25:00' },
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad
      .json<{ error: { details: { issues: { path: string }[] } } }>()
      .error.details.issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.purpose', 'body.callingHours.weekdayStart']),
    );
    const broken = await call('coordinator', 'POST', '/api/campaigns/import', {
      format: 'something-else',
    });
    expect(broken.statusCode).toBe(400);
  });

  it('checks a script with a dead end and refuses to save it', async () => {
    const script = {
      name: 'Broken',
      versions: [
        {
          language: 'en',
          start: 'hello',
          steps: [
            {
              id: 'hello',
              type: 'question',
              title: 'Hello',
              text: 'Hello {{patron.firstName}}, is now a good time?',
              answers: [
                { id: 'yes', label: 'Yes', next: 'talk' },
                { id: 'no', label: 'No', next: 'bye' },
              ],
            },
            {
              id: 'talk',
              type: 'say',
              title: 'Talk',
              text: 'Chat about {{patron.shoeSize}}',
              next: 'talk',
            },
            { id: 'bye', type: 'end', title: 'Bye', text: 'Goodbye' },
          ],
        },
      ],
    };
    const checked = await call('coordinator', 'POST', '/api/scripts/check', script);
    const problems = checked.json<{ problems: { stepId: string | null; message: string }[] }>()
      .problems;
    expect(problems.map((p) => p.stepId)).toContain('talk');
    expect(problems.map((p) => p.message).join(' ')).toMatch(/shoeSize/);
    const saved = await call('coordinator', 'POST', '/api/scripts', script);
    expect(saved.statusCode).toBe(400);
    expect(saved.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });

  it('keeps script versions: saving a changed language adds a version, an unchanged one does not', async () => {
    const current = (await call('coordinator', 'GET', `/api/scripts/${scriptId}`)).json<{
      name: string;
      description: string;
      defaultLanguage: string;
      versions: {
        language: string;
        version: number;
        start: string;
        steps: { id: string; type: string; text: string }[];
      }[];
    }>();
    const versions = current.versions.map(({ language, start, steps }) => ({
      language,
      start,
      steps,
    }));
    const english = versions.find((v) => v.language === 'en')!;
    english.steps[0]!.text = `${english.steps[0]!.text} (revised)`;
    const saved = await call('coordinator', 'PUT', `/api/scripts/${scriptId}`, {
      name: current.name,
      description: current.description,
      defaultLanguage: current.defaultLanguage,
      versions,
    });
    expect(saved.statusCode).toBe(200);
    const after = saved.json<{ versions: { language: string; version: number }[] }>().versions;
    expect(after.find((v) => v.language === 'en')?.version).toBe(2);
    expect(after.find((v) => v.language === 'fr')?.version).toBe(1);
    const kept = await t.db
      .selectFrom('script_versions')
      .select('version')
      .where('script_id', '=', scriptId)
      .where('language', '=', 'en')
      .execute();
    expect(kept.map((v) => v.version).sort()).toEqual([1, 2]);
  });

  it('ships the six services of the original program and the starter training', async () => {
    const services = (await call('caller', 'GET', '/api/services')).json<{
      items: { key: string; name: { en: string; fr: string } }[];
    }>().items;
    expect(services.map((s) => s.key)).toEqual([
      'enewsletter',
      'curbside',
      'virtual-info-desk',
      'digital-card',
      'virtual-programs',
      'eresources',
    ]);
    expect(services.every((s) => s.name.en.length > 0 && s.name.fr.length > 0)).toBe(true);
    const trainingResponse = await call('caller', 'GET', '/api/training/starter');
    const training = trainingResponse.json<{ en: { faq: { question: string }[] } }>();
    expect(training.en.faq.map((f) => f.question).join(' ')).toMatch(/How did you get my number/);
  });
});

/** Role × route × someone else's object (TRUST SC-5). */
describe('role × route matrix for campaigns, scripts, services and library', () => {
  const routes: {
    name: string;
    method: 'GET' | 'POST' | 'PATCH' | 'PUT';
    url: () => string;
    payload?: () => object;
    allowed: Role[];
  }[] = [
    {
      name: 'listCampaigns',
      method: 'GET',
      url: () => '/api/campaigns',
      allowed: ['admin', 'coordinator', 'caller', 'viewer'],
    },
    {
      name: 'createCampaign',
      method: 'POST',
      url: () => '/api/campaigns',
      payload: () => settings,
      allowed: ['admin', 'coordinator'],
    },
    {
      name: 'getCampaign (a draft)',
      method: 'GET',
      url: () => `/api/campaigns/${campaignId}`,
      allowed: ['admin', 'coordinator'],
    },
    {
      name: 'updateCampaign',
      method: 'PATCH',
      url: () => `/api/campaigns/${campaignId}`,
      payload: () => ({ name: 'Renamed' }),
      allowed: ['admin', 'coordinator'],
    },
    {
      name: 'previewAudience',
      method: 'POST',
      url: () => '/api/campaigns/preview-audience',
      payload: () => ({ audience: {} }),
      allowed: ['admin', 'coordinator'],
    },
    {
      name: 'launchCampaign',
      method: 'POST',
      url: () => `/api/campaigns/${campaignId}/launch`,
      allowed: ['admin', 'coordinator'],
    },
    {
      name: 'closeCampaign',
      method: 'POST',
      url: () => `/api/campaigns/${campaignId}/close`,
      allowed: ['admin', 'coordinator'],
    },
    {
      name: 'exportCampaign',
      method: 'GET',
      url: () => `/api/campaigns/${campaignId}/export`,
      allowed: ['admin', 'coordinator'],
    },
    {
      name: 'listScripts',
      method: 'GET',
      url: () => '/api/scripts',
      allowed: ['admin', 'coordinator'],
    },
    {
      name: 'getScript',
      method: 'GET',
      url: () => `/api/scripts/${scriptId}`,
      allowed: ['admin', 'coordinator'],
    },
    {
      name: 'listServices',
      method: 'GET',
      url: () => '/api/services',
      allowed: ['admin', 'coordinator', 'caller', 'viewer'],
    },
    {
      name: 'updateService',
      method: 'PATCH',
      url: () => `/api/services/${serviceId}`,
      payload: () => ({ link: 'https://library.example.org/curbside' }),
      allowed: ['admin', 'coordinator'],
    },
    {
      name: 'getLibrarySettings',
      method: 'GET',
      url: () => '/api/library',
      allowed: ['admin', 'coordinator', 'caller', 'viewer'],
    },
    {
      name: 'updateLibrarySettings',
      method: 'PATCH',
      url: () => '/api/library',
      payload: () => ({ name: 'Vaughan Public Libraries' }),
      allowed: ['admin'],
    },
  ];
  for (const route of routes) {
    for (const role of ['admin', 'coordinator', 'caller', 'viewer'] as const) {
      const allowed = route.allowed.includes(role);
      it(`${route.name} is ${allowed ? 'allowed' : 'refused'} for a ${role}`, async () => {
        const response = await call(role, route.method, route.url(), route.payload?.());
        if (allowed) expect(response.statusCode).toBeLessThan(300);
        else expect(response.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
      });
    }
    it(`${route.name} needs a session`, async () => {
      expect((await call(null, route.method, route.url(), route.payload?.())).statusCode).toBe(401);
    });
  }

  it('lets a caller read a running campaign they work, with its purpose and training', async () => {
    await call('coordinator', 'POST', `/api/campaigns/${campaignId}/launch`);
    const seen = await call('caller', 'GET', `/api/campaigns/${campaignId}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({
      purpose: 'Check in with older patrons',
      legalAuthority: 'Public Libraries Act',
    });
    const script = await call('caller', 'GET', `/api/campaigns/${campaignId}/script`);
    const versions = script.json<{ script: { versions: { language: string }[] } }>().script
      .versions;
    expect(versions.map((v) => v.language)).toEqual(['en', 'fr']);
    expect((await call('viewer', 'GET', `/api/campaigns/${campaignId}/script`)).statusCode).toBe(
      403,
    );
    expect((await call('viewer', 'GET', '/api/campaigns')).json()).toMatchObject({
      items: [{ name: 'Wellness check-in', callListSize: 2 }],
    });
  });
});
