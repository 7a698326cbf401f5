package org.servicerecords.registry.client.ca;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into memory up to a limit. An answer whose {@code Content-Length} is over
 * the limit is refused before any of its body is read; one that streams past the limit is refused
 * there. Either way the subscription is cancelled, which makes the HTTP client close the
 * connection: nothing more is read. Body parts are requested one at a time, so no more than one
 * part is ever waiting beyond what was counted.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

  /** The answer was refused at the limit; carries what the message needs. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final long declared;

    TooLarge(int status, long declared, int limit) {
      super(
          declared > limit
              ? "declared " + declared + " bytes, more than " + limit
              : "more than " + limit + " bytes");
      this.status = status;
      this.declared = declared;
    }

    /** The HTTP status of the answer. */
    int status() {
      return status;
    }

    /** The length the answer declared, or -1 when it declared none (or one within the limit). */
    long declared() {
      return declared;
    }
  }

  private final int limit;
  private final int status;
  private final long declared;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> body = new CompletableFuture<>();
  private Flow.Subscription subscription;

  private BoundedBody(int limit, int status, long declared) {
    this.limit = limit;
    this.status = status;
    this.declared = declared;
  }

  /**
   * A body handler reading at most {@code limit} bytes.
   *
   * @param limit the most bytes of body accepted
   * @return the handler
   */
  static HttpResponse.BodyHandler<byte[]> handler(int limit) {
    return info -> new BoundedBody(limit, info.statusCode(), declaredLength(info.headers()));
  }

  /**
   * The {@code Content-Length} of an answer, or -1 when it has none (chunked) or a malformed one.
   */
  private static long declaredLength(HttpHeaders headers) {
    try {
      return headers.firstValueAsLong("Content-Length").orElse(-1);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (declared > limit) {
      refuse(declared);
      return;
    }
    subscription.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (body.isDone()) {
      return;
    }
    for (ByteBuffer item : items) {
      if ((long) bytes.size() + item.remaining() > limit) {
        refuse(-1);
        return;
      }
      byte[] part = new byte[item.remaining()];
      item.get(part);
      bytes.write(part, 0, part.length);
    }
    subscription.request(1);
  }

  @Override
  public void onError(Throwable failure) {
    body.completeExceptionally(failure);
  }

  @Override
  public void onComplete() {
    body.complete(bytes.toByteArray());
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return body;
  }

  private void refuse(long declaredLength) {
    subscription.cancel();
    body.completeExceptionally(new TooLarge(status, declaredLength, limit));
  }
}
