import { createHash } from 'node:crypto';
import type { Db } from '../../../db/database.js';
import type { ImportedPatron, ImportProblem } from './types.js';

/** One mapped row waiting to be written. */
export interface PendingPatron {
  row: number;
  patron: ImportedPatron;
}

export interface BatchOutcome {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  problems: ImportProblem[];
}

/** Hash of everything an import sets: a row that hashes the same changes nothing. */
export function contentHash(patron: ImportedPatron): string {
  return createHash('sha1').update(JSON.stringify(patron)).digest('base64url');
}

const PHONE_ORDER = ['home', 'mobile', 'other', 'work'] as const;

/** The number a call dials first: the first valid home, then mobile, other, work number. */
export function primaryPhone(patron: ImportedPatron): string | null {
  for (const kind of PHONE_ORDER) {
    const phone = patron.phones.find((p) => p.kind === kind && p.valid && p.e164 !== null);
    if (phone?.e164) return phone.e164;
  }
  return null;
}

function patronColumns(patron: ImportedPatron, hash: string) {
  return {
    external_id: patron.externalId,
    first_name: patron.firstName,
    last_name: patron.lastName,
    preferred_name: patron.preferredName,
    birth_date: patron.birthDate,
    language: patron.language,
    branch: patron.branch,
    patron_type: patron.patronType,
    status: patron.status,
    expiry_date: patron.expiryDate,
    city: patron.city,
    region: patron.region,
    postal_code: patron.postalCode,
    tags: JSON.stringify(patron.tags),
    phones: JSON.stringify(patron.phones),
    emails: JSON.stringify(patron.emails),
    primary_phone: primaryPhone(patron),
    content_hash: hash,
  };
}

/**
 * Writes one batch of mapped rows: new card numbers are inserted, changed ones updated, the rest
 * only marked as seen by this import. Fields staff set
 * (do-not-call, do-not-e-mail, deceased, household) are never touched, so a re-import cannot
 * undo them (TRUST CA-4, DN-1). With `importId` null nothing is written (dry run): the outcome
 * says what would happen. The caller runs it inside a transaction.
 */
export async function applyBatch(
  db: Db,
  batch: PendingPatron[],
  options: {
    importId: number | null;
    now: string;
    /** Dry runs only (nothing is written to remember by): true when the card number came earlier. */
    seenInDryRun: (cardNumber: string) => boolean;
  },
): Promise<BatchOutcome> {
  const outcome: BatchOutcome = {
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    problems: [],
  };
  if (batch.length === 0) return outcome;
  const existing = await db
    .selectFrom('patrons')
    .select(['id', 'card_number', 'content_hash', 'last_import_id'])
    .where('card_number', 'in', [...new Set(batch.map((b) => b.patron.cardNumber))])
    .execute();
  const byCard = new Map(existing.map((e) => [e.card_number, e]));

  // A card number already written by this import (an earlier batch) or earlier in this batch is
  // a duplicate row: the first one wins, the others are rejected and reported.
  const unique = new Map<string, PendingPatron>();
  for (const item of batch) {
    const card = item.patron.cardNumber;
    const current = byCard.get(card);
    const seenBefore =
      options.importId === null
        ? options.seenInDryRun(card)
        : current?.last_import_id === options.importId;
    if (unique.has(card) || seenBefore) {
      outcome.rejected += 1;
      outcome.problems.push({
        row: item.row,
        column: null,
        value: card,
        reason: `card number ${card} appears more than once in this file; only its first row was imported`,
        severity: 'error',
      });
      continue;
    }
    unique.set(card, item);
  }

  const toInsert: (PendingPatron & { hash: string })[] = [];
  const toUpdate: { id: number; item: PendingPatron; hash: string }[] = [];
  const unchangedIds: number[] = [];
  for (const item of unique.values()) {
    const hash = contentHash(item.patron);
    const current = byCard.get(item.patron.cardNumber);
    if (current === undefined) toInsert.push({ ...item, hash });
    else if (current.content_hash === hash) unchangedIds.push(current.id);
    else toUpdate.push({ id: current.id, item, hash });
  }
  outcome.inserted = toInsert.length;
  outcome.updated = toUpdate.length;
  outcome.unchanged = unchangedIds.length;
  if (options.importId === null) return outcome;

  const importId = options.importId;
  if (toInsert.length > 0) {
    await db
      .insertInto('patrons')
      .values(
        toInsert.map(({ patron, hash }) => ({
          card_number: patron.cardNumber,
          ...patronColumns(patron, hash),
          last_import_id: importId,
          created_at: options.now,
          updated_at: options.now,
        })),
      )
      .execute();
  }
  for (const { id, item, hash } of toUpdate) {
    await db
      .updateTable('patrons')
      .set({
        ...patronColumns(item.patron, hash),
        last_import_id: importId,
        updated_at: options.now,
      })
      .where('id', '=', id)
      .execute();
  }
  if (unchangedIds.length > 0) {
    await db
      .updateTable('patrons')
      .set({ last_import_id: importId })
      .where('id', 'in', unchangedIds)
      .execute();
  }
  return outcome;
}
