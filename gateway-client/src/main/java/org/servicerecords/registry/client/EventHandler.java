package org.servicerecords.registry.client;

/** Handles events delivered by {@link Auditor#watch}. */
@FunctionalInterface
public interface EventHandler {

  /**
   * Handles one event. The checkpoint is written after this returns normally.
   *
   * @param event the event
   * @return true to go on listening, false to stop after this event
   * @throws Exception to stop listening without checkpointing this event
   */
  boolean handle(RegistryEventRecord event) throws Exception;
}
