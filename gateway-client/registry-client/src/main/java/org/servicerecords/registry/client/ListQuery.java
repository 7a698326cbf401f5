package org.servicerecords.registry.client;

/** The indexes a records namespace can be listed by. */
public enum ListQuery {
  /** By document type. */
  TYPE("ListByType"),
  /** By subject reference. */
  SUBJECT("ListBySubject"),
  /** By application id. */
  APPLICATION("ListByApplication");

  private final String function;

  ListQuery(String function) {
    this.function = function;
  }

  /**
   * Returns the contract function that serves it.
   *
   * @return the function name
   */
  public String function() {
    return function;
  }
}
