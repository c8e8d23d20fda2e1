/**
 * Target-database access. Entry points: {@link org.planwright.targetdb.PasswordSource} (where a password comes
 * from), {@link org.planwright.targetdb.TargetConnector} (opens a {@link org.planwright.targetdb.TargetSession}),
 * and the session's {@code execute}, {@code explain} and {@code checkSyntax}. Every failure is a
 * {@link org.planwright.targetdb.TargetException} with a {@link org.planwright.targetdb.TargetException.Reason}
 * and a one-line message a DBA can act on.
 */
package org.planwright.targetdb;
