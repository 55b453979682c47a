import type { ButtonHTMLAttributes } from 'react';

/** A button sized for a finger (64 px at the least) and for a mouse alike. */
export function TouchButton({ className, ...props }: ButtonHTMLAttributes<HTMLButtonElement>) {
  return <button type="button" className={['touch-button', className].filter(Boolean).join(' ')} {...props} />;
}
