package org.servicerecords.registry.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The bookmark walk of the {@code list-page} workload: which page each operation reads. Pages are
 * handed out in order, each with the bookmark the previous page returned (the first page with
 * none); after the last page (an empty bookmark) the walk starts again from the first. Thread-safe.
 *
 * <p>A page's bookmark is known only once the page before it has been read, so with more than one
 * operation in flight the next page in order may not be known yet; such an operation re-reads a
 * page already known (round robin over them) rather than wait: every operation still reads one page
 * of the same listing at the current ledger size. With a window of 1 the walk is strictly
 * sequential. A failed read of the newest known page hands that page out again, so a failure never
 * stalls the walk.
 */
final class PageWalk {

  /** One page to read: its position in the walk and the bookmark to pass ("" for the first). */
  record Claim(int page, String bookmark) {}

  /** {@code starts.get(i)}: the bookmark that reads page {@code i}. */
  private final List<String> starts = new ArrayList<>(List.of(""));

  private int cursor;
  private int lastPage = -1;
  private long rereads;
  private long restarts;

  /**
   * Returns the next page to read.
   *
   * @return the page and its bookmark
   */
  synchronized Claim claim() {
    if (lastPage >= 0 && cursor > lastPage) {
      cursor = 0;
      restarts++;
    }
    if (cursor < starts.size()) {
      int page = cursor++;
      return new Claim(page, starts.get(page));
    }
    int page = (int) (rereads++ % starts.size());
    return new Claim(page, starts.get(page));
  }

  /**
   * Records a page read.
   *
   * @param page the page read ({@link Claim#page()})
   * @param next the bookmark it returned; empty (or {@code null}) on the last page
   */
  synchronized void read(int page, String next) {
    int newest = starts.size() - 1;
    if (next == null || next.isEmpty()) {
      if (page == newest) {
        lastPage = page;
      }
    } else if (page == newest) {
      starts.add(next);
      if (lastPage == page) {
        lastPage = -1; // records were added after the end was seen: walk on
      }
    }
  }

  /**
   * Records a failed read: the newest known page is handed out again.
   *
   * @param page the page whose read failed
   */
  synchronized void failed(int page) {
    if (page == starts.size() - 1 && lastPage < 0 && cursor > page) {
      cursor = page;
    }
  }

  /**
   * Returns how many pages of the listing are known so far.
   *
   * @return pages whose bookmark is known (at least 1: the first)
   */
  synchronized int pagesKnown() {
    return starts.size();
  }

  /**
   * Says whether the walk has seen the last page.
   *
   * @return true once a page returned an empty bookmark
   */
  synchronized boolean endSeen() {
    return lastPage >= 0;
  }

  /**
   * Returns how many times the walk started again from the first page.
   *
   * @return the count
   */
  synchronized long restarts() {
    return restarts;
  }

  /**
   * Says whether a page is what a page read must give: full, or the last page with at least one
   * record.
   *
   * @param fetched records in the page
   * @param next the bookmark it returned
   * @param pageSize the page size asked for
   * @return true for a full page or a non-empty last page
   */
  static boolean fullOrLast(int fetched, String next, int pageSize) {
    boolean last = next == null || next.isEmpty();
    return fetched == pageSize || (last && fetched > 0 && fetched < pageSize);
  }
}
