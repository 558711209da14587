package org.securesocket.shell;

/** Thrown by a {@link Command} for arguments it cannot accept; reported with the command's usage. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
