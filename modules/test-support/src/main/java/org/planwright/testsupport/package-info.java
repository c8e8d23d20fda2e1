/** Planwright testsupport. */
package org.planwright.testsupport;
