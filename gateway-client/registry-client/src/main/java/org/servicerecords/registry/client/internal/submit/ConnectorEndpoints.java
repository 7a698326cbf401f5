package org.servicerecords.registry.client.internal.submit;

/**
 * The {@link EndpointOrder} of a connector's endpoints, for the endpoints over Fabric's Gateway.
 */
public abstract class ConnectorEndpoints implements EndpointOrder {

  /** The connector whose endpoints these are. */
  protected final Connector connector;

  /**
   * Endpoints over a connector.
   *
   * @param connector the connector
   */
  protected ConnectorEndpoints(Connector connector) {
    this.connector = connector;
  }

  @Override
  public final int count() {
    return connector.endpointCount();
  }

  @Override
  public final int preferred() {
    return connector.preferred();
  }

  @Override
  public final void answered(int index) {
    connector.answered(index);
  }

  /**
   * Names an endpoint.
   *
   * @param index the endpoint's index
   * @return its address ({@code host:port})
   */
  public final String address(int index) {
    return connector.address(index);
  }
}
