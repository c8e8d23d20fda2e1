/**
 * The operating system's keychain behind the store's {@code Keychain} interface (ADR 0023): java-keyring for the
 * macOS Keychain, the Windows Credential Manager and the Secret Service over D-Bus. Kept out of the store module so
 * that the store stays free of native and D-Bus libraries; the CLI and the app wire it in.
 */
module org.planwright.keychain {
    requires transitive org.planwright.store;
    // automatic module (no descriptor): the name comes from the jar file name, java-keyring-<version>.jar
    requires java.keyring;
    requires org.slf4j;
    exports org.planwright.keychain;
}
