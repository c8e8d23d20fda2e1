/**
 * Flyway migrations of the workbench store ({@code V<n>__<what>.sql} resources beside this file's package). This
 * file only exists so that {@code module-info.java} may {@code opens} the package to Flyway on the module path.
 */
package db.migration;
