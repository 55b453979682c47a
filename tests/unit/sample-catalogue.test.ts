import assert from 'node:assert/strict';
import { test } from 'node:test';
import sample from '../../assets/catalogue/sample.json';
import {
  catalogueFileSchema,
  DELIVERY_CHANNELS,
  SERVICE_TYPES,
  type Bilingual,
  type CatalogueFile,
} from '../../main/core/contract/catalogue';

const catalogue: CatalogueFile = catalogueFileSchema.parse(sample);

/** Every bilingual text of the catalogue (titles, steps, documents, FAQ, …), with where it is. */
function texts(value: unknown, path = '$'): { path: string; text: Bilingual }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => texts(item, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const found: { path: string; text: Bilingual }[] = [];
  if ('fa' in value && typeof value.fa === 'string') found.push({ path, text: value as Bilingual });
  for (const [key, child] of Object.entries(value)) found.push(...texts(child, `${path}.${key}`));
  return found;
}

const duplicates = (codes: string[]) => codes.filter((code, i) => codes.indexOf(code) !== i);

test('the sample catalogue is a valid catalogue file, format 1', () => {
  assert.equal(catalogue.format, 1);
  assert.ok(catalogue.agencies.length > 0);
  assert.ok(catalogue.services.length > 0);
});

test('agency codes and service codes are unique', () => {
  assert.deepEqual(duplicates(catalogue.agencies.map((a) => a.code)), []);
  assert.deepEqual(duplicates(catalogue.services.map((s) => s.code)), []);
});

test('every service belongs to a listed agency, and every agency has a service', () => {
  const agencyCodes = new Set(catalogue.agencies.map((a) => a.code));
  for (const service of catalogue.services) {
    assert.ok(agencyCodes.has(service.agencyCode), `${service.code}: no agency ${service.agencyCode}`);
  }
  const served = new Set(catalogue.services.map((s) => s.agencyCode));
  assert.deepEqual(
    catalogue.agencies.filter((a) => !served.has(a.code)).map((a) => a.code),
    [],
  );
});

test('all four delivery channels and both service types occur (the audit counts b, c, d, e are non-zero)', () => {
  const deliveries = new Set(catalogue.services.map((s) => s.delivery));
  for (const delivery of DELIVERY_CHANNELS) assert.ok(deliveries.has(delivery), `no ${delivery} service`);
  const types = new Set(catalogue.services.map((s) => s.type));
  for (const type of SERVICE_TYPES) assert.ok(types.has(type), `no ${type} service`);
});

test('Persian text uses Persian ی and ک, never the Arabic letters, and every text has its English', () => {
  const all = texts(catalogue);
  assert.ok(all.length > 0);
  for (const { path, text } of all) {
    assert.doesNotMatch(text.fa, /[\u064A\u0643]/, `${path}: Arabic yeh or kaf in "${text.fa}"`);
    assert.ok(text.en?.trim(), `${path}: no English for "${text.fa}"`);
  }
});

test('no service asks for a copy or scan of the national card (seed 004)', () => {
  for (const service of catalogue.services) {
    for (const { path, text } of texts([...service.documents, ...service.steps], service.code)) {
      const fa = text.fa.includes('کارت ملی') && /کپی|تصویر|اسکن/.test(text.fa);
      const en = /national (id )?card/i.test(text.en ?? '') && /cop(y|ies)|scan|photocop/i.test(text.en ?? '');
      assert.ok(!fa && !en, `${path}: asks for a copy of the national card: ${text.fa}`);
    }
  }
});

test('all services but the suspended Justice Shares division are active', () => {
  const inactive = catalogue.services.filter((s) => !s.active);
  assert.equal(inactive.length, 1);
  assert.equal(inactive[0]?.title.fa, 'تقسیم سهام عدالت متوفیان');
});

test('every service is marked sample: its content is not from the agencies', () => {
  for (const service of catalogue.services) assert.equal(service.sample, true, `${service.code} is not marked sample`);
});
