/**
 * Target-database access. Entry points: {@link org.planwright.target.PasswordSource} (where a password comes
 * from), {@link org.planwright.target.TargetConnector} (opens a {@link org.planwright.target.TargetSession}),
 * and the session's {@code execute}, {@code explain} and {@code checkSyntax}. Every failure is a
 * {@link org.planwright.target.TargetException} with a {@link org.planwright.target.TargetException.Reason}
 * and a one-line message a DBA can act on.
 */
package org.planwright.target;
