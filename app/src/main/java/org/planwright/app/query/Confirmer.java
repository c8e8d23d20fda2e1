package org.planwright.app.query;

/** Asks the user a yes/no question before something irreversible. Called on the FX thread. */
@FunctionalInterface
public interface Confirmer {

    /**
     * @param header   short headline, e.g. "Run a data-changing statement?"
     * @param question the details
     * @return true when the user agreed
     */
    boolean confirm(String header, String question);
}
