import { shanghaiDateOf } from '@dw/kernel';
import type { FactoryResponseDto, GuaranteeResponseDto, IssuanceResponseDto } from '../factory.response.dto';
import { factoryView, guaranteeView } from '../factory.views';
import type { Handled } from './factory.command-handler';

// The answers of the commands, from the stream as the command left it: the read model may not have caught up.

/** The factory, with the terms in force on the command's day. */
export function factoryAnswer(handled: Handled): FactoryResponseDto {
  const { state } = handled;
  return factoryView(
    { factoryId: handled.factoryId, name: state.name ?? '', commodity: state.commodity ?? '', versions: state.versions },
    shanghaiDateOf(new Date(handled.at)),
  );
}

export function guaranteeAnswer(handled: Handled): GuaranteeResponseDto {
  return guaranteeView(handled.factoryId, handled.state);
}

/** The application the command was about, as it stands after it. */
export function issuanceAnswer(handled: Handled, applicationId: string): IssuanceResponseDto {
  const application = handled.state.applications[applicationId]!;
  return {
    applicationId,
    factoryId: handled.factoryId,
    tonnes: application.tonnes,
    status: application.status,
    decisionDue: application.decisionDue,
    issuedTonnes: handled.state.issuedTonnes,
  };
}
