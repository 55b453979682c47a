import type { Bilingual } from '../contract';

/**
 * Everything a service receipt (رسید خدمت) prints, already decided: the layout only draws.
 * Built from the request, its service and the terminal's settings; personal data arrives
 * here masked.
 */
export interface ReceiptData {
  /** The agency that delivers the service, and the office or kiosk that took the request. */
  agencyTitle: string;
  officeName: string;
  terminalNumber: number;
  serviceTitle: string;
  serviceCode: string;
  /** 11 digits; printed grouped (formatTrackingCode) and encoded in the QR code as it is. */
  trackingCode: string;
  /** The request's instant (ISO); printed as a Jalali date with weekday and time, Tehran clock. */
  createdAt: string;
  /** Jalali YYYY/MM/DD; printed with its weekday. */
  dueDate: string;
  dueDateEstimated: boolean;
  /** What the citizen must still bring (the service's documents). */
  documents: Bilingual[];
  /** Only the last digits: e.g. '******0899', '*******4567'. */
  maskedNationalCode: string | null;
  maskedLegalId: string | null;
  maskedMobile: string | null;
  /** A reprint, or a receipt printed again after a broken connection: marked as a copy. */
  copy: boolean;
}
