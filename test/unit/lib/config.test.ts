import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../lib/config.ts';

describe('loadConfig', () => {
  it('gives sensible defaults for a fresh checkout', () => {
    const config = loadConfig({});
    expect(config.http).toMatchObject({ host: '127.0.0.1', port: 3000 });
    expect(config.database.url).toBeUndefined();
    expect(config.temporal).toMatchObject({ address: undefined, namespace: 'default', cliVersion: 'v1.5.1', testServerVersion: '1.38.0' });
    expect(config.dataDir).toBe(path.join(config.projectRoot, '.data'));
    expect(config.cycles.settings).toMatchObject({
      reminderWorkingDays: [7, 3, 1],
      reviewFirst: false,
      chaseDays: 183,
      deadlines: { h1: '06-26', h2: '12-26' },
    });
  });

  it('treats empty strings as unset and parses numbers and flags', () => {
    const config = loadConfig({ DATABASE_URL: '', SMTP_URL: ' ', PORT: '8080', CYCLE_REVIEW_FIRST: 'true', TEMPORAL_ADDRESS: '' });
    expect(config.database.url).toBeUndefined();
    expect(config.mail.smtpUrl).toBeUndefined();
    expect(config.temporal.address).toBeUndefined();
    expect(config.http.port).toBe(8080);
    expect(config.cycles.settings.reviewFirst).toBe(true);
  });

  it('names every invalid variable at once', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'not a url', LOG_LEVEL: 'loud' })).toThrow(
      /PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/,
    );
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ CYCLE_DEADLINE_H1: '13-45' })).toThrow(/CYCLE_DEADLINE_H1/);
    expect(() => loadConfig({ CYCLE_OPENS_H2: '02-30' })).toThrow(/CYCLE_OPENS_H2: no such day/);
    expect(loadConfig({ CYCLE_DEADLINE_H2: '12-31' }).cycles.deadlines.h2).toBe('12-31');
  });

  it('trusts X-Forwarded-For only from the proxies TRUST_PROXY names, never from everyone', () => {
    expect(loadConfig({}).http.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).http.trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8, 192.0.2.7' }).http.trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
      '192.0.2.7',
    ]);
    for (const wrong of ['true', 'proxy.example', '10.0.0.0/33', '300.1.1.1']) {
      expect(() => loadConfig({ TRUST_PROXY: wrong }), wrong).toThrow(/TRUST_PROXY/);
    }
  });

  it('reads district time from one setting, the zone, and gives every workflow setting the offset derived from it', () => {
    const shanghai = loadConfig({});
    expect(shanghai.districtTime).toEqual({ zone: 'Asia/Shanghai', utcOffsetMinutes: 480 });
    const kolkata = loadConfig({ DISTRICT_TIME_ZONE: 'Asia/Kolkata' });
    expect(kolkata.districtTime).toEqual({ zone: 'Asia/Kolkata', utcOffsetMinutes: 330 });
    const carried = [
      kolkata.deadlines.utcOffsetMinutes,
      kolkata.cycles.settings.utcOffsetMinutes,
      kolkata.party.feedback.utcOffsetMinutes,
      kolkata.party.recommendation.utcOffsetMinutes,
      kolkata.leaders.utcOffsetMinutes,
    ];
    expect(carried).toEqual([330, 330, 330, 330, 330]);
  });

  it('refuses at boot a zone with daylight saving time, an unknown zone, and the retired offset setting', () => {
    expect(() => loadConfig({ DISTRICT_TIME_ZONE: 'Europe/Berlin' })).toThrow(/DISTRICT_TIME_ZONE: Europe\/Berlin changes its UTC offset/);
    expect(() => loadConfig({ DISTRICT_TIME_ZONE: 'Asia/Nowhere' })).toThrow(/DISTRICT_TIME_ZONE: Asia\/Nowhere is not an IANA time zone/);
    // Set, it would look as if it still did something: even a value that agrees is refused, with the reason.
    expect(() => loadConfig({ DISTRICT_UTC_OFFSET_MINUTES: '480' })).toThrow(/DISTRICT_UTC_OFFSET_MINUTES: no longer read/);
  });
});
