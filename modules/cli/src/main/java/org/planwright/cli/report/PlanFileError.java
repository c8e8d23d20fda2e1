package org.planwright.cli.report;

/**
 * Why a plan file could not be read: the plan parser's complaint with its position in the file.
 *
 * @param message what was expected or found there, one line, without the position
 * @param line    1-based line in the file
 * @param column  1-based column in that line (UTF-16 chars)
 */
public record PlanFileError(String message, int line, int column) {

    /**
     * @param file the file's display name
     * @return the error as compilers print it: {@code file:line:column: message}
     */
    public String positioned(String file) {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
