import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DomainEventBus } from './domain-event-bus';

/** The domain event bus, for every lib (PlatformModule imports it). */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [DomainEventBus],
  exports: [DomainEventBus],
})
export class EventsModule {}
