/** The OS keychain ({@link org.planwright.keychain.OsKeychain}) for the store's encryption at rest (ADR 0023). */
package org.planwright.keychain;
