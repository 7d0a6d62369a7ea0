import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { EventStore, loadAggregate } from '@dw/event-store';
import { refuse } from '@dw/kernel';
import { assertOwnParty, CurrentPrincipal, Roles, type Principal } from '@dw/platform';
import { gateOrderDecider } from '../../../appointment/domain/gate-order.decider';
import { streams } from '../../../common/events/streams';
import { visitIdOfPass } from '../../domain/exit-pass';
import { visitDecider } from '../../domain/visit.decider';
import { ExitPassSigner } from '../../exit-pass-signer';
import { ExitPassResponseDto, ExitPassSigningKeyResponseDto } from '../../weighbridge.response.dto';

/**
 * Exit passes, for the gate's staff and for the depositor whose order it is (another party's
 * pass answers 404 like a missing one), each with its signature checked against the gate's key.
 */
@Controller('exit-passes')
@Roles('gate_guard', 'manager', 'ops', 'depositor')
export class ExitPassHttpController {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ExitPassSigner) private readonly signer: ExitPassSigner,
  ) {}

  @Get('signing-key')
  @ApiOkResponse({ type: ExitPassSigningKeyResponseDto, description: 'the gate’s Ed25519 public key for exit passes (SPKI PEM)' })
  signingKey(): ExitPassSigningKeyResponseDto {
    return { publicKeyPem: this.signer.publicKeyPem };
  }

  @Get(':passNumber')
  @ApiOkResponse({ type: ExitPassResponseDto, description: 'the pass, its signature and whether it verifies; 404 EXIT_PASS_NOT_FOUND' })
  async pass(@Param('passNumber') passNumber: string, @CurrentPrincipal() principal: Principal): Promise<ExitPassResponseDto> {
    const missing = () => refuse.notFound('EXIT_PASS_NOT_FOUND', `no exit pass ${passNumber}`, { passNumber });
    const visitId = visitIdOfPass(passNumber);
    if (visitId === null) throw missing();
    const found = await this.store.transaction(async (tx) => {
      const { state } = await loadAggregate(tx, streams.visit(visitId).streamId, visitDecider);
      if (state.pass === null || state.pass.passNumber !== passNumber) return null;
      const order = await loadAggregate(tx, streams.gateOrder(state.pass.orderId).streamId, gateOrderDecider);
      return { pass: state.pass, ownerPartyId: order.state.authority?.ownerPartyId ?? '' };
    });
    if (found === null) throw missing();
    // rule GATE-EXIT-PASS
    assertOwnParty(principal, found.ownerPartyId, missing);
    const { signature, actor: _actor, ...pass } = found.pass;
    return { ...pass, loadOutNoteIds: [...pass.loadOutNoteIds], signature, valid: this.signer.verify(pass, signature) };
  }
}
