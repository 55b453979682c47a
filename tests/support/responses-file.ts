/**
 * The columns of a national-16 responses CSV, spelled out as the README documents them (not
 * read from the code, so that a change to the file's layout fails the tests).
 */
export const NATIONAL_16_ITEMS = Array.from({ length: 16 }, (_, i) => `q${i + 1}`);

export const NATIONAL_16_HEADER = [
  'date',
  'questionnaire',
  'service_code',
  'gender',
  'age',
  'education',
  'job',
  'visits',
  ...NATIONAL_16_ITEMS,
  'suggestion',
];
