// Building edits from what was typed, without the DOM: the value an editor saves, the update it becomes (none when
// nothing changed), the fields of a new row, what an editor starts with and offers, and the datalists of codes.
import { MatrixFieldNames as F, type FieldValue } from '../contracts.g';
import type { Text } from '../config';
import { type BoardField, isMulti } from '../fields';
import type { AffairItem, OrganisationItem, Registry } from '../registry';
import type { ReplicaRow as Row } from '../sync/engine';
import { type Values, codeOf, same } from '../values';
import { ordinal } from './grid';

/** The value an editor saves: the chips (and a code still typed) of a multi-value field, else the parsed text. */
export function editedValue(values: Values, f: BoardField, chips: readonly string[], typed: string): FieldValue {
  if (!isMulti(f.kind)) return values.parse(f, typed);
  const codes = [...chips];
  if (typed.trim().length > 0) codes.push(codeOf(typed));
  return codes.length === 0 ? null : values.multiValue(f, codes);
}

/** The fields of the update an edit makes, or null when the value did not change. */
export const updateOf = (row: Row, field: string, value: FieldValue): Record<string, FieldValue> | null =>
  same(row.fields[field], value) ? null : { [field]: value };

/** The text of an open editor as kept for copying when its row goes: the chips' labels and what is typed. */
export function draftText(values: Values, f: BoardField | undefined, chips: readonly string[], typed: string): string {
  if (f && isMulti(f.kind)) return [...chips.map(c => values.chipLabel(f, c)), typed].filter(s => s.length > 0).join(', ');
  return typed;
}

/** The fields a new row starts with: the chosen affair, and the caller's agency as the responsible one. */
export function newRowFields(affair: string, own: OrganisationItem | undefined, organisationId: string): Record<string, FieldValue> {
  const fields: Record<string, FieldValue> = {};
  if (affair.length > 0) fields[F.AffairCode] = affair;
  if (own?.kind === 'agency') fields[F.ResponsibleAgencyId] = organisationId;
  return fields;
}

/** The affairs rows may be added under (cooperable ones), in code order. */
export const cooperableAffairs = (registry: Registry): AffairItem[] =>
  [...registry.affairs.values()].filter(a => a.cooperable).sort((a, b) => ordinal(a.code, b.code));

/** The new-row affair preselected for the caller: the first cooperable affair of its organisation, else none. */
export const defaultNewAffair = (registry: Registry, organisationId: string): string =>
  registry.organisation(organisationId)?.affairCodes.find(code => registry.affairs.get(code)?.cooperable) ?? '';

/** The options of a select editor (choices and yes/no), value first. */
export function selectOptions(t: Text, f: BoardField): [string, string][] {
  return f.kind === 'bool' ? [['true', t('Ya', 'Yes')], ['false', t('Tidak', 'No')]] : (f.choices ?? []).map(c => [c.code, t(c.id, c.en)]);
}

export const usesSelect = (f: BoardField): boolean => f.kind === 'choice' || f.kind === 'bool';

/** The attributes of a text editor: number inputs for numbers, the datalist of codes, the multi-value hint. */
export function inputAttributes(t: Text, f: BoardField): { type: string | null; step: string | null; list: string | null; placeholder: string | null } {
  return {
    type: f.kind === 'number' || f.kind === 'decimal' ? 'number' : null,
    step: f.kind === 'decimal' ? 'any' : null,
    list: listOf(f),
    placeholder: isMulti(f.kind) ? t('Cari lalu Enter; Enter kosong menyimpan', 'Search then Enter; empty Enter saves') : null,
  };
}

/** The datalist an editor offers its codes from, or null. */
export function listOf(f: BoardField): string | null {
  switch (f.kind) {
    case 'affair': return 'affair-options';
    case 'regions': return 'region-options';
    case 'partnerOrganisations': return 'partner-options';
    case 'agency': case 'agencies': return 'agency-options';
    default: return null;
  }
}

/** The datalists of codes the editors share, from the Registry. */
export function datalists(registry: Registry): { id: string; options: [string, string][] }[] {
  const organisations = [...registry.organisations.values()];
  return [
    { id: 'affair-options', options: [...registry.affairs.values()].filter(a => a.cooperable).map(a => [a.code, `${a.code} ${a.name}`]) },
    { id: 'region-options', options: [...registry.regions.values()].map(x => [x.code, x.name]) },
    { id: 'partner-options', options: organisations.filter(o => o.kind !== 'agency').map(o => [o.code, o.name]) },
    { id: 'agency-options', options: organisations.filter(o => o.kind === 'agency').map(o => [o.code, o.name]) },
  ];
}
