package org.planwright.app.main;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** The AtlantaFX themes the View menu switches between at run time. */
public enum Theme {
    /** AtlantaFX Primer Light. */
    LIGHT,
    /** AtlantaFX Primer Dark. */
    DARK;

    /** Makes this theme the user-agent stylesheet of the whole application. FX thread only. */
    public void apply() {
        Application.setUserAgentStylesheet(this == LIGHT
                ? new PrimerLight().getUserAgentStylesheet()
                : new PrimerDark().getUserAgentStylesheet());
    }
}
