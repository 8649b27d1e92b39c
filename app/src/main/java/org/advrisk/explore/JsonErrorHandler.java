package org.advrisk.explore;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own refusals (a request line too long, 414; headers too large, 431; a malformed request,
 * 400; a body that missed its deadline, 408) in the API's JSON error format instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof RequestGuard.BodyTimeout t) { // the body deadline's timer failed the request: 408
                RequestGuard.write(response, callback, 408, new ApiError("request", null, "a body complete within "
                        + Limits.BODY_DEADLINE_MS / 1000 + " s", t.getMessage()));
                return;
            }
        }
        String why = message == null || message.isBlank() ? org.eclipse.jetty.http.HttpStatus.getMessage(code) : message;
        RequestGuard.write(response, callback, code, new ApiError("request", null, null,
                "request: refused by the server (HTTP " + code + ": " + why + ")"));
    }
}
