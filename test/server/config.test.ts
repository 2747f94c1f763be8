import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { TrackTwoError } from '../../src/domain/errors.js';

describe('loadConfig', () => {
  it('defaults to 127.0.0.1:8080 with embedded SQLite', () => {
    const config = loadConfig({});
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(8080);
    expect(config.databaseUrl).toBe('sqlite:./data/tracktwo.db');
    expect(config.noDemo).toBe(false);
    expect(config.trustProxy).toBe(false);
    expect(config.secureCookies).toBe('auto');
  });

  it('reads the variables', () => {
    const config = loadConfig({
      PORT: '9090',
      HOST: '0.0.0.0',
      TRACKTWO_DATABASE_URL: 'postgres://u@db:5432/tt',
      TRACKTWO_NO_DEMO: '1',
      TRACKTWO_TRUST_PROXY: '2',
      TRACKTWO_BODY_LIMIT: '2048',
    });
    expect(config).toMatchObject({
      port: 9090,
      host: '0.0.0.0',
      databaseUrl: 'postgres://u@db:5432/tt',
      noDemo: true,
      trustProxy: 2,
      bodyLimit: 2048,
    });
    expect(loadConfig({ TRACKTWO_TRUST_PROXY: '10.0.0.1, 10.0.0.2' }).trustProxy).toEqual([
      '10.0.0.1',
      '10.0.0.2',
    ]);
  });

  it('refuses a bad value with a coded error naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(TrackTwoError);
    try {
      loadConfig({ TRACKTWO_DATABASE_URL: 'mysql://x' });
    } catch (error) {
      expect((error as TrackTwoError).code).toBe('TT_ERR_CONFIGURATION');
      expect((error as TrackTwoError).details?.field).toBe('TRACKTWO_DATABASE_URL');
    }
    expect(() => loadConfig({ TRACKTWO_DATABASE_URL: 'mysql://x' })).toThrow(/TRACKTWO_DATABASE_URL/);
  });
});
