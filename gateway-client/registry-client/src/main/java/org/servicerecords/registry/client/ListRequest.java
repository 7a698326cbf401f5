package org.servicerecords.registry.client;

import java.util.Objects;
import java.util.Optional;

/**
 * One page of a listing ({@link Auditor#list}): the namespace, the index and its value, and
 * optionally the page size ({@value #DEFAULT_PAGE_SIZE} when absent) and the previous page's
 * bookmark (the first page when absent). Immutable.
 *
 * <pre>{@code
 * RecordPage first = auditor.list(ListRequest.of("JusticeMSP", ListQuery.TYPE, "NOTARIAL").build());
 * RecordPage next =
 *     auditor.list(
 *         ListRequest.of("JusticeMSP", ListQuery.TYPE, "NOTARIAL")
 *             .pageSize(50)
 *             .bookmark(first.bookmark())
 *             .build());
 * }</pre>
 */
public final class ListRequest {

  /** The page size when none is given. */
  public static final int DEFAULT_PAGE_SIZE = 100;

  /** The largest page size the contract serves. */
  public static final int MAX_PAGE_SIZE = 500;

  private final String namespace;
  private final ListQuery query;
  private final String value;
  private final int pageSize;
  private final String bookmark;

  private ListRequest(Builder builder) {
    this.namespace = builder.namespace;
    this.query = builder.query;
    this.value = builder.value;
    this.pageSize = builder.pageSize;
    this.bookmark = builder.bookmark;
  }

  /**
   * Starts a listing.
   *
   * @param namespace the namespace (or its agency's MSP id)
   * @param query the index
   * @param value the indexed value (document type, subject reference or application id)
   * @return the builder
   */
  public static Builder of(String namespace, ListQuery query, String value) {
    return new Builder(
        Objects.requireNonNull(namespace, "namespace"),
        Objects.requireNonNull(query, "query"),
        Objects.requireNonNull(value, "value"));
  }

  /**
   * Returns the namespace.
   *
   * @return the namespace or MSP id
   */
  public String namespace() {
    return namespace;
  }

  /**
   * Returns the index.
   *
   * @return the index
   */
  public ListQuery query() {
    return query;
  }

  /**
   * Returns the indexed value.
   *
   * @return the value
   */
  public String value() {
    return value;
  }

  /**
   * Returns the page size.
   *
   * @return the page size as given (the contract serves 1 to {@value #MAX_PAGE_SIZE})
   */
  public int pageSize() {
    return pageSize;
  }

  /**
   * Returns the previous page's bookmark.
   *
   * @return the bookmark, or empty for the first page
   */
  public Optional<String> bookmark() {
    return Optional.ofNullable(bookmark);
  }

  /** Builds a {@link ListRequest}. */
  public static final class Builder {
    private final String namespace;
    private final ListQuery query;
    private final String value;
    private int pageSize = DEFAULT_PAGE_SIZE;
    private String bookmark;

    private Builder(String namespace, ListQuery query, String value) {
      this.namespace = namespace;
      this.query = query;
      this.value = value;
    }

    /**
     * Sets the page size.
     *
     * @param size 1 to {@value #MAX_PAGE_SIZE} (the contract refuses others with {@code
     *     INVALID_ARGUMENT})
     * @return this builder
     */
    public Builder pageSize(int size) {
      this.pageSize = size;
      return this;
    }

    /**
     * Continues after a previous page.
     *
     * @param previous the previous page's bookmark; {@code null} or empty for the first page
     * @return this builder
     */
    public Builder bookmark(String previous) {
      this.bookmark = previous == null || previous.isEmpty() ? null : previous;
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     */
    public ListRequest build() {
      return new ListRequest(this);
    }
  }
}
