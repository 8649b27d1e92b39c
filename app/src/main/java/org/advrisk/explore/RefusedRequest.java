package org.advrisk.explore;

/** A request the API refuses: an HTTP status and the {@link ApiError} body. */
final class RefusedRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final transient ApiError error;

    RefusedRequest(int status, ApiError error) {
        super(error.message());
        this.status = status;
        this.error = error;
    }

    RefusedRequest(ApiError error) {
        this(400, error);
    }

    int status() {
        return status;
    }

    ApiError error() {
        return error;
    }
}
