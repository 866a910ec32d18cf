// What the board reads from the Registry's public API for its pickers and labels (JSON, camelCase).
export interface AffairItem { code: string; name: string; cooperable: boolean; levels: string[] }
export interface OrganisationItem {
  id: string; code: string; name: string; shortName: string | null; kind: string; regionCode: string | null;
  affairCodes: string[]; active: boolean;
}
export interface RegionItem { code: string; type: string; name: string }
interface PageOf<T> { items: T[]; page: number; pageSize: number; total: number }

export class Registry {
  affairs = new Map<string, AffairItem>();
  organisations = new Map<string, OrganisationItem>();
  organisationsByCode = new Map<string, OrganisationItem>();
  regions = new Map<string, RegionItem>();

  static label(o: OrganisationItem): string { return o.shortName ? o.shortName : o.name; }

  async loadAffairs(): Promise<void> {
    const affairs = await getJson<AffairItem[]>('/api/registry/affairs');
    this.affairs = new Map(affairs.map(a => [a.code, a]));
  }

  async loadOrganisations(): Promise<void> {
    const all = await allPages<OrganisationItem>('/api/registry/organisations?active=true');
    this.organisations = new Map(all.map(o => [o.id.toLowerCase(), o]));
    this.organisationsByCode = new Map();
    for (const o of all) {
      const key = o.code.toUpperCase();
      if (!this.organisationsByCode.has(key)) this.organisationsByCode.set(key, o);
    }
  }

  async loadRegions(): Promise<void> {
    const all = await allPages<RegionItem>('/api/registry/regions?');
    this.regions = new Map(all.map(r => [r.code, r]));
  }

  organisation(id: string): OrganisationItem | undefined { return this.organisations.get(id.toLowerCase()); }

  organisationByCode(code: string): OrganisationItem | undefined { return this.organisationsByCode.get(code.toUpperCase()); }
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${response.status} ${url}`);
  return await response.json() as T;
}

async function allPages<T>(path: string): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; page <= 20; page++) {
    const separator = path.endsWith('?') ? '' : '&';
    const result = await getJson<PageOf<T>>(`${path}${separator}page=${page}&pageSize=500`);
    all.push(...result.items);
    if (all.length >= result.total || result.items.length === 0) break;
  }
  return all;
}
