/** Planwright store. */
package org.planwright.store;
