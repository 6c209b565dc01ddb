import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.js';
import * as m0002 from './0002_patrons.js';
import * as m0003 from './0003_campaigns.js';
import * as m0004 from './0004_calling.js';
import * as m0005 from './0005_email.js';
import * as m0006 from './0006_reports.js';
import * as m0007 from './0007_followups.js';
import * as m0008 from './0008_telephony.js';

/** Every migration, in order. Names never change once released. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_patrons': m0002,
  '0003_campaigns': m0003,
  '0004_calling': m0004,
  '0005_email': m0005,
  '0006_reports': m0006,
  '0007_followups': m0007,
  '0008_telephony': m0008,
};
