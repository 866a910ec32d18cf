// A Registry and Values as the board holds them once the Registry loaded, and rows as the sync engine gives them.
import { textFor } from '../src/config';
import { Registry } from '../src/registry';
import type { ReplicaRow } from '../src/sync/engine';
import { Values } from '../src/values';

export const own = '0a000000-0000-0000-0000-00000000000a';
export const partner = '0b000000-0000-0000-0000-00000000000b';
export const agency = '0c000000-0000-0000-0000-00000000000c';
export const me = 'a11ce000-0000-0000-0000-000000000001';

export const en = textFor('en');
export const id = textFor('id');

export function registry(): Registry {
  const r = new Registry();
  r.affairs = new Map([
    ['1.03', { code: '1.03', name: 'Pekerjaan Umum', cooperable: true, levels: [] }],
    ['2.11', { code: '2.11', name: 'Lingkungan Hidup', cooperable: true, levels: [] }],
    ['1.01', { code: '1.01', name: 'Pendidikan', cooperable: false, levels: [] }],
  ]);
  const orgs = [
    { id: own, code: 'BAPPEDA-KS', name: 'Bappeda Kalimantan Selatan', shortName: 'Bappeda Kalsel', kind: 'agency', regionCode: '63', affairCodes: ['1.01', '2.11', '1.03'], active: true },
    { id: partner, code: 'PT-AIR', name: 'PT Air Bersih', shortName: null, kind: 'company', regionCode: null, affairCodes: [], active: true },
    { id: agency, code: 'DLH-KS', name: 'Dinas Lingkungan Hidup', shortName: 'DLH', kind: 'agency', regionCode: '63', affairCodes: [], active: true },
  ];
  r.organisations = new Map(orgs.map(o => [o.id, o]));
  r.organisationsByCode = new Map(orgs.map(o => [o.code.toUpperCase(), o]));
  r.regions = new Map([['63', { code: '63', type: 'province', name: 'Kalimantan Selatan' }], ['64', { code: '64', type: 'province', name: 'Kalimantan Timur' }]]);
  return r;
}

export const values = (language = 'en', reg = registry()): Values => new Values(reg, textFor(language), own, 'Bappeda Kalsel');

let order = 0;
export function row(rowId: string, owner: string, fields: ReplicaRow['fields'], extra: Partial<ReplicaRow> = {}): ReplicaRow {
  return { id: rowId, owner, fields, seq: 1, order: order++, ver: 1, ...extra } as ReplicaRow;
}
