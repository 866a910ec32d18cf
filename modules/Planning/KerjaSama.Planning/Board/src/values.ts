// How field values are shown, edited and parsed: labels from the Registry rather than raw codes.
import { MatrixFieldNames, type FieldValue } from './contracts.g';
import { type BoardField, choiceLabel, fieldByName } from './fields';
import { Registry } from './registry';
import type { Text } from './config';

export class Values {
  constructor(private readonly registry: Registry, private readonly t: Text, private readonly ownOrganisation: string, private readonly ownName: string) {}

  display(field: string, v: FieldValue | undefined): string {
    if (v === null || v === undefined) return '';
    const boardField = fieldByName.get(field);
    const kind = boardField?.kind ?? 'text';
    switch (kind) {
      case 'choice':
        return choiceLabel(boardField, String(v), this.t);
      case 'affair': {
        const code = String(v);
        const a = this.registry.affairs.get(code);
        return a ? `${code} ${a.name}` : code;
      }
      case 'regions':
        if (Array.isArray(v)) return v.map(c => String(c)).map(c => this.registry.regions.get(c)?.name ?? c).join(', ');
        break;
      case 'partnerOrganisations':
      case 'agencies':
        if (Array.isArray(v)) return v.map(id => this.organisationLabel(String(id))).join(', ');
        break;
      case 'agency':
        return this.organisationLabel(String(v));
      case 'bool':
        return v === true ? this.t('Ya', 'Yes') : this.t('Tidak', 'No');
      case 'readOnly':
        if (Array.isArray(v)) return this.t(`${v.length} rencana`, `${v.length} plans`);
        break;
    }
    return typeof v === 'string' ? v : JSON.stringify(v);
  }

  organisationLabel(id: string): string {
    const o = this.registry.organisation(id);
    return o ? Registry.label(o) : id;
  }

  ownerLabel(id: string): string {
    const o = this.registry.organisation(id);
    return o ? Registry.label(o) : id === this.ownOrganisation ? this.ownName : id.slice(0, 8);
  }

  /** The text an editor starts with. */
  draftOf(field: BoardField, v: FieldValue | undefined): string {
    if (v === null || v === undefined) return '';
    if (field.kind === 'agency') {
      const o = this.registry.organisation(String(v));
      if (o) return o.code;
    }
    if (typeof v === 'string') return v;
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (typeof v === 'number') return String(v);
    return JSON.stringify(v);
  }

  /** The codes a multi-value editor starts with (organisations by their code). */
  codes(field: BoardField, v: FieldValue | undefined): string[] {
    if (!Array.isArray(v)) return [];
    return v.map(item => {
      const raw = typeof item === 'string' ? item : JSON.stringify(item);
      if (field.kind === 'regions') return raw;
      return this.registry.organisation(raw)?.code ?? raw;
    });
  }

  chipLabel(field: BoardField, code: string): string {
    if (field.kind === 'regions') {
      const r = this.registry.regions.get(code);
      return r ? `${code} ${r.name}` : code;
    }
    const o = this.registry.organisationByCode(code);
    return o ? Registry.label(o) : code;
  }

  parse(field: BoardField, draft: string): FieldValue {
    const text = draft.trim();
    if (text.length === 0) return null;
    switch (field.kind) {
      case 'number': return /^[+-]?\d+$/.test(text) ? parseInt(text, 10) : text;
      case 'decimal': return /^[+-]?\d+([.,]\d+)?$/.test(text) ? parseFloat(text.replace(',', '.')) : text;
      case 'bool': return text === 'true';
      case 'affair': return codeOf(text);
      case 'agency': return this.registry.organisationByCode(codeOf(text))?.id ?? (isGuid(text) ? text.toLowerCase() : text);
      case 'choice': return field.name === MatrixFieldNames.Priority && /^\d+$/.test(text) ? parseInt(text, 10) : draft;
      default: return draft;
    }
  }

  multiValue(field: BoardField, codes: string[]): FieldValue {
    const unique = [...new Set(codes)];
    if (field.kind === 'regions') return unique;
    return [...new Set(unique.map(c => this.registry.organisationByCode(c)?.id ?? (isGuid(c) ? c.toLowerCase() : c)))];
  }
}

export function codeOf(text: string): string {
  const trimmed = text.trim();
  const cut = trimmed.indexOf(' ');
  return cut < 0 ? trimmed : trimmed.slice(0, cut);
}

export const same = (a: FieldValue | undefined, b: FieldValue | undefined): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const isGuid = (s: string): boolean => /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(s);
