package org.planwright.store;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.api.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns H2's {@link SQLException}s into {@link StoreException}s whose message says what failed and what to do.
 * The H2 message (which quotes SQL and internal names) goes to the log only. Codes from {@link ErrorCode}.
 */
final class SqlErrors {

    private static final Logger LOG = LoggerFactory.getLogger(SqlErrors.class);

    /** A quoted schema name in an H2 message: "NAME ...", "PUBLIC.WORKSPACE_NAME_UNIQUE..." */
    private static final Pattern QUOTED_NAME = Pattern.compile("\"(?:PUBLIC\\.)?([A-Z_]+)(?:\\.([A-Z_]+))?");

    private SqlErrors() {
    }

    /**
     * @param what what was being done, as a verb phrase: "save the plan capture"
     * @param e    what H2 reported
     * @return the exception to throw
     */
    static StoreException translate(String what, SQLException e) {
        StoreException.Reason reason = reasonOf(e.getErrorCode());
        String advice = switch (reason) {
            case LOCKED -> "the store is open in another running Planwright; close that one and try again.";
            case DAMAGED -> "the store file is damaged or not a Planwright store; it was left as it is.";
            case NOT_ACCESSIBLE -> "the store file cannot be read or written (check permissions and free disk space).";
            case INVALID -> "a value is missing, too long or not allowed" + constraintHint(e) + ".";
            case NOT_FOUND -> "the workspace it belongs to does not exist (was it deleted?).";
            case ENCRYPTED -> "the store is encrypted and its master password is missing or wrong.";
            case CONFLICT -> "a record with the same key or name already exists" + constraintHint(e) + ".";
            case NEWER_SCHEMA, FAILED -> e.getErrorCode() == ErrorCode.LOCK_TIMEOUT_1
                    ? "the store stayed busy with another task for too long; try again."
                    : "the database reported error " + e.getErrorCode() + "; see the log.";
        };
        switch (reason) {
            // the input or the record's state: the caller shows the message; no need to alarm the log
            case INVALID, NOT_FOUND, CONFLICT -> LOG.debug("Could not {}: H2 error {} ({})", what, e.getErrorCode(),
                    e.getMessage());
            default -> LOG.warn("Could not {}: H2 error {} ({})", what, e.getErrorCode(), e.getMessage());
        }
        return new StoreException(reason, "Could not " + what + ": " + advice, e);
    }

    static StoreException.Reason reasonOf(int errorCode) {
        return switch (errorCode) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> StoreException.Reason.LOCKED;
            case ErrorCode.FILE_CORRUPTED_1, ErrorCode.FILE_VERSION_ERROR_1, ErrorCode.FILE_ENCRYPTION_ERROR_1,
                 ErrorCode.WRONG_USER_OR_PASSWORD -> StoreException.Reason.DAMAGED;
            case ErrorCode.IO_EXCEPTION_1, ErrorCode.IO_EXCEPTION_2, ErrorCode.FILE_CREATION_FAILED_1,
                 ErrorCode.FILE_RENAME_FAILED_2, ErrorCode.FILE_DELETE_FAILED_1, ErrorCode.DATABASE_IS_READ_ONLY
                 -> StoreException.Reason.NOT_ACCESSIBLE;
            case ErrorCode.VALUE_TOO_LONG_2, ErrorCode.NULL_NOT_ALLOWED, ErrorCode.CHECK_CONSTRAINT_VIOLATED_1,
                 ErrorCode.DATA_CONVERSION_ERROR_1 -> StoreException.Reason.INVALID;
            case ErrorCode.REFERENTIAL_INTEGRITY_VIOLATED_PARENT_MISSING_1 -> StoreException.Reason.NOT_FOUND;
            case ErrorCode.DUPLICATE_KEY_1 -> StoreException.Reason.CONFLICT;
            default -> StoreException.Reason.FAILED;
        };
    }

    /** Names the violated column or constraint when H2's message shows one (names are the schema's own). */
    private static String constraintHint(SQLException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        Matcher q = QUOTED_NAME.matcher(m);
        if (q.find()) {
            String name = q.group(2) != null ? q.group(2) : q.group(1);
            return " (" + name.toLowerCase(Locale.ROOT) + ")";
        }
        return "";
    }

    static Optional<SQLException> sqlCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    static String firstLine(String s) {
        if (s == null) {
            return "no details";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
