package org.servicerecords.registry.client;

/**
 * Handles events delivered by {@link Auditor#watch}. Only events whose transaction shows that the
 * namespace's owner wrote them reach {@link #handle}; the others reach {@link #ignored} (see {@link
 * IgnoredEvent.Reason}).
 */
@FunctionalInterface
public interface EventHandler {

  /**
   * Handles one accepted event: its transaction is VALID and endorsed by a peer of the namespace's
   * owner (in governance, of a majority of the members), checked against the channel
   * configuration's roots. The checkpoint is written after this returns normally.
   *
   * @param event the event
   * @return true to go on listening, false to stop after this event
   * @throws Exception to stop listening without checkpointing this event
   */
  boolean handle(RegistryEventRecord event) throws Exception;

  /**
   * Told of an event that was not accepted, so that nothing is dropped silently. The checkpoint
   * moves past it once this returns normally, as for {@link #handle}, so it is not reported again
   * after a restart. The default does nothing ({@link Auditor#watch} still counts it in its {@link
   * WatchSummary}).
   *
   * @param event the ignored event and why
   * @throws Exception to stop listening without checkpointing this event
   */
  default void ignored(IgnoredEvent event) throws Exception {}
}
