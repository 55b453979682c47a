import type { ReactNode } from 'react';
import { DateTime } from '../ui/DateTime';
import { LanguageSwitch } from '../ui/LanguageSwitch';

/** One page of the admin face: the bar with its title, the clock and the languages, then its panels. */
export function AdminPage({ title, className, children }: { title: string; className?: string; children: ReactNode }) {
  return (
    <div className="desk">
      <header className="desk__bar">
        <h1 className="desk__title">{title}</h1>
        <DateTime className="desk__clock" />
        <LanguageSwitch />
      </header>
      <main className={['desk__main', 'admin-page', className].filter(Boolean).join(' ')}>{children}</main>
    </div>
  );
}
