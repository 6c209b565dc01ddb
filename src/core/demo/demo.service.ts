import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ImportRow } from '../../db/database.js';
import type { Ctx } from '../context.js';
import { importPatrons } from '../patrons/import/import.service.js';
import { createUser } from '../users/users.service.js';
import { findUserByEmail } from '../users/users.repository.js';
import type { Role } from '../../shared/roles.js';
import type { MailDeps } from '../email/mail-deps.js';
import { loadDemoCampaigns } from './demo-campaigns.js';
import { writePatronsCsv } from './synthetic-patrons.js';

/** The demo library's staff: a coordinator, callers who speak several languages, a board viewer. */
const DEMO_STAFF: { email: string; name: string; role: Role; language: 'en' | 'fr' }[] = [
  {
    email: 'coordinator@demo.example.org',
    name: 'Sandra Coordinator',
    role: 'coordinator',
    language: 'en',
  },
  { email: 'marco@demo.example.org', name: 'Marco Bianchi', role: 'caller', language: 'en' },
  { email: 'genevieve@demo.example.org', name: 'Geneviève Roy', role: 'caller', language: 'fr' },
  { email: 'harpreet@demo.example.org', name: 'Harpreet Gill', role: 'caller', language: 'en' },
  { email: 'wei@demo.example.org', name: 'Wei Zhang', role: 'caller', language: 'en' },
  { email: 'board@demo.example.org', name: 'Board Member', role: 'viewer', language: 'en' },
];

export interface DemoResult {
  import: ImportRow;
  /** Accounts created now, with their one-time passwords (existing accounts are left alone). */
  staff: { email: string; role: Role; password: string }[];
  /** Campaigns created now. */
  campaigns: string[];
}

/**
 * Loads a realistic synthetic library: `patrons` invented patrons of a fictional Vaughan-area
 * system (a fixed seed, so every demo is the same), imported through the real import as a Koha
 * export, and demo staff accounts with random passwords shown once. Running it again changes
 * nothing: the same file imports as unchanged and existing accounts are kept.
 */
export async function loadDemo(
  ctx: Ctx,
  options: { patrons: number; seed: number; defaultRegion: string; mail?: MailDeps },
): Promise<DemoResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outreach-demo-'));
  const file = path.join(dir, 'demo-library-borrowers.csv');
  try {
    await writePatronsCsv(file, { count: options.patrons, seed: options.seed });
    const report = await importPatrons(ctx, {
      filePath: file,
      fileName: path.basename(file),
      layout: 'koha-csv',
      dryRun: false,
      defaultRegion: options.defaultRegion,
    });
    const staff: DemoResult['staff'] = [];
    for (const member of DEMO_STAFF) {
      if (await findUserByEmail(ctx.db, member.email)) continue;
      const password = randomBytes(12).toString('base64url');
      await createUser(ctx, { ...member, password });
      staff.push({ email: member.email, role: member.role, password });
    }
    const campaigns = await loadDemoCampaigns(ctx, options.mail);
    return { import: report, staff, campaigns };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
