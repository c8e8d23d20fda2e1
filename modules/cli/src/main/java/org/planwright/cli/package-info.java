/** Planwright cli. */
package org.planwright.cli;
