import { Command } from '@dw/kernel';
import { OrderAuthorityClosed, OrderAuthorityOpened, OrderAuthorityStepRecorded } from './order-authority.events';

export type NoteOrderOpened = Command<'NoteOrderOpened', OrderAuthorityOpened['data']>;
export type NoteOrderStep = Command<'NoteOrderStep', OrderAuthorityStepRecorded['data']>;
export type NoteOrderClosed = Command<'NoteOrderClosed', OrderAuthorityClosed['data']>;

export type OrderAuthorityCommand = NoteOrderOpened | NoteOrderStep | NoteOrderClosed;
