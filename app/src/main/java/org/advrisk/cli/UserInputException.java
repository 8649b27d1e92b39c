package org.advrisk.cli;

/** A mistake of the user (bad flag value, unreadable file): reported in one line with exit code 2. */
public final class UserInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserInputException(String message) {
        super(message);
    }
}
