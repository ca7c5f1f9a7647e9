import { DomainEventHandler, DomainEventName, EventPhase } from './domain-events';

export const DOMAIN_EVENT_HANDLER = Symbol('DOMAIN_EVENT_HANDLER');

export interface OnEventOptions {
  event: DomainEventName;
  phase: EventPhase;
}

/**
 * Marks a provider method as a handler of a domain event in one phase; found at start-up by
 * DomainEventBus. The method's parameters must match the event's payload (checked by the compiler).
 */
export function OnEvent<E extends DomainEventName>(event: E, phase: EventPhase) {
  return <T extends DomainEventHandler<E>>(_target: object, _key: string | symbol, descriptor: TypedPropertyDescriptor<T>) => {
    const method = descriptor.value as object;
    const marks: OnEventOptions[] = Reflect.getMetadata(DOMAIN_EVENT_HANDLER, method) ?? [];
    Reflect.defineMetadata(DOMAIN_EVENT_HANDLER, [...marks, { event, phase }], method);
  };
}
