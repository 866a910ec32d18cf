// The columns of the matrix as the board shows them (ported from the Blazor board's BoardFields.cs). Field names
// come from the generated contract, and so do the choices with their labels (MatrixVocabulary: one source with the
// server's pages and exports); field labels and kinds are the board's own.
import { MatrixFieldNames as F, MatrixVocabulary as V } from './contracts.g';

export type FieldKind =
  | 'text' | 'longText' | 'code' | 'number' | 'decimal' | 'affair' | 'choice' | 'bool'
  | 'regions' | 'partnerOrganisations' | 'agency' | 'agencies' | 'readOnly';

export interface BoardField {
  name: string;
  id: string;
  en: string;
  kind: FieldKind;
  key: boolean;
  choices?: readonly Choice[];
  /** Column width in the grid (key fields only), in rem. */
  width?: number;
}

/** A code of a choice field with its labels. */
export interface Choice { readonly code: string; readonly id: string; readonly en: string }

export const cooperationTypes: readonly Choice[] = V.CooperationTypes;
export const forms: readonly Choice[] = V.Forms;
export const statuses: readonly Choice[] = V.Statuses;

/** The label of a code of a choice field (the code itself when the vocabulary does not know it). */
export function choiceLabel(field: BoardField | undefined, code: string, t: (id: string, en: string) => string): string {
  const choice = field?.choices?.find(c => c.code === code);
  return choice ? t(choice.id, choice.en) : code;
}

const f = (name: string, id: string, en: string, kind: FieldKind, key = false, choices?: readonly Choice[], width?: number): BoardField =>
  ({ name, id, en, kind, key, choices, width });

export const boardFields: readonly BoardField[] = [
  f(F.AffairCode, 'Urusan', 'Affair', 'affair', true, undefined, 9),
  f(F.Potential, 'Potensi', 'Potential', 'longText', true, undefined, 0),
  f(F.CooperationType, 'Jenis kerja sama', 'Type of cooperation', 'choice', true, cooperationTypes, 7.5),
  f(F.PartnerRegionCodes, 'Daerah mitra', 'Partner regions', 'regions', true, undefined, 9),
  f(F.StartYear, 'Tahun mulai', 'Start year', 'number', true, undefined, 4.5),
  f(F.DurationYears, 'Jangka waktu (tahun)', 'Duration (years)', 'number', true, undefined, 4.5),
  f(F.Status, 'Status', 'Status', 'choice', true, statuses, 8),
  f(F.SubAffairCode, 'Sub-urusan', 'Sub-affair', 'code'),
  f(F.CooperationObject, 'Objek kerja sama', 'Object of cooperation', 'longText'),
  f(F.PartnerOrganisationIds, 'Organisasi mitra', 'Partner organisations', 'partnerOrganisations'),
  f(F.Form, 'Bentuk', 'Form', 'choice', false, forms),
  f(F.Benefit, 'Manfaat', 'Benefit', 'longText'),
  f(F.ProgramCode, 'Kode program', 'Programme code', 'code'),
  f(F.ActivityCode, 'Kode kegiatan', 'Activity code', 'code'),
  f(F.SubActivityCode, 'Kode sub kegiatan', 'Sub-activity code', 'code'),
  f(F.DurationLegalBasis, 'Dasar hukum jangka waktu', 'Legal basis of the duration', 'text'),
  f(F.ResponsibleAgencyId, 'Perangkat daerah penanggung jawab', 'Responsible agency', 'agency'),
  f(F.SupportingAgencyIds, 'Perangkat daerah pendukung', 'Supporting agencies', 'agencies'),
  f(F.DprdApprovalRequired, 'Perlu persetujuan DPRD', 'DPRD approval required', 'bool'),
  f(F.DprdReason, 'Alasan DPRD', 'DPRD reason', 'text'),
  f(F.Priority, 'Prioritas', 'Priority', 'choice', false, V.Priorities),
  f(F.Notes, 'Catatan', 'Notes', 'longText'),
  f(F.Location, 'Lokasi', 'Location', 'text'),
  f(F.Problem, 'Permasalahan', 'Problem addressed', 'longText'),
  f(F.Unit, 'Satuan', 'Unit', 'text'),
  f(F.Baseline, 'Baseline', 'Baseline', 'decimal'),
  f(F.ForwardTarget, 'Target prakiraan maju', 'Forward estimate target', 'text'),
  f(F.ForwardBudget, 'Pagu prakiraan maju (Rp)', 'Forward estimate budget (Rp)', 'number'),
  f(F.RpjmdGoal, 'Sasaran RPJMD', 'RPJMD goal', 'longText'),
  f(F.RpjmdIndicator, 'Indikator sasaran RPJMD', 'RPJMD goal indicator', 'text'),
  f(F.CentralConsentRequired, 'Perlu persetujuan pemerintah pusat', 'Central government consent required', 'bool'),
  f(F.YearlyPlans, 'Rencana tahunan', 'Yearly plans', 'readOnly'),
];

export const keyFields = boardFields.filter(x => x.key);
export const detailFields = boardFields.filter(x => !x.key);
export const fieldByName = new Map(boardFields.map(x => [x.name, x]));

export const isMulti = (kind: FieldKind): boolean => kind === 'regions' || kind === 'partnerOrganisations' || kind === 'agencies';
