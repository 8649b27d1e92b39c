package org.advrisk.explore;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own refusals (a request line too long, 414; headers too large, 431; a malformed request,
 * 400) in the API's JSON error format instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        String why = message == null || message.isBlank() ? org.eclipse.jetty.http.HttpStatus.getMessage(code) : message;
        RequestGuard.write(response, callback, code, new ApiError("request", null, null,
                "request: refused by the server (HTTP " + code + ": " + why + ")"));
    }
}
