package org.servicerecords.registry.portal;

import com.google.gson.Gson;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answer to a request Jetty refuses before the portal's routes see it (a malformed percent
 * escape such as {@code %zz} or {@code %00}, headers too large): the portal's JSON error with its
 * security headers, in place of Jetty's own HTML page.
 */
final class MalformedRequestAnswer implements Request.Handler {

  private static final Gson GSON = new Gson();

  private final SecurityHeaders securityHeaders;

  MalformedRequestAnswer(SecurityHeaders securityHeaders) {
    this.securityHeaders = securityHeaders;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status =
        request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer code
            ? code
            : response.getStatus();
    if (status < 400) {
      status = 400;
    }
    ApiError error =
        status == 413
            ? ApiError.PAYLOAD_TOO_LARGE
            : status >= 500 ? ApiError.INTERNAL_ERROR : ApiError.INVALID_REQUEST;
    String message =
        error == ApiError.INTERNAL_ERROR
            ? "the portal failed; the failure is in its log"
            : "the request is malformed";
    byte[] body =
        GSON.toJson(Map.of("error", Map.of("code", error.name(), "message", message)))
            .getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    securityHeaders.headers().forEach((name, value) -> response.getHeaders().put(name, value));
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }
}
