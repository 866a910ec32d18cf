// The columns of the matrix as the board shows them (ported from the Blazor board's BoardFields.cs). Field names
// come from the generated contract; labels, kinds and choices are the board's own.
import { MatrixFieldNames as F } from './contracts.g';

export type FieldKind =
  | 'text' | 'longText' | 'code' | 'number' | 'affair' | 'choice' | 'bool'
  | 'regions' | 'partnerOrganisations' | 'agency' | 'agencies' | 'readOnly';

export interface BoardField {
  name: string;
  id: string;
  en: string;
  kind: FieldKind;
  key: boolean;
  choices?: readonly string[];
  /** Column width in the grid (key fields only), in rem. */
  width?: number;
}

export const cooperationTypes = ['KSDD-wajib', 'KSDD-sukarela', 'KSDPK', 'KSDPL', 'KSDLL', 'Sinergi'] as const;
export const forms = ['pelayanan_publik', 'pengelolaan_aset', 'penanaman_modal', 'lainnya'] as const;
export const statuses = [
  'diusulkan', 'diverifikasi', 'dibahas_tkksd', 'ditetapkan', 'terintegrasi_rpjmd_rkpd', 'ditawarkan', 'kb_ditandatangani',
  'persetujuan_dprd', 'pks_ditandatangani', 'berjalan', 'berakhir', 'diperpanjang', 'dihentikan', 'ditolak', 'ditunda',
] as const;

const f = (name: string, id: string, en: string, kind: FieldKind, key = false, choices?: readonly string[], width?: number): BoardField =>
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
  f(F.Priority, 'Prioritas', 'Priority', 'choice', false, ['1', '2', '3']),
  f(F.Notes, 'Catatan', 'Notes', 'longText'),
  f(F.YearlyPlans, 'Rencana tahunan', 'Yearly plans', 'readOnly'),
];

export const keyFields = boardFields.filter(x => x.key);
export const detailFields = boardFields.filter(x => !x.key);
export const fieldByName = new Map(boardFields.map(x => [x.name, x]));

export const isMulti = (kind: FieldKind): boolean => kind === 'regions' || kind === 'partnerOrganisations' || kind === 'agencies';
