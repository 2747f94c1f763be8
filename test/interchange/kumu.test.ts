import { describe, expect, it } from 'vitest';
import { TrackTwoError } from '../../src/domain/errors.js';
import {
  formatKumuConnections,
  formatKumuElements,
  parseKumu,
  parseKumuConnections,
  type KumuDivide,
} from '../../src/interchange/kumu.js';

const divides: KumuDivide[] = [
  {
    id: 'd-community',
    name: 'Community',
    groups: [
      { id: 'g-k', name: 'Keshani' },
      { id: 'g-d', name: 'Dorvak' },
    ],
  },
];

const elements = [
  'Label,Type,Description,Tags,Role,Track,Gender,Region,Community,Shoe size',
  'Tavrenna Quillorn,Person,"Met at the market, twice",elder|north,elder,3,woman,Northern Highlands,Keshani,41',
  'Morvok Drezhurin,person,,,Peace activist,Track 2,man,,dorvak,',
  'Coastal Press,Organization,,,journalist,2,,,,',
].join('\n');

const connections = [
  'From,To,Type,Direction,Strength,Valid From,Valid To,Source,Confidence',
  'Tavrenna Quillorn,Morvok Drezhurin,knows,undirected,3,2019-05-01,,observed,0.9',
  'Morvok Drezhurin,Coastal Press,works_with,,2,,,,',
  'Morvok Drezhurin,Tavrenna Quillorn,influences,directed,5,2020-01-01,2021-01-01,reported,0.5',
].join('\n');

function rejection(run: () => unknown): TrackTwoError {
  try {
    run();
  } catch (error) {
    if (error instanceof TrackTwoError) return error;
    throw error;
  }
  throw new Error('expected the import to be rejected');
}

describe('Kumu CSV import', () => {
  it('reads elements and connections into checked records', () => {
    const parsed = parseKumu(elements, connections, divides);
    expect(parsed.elements).toHaveLength(3);
    const [tavrenna, morvok, press] = parsed.elements;
    expect(tavrenna).toMatchObject({
      row: 2,
      kind: 'person',
      role: 'elder',
      track: '3',
      gender: 'woman',
      region: 'Northern Highlands',
      groups: [{ divide_id: 'd-community', group_id: 'g-k' }],
      notes: 'Met at the market, twice\nTags: elder, north',
    });
    expect(morvok).toMatchObject({ role: 'peace_activist', track: '2', groups: [{ group_id: 'g-d' }] });
    expect(press).toMatchObject({ kind: 'organisation', gender: null, groups: [] });
    expect(parsed.connections).toHaveLength(3);
    expect(parsed.connections[1]).toMatchObject({
      strength: 2,
      directed: false,
      source: 'reported',
      confidence: 1,
    });
    expect(parsed.connections[2]).toMatchObject({
      kind: 'influences',
      directed: true,
      valid_to: '2021-01-01',
    });
  });

  const cases: [string, string, string, number, string, RegExp][] = [
    [
      'an unknown From label',
      elements,
      connections + '\nNobody,Coastal Press,knows,,1,,,,',
      5,
      'From',
      /no element labelled "Nobody"/,
    ],
    [
      'a strength out of 1-5',
      elements,
      connections + '\nCoastal Press,Tavrenna Quillorn,knows,,6,,,,',
      5,
      'Strength',
      /out of range 1-5/,
    ],
    [
      'a fractional strength',
      elements,
      connections + '\nCoastal Press,Tavrenna Quillorn,knows,,2.5,,,,',
      5,
      'Strength',
      /whole number/,
    ],
    [
      'an unknown tie kind',
      elements,
      connections + '\nCoastal Press,Tavrenna Quillorn,likes,,2,,,,',
      5,
      'Type',
      /"likes" is not one of/,
    ],
    ['an unknown role', elements + '\nX,Person,,,wizard,2,man,,,', connections, 5, 'Role', /"wizard"/],
    [
      'a duplicate label',
      elements + '\nCoastal Press,Person,,,scholar,2,man,,,',
      connections,
      5,
      'Label',
      /duplicate label/,
    ],
    [
      'an unknown group',
      elements + '\nX,Person,,,scholar,2,man,,Selmiri,',
      connections,
      5,
      'Community',
      /not a group of Community/,
    ],
    [
      'a gender on an organisation',
      elements + '\nX,Organisation,,,other,2,woman,,,',
      connections,
      5,
      'Gender',
      /no gender/,
    ],
    [
      'a bad date',
      elements,
      connections + '\nCoastal Press,Tavrenna Quillorn,knows,,2,2019-02-30,,,',
      5,
      'Valid From',
      /not a date/,
    ],
    [
      'a duplicate connection',
      elements,
      connections + '\nMorvok Drezhurin,Tavrenna Quillorn,knows,,1,,,,',
      5,
      'From',
      /on row 2/,
    ],
    [
      'a self-loop',
      elements,
      connections + '\nCoastal Press,Coastal Press,knows,,1,,,,',
      5,
      'To',
      /two different/,
    ],
  ];
  it.each(cases)(
    'rejects %s with its row and column',
    (_name, elementsCsv, connectionsCsv, row, column, reason) => {
      const error = rejection(() => parseKumu(elementsCsv, connectionsCsv, divides));
      expect(error.code).toBe('TT_ERR_IMPORT_REJECTED');
      expect(error.details).toMatchObject({ row, column });
      expect(error.details?.reason).toMatch(reason);
      expect(error.message).toContain(`row ${row}`);
    },
  );

  it('requires the layout’s columns and names the file', () => {
    const error = rejection(() => parseKumu('Label,Type,Role\nX,Person,elder', connections, divides));
    expect(error.code).toBe('TT_ERR_CSV_MISSING_COLUMN');
    expect(error.details).toMatchObject({ file: 'elements', column: 'Track' });
  });

  it('rejects labels already used in the conflict and accepts connections to existing actors', () => {
    const existing = { labels: new Set(['A-7K3F9Q']) };
    const error = rejection(() =>
      parseKumu(elements + '\nA-7K3F9Q,Person,,,elder,3,man,,,', '', divides, existing),
    );
    expect(error.details).toMatchObject({ row: 5, column: 'Label' });
    const parsed = parseKumu(elements, 'From,To,Type\nA-7K3F9Q,Coastal Press,knows', divides, existing);
    expect(parsed.connections[0].from).toBe('A-7K3F9Q');
  });

  it('finds the one bad row among 10,000 and names it', () => {
    const labels = Array.from({ length: 500 }, (_, i) => `Actor ${i}`);
    const rows = ['From,To,Type,Strength'];
    for (let r = 0; rows.length < 10_001; r++) {
      const a = r % 500;
      const b = (a + 1 + Math.floor(r / 500)) % 500;
      rows.push(`${labels[a]},${labels[b]},knows,${(r % 5) + 1}`);
    }
    rows[7_341] = rows[7_341].replace(/,\d$/, ',9');
    const error = rejection(() => parseKumuConnections(rows.join('\n'), new Set(labels)));
    expect(error.details).toMatchObject({ row: 7_342, column: 'Strength' });
  });
});

describe('Kumu CSV export', () => {
  it('writes files that read back to the same records', () => {
    const connection = {
      from: 'A-7K3F9Q',
      to: 'A-22222B',
      kind: 'hostile',
      directed: true,
      strength: 4,
      valid_from: '2020-02-02',
      valid_to: null,
      source: 'observed',
      confidence: 0.75,
    } as const;
    const elementsOut = formatKumuElements(
      [
        {
          label: 'A-7K3F9Q',
          pseudonym: 'A-7K3F9Q',
          kind: 'person',
          role: 'womens_leader',
          track: '2',
          gender: 'woman',
          region: 'Vell Coast, north',
          groups: { Community: 'Dorvak' },
        },
        {
          label: 'A-22222B',
          pseudonym: 'A-22222B',
          kind: 'organisation',
          role: 'third_party',
          track: '1.5',
          gender: null,
          region: null,
          groups: {},
        },
      ],
      ['Community'],
    );
    const connectionsOut = formatKumuConnections([connection]);
    const parsed = parseKumu(elementsOut, connectionsOut, divides);
    expect(
      parsed.elements.map((e) => [e.label, e.pseudonym, e.kind, e.role, e.track, e.gender, e.region]),
    ).toEqual([
      ['A-7K3F9Q', 'A-7K3F9Q', 'person', 'womens_leader', '2', 'woman', 'Vell Coast, north'],
      ['A-22222B', 'A-22222B', 'organisation', 'third_party', '1.5', null, null],
    ]);
    expect(parsed.elements[0].groups).toEqual([{ divide_id: 'd-community', group_id: 'g-d' }]);
    expect(parsed.connections[0]).toMatchObject(connection);
  });
});
