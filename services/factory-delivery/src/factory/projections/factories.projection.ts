import type { Projection } from '@dw/projections';
import type { FactoryEvent } from '../domain/factory.events';

/**
 * Factories (name, commodity, guarantee, demand, reduction asked for, tonnes issued), every
 * version of their terms in the order recorded, and every issuance application with its decision.
 */
export const factoriesProjection: Projection<'factories' | 'factory_terms' | 'issuance_applications', FactoryEvent> = {
  name: 'factories',
  tables: {
    factories: (t) => `CREATE TABLE ${t} (
      factory_id text PRIMARY KEY,
      name text NOT NULL,
      commodity text NOT NULL,
      approved_at timestamptz NOT NULL,
      guarantee_letter text,
      guarantee_bank text,
      guarantee_amount_fen bigint,
      guarantee_valid_to text,
      demand_required_fen bigint,
      demand_deadline text,
      reduction_requested_fen bigint,
      issued_tonnes bigint NOT NULL DEFAULT 0
    )`,
    factory_terms: (t) => `CREATE TABLE ${t} (
      factory_id text NOT NULL,
      version_no integer NOT NULL,
      effective_from text NOT NULL,
      terms jsonb NOT NULL,
      recorded_at timestamptz NOT NULL,
      PRIMARY KEY (factory_id, version_no)
    )`,
    issuance_applications: (t) => `CREATE TABLE ${t} (
      application_id text PRIMARY KEY,
      factory_id text NOT NULL,
      commodity text NOT NULL,
      grade text NOT NULL,
      brand text NOT NULL,
      member text NOT NULL,
      owner text NOT NULL,
      tonnes bigint NOT NULL,
      status text NOT NULL,
      decision_due text NOT NULL,
      overdue boolean NOT NULL DEFAULT false,
      applied_at timestamptz NOT NULL,
      decided_at timestamptz,
      decided_by text,
      reason text
    )`,
  },
  eventTypes: [
    'FactoryApproved',
    'FactoryTermsChanged',
    'GuaranteeProvided',
    'GuaranteeAdjustmentDemanded',
    'GuaranteeReductionRequested',
    'GuaranteeReduced',
    'IssuanceApplied',
    'IssuanceApproved',
    'IssuanceRejected',
    'IssuanceDecisionOverdue',
  ],
  async apply(tx, events, tables) {
    const addTerms = (factoryId: string, terms: { effectiveFrom: string }, at: string) =>
      tx.query(
        `INSERT INTO ${tables.factory_terms} (factory_id, version_no, effective_from, terms, recorded_at)
         SELECT $1, COALESCE(MAX(version_no), 0) + 1, $2, $3, $4 FROM ${tables.factory_terms} WHERE factory_id = $1`,
        [factoryId, terms.effectiveFrom, JSON.stringify(terms), at],
      );
    for (const event of events) {
      switch (event.type) {
        case 'FactoryApproved':
          await tx.query(`INSERT INTO ${tables.factories} (factory_id, name, commodity, approved_at) VALUES ($1, $2, $3, $4)`, [
            event.data.factoryId,
            event.data.name,
            event.data.commodity,
            event.data.at,
          ]);
          await addTerms(event.data.factoryId, event.data.terms, event.data.at);
          break;
        case 'FactoryTermsChanged':
          await addTerms(event.data.factoryId, event.data.terms, event.data.at);
          break;
        case 'GuaranteeProvided': {
          const { factoryId, guarantee } = event.data;
          // A lodged guarantee that reaches the demanded amount meets the demand (as the decider's evolve does).
          await tx.query(
            `UPDATE ${tables.factories} SET guarantee_letter = $2, guarantee_bank = $3, guarantee_amount_fen = $4, guarantee_valid_to = $5,
               reduction_requested_fen = NULL,
               demand_deadline = CASE WHEN demand_required_fen <= $4 THEN NULL ELSE demand_deadline END,
               demand_required_fen = CASE WHEN demand_required_fen <= $4 THEN NULL ELSE demand_required_fen END
             WHERE factory_id = $1`,
            [factoryId, guarantee.letterNumber, guarantee.issuingBank, guarantee.amountFen, guarantee.validTo],
          );
          break;
        }
        case 'GuaranteeAdjustmentDemanded':
          await tx.query(`UPDATE ${tables.factories} SET demand_required_fen = $2, demand_deadline = $3 WHERE factory_id = $1`, [
            event.data.factoryId,
            event.data.requiredFen,
            event.data.deadline,
          ]);
          break;
        case 'GuaranteeReductionRequested':
          await tx.query(`UPDATE ${tables.factories} SET reduction_requested_fen = $2 WHERE factory_id = $1`, [event.data.factoryId, event.data.requestedFen]);
          break;
        case 'GuaranteeReduced':
          await tx.query(`UPDATE ${tables.factories} SET guarantee_amount_fen = $2, reduction_requested_fen = NULL WHERE factory_id = $1`, [
            event.data.factoryId,
            event.data.amountFen,
          ]);
          break;
        case 'IssuanceApplied': {
          const { factoryId, applicationId, request, decisionDue, at } = event.data;
          await tx.query(
            `INSERT INTO ${tables.issuance_applications}
               (application_id, factory_id, commodity, grade, brand, member, owner, tonnes, status, decision_due, applied_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9, $10)`,
            [applicationId, factoryId, request.commodity, request.grade, request.brand, request.member, request.owner, request.tonnes, decisionDue, at],
          );
          break;
        }
        case 'IssuanceApproved':
          await tx.query(`UPDATE ${tables.issuance_applications} SET status = 'approved', decided_at = $2, decided_by = $3 WHERE application_id = $1`, [
            event.data.applicationId,
            event.data.at,
            event.data.actor.subject,
          ]);
          await tx.query(`UPDATE ${tables.factories} SET issued_tonnes = $2 WHERE factory_id = $1`, [event.data.factoryId, event.data.issuedTonnes]);
          break;
        case 'IssuanceRejected':
          await tx.query(
            `UPDATE ${tables.issuance_applications} SET status = 'rejected', decided_at = $2, decided_by = $3, reason = $4 WHERE application_id = $1`,
            [event.data.applicationId, event.data.at, event.data.actor.subject, event.data.reason],
          );
          break;
        case 'IssuanceDecisionOverdue':
          await tx.query(`UPDATE ${tables.issuance_applications} SET overdue = true WHERE application_id = $1`, [event.data.applicationId]);
          break;
      }
    }
  },
};
