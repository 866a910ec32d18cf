// Building edits from what was typed (board/edits.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cooperableAffairs, datalists, defaultNewAffair, draftText, editedValue, inputAttributes, listOf, newRowFields, selectOptions, updateOf, usesSelect } from '../src/board/edits';
import { fieldByName } from '../src/fields';
import { agency, en, id, own, partner, registry, row, values } from './board-fixture';

const field = (name: string) => fieldByName.get(name)!;

test('single values are parsed by kind: numbers, decimals with a comma, yes/no, affair and agency codes', () => {
  const v = values();
  assert.equal(editedValue(v, field('startYear'), [], ' 2026 '), 2026);
  assert.equal(editedValue(v, field('startYear'), [], 'soon'), 'soon');
  assert.equal(editedValue(v, field('baseline'), [], '12,5'), 12.5);
  assert.equal(editedValue(v, field('dprdApprovalRequired'), [], 'true'), true);
  assert.equal(editedValue(v, field('affairCode'), [], '1.03 Pekerjaan Umum'), '1.03');
  assert.equal(editedValue(v, field('responsibleAgencyId'), [], 'dlh-ks Dinas'), agency);
  assert.equal(editedValue(v, field('priority'), [], '2'), 2);
  assert.equal(editedValue(v, field('notes'), [], '   '), null);
});

test('a multi-value editor saves its chips and a code still typed, once each; no chips save nothing', () => {
  const v = values();
  assert.deepEqual(editedValue(v, field('partnerRegionCodes'), ['63'], '64 Kalimantan Timur'), ['63', '64']);
  assert.deepEqual(editedValue(v, field('partnerRegionCodes'), ['63', '63'], ''), ['63']);
  assert.deepEqual(editedValue(v, field('partnerOrganisationIds'), ['PT-AIR'], 'BAPPEDA-KS'), [partner, own]);
  assert.equal(editedValue(v, field('supportingAgencyIds'), [], ' '), null);
});

test('an edit becomes an update only when the value changed', () => {
  const r = row('r1', own, { potential: 'Air', partnerRegionCodes: ['63'] });
  assert.equal(updateOf(r, 'potential', 'Air'), null);
  assert.equal(updateOf(r, 'partnerRegionCodes', ['63']), null);
  assert.equal(updateOf(r, 'notes', null), null);
  assert.deepEqual(updateOf(r, 'potential', 'Air bersih'), { potential: 'Air bersih' });
  assert.deepEqual(updateOf(r, 'potential', null), { potential: null });
});

test('the text kept when a row goes while it is edited: chip labels and what is typed', () => {
  const v = values();
  assert.equal(draftText(v, field('partnerRegionCodes'), ['63'], 'Kal'), '63 Kalimantan Selatan, Kal');
  assert.equal(draftText(v, field('partnerOrganisationIds'), ['PT-AIR'], ''), 'PT Air Bersih');
  assert.equal(draftText(v, field('potential'), [], 'Air'), 'Air');
  assert.equal(draftText(v, undefined, ['x'], 'y'), 'y');
});

test('a new row starts with the chosen affair, and with the caller as responsible agency when it is one', () => {
  const reg = registry();
  assert.deepEqual(newRowFields('2.11', reg.organisation(own), own), { affairCode: '2.11', responsibleAgencyId: own });
  assert.deepEqual(newRowFields('', reg.organisation(partner), partner), {});
  assert.deepEqual(newRowFields('1.03', undefined, partner), { affairCode: '1.03' });
});

test('new rows are offered the cooperable affairs in code order, the caller\'s first cooperable one chosen', () => {
  const reg = registry();
  assert.deepEqual(cooperableAffairs(reg).map(a => a.code), ['1.03', '2.11']);
  assert.equal(defaultNewAffair(reg, own), '2.11');
  assert.equal(defaultNewAffair(reg, partner), '');
  assert.equal(defaultNewAffair(reg, 'ffffffff-0000-0000-0000-000000000000'), '');
});

test('choices and yes/no edit in a select; numbers in number inputs; codes offer their datalist', () => {
  assert.equal(usesSelect(field('status')), true);
  assert.equal(usesSelect(field('dprdApprovalRequired')), true);
  assert.equal(usesSelect(field('potential')), false);
  assert.deepEqual(selectOptions(en, field('dprdApprovalRequired')), [['true', 'Yes'], ['false', 'No']]);
  assert.deepEqual(selectOptions(id, field('priority'))[0], ['1', '1 (tinggi)']);
  assert.deepEqual(inputAttributes(en, field('baseline')), { type: 'number', step: 'any', list: null, placeholder: null });
  assert.deepEqual(inputAttributes(en, field('startYear')), { type: 'number', step: null, list: null, placeholder: null });
  assert.equal(inputAttributes(id, field('partnerRegionCodes')).placeholder, 'Cari lalu Enter; Enter kosong menyimpan');
  assert.deepEqual(['affairCode', 'partnerRegionCodes', 'partnerOrganisationIds', 'responsibleAgencyId', 'supportingAgencyIds', 'notes'].map(n => listOf(field(n))),
    ['affair-options', 'region-options', 'partner-options', 'agency-options', 'agency-options', null]);
});

test('the datalists hold cooperable affairs, regions, partners (not agencies) and agencies', () => {
  const lists = new Map(datalists(registry()).map(l => [l.id, l.options]));
  assert.deepEqual(lists.get('affair-options'), [['1.03', '1.03 Pekerjaan Umum'], ['2.11', '2.11 Lingkungan Hidup']]);
  assert.deepEqual(lists.get('region-options'), [['63', 'Kalimantan Selatan'], ['64', 'Kalimantan Timur']]);
  assert.deepEqual(lists.get('partner-options'), [['PT-AIR', 'PT Air Bersih']]);
  assert.deepEqual(lists.get('agency-options'), [['BAPPEDA-KS', 'Bappeda Kalimantan Selatan'], ['DLH-KS', 'Dinas Lingkungan Hidup']]);
});
