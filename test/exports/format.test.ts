import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvField, EXPORT_COLUMNS, exportFileName, exportHeader, exportLine, type ExportRow } from '../../src/services/exports/format.ts';
import { deriveLinkKey, isExpired, signDownloadToken, verifyDownloadToken } from '../../src/services/exports/links.ts';

const row = (body: string | null, contactName: string | null = 'Anna'): ExportRow => ({
  id: 'm1',
  conversationId: 'c1',
  contactPhone: '+37120000001',
  contactName,
  instanceName: 'main line',
  direction: 'INBOUND',
  author: 'CUSTOMER',
  type: 'TEXT',
  status: 'RECEIVED',
  body,
  createdAt: new Date('2026-05-01T08:00:00.000Z'),
  sentAt: null,
  deliveredAt: null,
  readAt: null,
});

describe('CSV fields (RFC 4180, formula-safe)', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rlf\r\n', '"cr\rlf\r\n"'],
    ['ünïcödé 😀', 'ünïcödé 😀'],
    ['', ''],
  ])('%j → %j', (value, expected) => {
    expect(csvField(value, true)).toBe(expected);
  });

  it.each(['=1+2', '+1', '-1', '@SUM(A1)', '\tcmd', '\rcmd'])('guards free text starting like a formula: %j', (value) => {
    expect(csvField(value, true).replace(/^"|"$/g, '').startsWith(`'${value[0]}`)).toBe(true);
    expect(csvField(value, false)).not.toMatch(/^'/);
  });

  it('quotes a guarded value that also needs quoting', () => {
    expect(csvField('=HYPERLINK("x","y")', true)).toBe(`"'=HYPERLINK(""x"",""y"")"`);
  });

  it('writes null as an empty field and phone numbers as they are', () => {
    expect(csvField(null, true)).toBe('');
    expect(exportLine('CSV', row(null)).split(',')[1]).toBe('+37120000001');
  });

  it('round-trips nasty rows through a CSV parser, header and CRLF included', () => {
    const bodies = ['a,b', 'say "hi"', 'two\nlines', 'cr\r\nlf', '=cmd', '', null, '😀 ünïcödé'];
    const text = exportHeader('CSV') + bodies.map((body) => exportLine('CSV', row(body, 'Smith, "J"'))).join('');
    expect(text.endsWith('\r\n')).toBe(true);
    const records = parse(text) as string[][];
    expect(records[0]).toEqual(EXPORT_COLUMNS);
    expect(records.slice(1).map((record) => record[EXPORT_COLUMNS.indexOf('body')])).toEqual(['a,b', 'say "hi"', 'two\nlines', 'cr\r\nlf', "'=cmd", '', '', '😀 ünïcödé']);
    expect(new Set(records.slice(1).map((record) => record[EXPORT_COLUMNS.indexOf('contact_name')]))).toEqual(new Set(['Smith, "J"']));
  });

  it('writes JSON Lines with the stored values and nulls, unguarded', () => {
    const line = exportLine('JSONL', row('=cmd\nnext'));
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    expect(JSON.parse(line)).toMatchObject({ body: '=cmd\nnext', sent_at: null, created_at: '2026-05-01T08:00:00.000Z', contact_phone: '+37120000001' });
    expect(exportHeader('JSONL')).toBe('');
  });

  it('names files with ASCII only', () => {
    expect(exportFileName('café-"x"', 'CSV', new Date('2026-01-01T00:00:00Z'), new Date('2026-02-01T00:00:00Z'))).toBe('messages-caf-x-2026-01-01-2026-02-01.csv');
  });
});

describe('download tokens', () => {
  const key = deriveLinkKey('a-server-secret-of-at-least-32-characters');
  const claim = { jobId: 'job-1', businessId: 'biz-1', exp: 2_000_000_000 };

  it('verifies what this key signed, and nothing else', () => {
    const token = signDownloadToken(key, claim);
    expect(verifyDownloadToken(key, token)).toEqual(claim);
    expect(verifyDownloadToken(deriveLinkKey('another-server-secret-of-32-characters!'), token)).toBeNull();
    const [version, payload, signature] = token.split('.') as [string, string, string];
    const other = Buffer.from(JSON.stringify({ j: 'job-2', b: 'biz-1', e: claim.exp })).toString('base64url');
    for (const bad of [`${version}.${other}.${signature}`, `${token}x`, `v2.${payload}.${signature}`, token.slice(1), `${version}.${payload}`, '']) {
      expect(verifyDownloadToken(key, bad)).toBeNull();
    }
  });

  it('expires at exp', () => {
    expect(isExpired(claim, claim.exp * 1000 - 1)).toBe(false);
    expect(isExpired(claim, claim.exp * 1000)).toBe(true);
  });

  it('is keyed apart from the server secret itself', () => {
    expect(deriveLinkKey('s'.repeat(40)).equals(Buffer.from('s'.repeat(40)))).toBe(false);
  });
});
