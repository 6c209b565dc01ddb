import { describe, expect, it } from 'vitest';
import { refusalReason } from './privacy.js';

describe('refusalReason', () => {
  it.each([
    'checkouts',
    'Checkout count',
    'Last checkout',
    'loans',
    'issues',
    'old_issues',
    'Items out',
    'ItemsOut',
    'Titles borrowed',
    'Reading history',
    'Holds history',
    'holds',
    'reserves',
    'TOT CHKOUT',
    'CUR CHKOUT',
    'LAST CKO',
    'CUR ITEMA',
    'CIRCACTIVE',
    'TOT RENWAL',
    'HLODUES',
    'MONEY OWED',
    'fines',
    'account_balance',
    'ItemBarcode',
    'BrowseTitle',
    'DueDate/DateHeld',
    'NoticeType',
    'Notification Type',
    'claims_returned_count',
    'checkouts_count',
  ])('refuses %s as circulation, reading or money data', (header) => {
    expect(refusalReason(header)).toMatch(/PR-2/);
  });

  it.each([
    'Household',
    'title',
    'PatronTitle',
    'privacy',
    'MaintainReadingList',
    'PatronBarcode',
    'Phone',
    'lost',
    'Holder name',
  ])('lets %s through', (header) => {
    expect(refusalReason(header)).toBeUndefined();
  });
});
