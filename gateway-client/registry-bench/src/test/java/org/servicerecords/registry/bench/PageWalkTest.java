package org.servicerecords.registry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bookmark walk of {@code list-page}, without a network: pages handed out and restarts. */
class PageWalkTest {

  @Test
  void oneInFlightWalksThePagesInOrderAndStartsAgainAfterTheLast() {
    PageWalk walk = new PageWalk();

    PageWalk.Claim first = walk.claim();
    assertThat(first).isEqualTo(new PageWalk.Claim(0, ""));
    walk.read(0, "b1");
    assertThat(walk.claim()).isEqualTo(new PageWalk.Claim(1, "b1"));
    walk.read(1, "b2");
    assertThat(walk.claim()).isEqualTo(new PageWalk.Claim(2, "b2"));
    walk.read(2, "");
    assertThat(walk.endSeen()).isTrue();
    assertThat(walk.pagesKnown()).isEqualTo(3);

    assertThat(walk.claim()).isEqualTo(new PageWalk.Claim(0, ""));
    assertThat(walk.restarts()).isEqualTo(1);
    walk.read(0, "b1");
    assertThat(walk.claim()).isEqualTo(new PageWalk.Claim(1, "b1"));
    assertThat(walk.pagesKnown()).isEqualTo(3);
  }

  @Test
  void anOperationWhoseNextPageIsNotKnownYetRereadsAKnownPage() {
    PageWalk walk = new PageWalk();
    assertThat(walk.claim().page()).isZero();
    // page 0 in flight: its successor is unknown, so the others re-read page 0
    assertThat(walk.claim()).isEqualTo(new PageWalk.Claim(0, ""));
    assertThat(walk.claim()).isEqualTo(new PageWalk.Claim(0, ""));

    walk.read(0, "b1");
    walk.read(0, "b1"); // the re-reads answer the same bookmark: known once
    assertThat(walk.pagesKnown()).isEqualTo(2);
    assertThat(walk.claim()).isEqualTo(new PageWalk.Claim(1, "b1"));
    PageWalk.Claim reread = walk.claim();
    assertThat(reread.page()).isBetween(0, 1);
    assertThat(reread.bookmark()).isEqualTo(reread.page() == 0 ? "" : "b1");
    assertThat(walk.endSeen()).isFalse();
  }

  @Test
  void aFailedReadOfTheNewestPageHandsItOutAgain() {
    PageWalk walk = new PageWalk();
    walk.claim();
    walk.read(0, "b1");
    PageWalk.Claim second = walk.claim();
    walk.failed(second.page());

    assertThat(walk.claim()).isEqualTo(new PageWalk.Claim(1, "b1"));
  }

  @Test
  void recordsAddedAfterTheEndWasSeenExtendTheWalk() {
    PageWalk walk = new PageWalk();
    walk.claim();
    walk.read(0, "");
    assertThat(walk.endSeen()).isTrue();
    assertThat(walk.claim().page()).isZero();
    walk.read(0, "b1");

    assertThat(walk.endSeen()).isFalse();
    assertThat(walk.claim()).isEqualTo(new PageWalk.Claim(1, "b1"));
  }

  @Test
  void aPageMustBeFullOrTheNonEmptyLast() {
    assertThat(PageWalk.fullOrLast(100, "next", 100)).isTrue();
    assertThat(PageWalk.fullOrLast(100, "", 100)).isTrue();
    assertThat(PageWalk.fullOrLast(37, "", 100)).isTrue();
    assertThat(PageWalk.fullOrLast(37, null, 100)).isTrue();
    assertThat(PageWalk.fullOrLast(37, "next", 100)).isFalse();
    assertThat(PageWalk.fullOrLast(0, "", 100)).isFalse();
  }
}
