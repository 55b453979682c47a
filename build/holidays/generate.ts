// Writes assets/holidays/holidays.json from the sources in build/holidays/source/:
//   node --import tsx build/holidays/generate.ts
// Run it when the sources change (a new year's calendar, newly observed month starts).
import fs from 'node:fs';
import prettier from 'prettier';
import { generateHolidays, OUTPUT } from './holidays';

const data = generateHolidays();
const options = { ...(await prettier.resolveConfig(OUTPUT)), filepath: OUTPUT };
fs.writeFileSync(OUTPUT, await prettier.format(JSON.stringify(data, null, 2), options));
const estimated = data.holidays.filter((holiday) => holiday.estimated).length;
console.log(
  `${OUTPUT}: ${data.holidays.length} holidays of ${data.firstYear}-${data.lastYear}, ${estimated} estimated ` +
    `(months observed until ${data.observedUntil}; estimates are Umm al-Qura ${data.estimateOffsetDays >= 0 ? '+' : ''}${data.estimateOffsetDays} day)`,
);
