import { notFoundNamed } from '../../lib/errors.ts';
import { CASE_KIND_WORDS } from '../../model/cases/glossary.ts';
import { labelOf } from '../../model/glossary.ts';
import { OPEN311_ATTRIBUTES } from '../../model/open311/attributes.ts';
import {
  ALL_SERVICES,
  OPEN311_CATEGORIES,
  SERVICE_DESCRIPTIONS,
  parseServiceCode,
  serviceCode,
  serviceName,
  type Language,
} from '../../model/open311/services.ts';

/** GET services: every kind in every category, always public (it names no case). */
export function listServices(lang: Language) {
  return ALL_SERVICES.map((service) => ({
    service_code: serviceCode(service),
    service_name: serviceName(service, lang),
    description: SERVICE_DESCRIPTIONS[service.kind][lang],
    // Every service asks for the Annex 3 fields GeoReport v2 lacks: its definition lists them.
    metadata: true,
    // A posted request is filed at once and answered with its id.
    type: 'realtime' as const,
    keywords: OPEN311_CATEGORIES[service.category].keywords[lang],
    group: labelOf(CASE_KIND_WORDS[service.kind], lang),
  }));
}

/** GET services/{code}: the attributes a request of the service carries, in the order a form asks for them. */
export function serviceDefinition(code: string, lang: Language) {
  if (!parseServiceCode(code)) throw notFoundNamed(`service_code ${code}`);
  return {
    service_code: code,
    attributes: OPEN311_ATTRIBUTES.map((attribute, index) => ({
      variable: true,
      code: attribute.code,
      datatype: attribute.datatype,
      required: attribute.required,
      datatype_description: 'datatypeDescription' in attribute ? attribute.datatypeDescription[lang] : null,
      order: index + 1,
      description: attribute.description[lang],
      ...('values' in attribute ? { values: attribute.values.map((v) => ({ key: v.key, name: v.name[lang] })) } : {}),
    })),
  };
}
