import type { DocumentCheck } from '../contract';
import { findService } from '../catalogue/store';
import type { Db } from '../db/connection';
import { findByTrackingCode } from '../requests/rows';
import { DomainError, type Handler } from '../router';

interface TickRow {
  position: number;
  title_fa: string;
  received: number;
  updated_at: string;
  updated_by: string;
}

/**
 * The service's documents (from the catalogue) with what the citizen has handed in. A tick is
 * matched by its place and its Persian title: if the catalogue's list changed since, a tick
 * for a document that is no longer at that place does not count.
 */
export function documentChecklist(db: Db, trackingCode: string): DocumentCheck[] {
  const request = findByTrackingCode(db, trackingCode);
  if (!request) throw new DomainError('requests.not_found');
  const documents = findService(db, request.service_code)?.service.documents ?? [];
  const ticks = new Map(
    (
      db
        .prepare(
          'SELECT position, title_fa, received, updated_at, updated_by FROM request_documents WHERE request_id = ?',
        )
        .all(request.id) as TickRow[]
    ).map((row) => [row.position, row]),
  );
  return documents.map((title, index) => {
    const tick = ticks.get(index);
    const same = tick !== undefined && tick.title_fa === title.fa;
    return {
      index,
      title,
      received: same && tick.received === 1,
      updatedBy: same ? tick.updated_by : null,
      updatedAt: same ? tick.updated_at : null,
    };
  });
}

export function documentHandlers(
  db: Db,
  now: () => Date = () => new Date(),
): { 'documents.list': Handler<'documents.list'>; 'documents.mark': Handler<'documents.mark'> } {
  return {
    'documents.list': ({ trackingCode }) => documentChecklist(db, trackingCode),
    'documents.mark': ({ trackingCode, index, received }, caller) =>
      db
        .transaction(() => {
          const request = findByTrackingCode(db, trackingCode);
          if (!request) throw new DomainError('requests.not_found');
          const title = findService(db, request.service_code)?.service.documents[index];
          if (!title) throw new DomainError('documents.not_found');
          db.prepare(
            `INSERT INTO request_documents (request_id, position, title_fa, received, updated_at, updated_by)
             VALUES (@requestId, @index, @title, @received, @at, @actor)
             ON CONFLICT (request_id, position) DO UPDATE SET title_fa = excluded.title_fa, received = excluded.received,
               updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
          ).run({
            requestId: request.id,
            index,
            title: title.fa,
            received: received ? 1 : 0,
            at: now().toISOString(),
            actor: caller.actor,
          });
          return documentChecklist(db, trackingCode);
        })
        .immediate(),
  };
}
