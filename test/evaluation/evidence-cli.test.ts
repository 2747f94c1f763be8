import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo } from '../../src/cli/io.js';

const paluck = new URL('../fixtures/contact/paluck-green-green-2019.csv', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'tracktwo-evidence-'));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function run(...args: string[]) {
  const io = captureIo();
  const code = await main(['node', 'tracktwo', 'evidence', ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

/** `evidence meta` on the effect and variance columns of `input`, with any further options. */
const meta = (input: string, effect: string, variance: string, ...options: string[]) =>
  run('meta', '--input', input, '--effect', effect, '--variance', variance, ...options);

/** `evidence effect --design pre-post-control`, with any further options. */
const prePostControl = (input: string, ...options: string[]) =>
  run('effect', '--design', 'pre-post-control', '--input', input, ...options);

/** The columns of a pre-post-control CSV without its optional r. */
const prePostControlColumns = 'n_t,n_c,m_pre_t,m_post_t,sd_pre_t,m_pre_c,m_post_c,sd_pre_c';

describe('tracktwo evidence meta', () => {
  it('pools Paluck, Green & Green (2019) by DerSimonian-Laird as the issue asks', async () => {
    const { code, stdout } = await meta(paluck, 'd', 'var_d', '--method', 'dl', '--format', 'json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    for (const key of [
      'k',
      'estimate',
      'se',
      'ciLower',
      'ciUpper',
      'tau2',
      'i2',
      'q',
      'qp',
      'h2',
      'predictionInterval',
      'method',
      'weights',
    ]) {
      expect(result).toHaveProperty(key);
    }
    expect(result.k).toBe(27);
    expect(result.estimate).toBeCloseTo(0.3925, 4);
    expect(result.ciLower).toBeCloseTo(0.2309, 4);
    expect(result.ciUpper).toBeCloseTo(0.5542, 4);
    expect(result.tau2).toBeCloseTo(0.1373, 4);
    expect(result.q).toBeCloseTo(173.04, 2);
    expect(result.i2).toBeCloseTo(85.0, 1);
  });

  it('defaults to REML and prints text', async () => {
    const { code, stdout } = await meta(paluck, 'd', 'var_d');
    expect(code).toBe(0);
    expect(stdout).toContain('method reml, k = 27');
    expect(stdout).toContain('estimate 0.4019');
  });

  it('names the missing column', async () => {
    const { code, stderr } = await meta(paluck, 'g', 'var_d');
    expect(code).toBe(2);
    expect(stderr).toContain('TT_ERR_CSV_MISSING_COLUMN');
    expect(stderr).toContain('column "g"');
  });

  it('names the row and column of a non-numeric value', async () => {
    const path = file('bad-number.csv', 'yi,vi\n0.1,0.02\n0.3,abc\n');
    const { code, stderr } = await meta(path, 'yi', 'vi');
    expect(code).toBe(2);
    expect(stderr).toContain('TT_ERR_CSV_BAD_VALUE');
    expect(stderr).toContain('row 3, column "vi"');
  });

  it('names the row and column of a negative variance', async () => {
    const path = file('negative.csv', 'yi,vi\n0.1,0.02\n0.3,0.04\n0.2,-0.01\n');
    const { code, stderr } = await meta(path, 'yi', 'vi', '--method', 'dl');
    expect(code).toBe(2);
    expect(stderr).toContain('TT_ERR_EVIDENCE_BAD_VARIANCE');
    expect(stderr).toContain('row 4, column "vi"');
    expect(stderr).toContain('negative');
  });

  it('refuses tau^2 from one study but allows the fixed-effect model', async () => {
    const path = file('one.csv', 'yi,vi\n0.1,0.02\n');
    const dl = await meta(path, 'yi', 'vi', '--method', 'dl');
    expect(dl.code).toBe(2);
    expect(dl.stderr).toContain('TT_ERR_EVIDENCE_TOO_FEW');
    expect(dl.stderr).toContain('column "yi"');
    const fe = await meta(path, 'yi', 'vi', '--method', 'fe', '--format', 'json');
    expect(fe.code).toBe(0);
    expect(JSON.parse(fe.stdout).estimate).toBeCloseTo(0.1, 12);
  });

  it('rejects an unknown method', async () => {
    const { code, stderr } = await meta(paluck, 'd', 'var_d', '--method', 'pm');
    expect(code).toBe(2);
    expect(stderr).toContain('--method');
  });
});

describe('tracktwo evidence effect', () => {
  // Morris (2008) Table 1, studies 1 and 2 (Carlson & Schmidt 1999 data); study 2 without r.
  const morris = file(
    'morris.csv',
    `${prePostControlColumns},r\n20,20,30.6,38.5,15.0,23.1,19.7,13.8,0.47\n50,42,23.5,26.8,3.1,24.9,25.3,4.1,\n`,
  );

  it('prints d and variance per row (Morris d_ppc2) and announces the assumed r', async () => {
    const { code, stdout, stderr } = await prePostControl(morris, '--format', 'json');
    expect(code).toBe(0);
    const rows = JSON.parse(stdout);
    expect(rows).toHaveLength(2);
    expect(rows[0].d).toBeCloseTo(0.768447646804, 10);
    expect(rows[0].variance).toBeGreaterThan(0);
    expect(rows[0].rAssumed).toBe(false);
    expect(rows[1].d).toBeCloseTo(0.800986848059, 10);
    expect(rows[1].r).toBe(0.5);
    expect(stderr).toContain('assumed r = 0.5');
    expect(stderr).toContain('row 3');
  });

  it('says r = 0.5 is assumed when there is no r column at all', async () => {
    const path = file('no-r.csv', `${prePostControlColumns}\n20,20,30.6,38.5,15.0,23.1,19.7,13.8\n`);
    const { code, stderr } = await prePostControl(path);
    expect(code).toBe(0);
    expect(stderr).toContain('for any row; assumed r = 0.5');
  });

  it('computes paired pre-post effects', async () => {
    const path = file('paired.csv', 'n,m_pre,m_post,sd_pre,sd_post,r\n20,30.6,38.5,15.0,11.6,0.47\n');
    const { code, stdout } = await run('effect', '--design', 'pre-post', '--input', path, '--format', 'json');
    expect(code).toBe(0);
    const [row] = JSON.parse(stdout);
    // metafor's test suite (morris2008): SMCR 0.5056, SMCC 0.5417
    expect(row.dpre.g).toBeCloseTo(0.5056, 4);
    expect(row.dz.g).toBeCloseTo(0.5417, 4);
  });

  it('names the row and column of a bad SD or correlation', async () => {
    const sd = file('sd.csv', `${prePostControlColumns}\n20,20,30.6,38.5,-1,23.1,19.7,13.8\n`);
    const a = await prePostControl(sd);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('row 2, column "sd_pre_t"');
    const r = file('r.csv', `${prePostControlColumns},r\n20,20,30.6,38.5,15,23.1,19.7,13.8,1.5\n`);
    const b = await prePostControl(r);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('row 2, column "r"');
    const missing = file(
      'missing.csv',
      'n_t,n_c,m_pre_t,m_post_t,sd_pre_t,m_pre_c,m_post_c\n20,20,30.6,38.5,15,23.1,19.7\n',
    );
    const c = await prePostControl(missing);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('column "sd_pre_c"');
  });
});

describe('tracktwo evidence forest', () => {
  it('writes an SVG forest plot', async () => {
    const out = join(dir, 'forest.svg');
    const { code, stdout } = await run(
      'forest',
      '--input',
      paluck,
      '--effect',
      'd',
      '--variance',
      'var_d',
      '--label',
      'name_short',
      '--method',
      'dl',
      '--out',
      out,
      '--title',
      'Contact and prejudice',
    );
    expect(code).toBe(0);
    expect(stdout).toContain('27 studies');
    const svg = readFileSync(out, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/<g class="study">/g)).toHaveLength(27);
    expect(svg).toContain('Clunies-Ross 89 school A');
    expect(svg).toContain('0.39 [0.23, 0.55]');
  });
});
